package org.ntmrecords.query.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ntmrecords.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the security log ({@code security.denied_attempt}, written by the service's security layer, append-only):
 * refused requests, newest first, for administrators and auditors (the API's read policy restricts who may ask).
 */
@Repository
public class SecurityLogReadRepository {
    private final JdbcTemplate jdbc;

    public SecurityLogReadRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A refused request: who tried what on which unit, when, from where, and each thing refused in it. */
    public record DeniedAttemptView(long id, Instant at, String actor, String role, String unitCode, String agencyId,
                                    String command, String targetUnit, String reason, String correlationId,
                                    String clientAddress, int refusalCount, List<String> refusals) {
    }

    /**
     * A page of the log, newest first: going forward, the entries older than {@code afterId} (from the newest when
     * null); going backward, the entries newer than it (from the oldest when null). Newest first either way.
     */
    public List<DeniedAttemptView> page(Long afterId, boolean forward, int limit) {
        String where = afterId == null ? "" : forward ? " where id < ?" : " where id > ?";
        String sql = "select * from security.denied_attempt" + where + " order by id" + (forward ? " desc" : "")
                + " limit ?";
        List<DeniedAttemptView> rows = new ArrayList<>(afterId == null ? jdbc.query(sql, (rs, n) -> row(rs), limit)
                : jdbc.query(sql, (rs, n) -> row(rs), afterId, limit));
        if (!forward) {
            Collections.reverse(rows);
        }
        return rows;
    }

    /** How many entries the log holds (every page of {@link #page} together). */
    public long count() {
        Long count = jdbc.queryForObject("select count(*) from security.denied_attempt", Long.class);
        return count == null ? 0 : count;
    }

    private static DeniedAttemptView row(ResultSet rs) throws SQLException {
        return new DeniedAttemptView(rs.getLong("id"), Sql.instant(rs, "at"), rs.getString("actor"),
                rs.getString("role"), rs.getString("unit_code"), rs.getString("agency_id"), rs.getString("command"),
                rs.getString("target_unit"), rs.getString("reason"), rs.getString("correlation_id"),
                rs.getString("client_address"), rs.getInt("refusal_count"),
                List.copyOf(Sql.strings(rs, "refusals")));
    }
}
