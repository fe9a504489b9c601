package org.ntmrecords.infra.api.account;

import java.time.Instant;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;

/** The refused attempts, newest first (administrators and auditors; see {@link FieldAccessPolicy}). */
@Controller
public class SecurityLogQueries {
    private final JdbcTemplate jdbc;
    private final org.ntmrecords.infra.api.Paging paging;

    public SecurityLogQueries(JdbcTemplate jdbc, org.ntmrecords.infra.api.Paging paging) {
        this.jdbc = jdbc;
        this.paging = paging;
    }

    public record DeniedAttempt(long id, Instant at, String actor, String role, String unitCode, String agencyId,
                                String command, String targetUnit, String reason, String correlationId,
                                String clientAddress, int refusalCount, List<String> refusals) {
    }

    @QueryMapping
    public List<DeniedAttempt> securityLog(@Argument Integer first, @Argument String before) {
        int size = paging.request("securityLog", first, null, null, null).size();
        long cursor;
        try {
            cursor = before == null ? Long.MAX_VALUE : Long.parseLong(before);
        } catch (NumberFormatException e) {
            throw new org.ntmrecords.query.common.InvalidArgumentException("'before' is the id of an entry");
        }
        return jdbc.query("select * from security.denied_attempt where id < ? order by id desc limit ?",
                (rs, n) -> new DeniedAttempt(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("role"), rs.getString("unit_code"), rs.getString("agency_id"),
                        rs.getString("command"), rs.getString("target_unit"), rs.getString("reason"),
                        rs.getString("correlation_id"), rs.getString("client_address"), rs.getInt("refusal_count"),
                        List.of((String[]) rs.getArray("refusals").getArray())), cursor, size);
    }
}
