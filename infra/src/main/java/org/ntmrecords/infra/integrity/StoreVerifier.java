package org.ntmrecords.infra.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-checks the whole store, reading one consistent snapshot of it (a repeatable-read transaction), without waiting
 * for anything: every chain link against the event row it names (content, identity, seal) and against the previous
 * link; every checkpoint in the database; every checkpoint the witnesses hold outside it — the chain must reach each
 * one and have its hash there, so a truncated, removed or rewritten chain is found; the integrity boundaries against
 * what the checkpoints signed; and every event row outside the chain (sealed and recent: waiting to be linked;
 * sealed and older than the grace window: not linked, BROKEN; unsealed: forged).
 */
public class StoreVerifier {
    private static final Logger log = LoggerFactory.getLogger(StoreVerifier.class);
    static final int PAGE = 5_000;
    static final int PROBLEMS_KEPT = 100;

    private final JdbcTemplate jdbc;
    private final IntegrityKeys keys;
    private final HashChain chain;
    private final IntegrityBoundaries boundaries;
    private final Witnesses witnesses;
    private final Clock clock;
    private final Duration grace;
    private final TransactionTemplate snapshot;

    public StoreVerifier(JdbcTemplate jdbc, IntegrityKeys keys, HashChain chain, IntegrityBoundaries boundaries,
                         Witnesses witnesses, Clock clock, Duration grace, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.chain = chain;
        this.boundaries = boundaries;
        this.witnesses = witnesses;
        this.clock = clock;
        this.grace = grace;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
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
        FORGED_EVENT,
        /** A sealed event outside the chain for longer than the grace window: the chain was cut or is not kept. */
        NOT_LINKED,
        /** The chain does not hold a checkpoint a witness keeps: truncated, removed or rewritten. */
        WITNESS_MISMATCH,
        /** An integrity boundary or the store's identity is not what the checkpoints signed, or has extra rows. */
        BOUNDARY_CHANGED
    }

    /**
     * One problem found: its kind, where, and what exactly in words — {@link #text()} in the reader's language,
     * {@link #detail()} in English (logs).
     */
    public record Problem(ProblemKind kind, long position, Message text) {
        public String detail() {
            return text.toString();
        }

        public String detail(Locale locale) {
            return text.in(locale);
        }
    }

    public record Progress(long checked, long total) {
    }

    /**
     * What was checked against one witness.
     *
     * @param checkpoints checkpoints of this store it holds
     * @param latestSeq   the newest of them (0: none)
     * @param consistent  whether the store holds every one of them
     */
    public record WitnessCheck(String witness, int checkpoints, long latestSeq, boolean consistent, Message note) {
    }

    /**
     * @param firstBrokenPosition the lowest global index with a problem (0 for a problem of the whole store), or
     *                            null when intact
     * @param problems            the first 100 problems, and the first of every kind
     * @param problemCounts       how many problems of each kind were found
     * @param pending             sealed events not linked yet, within the grace window
     * @param witnessChecks       each witness consulted; empty when none is configured (then only the database's
     *                            consistency with itself is proven)
     * @param warnings            what does not break the store but should be looked at (a witness missing
     *                            checkpoints, a witness that could not be read), each in words for a reader
     */
    public record Report(boolean intact, long eventsChecked, long linksChecked, long checkpointsChecked,
                         long pending, Long firstBrokenPosition, List<Problem> problems,
                         Map<ProblemKind, Long> problemCounts, Duration elapsed,
                         List<WitnessCheck> witnessChecks, List<Message> warnings, Duration grace) {
        /** The summary in English (logs). */
        public String summary() {
            return summary(Locale.ENGLISH);
        }

        /** One line: intact or where broken, what was checked, the problems by kind, the witnesses, how long. */
        public String summary(Locale locale) {
            Message state = intact ? ApiText.of("integrity.verify.intact")
                    : ApiText.of("integrity.verify.broken", String.valueOf(firstBrokenPosition));
            Message witnesses = witnessChecks.isEmpty() ? ApiText.of("integrity.verify.noWitness")
                    : ApiText.of("integrity.verify.witnesses", String.valueOf(witnessChecks.size()));
            // the kinds are codes, the same in every language
            String counts = new java.util.TreeMap<>(problemCounts).toString();
            return ApiText.of("integrity.verify.summary", state, String.valueOf(linksChecked),
                    String.valueOf(eventsChecked), String.valueOf(checkpointsChecked), String.valueOf(pending),
                    grace.toString(), String.valueOf(problemCounts.values().stream().mapToLong(Long::longValue).sum()),
                    counts, witnesses, String.valueOf(elapsed.toMillis())).in(locale);
        }
    }

    public Report verify(Consumer<Progress> progress) {
        return verify(progress, List.of());
    }

    /**
     * @param supplied checkpoints the caller holds (an auditor's own copies), checked like a witness's
     */
    public Report verify(Consumer<Progress> progress, List<HashChain.Checkpoint> supplied) {
        // the witnesses are read before the snapshot: whatever they hold must be in it
        List<WitnessHoldings> held = new ArrayList<>();
        List<Message> warnings = new ArrayList<>();
        for (Witnesses.CheckpointWitness witness : witnesses.all()) {
            try {
                held.add(new WitnessHoldings(witness.name(), witness.read()));
            } catch (RuntimeException e) {
                log.warn("Witness {} could not be read", witness.name(), e);
                warnings.add(ApiText.of("integrity.warning.unreadable", witness.name(),
                        String.valueOf(e.getMessage())));
            }
        }
        if (!supplied.isEmpty()) {
            held.add(new WitnessHoldings("supplied", new Witnesses.Holdings(supplied, List.of())));
        }
        return snapshot.execute(status -> run(progress, held, warnings));
    }

    private record WitnessHoldings(String name, Witnesses.Holdings holdings) {
    }

    private Report run(Consumer<Progress> progress, List<WitnessHoldings> held, List<Message> warnings) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<Problem> problems = new ArrayList<>();
        Map<ProblemKind, Long> counts = new java.util.EnumMap<>(ProblemKind.class);
        long[] first = {Long.MAX_VALUE};
        Consumer<Problem> report = p -> {
            // the first hundred, and the first of every kind whatever came before
            if (problems.size() < PROBLEMS_KEPT || !counts.containsKey(p.kind())) {
                problems.add(p);
            }
            counts.merge(p.kind(), 1L, Long::sum);
            first[0] = Math.min(first[0], p.position());
        };

        // 0. the boundaries and the store's identity, against what every signed checkpoint states
        IntegrityBoundaries.Values stored = boundaries.stored();
        if (!stored.wellFormed()) {
            report.accept(new Problem(ProblemKind.BOUNDARY_CHANGED, 0, ApiText.of("integrity.problem.boundaryRows",
                    String.valueOf(stored.unsealedRows()), String.valueOf(stored.schemeRows()),
                    String.valueOf(stored.storeRows()))));
        }
        List<HashChain.Checkpoint> checkpoints = chain.checkpoints("order by seq");
        // every signature (the database's checkpoints, the witnesses' copies) checked once, on every core; the checks
        // below find the results kept (IntegrityKeys.verify)
        java.util.stream.Stream.concat(checkpoints.stream(), held.stream().flatMap(w -> w.holdings().checkpoints()
                .stream())).parallel().forEach(c -> c.signedBy(keys));
        long unsealedUpTo = stored.unsealedUpTo();
        long schemeUpTo = stored.schemeUpTo();
        List<HashChain.Checkpoint> signed = new ArrayList<>();
        checkpoints.stream().filter(c -> c.format() >= 2).forEach(signed::add);
        held.forEach(w -> w.holdings().checkpoints().stream()
                .filter(c -> c.format() >= 2 && c.signedBy(keys) && Objects.equals(c.storeId(), stored.storeId()))
                .forEach(signed::add));
        for (HashChain.Checkpoint c : signed) {
            if (c.unsealedUpTo() != stored.unsealedUpTo() || c.schemeUpTo() != stored.schemeUpTo()
                    || !Objects.equals(c.storeId(), stored.storeId())) {
                // checked under the lowest boundaries anything signed: a raised boundary must not hide a row
                unsealedUpTo = Math.min(unsealedUpTo, c.unsealedUpTo());
                schemeUpTo = Math.min(schemeUpTo, c.schemeUpTo());
            }
        }
        long total = count("select count(*) from integrity.chain_link") + count(
                "select count(*) from event_store.domain_event_entry");

        Set<Long> wanted = new HashSet<>();
        checkpoints.forEach(c -> wanted.add(c.seq()));
        held.forEach(w -> w.holdings().checkpoints().forEach(c -> wanted.add(c.seq())));
        Map<Long, HashChain.Link> linkAt = new HashMap<>();

        // 1. the chain, link by link, with the event rows it names
        StreamKeys streamKeys = StreamKeys.fromStore(jdbc);
        Map<String, Long> keySeqs = new HashMap<>();
        byte[] previous = Hashes.GENESIS;
        long afterSeq = 0;
        long links = 0;
        long events = 0;
        final long scheme = schemeUpTo;
        final long unsealed = unsealedUpTo;
        // the database reads the next page while this one's events are checked (on every core), then the chain walk
        List<LinkRow> next = links(0);
        while (!next.isEmpty()) {
            List<LinkRow> page = next;
            java.util.concurrent.CompletableFuture<Checked[]> checking = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> checkAll(page, scheme, unsealed));
            next = links(page.get(page.size() - 1).seq());
            Checked[] checked;
            try {
                checked = checking.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            for (int i = 0; i < page.size(); i++) {
                LinkRow row = page.get(i);
                long position = row.position();
                links++;
                if (row.seq() != afterSeq + 1) {
                    report.accept(new Problem(ProblemKind.CHAIN_BROKEN, position, ApiText.of(
                            "integrity.problem.linkFollows", String.valueOf(row.seq()), String.valueOf(afterSeq))));
                }
                boolean firstScheme = position <= scheme;
                byte[] expected;
                if (firstScheme) {
                    expected = Hashes.link(previous, row.content());
                } else if (row.streamKey() == null || row.keySeq() == null) {
                    expected = null;
                    report.accept(new Problem(ProblemKind.CHAIN_BROKEN, position,
                            ApiText.of("integrity.problem.noStreamKey", String.valueOf(row.seq()))));
                } else {
                    expected = Hashes.link(previous, row.content(), row.streamKey(), row.keySeq());
                    long expectedKeySeq = keySeqs.getOrDefault(row.streamKey(), 0L) + 1;
                    if (row.keySeq() != expectedKeySeq) {
                        report.accept(new Problem(ProblemKind.CHAIN_BROKEN, position, ApiText.of(
                                "integrity.problem.keySeq", String.valueOf(row.seq()), String.valueOf(row.keySeq()),
                                row.streamKey(), String.valueOf(expectedKeySeq))));
                    }
                    keySeqs.put(row.streamKey(), row.keySeq());
                }
                if (expected != null && !MessageDigest.isEqual(row.hash(), expected)) {
                    report.accept(new Problem(ProblemKind.CHAIN_BROKEN, position, ApiText.of(
                            "integrity.problem.notFollowing", String.valueOf(row.seq()),
                            String.valueOf(row.seq() - 1))));
                }
                StoredForm event = row.event();
                if (event == null) {
                    report.accept(new Problem(ProblemKind.MISSING_EVENT, position, ApiText.of(
                            "integrity.problem.eventGone", row.linkedId(), String.valueOf(position))));
                } else {
                    events++;
                    if (!row.linkedId().equals(event.eventId())
                            || !MessageDigest.isEqual(row.content(), checked[i].contentHash())) {
                        report.accept(new Problem(ProblemKind.CONTENT_CHANGED, position, ApiText.of(
                                "integrity.problem.contentChanged", String.valueOf(position), row.linkedId())));
                    }
                    if (!checked[i].sealValid()) {
                        report.accept(new Problem(ProblemKind.SEAL_INVALID, position, ApiText.of(
                                "integrity.problem.sealInvalid", event.eventId(), String.valueOf(position))));
                    }
                    if (!firstScheme && row.streamKey() != null && !row.streamKey().equals(streamKeys.keyOf(
                            event.type(), event.aggregateId(), event.sequenceNumber(), event.payload()))) {
                        report.accept(new Problem(ProblemKind.CHAIN_BROKEN, position, ApiText.of(
                                "integrity.problem.wrongStreamKey", String.valueOf(row.seq()), row.streamKey())));
                    }
                }
                if (wanted.contains(row.seq())) {
                    linkAt.put(row.seq(), new HashChain.Link(row.seq(), position, row.hash()));
                }
                previous = row.hash();
                afterSeq = row.seq();
            }
            progress.accept(new Progress(links + events, total));
        }
        long lastSeq = afterSeq;

        // 2. the database's checkpoints: signed by the key in force when they were signed, over the chain hash actually at their position
        HashChain.Checkpoint earlier = null;
        for (HashChain.Checkpoint checkpoint : checkpoints) {
            // dated in the order they were signed: a key is judged by the time a checkpoint states, so a checkpoint
            // dated back (into a retired key's period, say) is refused
            if (earlier != null && checkpoint.signedAt().isBefore(earlier.signedAt())) {
                report.accept(new Problem(ProblemKind.CHECKPOINT_INVALID, checkpoint.globalIndex(), ApiText.of(
                        "integrity.problem.checkpointDatedBack", String.valueOf(checkpoint.seq()),
                        checkpoint.signedAt().toString(), String.valueOf(earlier.seq()), earlier.signedAt().toString())));
            }
            earlier = checkpoint;
            boolean signedByKey = checkpoint.signedBy(keys);
            if (!signedByKey || !checkpoint.chainHashEquals(java.util.Optional.ofNullable(linkAt.get(checkpoint.seq())))) {
                report.accept(new Problem(ProblemKind.CHECKPOINT_INVALID, checkpoint.globalIndex(), signedByKey
                        ? ApiText.of("integrity.problem.checkpointMismatch", String.valueOf(checkpoint.seq()))
                        : ApiText.of("integrity.problem.checkpointUnsigned", String.valueOf(checkpoint.seq()),
                                keys.keyIdAt(checkpoint.signedAt()))));
            }
            if (checkpoint.format() >= 2 && (checkpoint.unsealedUpTo() != stored.unsealedUpTo()
                    || checkpoint.schemeUpTo() != stored.schemeUpTo()
                    || !Objects.equals(checkpoint.storeId(), stored.storeId()))) {
                report.accept(new Problem(ProblemKind.BOUNDARY_CHANGED, 0, ApiText.of(
                        "integrity.problem.checkpointBoundaries", String.valueOf(checkpoint.seq()),
                        String.valueOf(checkpoint.unsealedUpTo()), String.valueOf(checkpoint.schemeUpTo()),
                        String.valueOf(checkpoint.storeId()), String.valueOf(stored.unsealedUpTo()),
                        String.valueOf(stored.schemeUpTo()), String.valueOf(stored.storeId()))));
            }
        }

        // 3. the witnesses: every checkpoint of this store they keep must be in the chain as signed
        List<WitnessCheck> witnessChecks = new ArrayList<>();
        for (WitnessHoldings w : held) {
            w.holdings().unreadable().forEach(u -> warnings.add(ApiText.of("integrity.warning.unreadableEntry",
                    w.name(), u)));
            int ours = 0;
            long latest = 0;
            boolean consistent = true;
            Message note = null;
            Set<Long> witnessedSeqs = new HashSet<>();
            for (HashChain.Checkpoint c : w.holdings().checkpoints()) {
                if (!c.signedBy(keys)) {
                    consistent = false;
                    report.accept(new Problem(ProblemKind.WITNESS_MISMATCH, c.globalIndex(), ApiText.of(
                            "integrity.problem.witnessUnsigned", w.name(), String.valueOf(c.seq()),
                            keys.keyIdAt(c.signedAt()))));
                    continue;
                }
                if (!Objects.equals(c.storeId(), stored.storeId())) {
                    consistent = false;
                    report.accept(new Problem(ProblemKind.WITNESS_MISMATCH, 0, ApiText.of(
                            "integrity.problem.witnessOtherStore", w.name(), String.valueOf(c.storeId()),
                            String.valueOf(stored.storeId()))));
                    continue;
                }
                ours++;
                latest = Math.max(latest, c.seq());
                witnessedSeqs.add(c.seq());
                if (c.seq() > lastSeq) {
                    consistent = false;
                    report.accept(new Problem(ProblemKind.WITNESS_MISMATCH, c.globalIndex(), ApiText.of(
                            "integrity.problem.truncated", String.valueOf(lastSeq), w.name(), String.valueOf(c.seq()),
                            String.valueOf(c.globalIndex()))));
                } else if (!c.chainHashEquals(java.util.Optional.ofNullable(linkAt.get(c.seq())))) {
                    consistent = false;
                    report.accept(new Problem(ProblemKind.WITNESS_MISMATCH, c.globalIndex(), ApiText.of(
                            "integrity.problem.rewritten", String.valueOf(c.seq()), w.name(),
                            HexFormat.of().formatHex(c.chainHash()))));
                }
                if (c.format() >= 2 && (c.unsealedUpTo() != stored.unsealedUpTo()
                        || c.schemeUpTo() != stored.schemeUpTo())) {
                    consistent = false;
                    report.accept(new Problem(ProblemKind.BOUNDARY_CHANGED, 0, ApiText.of(
                            "integrity.problem.witnessBoundaries", w.name(), String.valueOf(c.unsealedUpTo()),
                            String.valueOf(c.schemeUpTo()), String.valueOf(stored.unsealedUpTo()),
                            String.valueOf(stored.schemeUpTo()))));
                }
            }
            if (!"supplied".equals(w.name())) {
                long missing = checkpoints.stream().filter(c -> c.signedBy(keys) && !witnessedSeqs.contains(c.seq())
                        && c.signedAt().isBefore(now.minus(grace))).count();
                if (missing > 0) {
                    note = ApiText.of("integrity.witness.missing", String.valueOf(missing), grace.toString());
                    warnings.add(ApiText.of("integrity.warning.witness", w.name(), note));
                }
            }
            witnessChecks.add(new WitnessCheck(w.name(), ours, latest, consistent, note));
        }

        // 4. rows outside the chain: sealed ones are waiting for the chain; others were not written by the service
        long pending = 0;
        long afterIndex = 0;
        Instant linkBy = now.minus(grace);
        while (true) {
            List<StoredForm> page = jdbc.query("select " + StoredForm.COLUMNS + """
                     from event_store.domain_event_entry e
                    where e.global_index > ? and not exists
                          (select 1 from integrity.chain_link c where c.global_index = e.global_index)
                    order by e.global_index limit ?""", (rs, n) -> StoredForm.read(rs), afterIndex, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (StoredForm event : page) {
                events++;
                if (!check(event, scheme, unsealed).sealValid()) {
                    report.accept(new Problem(ProblemKind.FORGED_EVENT, event.globalIndex(), ApiText.of(
                            "integrity.problem.forged", event.eventId(), String.valueOf(event.globalIndex()))));
                } else if (recordedBefore(event, linkBy)) {
                    report.accept(new Problem(ProblemKind.NOT_LINKED, event.globalIndex(), ApiText.of(
                            "integrity.problem.notLinked", event.eventId(), String.valueOf(event.globalIndex()),
                            String.valueOf(event.timestamp()), grace.toString())));
                } else {
                    pending++;
                }
                afterIndex = event.globalIndex();
            }
            progress.accept(new Progress(links + events, total));
        }
        boolean intact = problems.isEmpty();
        return new Report(intact, events, links, checkpoints.size(), pending, intact ? null : first[0],
                List.copyOf(problems), Map.copyOf(counts), Duration.ofNanos(System.nanoTime() - started),
                List.copyOf(witnessChecks), List.copyOf(warnings), grace);
    }

    /** A page of chain links after {@code afterSeq}, each with the event row it names (null when gone). */
    private List<LinkRow> links(long afterSeq) {
        return jdbc.query("""
                    select c.seq, c.global_index as linked_position, c.event_identifier as linked_id, c.content_hash,
                           c.hash, c.stream_key, c.key_seq, e.global_index, e.event_identifier, e.aggregate_identifier,
                           e.sequence_number, e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload,
                           e.meta_data, e.seal
                    from integrity.chain_link c
                    left join event_store.domain_event_entry e on e.global_index = c.global_index
                    where c.seq > ? order by c.seq limit ?""", (rs, n) -> new LinkRow(rs.getLong("seq"),
                    rs.getLong("linked_position"), rs.getString("linked_id"), rs.getBytes("content_hash"),
                    rs.getBytes("hash"), rs.getString("stream_key"), (Long) rs.getObject("key_seq"),
                    rs.getObject("global_index") == null ? null : StoredForm.read(rs)), afterSeq, PAGE);
    }

    /** Each event's own checks (forms, hashes, seal), on every core. */
    private Checked[] checkAll(List<LinkRow> page, long scheme, long unsealed) {
        Checked[] checked = new Checked[page.size()];
        IntStream.range(0, page.size()).parallel().forEach(i -> {
            StoredForm event = page.get(i).event();
            if (event != null) {
                checked[i] = check(event, scheme, unsealed);
            }
        });
        return checked;
    }

    private static boolean recordedBefore(StoredForm event, Instant limit) {
        try {
            return Instant.parse(event.timestamp()).isBefore(limit);
        } catch (RuntimeException e) {
            return true;
        }
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private record LinkRow(long seq, long position, String linkedId, byte[] content, byte[] hash, String streamKey,
                           Long keySeq, StoredForm event) {
    }

    /** What one event's own checks found, computed apart from the chain walk. */
    private record Checked(byte[] contentHash, boolean sealValid) {
    }

    private Checked check(StoredForm event, long schemeUpTo, long unsealedUpTo) {
        if (event.globalIndex() > schemeUpTo) {
            return new Checked(event.contentHash(), keys.sealMatches(event.timestamp(), event.sealedForm(), event.seal()));
        }
        // the first scheme: canonical form, the seal inside the metadata (none before V10)
        CanonicalEvent.Forms forms = event.canonical().forms();
        String recorded = forms.recordedSeal();
        boolean sealValid = recorded == null ? event.globalIndex() <= unsealedUpTo
                : MessageDigest.isEqual(HexFormat.of().formatHex(keys.seal(event.timestamp(), forms.sealed()))
                .getBytes(StandardCharsets.US_ASCII), recorded.getBytes(StandardCharsets.US_ASCII));
        return new Checked(Hashes.sha256(forms.chained()), sealValid);
    }
}
