package org.ntmrecords.query.unit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ntmrecords.events.unit.UnitKind;
import org.ntmrecords.query.common.Sql;
import org.ntmrecords.query.common.VietnameseText;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads {@code read_model.unit}. Every method issues one statement, whatever the number of codes asked for. */
@Repository
public class UnitReadRepository {
    private static final RowMapper<UnitView> ROW = (rs, n) -> new UnitView(rs.getString("code"),
            rs.getString("name"), rs.getString("full_name"), UnitKind.valueOf(rs.getString("kind")),
            rs.getInt("level"), rs.getString("parent_code"), Sql.instant(rs, "registered_at"),
            Sql.instant(rs, "updated_at"));

    private final NamedParameterJdbcTemplate jdbc;

    public UnitReadRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public java.util.Optional<UnitView> find(String code) {
        return jdbc.query("select * from read_model.unit where code = :code", Map.of("code", code), ROW)
                .stream().findFirst();
    }

    public Map<String, UnitView> findAll(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("select * from read_model.unit where code in (:codes)", Map.of("codes", codes), ROW)
                .stream().collect(Collectors.toMap(UnitView::code, Function.identity()));
    }

    /** Children of each given parent, ordered by code. */
    public Map<String, List<UnitView>> childrenOf(Collection<String> parentCodes) {
        if (parentCodes.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("select * from read_model.unit where parent_code in (:codes) order by code",
                        Map.of("codes", parentCodes), ROW)
                .stream().collect(Collectors.groupingBy(UnitView::parentCode));
    }

    /**
     * A page of units matching the filters, in (level, code) order, after or before a keyset position.
     * The search compares folded text, so it ignores diacritics, tone-mark placement and Unicode form.
     */
    public List<UnitView> search(String search, UnitKind kind, String parentCode, Integer afterLevel,
                                 String afterCode, boolean forward, int limit) {
        StringBuilder sql = new StringBuilder("select * from read_model.unit where true");
        MapSqlParameterSource params = new MapSqlParameterSource();
        String folded = VietnameseText.fold(search);
        if (folded != null && !folded.isEmpty()) {
            sql.append(" and (code = :exact or name_folded like :pattern or full_name_folded like :pattern)");
            params.addValue("exact", search.strip());
            params.addValue("pattern", "%" + escapeLike(folded) + "%");
        }
        if (kind != null) {
            sql.append(" and kind = :kind");
            params.addValue("kind", kind.name());
        }
        if (parentCode != null) {
            sql.append(" and parent_code = :parent");
            params.addValue("parent", parentCode);
        }
        if (afterCode != null) {
            sql.append(forward ? " and (level, code) > (:level, :code)" : " and (level, code) < (:level, :code)");
            params.addValue("level", afterLevel);
            params.addValue("code", afterCode);
        }
        sql.append(forward ? " order by level, code" : " order by level desc, code desc");
        sql.append(" limit :limit");
        params.addValue("limit", limit);
        List<UnitView> rows = new ArrayList<>(jdbc.query(sql.toString(), params, ROW));
        if (!forward) {
            java.util.Collections.reverse(rows);
        }
        return rows;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
