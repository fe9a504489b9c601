package org.ntmrecords.infra.integrity;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The positions up to which older integrity schemes apply, as the migrations recorded them: events at or below
 * {@link #unsealedUpTo()} were stored before events were sealed (V10), those at or below {@link #schemeUpTo()} under
 * the first scheme (seal inside the metadata, canonical form; V14). Both tables hold one row and refuse any change;
 * every signed checkpoint states both values, so moving one is seen against a checkpoint held outside the database.
 *
 * <p>Read once, when first needed (after the migrations ran). When the newest witnessed checkpoint states lower
 * values than the database, the database was changed: the witnessed values are used and the change is logged.
 */
public class IntegrityBoundaries {
    private static final Logger log = LoggerFactory.getLogger(IntegrityBoundaries.class);

    private final JdbcTemplate jdbc;
    private final Witnesses witnesses;
    private volatile Values values;

    /** Both boundaries, and how many rows each table holds (one each, unless someone inserted more). */
    public record Values(long unsealedUpTo, long schemeUpTo, String storeId, int unsealedRows, int schemeRows,
                         int storeRows) {
        public boolean wellFormed() {
            return unsealedRows == 1 && schemeRows == 1 && storeRows == 1;
        }
    }

    public IntegrityBoundaries(JdbcTemplate jdbc, Witnesses witnesses) {
        this.jdbc = jdbc;
        this.witnesses = witnesses;
    }

    /** The values as the database holds them now (for verification; the service uses {@link #values()}). */
    public Values stored() {
        List<Long> unsealed = jdbc.queryForList("select global_index from integrity.legacy_boundary", Long.class);
        List<Long> scheme = jdbc.queryForList("select global_index from integrity.scheme_boundary", Long.class);
        List<String> store = jdbc.queryForList("select store_id::text from integrity.store_identity order by created_at",
                String.class);
        return new Values(unsealed.stream().mapToLong(Long::longValue).max().orElse(0),
                scheme.stream().mapToLong(Long::longValue).max().orElse(0), store.isEmpty() ? null : store.get(0),
                unsealed.size(), scheme.size(), store.size());
    }

    public Values values() {
        Values current = values;
        if (current == null) {
            synchronized (this) {
                if (values == null) {
                    values = load();
                }
                current = values;
            }
        }
        return current;
    }

    public long unsealedUpTo() {
        return values().unsealedUpTo();
    }

    public String storeId() {
        return values().storeId();
    }

    public long schemeUpTo() {
        return values().schemeUpTo();
    }

    private Values load() {
        Values stored = stored();
        if (!stored.wellFormed()) {
            log.error("integrity boundaries were altered: integrity.legacy_boundary holds {} rows, "
                    + "integrity.scheme_boundary {} and integrity.store_identity {} (one each expected); verify the store",
                    stored.unsealedRows(), stored.schemeRows(), stored.storeRows());
        }
        var witnessed = witnesses.latestWitnessed(stored.storeId());
        if (witnessed.isPresent() && witnessed.get().checkpoint().format() >= 2) {
            HashChain.Checkpoint c = witnessed.get().checkpoint();
            if (c.unsealedUpTo() != stored.unsealedUpTo() || c.schemeUpTo() != stored.schemeUpTo()) {
                log.error("integrity boundaries in the database ({}, {}) differ from the checkpoint witnessed by {} "
                        + "({}, {}); the witnessed values apply; verify the store", stored.unsealedUpTo(),
                        stored.schemeUpTo(), witnessed.get().witness(), c.unsealedUpTo(), c.schemeUpTo());
                return new Values(Math.min(c.unsealedUpTo(), stored.unsealedUpTo()),
                        Math.min(c.schemeUpTo(), stored.schemeUpTo()), stored.storeId(), stored.unsealedRows(),
                        stored.schemeRows(), stored.storeRows());
            }
        }
        return stored;
    }
}
