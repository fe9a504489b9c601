package org.ntmrecords.infra.security;

import io.github.bucket4j.TimeMeter;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ntmrecords.command.access.Acting;
import org.ntmrecords.command.access.SecurityLog;
import org.ntmrecords.infra.axon.RequestCorrelation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes refused attempts to {@code security.denied_attempt} and to the {@code ntm.security} log, in a
 * transaction of their own: the refused command's transaction rolls back, the record of the refusal stays. Reasons are
 * kept in English, whatever language the refused client asked for: the log is for operators and auditors.
 *
 * <p>One row per refused request: while a GraphQL request is open ({@link #open}), its refusals — a command, each
 * field read in a role that may not — are collected and written as one row when it ends ({@link #close}), naming each
 * thing refused. Rows are rate-limited per actor and address ({@code ntm.security.log.burst} at once, 30, then one
 * every {@code ntm.security.log.one-per}, 2 seconds): a
 * refusal past the limit is counted and the count is written with the next row that gets through, so a flood of
 * refused requests cannot flood the log, and no refusal goes uncounted.
 */
@Component
public class JdbcSecurityLog implements SecurityLog {
    private static final Logger log = LoggerFactory.getLogger("ntm.security");
    /** At most this many refusals are listed in one row; the row counts them all. */
    static final int LISTED_MAX = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separate;
    private final Clock clock;
    private final Map<String, Request> open = new ConcurrentHashMap<>();
    private final RateLimitedRows rows;

    /** A refusal: who tried what on which unit, and why not. */
    record Refusal(Acting acting, String command, String targetUnit, String reason) {
        String describe() {
            return command + (targetUnit == null ? "" : " on " + targetUnit) + ": " + reason;
        }
    }

    /** The refusals of one open request. */
    private record Request(String correlationId, String clientAddress, List<Refusal> refusals) {
    }

    public JdbcSecurityLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                           @Value("${ntm.security.log.burst:30}") int burst,
                           @Value("${ntm.security.log.one-per:2s}") Duration onePer) {
        this.jdbc = jdbc;
        this.rows = new RateLimitedRows(burst, onePer, TimeMeter.SYSTEM_MILLISECONDS);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public void denied(Acting acting, String command, String targetUnit, String reason) {
        Refusal refusal = new Refusal(acting, command, targetUnit, reason);
        Optional<RequestCorrelation.Request> current = RequestCorrelation.request();
        Request request = current.map(c -> open.get(c.requestId())).orElse(null);
        if (request != null) {
            synchronized (request) {
                request.refusals().add(refusal);
            }
            return;
        }
        write(List.of(refusal), current.map(RequestCorrelation.Request::correlationId).orElse(null),
                current.map(RequestCorrelation.Request::clientAddress).orElse(null));
    }

    /** From now until {@link #close}, the refusals of this request are collected into one row. */
    public void open(RequestCorrelation.Request current) {
        open.put(current.requestId(), new Request(current.correlationId(), current.clientAddress(), new ArrayList<>()));
    }

    /** Writes the request's refusals, if any, as one row. */
    public void close(RequestCorrelation.Request current) {
        Request request = open.remove(current.requestId());
        if (request == null) {
            return;
        }
        List<Refusal> refusals;
        synchronized (request) {
            refusals = List.copyOf(request.refusals());
        }
        if (!refusals.isEmpty()) {
            write(refusals, request.correlationId(), request.clientAddress());
        }
    }

    private void write(List<Refusal> refusals, String correlation, String address) {
        Refusal first = refusals.get(0);
        Acting acting = first.acting();
        RateLimitedRows.Decision decision = rows.offer(acting.name(), address, refusals.size());
        if (!decision.write()) {
            return;
        }
        long notWritten = decision.carried();
        LinkedHashSet<String> commands = new LinkedHashSet<>();
        List<String> listed = new ArrayList<>();
        String target = null;
        for (Refusal refusal : refusals) {
            commands.add(refusal.command());
            if (listed.size() < LISTED_MAX) {
                listed.add(refusal.describe());
            }
            target = target == null ? refusal.targetUnit() : target;
        }
        if (refusals.size() > LISTED_MAX) {
            listed.add("… and " + (refusals.size() - LISTED_MAX) + " more");
        }
        if (notWritten > 0) {
            listed.add(notWritten + " earlier refusals of this actor and address were counted here but not written"
                    + " one by one (rate limit)");
        }
        String command = truncate(String.join(", ", commands), 200);
        String reason = refusals.size() == 1 ? first.reason() : refusals.size() + " refused in one request; first: "
                + first.describe();
        int count = (int) Math.min(Integer.MAX_VALUE, refusals.size() + notWritten);
        log.warn("DENIED {} ({}, unit {}, agency {}) from {} {} on unit {}: {} [{} refusals, correlation {}]", acting.name(),
                acting.role(), acting.unitCode(), acting.agencyId(), address, command, target, reason, count, correlation);
        String targetUnit = target;
        separate.executeWithoutResult(status -> jdbc.update("""
                insert into security.denied_attempt (at, actor, role, unit_code, agency_id, command, target_unit,
                    reason, correlation_id, client_address, refusal_count, refusals)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Timestamp.from(clock.instant()), truncate(acting.name(), 200),
                command.startsWith("SIGN_IN") ? null : acting.role().name(),
                acting.unitCode(), acting.agencyId(), command, targetUnit == null ? null : truncate(targetUnit, 64),
                truncate(reason, 2000), correlation, address == null ? null : truncate(address, 64), count,
                listed.toArray(String[]::new)));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
