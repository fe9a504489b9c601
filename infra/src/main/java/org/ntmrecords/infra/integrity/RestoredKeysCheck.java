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
 *   <li>after (the service, not a command-line task): a key generation the store's rotations name has no files
 *       (or other files), none of the newest sealed events matches its seal under the sealing key of its time, or
 *       the last checkpoint names another signing key than the one in force when it was signed.</li>
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
        if (!keys.problems().isEmpty()) {
            throw new KeysNotTheStoresException("The key directory " + directory.toAbsolutePath() + " lacks keys this "
                    + "store's key rotations name: " + String.join("; ", keys.problems()) + ". Restore the key "
                    + "directory backed up with this database, every generation in it (docs/operations.md, \"Key "
                    + "rotation\"). Nothing was changed.");
        }
        if (!last.isEmpty() && last.stream().noneMatch(e -> keys.sealMatches(e.timestamp(), e.sealedForm(), e.seal()))) {
            throw new KeysNotTheStoresException("The sealing key in " + directory.toAbsolutePath() + " does not seal "
                    + "this store's events (none of the last " + last.size() + " sealed events, up to position "
                    + last.get(0).globalIndex() + ", matches it). Restore the key directory backed up with this "
                    + "database (docs/operations.md, \"Backups and restore\"); verify-store reports every event the "
                    + "key does not match. Nothing was changed.");
        }
        List<java.util.Map.Entry<String, java.time.Instant>> lastKey = jdbc.query(
                "select key_id, signed_at from integrity.checkpoint order by seq desc limit 1",
                (rs, n) -> java.util.Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()));
        if (!lastKey.isEmpty() && !lastKey.get(0).getKey().equals(keys.keyIdAt(lastKey.get(0).getValue()))) {
            throw new KeysNotTheStoresException("The checkpoint signing key in " + directory.toAbsolutePath()
                    + " (key " + keys.keyIdAt(lastKey.get(0).getValue()) + ") is not the one that signed this store's "
                    + "last checkpoint (key " + lastKey.get(0).getKey() + "). Restore the key directory backed up with "
                    + "this database (docs/operations.md, \"Backups and restore\"). Nothing was changed.");
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
