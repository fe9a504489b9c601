package org.ntmrecords.infra.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends stored events to the hash chain and signs checkpoints. Links are appended in the order the chain's
 * processor sees events, through {@code integrity.append_links}, which computes each link from the event row itself;
 * each names the event's global index, so verification reads each event back by it. Every checkpoint leaves the
 * database as soon as its transaction commits: the {@link Witnesses} keep a copy outside it.
 */
public class HashChain {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final IntegrityKeys keys;
    private final Clock clock;
    private final int checkpointEvery;
    private final IntegrityBoundaries boundaries;
    private final StreamKeys streamKeys;
    private final Witnesses witnesses;

    private final org.springframework.transaction.support.TransactionTemplate transaction;

    public HashChain(JdbcTemplate jdbc, IntegrityKeys keys, Clock clock, int checkpointEvery,
                     IntegrityBoundaries boundaries, Witnesses witnesses,
                     org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.keys = keys;
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
        this.boundaries = boundaries;
        this.streamKeys = StreamKeys.fromStore(jdbc);
        this.witnesses = witnesses;
    }

    /** A chain position: its sequence number, the event's global index and the chain hash up to it. */
    public record Link(long seq, long globalIndex, byte[] hash) {
    }

    /**
     * A text that is not a checkpoint document: {@link #text()} says why in the reader's language (quoted inside the
     * refusals and reports that name the document), the message in English (logs).
     */
    public static class NotACheckpoint extends IllegalArgumentException {
        private final transient Message text;

        public NotACheckpoint(Message text, Throwable cause) {
            super(text.toString(), cause);
            this.text = text;
        }

        public Message text() {
            return text;
        }
    }

    /**
     * A signed checkpoint, and the exact message its signature covers. Format 1 (before V14) states the link, its
     * position and the chain hash; format 2 also both integrity boundaries.
     */
    public record Checkpoint(long seq, long globalIndex, byte[] chainHash, Instant signedAt, String keyId,
                             byte[] signature, int format, long unsealedUpTo, long schemeUpTo, String storeId) {
        public static final String DOCUMENT_FORMAT = "ntm-records-checkpoint/2";

        public String message() {
            return format == 1 ? messageV1(seq, globalIndex, chainHash, signedAt, keyId)
                    : message(seq, globalIndex, chainHash, unsealedUpTo, schemeUpTo, storeId, signedAt, keyId);
        }

        /** What a checkpoint signs: plain text, so it can be checked with standard tools (docs/audit.md). */
        public static String message(long seq, long globalIndex, byte[] chainHash, long unsealedUpTo, long schemeUpTo,
                                     String storeId, Instant signedAt, String keyId) {
            return "ntm-records checkpoint v2\nstore=" + storeId + "\nseq=" + seq + "\nglobalIndex=" + globalIndex
                    + "\nchainHash=" + HexFormat.of().formatHex(chainHash) + "\nunsealedUpTo=" + unsealedUpTo
                    + "\nschemeUpTo=" + schemeUpTo + "\nsignedAt=" + signedAt + "\nkeyId=" + keyId + "\n";
        }

        static String messageV1(long seq, long globalIndex, byte[] chainHash, Instant signedAt, String keyId) {
            return "ntm-records checkpoint v1\nseq=" + seq + "\nglobalIndex=" + globalIndex + "\nchainHash="
                    + HexFormat.of().formatHex(chainHash) + "\nsignedAt=" + signedAt + "\nkeyId=" + keyId + "\n";
        }

        /** Whether the chain's link at this checkpoint's position has the hash it signed. */
        public boolean chainHashEquals(Optional<Link> link) {
            return link.isPresent() && link.get().seq() == seq && link.get().globalIndex() == globalIndex
                    && java.security.MessageDigest.isEqual(link.get().hash(), chainHash);
        }

        public boolean signedBy(IntegrityKeys keys) {
            return keys.signatureHolds(signedAt, keyId, message().getBytes(StandardCharsets.UTF_8), signature);
        }

        /** The checkpoint as one line of JSON: what witnesses keep and auditors save ({@link #parse}). */
        public String document() {
            ObjectNode node = JSON.createObjectNode();
            node.put("format", DOCUMENT_FORMAT);
            node.put("checkpointFormat", format);
            node.put("store", storeId);
            node.put("seq", seq);
            node.put("globalIndex", globalIndex);
            node.put("chainHash", HexFormat.of().formatHex(chainHash));
            node.put("unsealedUpTo", unsealedUpTo);
            node.put("schemeUpTo", schemeUpTo);
            node.put("signedAt", signedAt.toString());
            node.put("keyId", keyId);
            node.put("message", message());
            node.put("signature", Base64.getEncoder().encodeToString(signature));
            return node.toString();
        }

        /**
         * A checkpoint from its document.
         *
         * @throws NotACheckpoint when the text is not a checkpoint document
         */
        public static Checkpoint parse(String document) {
            JsonNode node;
            try {
                node = JSON.readTree(document);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new NotACheckpoint(ApiText.of("integrity.checkpoint.unreadable", e.getOriginalMessage()), e);
            }
            if (node == null || !DOCUMENT_FORMAT.equals(node.path("format").asText())) {
                throw new NotACheckpoint(ApiText.of("integrity.checkpoint.format", DOCUMENT_FORMAT), null);
            }
            for (String field : List.of("seq", "globalIndex", "chainHash", "signedAt", "keyId", "signature")) {
                if (!node.hasNonNull(field)) {
                    throw new NotACheckpoint(ApiText.of("integrity.checkpoint.without", field), null);
                }
            }
            try {
                return new Checkpoint(node.path("seq").asLong(), node.path("globalIndex").asLong(),
                        HexFormat.of().parseHex(node.path("chainHash").asText()),
                        Instant.parse(node.path("signedAt").asText()), node.path("keyId").asText(),
                        Base64.getDecoder().decode(node.path("signature").asText()),
                        node.path("checkpointFormat").asInt(2), node.path("unsealedUpTo").asLong(),
                        node.path("schemeUpTo").asLong(), node.path("store").asText(null));
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                // a chain hash or signature that is not hex or base64, a time that is not ISO-8601
                throw new NotACheckpoint(ApiText.of("integrity.checkpoint.badValue"), e);
            }
        }
    }

    /** Links the event with this id, unless it is linked already (a retried batch). */
    public void append(String eventId) {
        appendAll(List.of(eventId));
    }

    /**
     * Links these events in this order, skipping those linked already (a retried batch): their stored rows are read
     * in one query, the links written by one call of {@code integrity.append_links}, and a checkpoint signed wherever
     * the chain crosses a multiple of the checkpoint interval.
     */
    public void appendAll(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        Map<String, StoredForm> events = new HashMap<>();
        jdbc.query(org.ntmrecords.query.common.CustomPlan.of("select " + StoredForm.COLUMNS
                        + " from event_store.domain_event_entry e where e.event_identifier = any(?)",
                        (Object) eventIds.toArray(String[]::new)),
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    StoredForm event = StoredForm.read(rs);
                    events.put(event.eventId(), event);
                });
        long schemeUpTo = boundaries.schemeUpTo();
        List<Long> positions = new ArrayList<>(eventIds.size());
        List<byte[]> contents = new ArrayList<>(eventIds.size());
        List<String> streams = new ArrayList<>(eventIds.size());
        for (String eventId : eventIds) {
            StoredForm event = events.get(eventId);
            if (event == null) {
                throw new IllegalStateException("event " + eventId + " is not in the event store");
            }
            positions.add(event.globalIndex());
            boolean firstScheme = event.globalIndex() <= schemeUpTo;
            contents.add(firstScheme ? Hashes.sha256(event.canonical().bytes()) : event.contentHash());
            streams.add(firstScheme ? null : streamKeys.keyOf(event.type(), event.aggregateId(),
                    event.sequenceNumber(), event.payload()));
        }
        List<Link> written = jdbc.query("select link_seq, link_global_index, link_hash from integrity.append_links(?, ?, ?, ?)",
                (rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getBytes(3)),
                positions.toArray(Long[]::new), contents.toArray(byte[][]::new), streams.toArray(String[]::new),
                Timestamp.from(clock.instant()));
        written.stream().filter(link -> link.seq() % checkpointEvery == 0).forEach(this::sign);
    }

    public Optional<Link> last() {
        return jdbc.query("select seq, global_index, hash from integrity.chain_link order by seq desc limit 1",
                (rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getBytes(3))).stream().findFirst();
    }

    /** The store's identity, which every checkpoint states. */
    public String storeId() {
        return boundaries.storeId();
    }

    public Optional<Link> linkAt(long seq) {
        return jdbc.query("select seq, global_index, hash from integrity.chain_link where seq = ?",
                (rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getBytes(3)), seq).stream().findFirst();
    }

    /**
     * Signs a checkpoint at the chain's head unless one covers it already; the checkpoint covering the head, handed to
     * the witnesses before this returns.
     */
    public Optional<Checkpoint> signHead() {
        Optional<Checkpoint> covering = transaction.execute(status -> signHeadNow());
        witnesses.sync(this);
        return covering;
    }

    private Optional<Checkpoint> signHeadNow() {
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
        Instant signedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String keyId = keys.keyIdAt(signedAt);
        IntegrityBoundaries.Values bounds = boundaries.values();
        byte[] signature = keys.sign(signedAt, Checkpoint.message(link.seq(), link.globalIndex(), link.hash(),
                bounds.unsealedUpTo(), bounds.schemeUpTo(), bounds.storeId(), signedAt, keyId)
                .getBytes(StandardCharsets.UTF_8));
        jdbc.queryForObject("select integrity.append_checkpoint(?, ?, ?, ?, ?::smallint, ?, ?, ?::uuid)", Boolean.class,
                link.seq(), Timestamp.from(signedAt), keyId, signature, 2, bounds.unsealedUpTo(), bounds.schemeUpTo(),
                bounds.storeId());
        Checkpoint checkpoint = new Checkpoint(link.seq(), link.globalIndex(), link.hash(), signedAt, keyId, signature,
                2, bounds.unsealedUpTo(), bounds.schemeUpTo(), bounds.storeId());
        // out of the database once it is in it: after the commit, or now when there is no transaction
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    witnesses.requestSync(HashChain.this);
                }
            });
        } else {
            witnesses.requestSync(this);
        }
        return checkpoint;
    }

    public Optional<Checkpoint> latestCheckpoint() {
        return checkpoints("order by seq desc limit 1").stream().findFirst();
    }

    /** The first checkpoint at or after a chain position. */
    public Optional<Checkpoint> covering(long seq) {
        return checkpoints("where seq >= " + seq + " order by seq limit 1").stream().findFirst();
    }

    /** The checkpoints after a link, in order. */
    public List<Checkpoint> after(long seq) {
        return checkpoints("where seq > " + seq + " order by seq");
    }

    List<Checkpoint> checkpoints(String clause) {
        return jdbc.query("select seq, global_index, chain_hash, signed_at, key_id, signature, format, unsealed_up_to, "
                + "scheme_up_to, store_id::text from integrity.checkpoint " + clause, (rs, n) -> new Checkpoint(
                rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getTimestamp(4).toInstant(), rs.getString(5),
                rs.getBytes(6), rs.getInt(7), rs.getLong(8), rs.getLong(9), rs.getString(10)));
    }
}
