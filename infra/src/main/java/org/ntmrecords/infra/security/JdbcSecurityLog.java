package org.ntmrecords.infra.security;

import java.sql.Timestamp;
import java.time.Clock;
import org.ntmrecords.command.access.Acting;
import org.ntmrecords.command.access.SecurityLog;
import org.ntmrecords.infra.axon.RequestCorrelation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes refused attempts to {@code security.denied_attempt} and to the {@code ntm.security} log, in a
 * transaction of their own: the refused command's transaction rolls back, the record of the refusal stays.
 */
@Component
public class JdbcSecurityLog implements SecurityLog {
    private static final Logger log = LoggerFactory.getLogger("ntm.security");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separate;
    private final Clock clock;

    public JdbcSecurityLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Writes a refusal whose actor has no role yet (a failed sign-in). */
    @Override
    public void denied(Acting acting, String command, String targetUnit, String reason) {
        String correlation = RequestCorrelation.current().orElse(null);
        log.warn("DENIED {} ({}, unit {}, agency {}) {} on unit {}: {} [correlation {}]", acting.name(), acting.role(),
                acting.unitCode(), acting.agencyId(), command, targetUnit, reason, correlation);
        separate.executeWithoutResult(status -> jdbc.update("""
                insert into security.denied_attempt (at, actor, role, unit_code, agency_id, command, target_unit,
                    reason, correlation_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Timestamp.from(clock.instant()), acting.name(), "SIGN_IN".equals(command) ? null : acting.role().name(),
                acting.unitCode(),
                acting.agencyId(), command, targetUnit == null ? null : truncate(targetUnit, 16), reason,
                correlation));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
