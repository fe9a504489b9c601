package org.ntmrecords.query.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.unit.Successor;
import org.ntmrecords.query.common.Json;
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
            Sql.instant(rs, "updated_at"), rs.getObject("ceased_on", LocalDate.class));
    private static final RowMapper<Succession> SUCCESSION = (rs, n) -> new Succession(rs.getString("predecessor_code"),
            rs.getString("successor_code"), Successor.Share.valueOf(rs.getString("share")),
            rs.getObject("effective_from", LocalDate.class),
            rs.getString("basis") == null ? null : Json.read(rs.getString("basis"), DocumentRef.class));

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
        filters(search, kind, parentCode, sql, params);
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

    /** How many units match the filters (every page of {@link #search} together). */
    public long count(String search, UnitKind kind, String parentCode) {
        StringBuilder sql = new StringBuilder("select count(*) from read_model.unit where true");
        MapSqlParameterSource params = new MapSqlParameterSource();
        filters(search, kind, parentCode, sql, params);
        Long count = jdbc.queryForObject(sql.toString(), params, Long.class);
        return count == null ? 0 : count;
    }

    private static void filters(String search, UnitKind kind, String parentCode, StringBuilder sql,
                                MapSqlParameterSource params) {
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
    }

    /** Who took over each given unit: its successors, by predecessor code. */
    public Map<String, List<Succession>> successorsOf(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("select * from read_model.unit_succession where predecessor_code in (:codes) "
                        + "order by predecessor_code, successor_code", Map.of("codes", codes), SUCCESSION)
                .stream().collect(Collectors.groupingBy(Succession::predecessorCode));
    }

    /** Whom each given unit took over (directly): its predecessors, by successor code. */
    public Map<String, List<Succession>> predecessorsOf(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("select * from read_model.unit_succession where successor_code in (:codes) "
                        + "order by successor_code, predecessor_code", Map.of("codes", codes), SUCCESSION)
                .stream().collect(Collectors.groupingBy(Succession::successorCode));
    }

    /**
     * The given unit and every unit it took over, directly or through earlier mergers, nearest first: the units
     * whose records a successor's history includes.
     */
    public List<String> lineage(String code) {
        return jdbc.queryForList("""
                with recursive line(code, depth) as (
                    select cast(:code as varchar(64)), 0
                    union
                    select s.predecessor_code, line.depth + 1
                    from read_model.unit_succession s join line on s.successor_code = line.code
                    where line.depth < 10)
                select code from line group by code order by min(depth), code""", Map.of("code", code), String.class);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
