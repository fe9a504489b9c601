package org.ntmrecords.query.criteria;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.query.common.Json;
import org.ntmrecords.query.common.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads published criteria set versions. */
@Repository
public class CriteriaSetReadRepository {
    private static final RowMapper<CriteriaSetVersionView> ROW = (rs, n) -> CriteriaSetVersionView.of(
            Json.read(rs.getString("definition"), CriteriaSetDefinition.class),
            Json.read(rs.getString("amendment"), CriteriaSetVersionView.Amendment.class),
            Sql.instant(rs, "published_at"), rs.getString("published_by"));
    private static final String SELECT = """
            select v.definition::text as definition, v.amendment::text as amendment, v.published_at, v.published_by
            from read_model.criteria_set_version v""";

    private final NamedParameterJdbcTemplate jdbc;

    public CriteriaSetReadRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<CriteriaSetVersionView> latestOfAll() {
        return jdbc.query(SELECT + " join read_model.criteria_set s on s.set_id = v.set_id"
                + " and s.latest_version = v.version order by v.set_id", ROW);
    }

    public Optional<CriteriaSetVersionView> find(String setId, Integer version) {
        MapSqlParameterSource params = new MapSqlParameterSource("setId", setId);
        String sql;
        if (version == null) {
            sql = SELECT + " join read_model.criteria_set s on s.set_id = v.set_id"
                    + " and s.latest_version = v.version where v.set_id = :setId";
        } else {
            sql = SELECT + " where v.set_id = :setId and v.version = :version";
            params.addValue("version", version);
        }
        return jdbc.query(sql, params, ROW).stream().findFirst();
    }

    public List<CriteriaSetVersionView> versions(String setId) {
        return jdbc.query(SELECT + " where v.set_id = :setId order by v.version", Map.of("setId", setId), ROW);
    }

    /** The given versions, in one statement. */
    public Map<CriteriaSetVersionView.Key, CriteriaSetVersionView> findAll(Collection<CriteriaSetVersionView.Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("ids", keys.stream().map(CriteriaSetVersionView.Key::setId).toArray(String[]::new))
                .addValue("versions", keys.stream().map(CriteriaSetVersionView.Key::version).toArray(Integer[]::new));
        return jdbc.query(SELECT + " join unnest(:ids, :versions) as k(set_id, version)"
                        + " on k.set_id = v.set_id and k.version = v.version", params, ROW)
                .stream().collect(Collectors.toMap(CriteriaSetVersionView::key, Function.identity()));
    }

    /**
     * The version of a set in force on {@code date} as known at {@code at}: among the versions published by then,
     * the highest whose effective date is on or before {@code date} (as the scorecards adopt them).
     */
    public Optional<CriteriaSetVersionView> inForce(String setId, LocalDate date, Instant at) {
        return jdbc.query(SELECT + " where v.set_id = :setId and v.effective_from <= :date and v.published_at <= :at"
                        + " order by v.version desc limit 1",
                new MapSqlParameterSource("setId", setId).addValue("date", Sql.date(date))
                        .addValue("at", Sql.timestamp(at)), ROW).stream().findFirst();
    }
}
