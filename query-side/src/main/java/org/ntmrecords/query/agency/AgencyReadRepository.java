package org.ntmrecords.query.agency;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.Json;
import org.ntmrecords.query.common.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The agencies of a unit and what each answers for. */
@Repository
public class AgencyReadRepository {
    private final NamedParameterJdbcTemplate jdbc;

    public AgencyReadRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record AgencyView(String agencyId, String name, String unitCode, DocumentRef basis, Instant registeredAt) {
    }

    public record ResponsibilityView(String agencyId, String setId, String kind, String code, DocumentRef basis,
                                     Instant assignedAt) {
    }

    private static final RowMapper<AgencyView> ROW = (rs, n) -> new AgencyView(rs.getString("agency_id"),
            rs.getString("name"), rs.getString("unit_code"),
            Json.read(rs.getString("basis"), new TypeReference<DocumentRef>() { }), Sql.instant(rs, "registered_at"));

    public List<AgencyView> agencies(String unitCode) {
        unitCode = Args.text("unitCode", unitCode);
        String sql = "select * from read_model.agency" + (unitCode == null ? "" : " where unit_code = :unit")
                + " order by agency_id";
        return jdbc.query(sql, unitCode == null ? Map.of() : Map.of("unit", unitCode), ROW);
    }

    /** One agency by its id. */
    public Optional<AgencyView> find(String agencyId) {
        return jdbc.query("select * from read_model.agency where agency_id = :id", Map.of("id", agencyId), ROW)
                .stream().findFirst();
    }

    public Map<AgencyView, List<ResponsibilityView>> responsibilities(List<AgencyView> agencies) {
        if (agencies.isEmpty()) {
            return Map.of();
        }
        Map<String, List<ResponsibilityView>> byAgency = jdbc.query(
                        "select * from read_model.responsibility where agency_id in (:ids) order by set_id, kind, code",
                        Map.of("ids", agencies.stream().map(AgencyView::agencyId).toList()),
                        (rs, n) -> new ResponsibilityView(rs.getString("agency_id"), rs.getString("set_id"),
                                rs.getString("kind"), rs.getString("code"),
                                Json.read(rs.getString("basis"), DocumentRef.class), Sql.instant(rs, "assigned_at")))
                .stream().collect(Collectors.groupingBy(ResponsibilityView::agencyId));
        Map<AgencyView, List<ResponsibilityView>> result = new LinkedHashMap<>();
        agencies.forEach(a -> result.put(a, byAgency.getOrDefault(a.agencyId(), List.of())));
        return result;
    }
}
