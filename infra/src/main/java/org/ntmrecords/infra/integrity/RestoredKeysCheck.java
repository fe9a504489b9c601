package org.ntmrecords.infra.integrity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refuses to start a process that writes the store with integrity keys that are not the store's (docs/operations.md,
 * "Backups and restore"). A database restored without its key directory would otherwise get new keys: every stored
 * event would then fail its seal, and every new checkpoint would be signed by a key no auditor holds.
 * <ul>
 *   <li>before the keys are loaded: the store holds events but the directory has no sealing key, or it holds signed
 *       checkpoints but the directory has no signing key;</li>
 *   <li>after (the service, not a command-line task): none of the newest sealed events matches its seal under the
 *       sealing key, or the last checkpoint names another signing key.</li>
 * </ul>
 */
final class RestoredKeysCheck {
    /** Newest sealed events tried against the sealing key. */
    private static final int SAMPLE = 20;

    private RestoredKeysCheck() {
    }

    static void beforeLoading(Path directory, JdbcTemplate jdbc) {
        if (!Files.exists(directory.resolve(IntegrityKeys.SEAL_FILE)) && storeHoldsSealedEvents(jdbc)) {
            throw new KeysNotTheStoresException("The event store holds events, but " + directory.toAbsolutePath()
                    + " has no sealing key (" + IntegrityKeys.SEAL_FILE + "). Restore the key directory backed up with "
                    + "the database (docs/operations.md, \"Backups and restore\"): a new key would make every stored "
                    + "event fail its seal. Nothing was changed.");
        }
        if (!Files.exists(directory.resolve(IntegrityKeys.PRIVATE_FILE)) && storeHoldsCheckpoints(jdbc)) {
            throw new KeysNotTheStoresException("The store holds signed checkpoints, but " + directory.toAbsolutePath()
                    + " has no checkpoint signing key (" + IntegrityKeys.PRIVATE_FILE + "). Restore the key directory "
                    + "backed up with the database (docs/operations.md, \"Backups and restore\"). Nothing was changed.");
        }
    }

    static void afterLoading(Path directory, IntegrityKeys keys, JdbcTemplate jdbc) {
        if (!storeHoldsEvents(jdbc)) {
            return;
        }
        // the newest sealed events: other keys match none of them; one changed event (tampering is for verify-store
        // to find and report) does not stop the service
        List<StoredForm> last = jdbc.query("select " + StoredForm.COLUMNS + " from event_store.domain_event_entry e "
                + "where e.seal is not null order by e.global_index desc limit " + SAMPLE, (rs, n) -> StoredForm.read(rs));
        if (!last.isEmpty() && last.stream().noneMatch(e -> keys.sealMatches(e.sealedForm(), e.seal()))) {
            throw new KeysNotTheStoresException("The sealing key in " + directory.toAbsolutePath() + " does not seal "
                    + "this store's events (none of the last " + last.size() + " sealed events, up to position "
                    + last.get(0).globalIndex() + ", matches it). Restore the key directory backed up with this "
                    + "database (docs/operations.md, \"Backups and restore\"); verify-store reports every event the "
                    + "key does not match. Nothing was changed.");
        }
        List<String> lastKey = jdbc.queryForList(
                "select key_id from integrity.checkpoint order by seq desc limit 1", String.class);
        if (!lastKey.isEmpty() && !lastKey.get(0).equals(keys.keyId())) {
            throw new KeysNotTheStoresException("The checkpoint signing key in " + directory.toAbsolutePath()
                    + " (key " + keys.keyId() + ") is not the one that signed this store's last checkpoint (key "
                    + lastKey.get(0) + "). Restore the key directory backed up with this database (docs/operations.md,"
                    + " \"Backups and restore\"). Nothing was changed.");
        }
    }

    private static boolean storeHoldsEvents(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select to_regclass('event_store.domain_event_entry') is not null "
                + "and exists (select 1 from event_store.domain_event_entry)", Boolean.class));
    }

    /** Events stored since events are sealed (past {@code integrity.legacy_boundary}): they need the sealing key. */
    private static boolean storeHoldsSealedEvents(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select to_regclass('event_store.domain_event_entry') is not null "
                + "and to_regclass('integrity.legacy_boundary') is not null and exists (select 1 from "
                + "event_store.domain_event_entry where global_index > (select coalesce(max(global_index), 0) from "
                + "integrity.legacy_boundary))", Boolean.class));
    }

    private static boolean storeHoldsCheckpoints(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select to_regclass('integrity.checkpoint') is not null "
                + "and exists (select 1 from integrity.checkpoint)", Boolean.class));
    }

    /** The key directory is not the one the store was sealed and signed with. */
    static final class KeysNotTheStoresException extends IllegalStateException {
        KeysNotTheStoresException(String message) {
            super(message);
        }
    }
}
