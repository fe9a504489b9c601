package org.ntmrecords.infra.integrity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ntmrecords.events.common.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where signed checkpoints are kept outside the database: an append-only file, a Kafka topic, whatever the operator
 * configures ({@code ntm.integrity.witness.*}). Verification proves the store consistent with the newest checkpoint
 * each witness holds, so rewriting the database alone — the chain and checkpoint tables included — is seen.
 *
 * <p>A checkpoint is handed to every witness once its transaction committed; a witness that was unreachable gets what
 * it missed at the next checkpoint, at the checkpoint interval and at start-up ({@link #sync}). Only checkpoints that
 * verify with the service's key are handed on.
 */
public class Witnesses {
    private static final Logger log = LoggerFactory.getLogger(Witnesses.class);

    private final List<CheckpointWitness> witnesses;
    private final IntegrityKeys keys;

    /** One place checkpoints are kept. */
    public interface CheckpointWitness {
        /** How reports name it, e.g. {@code file:/var/lib/ntm-witness/checkpoints.jsonl}. */
        String name();

        /** Every checkpoint it holds, oldest first; lines it cannot read are reported in {@link Holdings#unreadable}. */
        Holdings read();

        void append(HashChain.Checkpoint checkpoint) throws Exception;
    }

    /** What a witness holds, and each entry it holds that is not a checkpoint: where it is and why, for a reader. */
    public record Holdings(List<HashChain.Checkpoint> checkpoints, List<Message> unreadable) {
        public Optional<HashChain.Checkpoint> latest() {
            return checkpoints.stream().max(Comparator.comparingLong(HashChain.Checkpoint::seq));
        }
    }

    /** A checkpoint and the witness that holds it. */
    public record Witnessed(String witness, HashChain.Checkpoint checkpoint) {
    }

    private final java.util.concurrent.ExecutorService background = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "checkpoint-witness");
                thread.setDaemon(true);
                return thread;
            });
    private final java.util.concurrent.atomic.AtomicBoolean queued = new java.util.concurrent.atomic.AtomicBoolean();

    public Witnesses(List<CheckpointWitness> witnesses, IntegrityKeys keys) {
        this.witnesses = List.copyOf(witnesses);
        this.keys = keys;
    }

    /**
     * Hands the witnesses the new checkpoints on a thread of their own, so that a slow or unreachable witness never
     * holds up the chain (requests while one is queued are one).
     */
    public void requestSync(HashChain chain) {
        if (witnesses.isEmpty() || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(() -> {
                queued.set(false);
                sync(chain);
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queued.set(false);
        }
    }

    /** Stops the background thread (what it has not handed over is handed over at the next start). */
    public void close() {
        background.shutdown();
        for (CheckpointWitness witness : witnesses) {
            if (witness instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.debug("closing witness {}: {}", witness.name(), e.toString());
                }
            }
        }
    }

    public List<CheckpointWitness> all() {
        return witnesses;
    }

    /** The newest checkpoint of this store any witness holds that is signed by this service's key. */
    public Optional<Witnessed> latestWitnessed(String storeId) {
        Witnessed latest = null;
        for (CheckpointWitness witness : witnesses) {
            try {
                for (HashChain.Checkpoint c : witness.read().checkpoints()) {
                    if (c.signedBy(keys) && java.util.Objects.equals(c.storeId(), storeId)
                            && (latest == null || c.seq() > latest.checkpoint().seq())) {
                        latest = new Witnessed(witness.name(), c);
                    }
                }
            } catch (RuntimeException e) {
                log.warn("witness {} cannot be read: {}", witness.name(), e.toString());
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Hands every witness the checkpoints it does not hold yet (those after its newest). */
    public synchronized void sync(HashChain chain) {
        for (CheckpointWitness witness : witnesses) {
            try {
                String store = chain.storeId();
                Optional<HashChain.Checkpoint> newest = witness.read().checkpoints().stream()
                        .filter(c -> java.util.Objects.equals(c.storeId(), store))
                        .max(Comparator.comparingLong(HashChain.Checkpoint::seq));
                long held = newest.map(HashChain.Checkpoint::seq).orElse(0L);
                if (newest.isPresent() && !newest.get().chainHashEquals(chain.linkAt(held))) {
                    log.error("the chain in the database does not hold the checkpoint of link {} that witness {} keeps: "
                            + "nothing more is handed to it; verify the store", held, witness.name());
                    continue;
                }
                List<HashChain.Checkpoint> missing = new ArrayList<>(chain.after(held));
                for (HashChain.Checkpoint checkpoint : missing) {
                    if (!checkpoint.signedBy(keys)) {
                        log.error("checkpoint at link {} in the database is not signed by the key in force when it "
                                + "was signed ({}): not handed to witness {}; verify the store", checkpoint.seq(),
                                keys.keyIdAt(checkpoint.signedAt()),
                                witness.name());
                        continue;
                    }
                    witness.append(checkpoint);
                }
            } catch (Exception e) {
                log.warn("witness {} did not take the newest checkpoints ({}); they are handed over again later",
                        witness.name(), e.toString());
            }
        }
    }
}
