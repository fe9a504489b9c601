package org.ntmrecords.infra.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Re-checks the whole store: every chain link against the event row it names (content, identity, seal) and
 * against the previous link; every checkpoint's signature and chain hash; every event row outside the chain
 * (a valid seal means "not linked yet", anything else a forged row). Reads in pages, reporting progress.
 */
public class StoreVerifier {
    static final int PAGE = 5_000;
    static final int PROBLEMS_KEPT = 100;

    private final JdbcTemplate jdbc;
    private final IntegrityKeys keys;
    private final HashChain chain;

    public StoreVerifier(JdbcTemplate jdbc, IntegrityKeys keys, HashChain chain) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.chain = chain;
    }

    public enum ProblemKind {
        /** The event row a link names is gone. */
        MISSING_EVENT,
        /** The event row differs from what was linked (payload, metadata, identity or position). */
        CONTENT_CHANGED,
        /** The event's seal does not match its content (changed after sealing, or never sealed by the service). */
        SEAL_INVALID,
        /** A link's hash does not follow from the previous one (the chain table was altered). */
        CHAIN_BROKEN,
        /** A checkpoint's signature or chain hash does not hold. */
        CHECKPOINT_INVALID,
        /** An event row outside the chain without a valid seal: not written by the service. */
        FORGED_EVENT
    }

    public record Problem(ProblemKind kind, long position, String detail) {
    }

    public record Progress(long checked, long total) {
    }

    /**
     * @param firstBrokenPosition the lowest global index with a problem, or null when intact
     * @param pending             sealed events not linked yet (the chain follows the store within seconds)
     */
    public record Report(boolean intact, long eventsChecked, long linksChecked, long checkpointsChecked,
                         long pending, Long firstBrokenPosition, List<Problem> problems, Duration elapsed) {
        public String summary() {
            return (intact ? "INTACT" : "BROKEN at position " + firstBrokenPosition) + ": " + linksChecked
                    + " links, " + eventsChecked + " events, " + checkpointsChecked + " checkpoints checked, "
                    + pending + " not linked yet, " + problems.size() + " problem(s), " + elapsed.toMillis() + " ms";
        }
    }

    public Report verify(Consumer<Progress> progress) {
        long started = System.nanoTime();
        Long legacy = jdbc.queryForObject("select coalesce(max(global_index), 0) from integrity.legacy_boundary",
                Long.class);
        long legacyBoundary = legacy == null ? 0 : legacy;
        Long totalLinks = jdbc.queryForObject("select count(*) from integrity.chain_link", Long.class);
        Long totalEvents = jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Long.class);
        long total = (totalLinks == null ? 0 : totalLinks) + (totalEvents == null ? 0 : totalEvents);
        List<Problem> problems = new ArrayList<>();
        long[] first = {Long.MAX_VALUE};
        Consumer<Problem> report = p -> {
            if (problems.size() < PROBLEMS_KEPT) {
                problems.add(p);
            }
            first[0] = Math.min(first[0], p.position());
        };
        Map<Long, byte[]> hashAtCheckpoint = new HashMap<>();
        List<HashChain.Checkpoint> checkpoints = chain.checkpoints("order by seq");
        checkpoints.forEach(c -> hashAtCheckpoint.put(c.seq(), null));

        // 1. the chain, link by link, with the event rows it names
        byte[] previous = Hashes.GENESIS;
        long afterSeq = 0;
        long links = 0;
        long events = 0;
        while (true) {
            List<Object[]> page = jdbc.query("""
                    select c.seq, c.global_index, c.event_identifier as linked_id, c.content_hash, c.hash,
                           e.global_index as present, e.event_identifier, e.aggregate_identifier, e.sequence_number,
                           e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data
                    from integrity.chain_link c
                    left join event_store.domain_event_entry e on e.global_index = c.global_index
                    where c.seq > ? order by c.seq limit ?""", (rs, n) -> new Object[] {
                rs.getLong("seq"), rs.getLong("global_index"), rs.getString("linked_id"), rs.getBytes("content_hash"),
                rs.getBytes("hash"), rs.getObject("present") == null ? null : new CanonicalEvent(
                        rs.getLong("global_index"), rs.getString("event_identifier"),
                        rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                        rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                        rs.getBytes("payload"), rs.getBytes("meta_data"))}, afterSeq, PAGE);
            if (page.isEmpty()) {
                break;
            }
            // the per-event work (canonical forms, hashes, seal) on every core; the chain walk below stays in order
            Checked[] checked = new Checked[page.size()];
            IntStream.range(0, page.size()).parallel().forEach(i -> {
                CanonicalEvent event = (CanonicalEvent) page.get(i)[5];
                if (event != null) {
                    CanonicalEvent.Forms forms = event.forms();
                    checked[i] = new Checked(Hashes.sha256(forms.chained()), sealValid(event, forms, legacyBoundary));
                }
            });
            for (int i = 0; i < page.size(); i++) {
                Object[] row = page.get(i);
                long seq = (Long) row[0];
                long position = (Long) row[1];
                byte[] content = (byte[]) row[3];
                byte[] hash = (byte[]) row[4];
                CanonicalEvent event = (CanonicalEvent) row[5];
                links++;
                if (seq != afterSeq + 1) {
                    report.accept(new Problem(ProblemKind.CHAIN_BROKEN, position,
                            "link " + seq + " follows link " + afterSeq));
                }
                if (!MessageDigest.isEqual(hash, Hashes.link(previous, content))) {
                    report.accept(new Problem(ProblemKind.CHAIN_BROKEN, position,
                            "link " + seq + " does not follow from link " + (seq - 1)));
                }
                if (event == null) {
                    report.accept(new Problem(ProblemKind.MISSING_EVENT, position,
                            "event " + row[2] + " at position " + position + " is gone"));
                } else {
                    events++;
                    if (!row[2].equals(event.eventId()) || !MessageDigest.isEqual(content, checked[i].contentHash())) {
                        report.accept(new Problem(ProblemKind.CONTENT_CHANGED, position,
                                "event at position " + position + " differs from what was linked as " + row[2]));
                    }
                    if (!checked[i].sealValid()) {
                        report.accept(new Problem(ProblemKind.SEAL_INVALID, event.globalIndex(), "event "
                                + event.eventId() + " at position " + event.globalIndex() + " does not match its seal"));
                    }
                }
                if (hashAtCheckpoint.containsKey(seq)) {
                    hashAtCheckpoint.put(seq, hash);
                }
                previous = hash;
                afterSeq = seq;
            }
            progress.accept(new Progress(links + events, total));
        }

        // 2. checkpoints: signed by this service's key, over the chain hash actually at their position
        for (HashChain.Checkpoint checkpoint : checkpoints) {
            byte[] actual = hashAtCheckpoint.get(checkpoint.seq());
            boolean signed = IntegrityKeys.verify(keys.publicKey(), checkpoint.message().getBytes(StandardCharsets.UTF_8),
                    checkpoint.signature());
            if (!signed || actual == null || !MessageDigest.isEqual(actual, checkpoint.chainHash())) {
                report.accept(new Problem(ProblemKind.CHECKPOINT_INVALID, checkpoint.globalIndex(),
                        "checkpoint at link " + checkpoint.seq() + (signed ? " does not match the chain there"
                                : " has no valid signature by key " + keys.keyId())));
            }
        }

        // 3. rows outside the chain: sealed ones are waiting for the chain; others were not written by the service
        long pending = 0;
        long afterIndex = 0;
        while (true) {
            List<CanonicalEvent> page = jdbc.query("select " + StoredEvents.COLUMNS + """
                     from event_store.domain_event_entry e
                    where e.global_index > ? and not exists
                          (select 1 from integrity.chain_link c where c.global_index = e.global_index)
                    order by e.global_index limit ?""", StoredEvents.ROW, afterIndex, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (CanonicalEvent event : page) {
                events++;
                if (sealValid(event, legacyBoundary)) {
                    pending++;
                } else {
                    report.accept(new Problem(ProblemKind.FORGED_EVENT, event.globalIndex(),
                            "event " + event.eventId() + " at position " + event.globalIndex()
                                    + " is outside the chain and carries no valid seal"));
                }
                afterIndex = event.globalIndex();
            }
            progress.accept(new Progress(links + events, total));
        }
        boolean intact = problems.isEmpty();
        return new Report(intact, events, links, checkpoints.size(), pending, intact ? null : first[0],
                List.copyOf(problems), Duration.ofNanos(System.nanoTime() - started));
    }

    private void checkSeal(CanonicalEvent event, long legacyBoundary, Consumer<Problem> report) {
        if (!sealValid(event, legacyBoundary)) {
            report.accept(new Problem(ProblemKind.SEAL_INVALID, event.globalIndex(),
                    "event " + event.eventId() + " at position " + event.globalIndex() + " does not match its seal"));
        }
    }

    /** What one event's own checks found, computed apart from the chain walk. */
    private record Checked(byte[] contentHash, boolean sealValid) {
    }

    private boolean sealValid(CanonicalEvent event, long legacyBoundary) {
        return sealValid(event, event.forms(), legacyBoundary);
    }

    private boolean sealValid(CanonicalEvent event, CanonicalEvent.Forms forms, long legacyBoundary) {
        String recorded = forms.recordedSeal();
        if (recorded == null) {
            return event.globalIndex() != null && event.globalIndex() <= legacyBoundary;
        }
        byte[] expected = keys.seal(forms.sealed());
        return MessageDigest.isEqual(HexFormat.of().formatHex(expected).getBytes(StandardCharsets.US_ASCII),
                recorded.getBytes(StandardCharsets.US_ASCII));
    }
}
