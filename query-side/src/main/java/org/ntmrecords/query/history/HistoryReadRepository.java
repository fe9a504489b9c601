package org.ntmrecords.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ntmrecords.query.common.Json;
import org.ntmrecords.query.common.Sql;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads histories: one statement per page, whatever the number of subjects (a unit and its predecessors). */
@Repository
public class HistoryReadRepository {
    private final NamedParameterJdbcTemplate jdbc;

    public HistoryReadRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A document an event cites: a decision, plan, report or evidence. */
    public record Document(String number, LocalDate date, String issuer, String title) {
    }

    /** What to keep of a history; {@code null} fields do not filter. */
    public record Filter(Instant recordedFrom, Instant recordedTo, LocalDate businessFrom, LocalDate businessTo,
                         String actor, List<String> types, String correlationId) {
    }

    /**
     * A page of the events belonging to any of the subjects, in store order, after (or before) a position.
     *
     * @param subjects subject key → the unit code an entry from it is attributed to (null: the subject itself)
     */
    public List<HistoryEntryView> page(Map<String, String> subjects, Filter filter, Long afterPosition,
                                       boolean forward, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("subjects", subjects.keySet());
        StringBuilder where = where(filter, params);
        if (afterPosition != null) {
            where.append(forward ? " and s.position > :after" : " and s.position < :after");
            params.addValue("after", afterPosition);
        }
        String direction = forward ? "" : " desc";
        // an event may belong to several of the subjects (a merger is in both units' histories): once, preferring
        // the subject asked about over a predecessor's
        String own = subjects.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey)
                .findFirst().orElse("");
        params.addValue("own", own);
        params.addValue("limit", limit);
        String sql = "select * from (select distinct on (s.position) s.subject, h.* "
                + "from read_model.history_subject s join read_model.history_event h on h.position = s.position "
                + "where " + where + " order by s.position" + direction + ", (s.subject = :own) desc) page "
                + "order by position" + direction + " limit :limit";
        List<HistoryEntryView> rows = new ArrayList<>(jdbc.query(sql, params,
                (rs, n) -> entry(rs, subjects.get(rs.getString("subject")))));
        if (!forward) {
            Collections.reverse(rows);
        }
        return rows;
    }

    /** How many events belong to any of the subjects with the filter (every page of {@link #page} together). */
    public long count(Map<String, String> subjects, Filter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource("subjects", subjects.keySet());
        Long count = jdbc.queryForObject("select count(distinct s.position) from read_model.history_subject s"
                + " join read_model.history_event h on h.position = s.position where " + where(filter, params),
                params, Long.class);
        return count == null ? 0 : count;
    }

    private static StringBuilder where(Filter filter, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder("s.subject in (:subjects)");
        if (filter.recordedFrom() != null) {
            where.append(" and h.recorded_at >= :recordedFrom");
            params.addValue("recordedFrom", Sql.timestamp(filter.recordedFrom()));
        }
        if (filter.recordedTo() != null) {
            where.append(" and h.recorded_at <= :recordedTo");
            params.addValue("recordedTo", Sql.timestamp(filter.recordedTo()));
        }
        if (filter.businessFrom() != null) {
            where.append(" and coalesce(h.business_end, h.business_start) >= :businessFrom");
            params.addValue("businessFrom", Sql.date(filter.businessFrom()));
        }
        if (filter.businessTo() != null) {
            where.append(" and h.business_start <= :businessTo");
            params.addValue("businessTo", Sql.date(filter.businessTo()));
        }
        if (filter.actor() != null) {
            where.append(" and h.actor = :actor");
            params.addValue("actor", filter.actor());
        }
        if (filter.types() != null && !filter.types().isEmpty()) {
            where.append(" and h.event_type in (:types)");
            params.addValue("types", filter.types());
        }
        if (filter.correlationId() != null) {
            where.append(" and h.correlation_id = :correlationId");
            params.addValue("correlationId", filter.correlationId());
        }
        return where;
    }

    private static HistoryEntryView entry(java.sql.ResultSet rs, String attributedTo) throws java.sql.SQLException {
        return new HistoryEntryView(
                rs.getLong("position"), rs.getString("event_id"), rs.getString("event_type"), rs.getString("stream"),
                (Long) rs.getObject("stream_seq"), Sql.instant(rs, "recorded_at"), rs.getString("actor"),
                rs.getString("actor_role"), rs.getString("actor_unit"), rs.getString("actor_agency"),
                rs.getString("correlation_id"), rs.getString("causation_id"), Sql.localDate(rs, "business_start"),
                Sql.localDate(rs, "business_end"), rs.getString("unit_code"), rs.getString("set_id"),
                rs.getString("summary"), documents(rs.getString("documents")), rs.getString("payload"),
                attributedTo);
    }

    /**
     * Every event of each subject, in store order, for many subjects in one statement (at most {@code limit}
     * events in all): a list's timelines without a query per row.
     */
    public Map<String, List<HistoryEntryView>> ofSubjects(java.util.Collection<String> subjects, int limit) {
        if (subjects.isEmpty()) {
            return Map.of();
        }
        Map<String, List<HistoryEntryView>> bySubject = new java.util.HashMap<>();
        jdbc.query("""
                select s.subject, h.* from read_model.history_subject s
                join read_model.history_event h on h.position = s.position
                where s.subject in (:subjects) order by s.subject, s.position limit :limit""",
                new MapSqlParameterSource("subjects", subjects).addValue("limit", limit), rs -> {
                    bySubject.computeIfAbsent(rs.getString("subject"), k -> new ArrayList<>()).add(entry(rs, null));
                });
        return bySubject;
    }

    /** Documents as stored: document references and legal bases (whose number is the decision). */
    private static List<Document> documents(String json) {
        List<Document> documents = new ArrayList<>();
        for (JsonNode node : Json.tree(json)) {
            String number = node.hasNonNull("number") ? node.get("number").asText()
                    : node.hasNonNull("decision") ? node.get("decision").asText() : null;
            if (number == null) {
                continue;
            }
            documents.add(new Document(number, node.hasNonNull("date") ? LocalDate.parse(node.get("date").asText()) : null,
                    node.hasNonNull("issuer") ? node.get("issuer").asText() : null,
                    node.hasNonNull("title") ? node.get("title").asText() : null));
        }
        return documents;
    }
}
