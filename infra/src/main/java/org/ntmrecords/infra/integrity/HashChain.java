package org.ntmrecords.infra.integrity;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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
        CanonicalEvent event = jdbc.queryForObject("select " + StoredEvents.COLUMNS
                + " from event_store.domain_event_entry e where e.event_identifier = ?", StoredEvents.ROW, eventId);
        Integer linked = jdbc.queryForObject("select count(*) from integrity.chain_link where global_index = ?",
                Integer.class, event.globalIndex());
        if (linked != null && linked > 0) {
            return;
        }
        Optional<Link> last = last();
        long seq = last.map(Link::seq).orElse(0L) + 1;
        byte[] content = Hashes.sha256(event.bytes());
        byte[] hash = Hashes.link(last.map(Link::hash).orElse(Hashes.GENESIS), content);
        jdbc.update("""
                insert into integrity.chain_link (seq, global_index, event_identifier, content_hash, hash, linked_at)
                values (?, ?, ?, ?, ?, ?)""", seq, event.globalIndex(), event.eventId(), content, hash,
                Timestamp.from(clock.instant()));
        if (seq % checkpointEvery == 0) {
            sign(new Link(seq, event.globalIndex(), hash));
        }
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
