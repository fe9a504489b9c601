package org.ntmrecords.infra.integrity;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.ntmrecords.command.integrity.IntegrityKeySchedule;
import org.ntmrecords.events.EventMetadata;
import org.ntmrecords.events.integrity.IntegrityKeysRotatedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key rotations in the event store: the events of the schedule's one stream, read by its key (the stream's unique
 * index), oldest first. Read when the service starts and again about every half notice; a handful of rows. Read in
 * a transaction of its own: a read from inside another (a verification's snapshot, an append) would see that
 * transaction's view of the store, not the rotations committed since.
 */
final class StoredRotations implements IntegrityKeys.RotationSource {
    private static final Logger log = LoggerFactory.getLogger(StoredRotations.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;

    StoredRotations(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        own.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        own.setReadOnly(true);
    }

    @Override
    public List<IntegrityKeys.StoredRotation> read() {
        return own.execute(status -> readNow());
    }

    private List<IntegrityKeys.StoredRotation> readNow() {
        if (!Boolean.TRUE.equals(jdbc.queryForObject(
                "select to_regclass('event_store.domain_event_entry') is not null", Boolean.class))) {
            return List.of();
        }
        return jdbc.query("select " + StoredForm.COLUMNS + " from event_store.domain_event_entry e "
                + "where e.aggregate_identifier = ? order by e.sequence_number", (rs, n) -> read(StoredForm.read(rs)),
                IntegrityKeySchedule.STREAM).stream().filter(Objects::nonNull).toList();
    }

    private static IntegrityKeys.StoredRotation read(StoredForm row) {
        if (!IntegrityKeysRotatedEvent.class.getName().equals(row.payloadType())) {
            return null;
        }
        try {
            IntegrityKeysRotatedEvent event = JSON.readValue(row.payload(), IntegrityKeysRotatedEvent.class);
            String actor = row.metaData() == null ? null
                    : JSON.readTree(row.metaData()).path(EventMetadata.ACTOR).asText(null);
            return new IntegrityKeys.StoredRotation(row, event, actor);
        } catch (IOException e) {
            log.error("The key rotation stored at position {} cannot be read ({}): left out of the key schedule; "
                    + "run verify-store (docs/audit.md)", row.globalIndex(), e.getMessage());
            return null;
        }
    }
}
