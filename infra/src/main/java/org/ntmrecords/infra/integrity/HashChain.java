package org.ntmrecords.infra.integrity;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends stored events to the hash chain and signs checkpoints. Links are appended in the order the chain's
 * processor sees events; each names the event's global index, so verification reads each event back by it.
 */
public class HashChain {
    private final JdbcTemplate jdbc;
    private final IntegrityKeys keys;
    private final Clock clock;
    private final int checkpointEvery;

    public HashChain(JdbcTemplate jdbc, IntegrityKeys keys, Clock clock, int checkpointEvery) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
    }

    /** A chain position: its sequence number, the event's global index and the chain hash up to it. */
    public record Link(long seq, long globalIndex, byte[] hash) {
    }

    /** A signed checkpoint, and the exact message its signature covers. */
    public record Checkpoint(long seq, long globalIndex, byte[] chainHash, Instant signedAt, String keyId,
                             byte[] signature) {
        public String message() {
            return message(seq, globalIndex, chainHash, signedAt, keyId);
        }

        /** What a checkpoint signs: plain text, so it can be checked with standard tools (docs/audit.md). */
        public static String message(long seq, long globalIndex, byte[] chainHash, Instant signedAt, String keyId) {
            return "ntm-records checkpoint v1\nseq=" + seq + "\nglobalIndex=" + globalIndex + "\nchainHash="
                    + HexFormat.of().formatHex(chainHash) + "\nsignedAt=" + signedAt + "\nkeyId=" + keyId + "\n";
        }
    }

    /** Links the event with this id, unless it is linked already (a retried batch). */
    public void append(String eventId) {
        appendAll(List.of(eventId));
    }

    /**
     * Links these events in this order, skipping those linked already (a retried batch): their stored rows are read
     * in one query, the links written as one batch, and a checkpoint signed wherever the chain crosses a multiple of
     * the checkpoint interval.
     */
    public void appendAll(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        Map<String, CanonicalEvent> events = new HashMap<>();
        jdbc.query("select " + StoredEvents.COLUMNS + " from event_store.domain_event_entry e "
                        + "where e.event_identifier = any(?)",
                rs -> {
                    CanonicalEvent event = StoredEvents.ROW.mapRow(rs, 0);
                    events.put(event.eventId(), event);
                }, (Object) eventIds.toArray(String[]::new));
        Set<Long> linked = new HashSet<>(jdbc.queryForList(
                "select global_index from integrity.chain_link where global_index = any(?)", Long.class,
                (Object) events.values().stream().map(CanonicalEvent::globalIndex).toArray(Long[]::new)));
        Optional<Link> last = last();
        long seq = last.map(Link::seq).orElse(0L);
        byte[] previous = last.map(Link::hash).orElse(Hashes.GENESIS);
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        List<Link> toSign = new ArrayList<>();
        for (String eventId : eventIds) {
            CanonicalEvent event = events.get(eventId);
            if (event == null) {
                throw new IllegalStateException("event " + eventId + " is not in the event store");
            }
            if (!linked.add(event.globalIndex())) {
                continue;
            }
            seq++;
            byte[] content = Hashes.sha256(event.bytes());
            previous = Hashes.link(previous, content);
            rows.add(new Object[] {seq, event.globalIndex(), event.eventId(), content, previous, now});
            if (seq % checkpointEvery == 0) {
                toSign.add(new Link(seq, event.globalIndex(), previous));
            }
        }
        jdbc.batchUpdate("""
                insert into integrity.chain_link (seq, global_index, event_identifier, content_hash, hash, linked_at)
                values (?, ?, ?, ?, ?, ?)""", rows);
        toSign.forEach(this::sign);
    }

    public Optional<Link> last() {
        return jdbc.query("select seq, global_index, hash from integrity.chain_link order by seq desc limit 1",
                (rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getBytes(3))).stream().findFirst();
    }

    /** Signs a checkpoint at the chain's head unless one covers it already; the checkpoint covering the head. */
    @Transactional
    public Optional<Checkpoint> signHead() {
        Optional<Link> head = last();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Optional<Checkpoint> latest = latestCheckpoint();
        if (latest.isPresent() && latest.get().seq() >= head.get().seq()) {
            return latest;
        }
        return Optional.of(sign(head.get()));
    }

    private Checkpoint sign(Link link) {
        Instant signedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String keyId = keys.keyId();
        byte[] signature = keys.sign(Checkpoint.message(link.seq(), link.globalIndex(), link.hash(), signedAt, keyId)
                .getBytes(StandardCharsets.UTF_8));
        jdbc.update("""
                insert into integrity.checkpoint (seq, global_index, chain_hash, signed_at, key_id, signature)
                values (?, ?, ?, ?, ?, ?) on conflict (seq) do nothing""",
                link.seq(), link.globalIndex(), link.hash(), Timestamp.from(signedAt), keyId, signature);
        return new Checkpoint(link.seq(), link.globalIndex(), link.hash(), signedAt, keyId, signature);
    }

    public Optional<Checkpoint> latestCheckpoint() {
        return checkpoints("order by seq desc limit 1").stream().findFirst();
    }

    /** The first checkpoint at or after a chain position. */
    public Optional<Checkpoint> covering(long seq) {
        return checkpoints("where seq >= " + seq + " order by seq limit 1").stream().findFirst();
    }

    List<Checkpoint> checkpoints(String clause) {
        return jdbc.query("select seq, global_index, chain_hash, signed_at, key_id, signature from integrity.checkpoint "
                + clause, (rs, n) -> new Checkpoint(rs.getLong(1), rs.getLong(2), rs.getBytes(3),
                rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getBytes(6)));
    }
}
