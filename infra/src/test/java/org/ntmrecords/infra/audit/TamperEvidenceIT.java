package org.ntmrecords.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.ntmrecords.infra.integrity.CanonicalEvent;
import org.ntmrecords.infra.integrity.ChainProjection;
import org.ntmrecords.infra.integrity.ExportVerifier;
import org.ntmrecords.infra.integrity.HashChain;
import org.ntmrecords.infra.integrity.Hashes;
import org.ntmrecords.infra.integrity.IntegrityBoundaries;
import org.ntmrecords.infra.integrity.IntegrityKeys;
import org.ntmrecords.infra.integrity.IntegrityProperties;
import org.ntmrecords.infra.integrity.StoreVerifier;
import org.ntmrecords.infra.integrity.StoreVerifier.ProblemKind;
import org.ntmrecords.infra.integrity.StoredForm;
import org.ntmrecords.infra.integrity.Witnesses;
import org.ntmrecords.infra.support.IntegrationTest;
import org.ntmrecords.query.common.ReadModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Tampering done directly in SQL as the database superuser, with triggers switched off for the session
 * ({@code session_replication_role = replica}) — the only way past the append-only triggers — is found by
 * verification, at the right position, and none of it is taken for "not linked yet". The checkpoints the service
 * handed to its witness (a file outside the database) are what a rewritten, truncated or cut chain is held against.
 * Each case is undone afterwards, except the forged rows of the last tests, which halt the service's processors
 * (they never read past a row the service did not store). A service of its own, so no other test sees the damage.
 */
@TestPropertySource(properties = "ntm.test.isolated=tamper")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TamperEvidenceIT extends IntegrationTest {
    @Autowired
    StoreVerifier verifier;
    @Autowired
    HashChain chain;
    @Autowired
    IntegrityKeys keys;
    @Autowired
    IntegrityBoundaries boundaries;
    @Autowired
    Witnesses witnesses;
    @Autowired
    Clock clock;
    @Autowired
    IntegrityProperties properties;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EventProcessingConfiguration processing;

    @BeforeEach
    void chainedAndCheckpointed() {
        if (!forgedPhase) {
            awaitProjections();
            chain.signHead();
        }
    }

    private static boolean forgedPhase;

    /** A position in the middle of the chain. */
    private long middle() {
        return jdbc.queryForObject("select global_index from integrity.chain_link order by seq offset "
                + "(select count(*) / 2 from integrity.chain_link) limit 1", Long.class);
    }

    /** Statements run in order on one connection as the superuser, triggers off. */
    private void superuser(String... statements) {
        try (Connection connection = owner(); Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void superuserWith(String sql, Object... args) {
        asOwner(true, sql, args);
    }

    private byte[] payload(long position) {
        return jdbc.queryForObject("select payload from event_store.domain_event_entry where global_index = ?",
                byte[].class, position);
    }

    private void setPayload(long position, byte[] payload) {
        superuserWith("update event_store.domain_event_entry set payload = ? where global_index = ?", payload, position);
    }

    private StoreVerifier.Report verify() {
        return verifier.verify(p -> { });
    }

    /** Verification as it would run this long after now (past the grace window for linking, say). */
    private StoreVerifier.Report verifyAfter(Duration later) {
        return new StoreVerifier(jdbc, keys, chain, boundaries, witnesses, Clock.offset(clock, later),
                properties.linkGrace(), transactions).verify(p -> { });
    }

    private static void brokenAt(StoreVerifier.Report report, long position, ProblemKind... kinds) {
        assertThat(report.intact()).as(report.summary()).isFalse();
        assertThat(report.firstBrokenPosition()).as(report.problems().toString()).isEqualTo(position);
        assertThat(report.problems()).filteredOn(p -> p.position() == position)
                .extracting(StoreVerifier.Problem::kind).contains(kinds);
    }

    private void intact() {
        StoreVerifier.Report report = verify();
        assertThat(report.intact()).as(report.summary() + " " + report.problems()).isTrue();
        assertThat(report.witnessChecks()).isNotEmpty().allMatch(StoreVerifier.WitnessCheck::consistent);
    }

    private static List<ProblemKind> kinds(StoreVerifier.Report report) {
        return report.problems().stream().map(StoreVerifier.Problem::kind).toList();
    }

    @Test
    @Order(1)
    void anUntouchedStoreVerifiesOverTheApiAgainstItsWitness() {
        StoreVerifier.Report untouched = verify();
        assertThat(untouched.intact()).as(untouched.summary() + " " + untouched.problems()).isTrue();
        assertThat(untouched.witnessChecks()).singleElement().satisfies(w -> {
            assertThat(w.witness()).startsWith("file:").endsWith(".jsonl");
            assertThat(w.checkpoints()).isPositive();
            assertThat(w.consistent()).isTrue();
        });
        String id = graphQl().document("mutation { startStoreVerification { id verification { id startedBy status } errors { code } } }")
                .execute()
                .path("startStoreVerification.errors").entityList(Object.class).hasSize(0)
                .path("startStoreVerification.verification.startedBy").entity(String.class).isEqualTo("auditor")
                .path("startStoreVerification.verification.status").entity(String.class)
                .satisfies(status -> assertThat(status).isIn("QUEUED", "RUNNING", "DONE"))
                .path("startStoreVerification.id").entity(String.class).get();
        graphQl().document("query($id: ID!) { storeVerification(id: $id) { id } }").variable("id", id).execute()
                .path("storeVerification.id").entity(String.class).isEqualTo(id);
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(graphQl()
                .document("query($id: ID!) { storeVerification(id: $id) { status } }").variable("id", id).execute()
                .path("storeVerification.status").entity(String.class).get()));
        graphQl().document("""
                        query($id: ID!) { storeVerification(id: $id) { intact checked total firstBrokenPosition
                          linksChecked checkpointsChecked linkGrace problems { kind }
                          witnesses { witness checkpoints latestSeq consistent } } }""").variable("id", id).execute()
                .path("storeVerification.intact").entity(Boolean.class).isEqualTo(true)
                .path("storeVerification.firstBrokenPosition").valueIsNull()
                .path("storeVerification.linkGrace").entity(String.class).isEqualTo("PT10M")
                .path("storeVerification.witnesses[0].consistent").entity(Boolean.class).isEqualTo(true)
                .path("storeVerification.checkpointsChecked").entity(Integer.class).satisfies(n -> assertThat(n).isPositive())
                .path("storeVerification.checked").entity(Long.class)
                .satisfies(n -> assertThat(n).isEqualTo(graphQl().document("query($id: ID!) { storeVerification(id: $id) { total } }")
                        .variable("id", id).execute().path("storeVerification.total").entity(Long.class).get()));
        graphQl("dashboard").document("mutation { startStoreVerification { id } }").execute()
                .errors().expect(e -> e.getErrorType().toString().equals("FORBIDDEN")).verify();
        graphQl().document("{ integrityPublicKey { algorithm keyId pem } }").execute()
                .path("integrityPublicKey.algorithm").entity(String.class).isEqualTo("Ed25519")
                .path("integrityPublicKey.pem").entity(String.class).satisfies(p -> assertThat(p).startsWith("-----BEGIN PUBLIC KEY-----"));
        // the witness holds exactly the checkpoints the database holds, as documents an auditor can keep
        String document = graphQl().document("{ latestCheckpoint { seq format document } }").execute()
                .path("latestCheckpoint.format").entity(Integer.class).isEqualTo(2)
                .path("latestCheckpoint.document").entity(String.class).get();
        assertThat(HashChain.Checkpoint.parse(document).signedBy(keys)).isTrue();
        assertThat(witnesses.latestWitnessed(boundaries.storeId())).get()
                .satisfies(w -> assertThat(w.checkpoint().document()).isEqualTo(document));
    }

    @Test
    @Order(2)
    void oneChangedByteOfAPayloadIsFound() {
        long position = middle();
        byte[] original = payload(position);
        byte[] changed = original.clone();
        int at = new String(original, StandardCharsets.UTF_8).indexOf(':') + 2;
        changed[at] = (byte) (changed[at] ^ 0x01);
        setPayload(position, changed);
        brokenAt(verify(), position, ProblemKind.CONTENT_CHANGED, ProblemKind.SEAL_INVALID);
        setPayload(position, original);
        intact();
    }

    @Test
    @Order(3)
    void changedMetadataIsFound() {
        long position = middle() + 1;
        byte[] original = jdbc.queryForObject("select meta_data from event_store.domain_event_entry where global_index = ?",
                byte[].class, position);
        superuserWith("""
                update event_store.domain_event_entry
                   set meta_data = convert_to((convert_from(meta_data, 'UTF8')::jsonb || '{"actor": "someone-else"}')::text, 'UTF8')
                 where global_index = ?""", position);
        brokenAt(verify(), position, ProblemKind.CONTENT_CHANGED, ProblemKind.SEAL_INVALID);
        superuserWith("update event_store.domain_event_entry set meta_data = ? where global_index = ?", original, position);
        intact();
    }

    /**
     * The same JSON written otherwise — bytes after it (which a JSON reader ignores), spaces, a letter as its escape,
     * a lone surrogate as '?' — is another stored value, and each is found: the seal and the chain cover the bytes.
     */
    @Test
    @Order(4)
    void aPayloadRewrittenIntoEquivalentJsonIsFound() {
        long position = middle() + 2;
        byte[] original = payload(position);
        String text = new String(original, StandardCharsets.UTF_8);
        int letter = text.indexOf("\":\"") + 3;
        List<byte[]> rewritten = List.of(
                (text + "  {\"appended\": true}").getBytes(StandardCharsets.UTF_8),
                ("{ " + text.substring(1)).getBytes(StandardCharsets.UTF_8),
                (text.substring(0, letter) + String.format("\\u%04x", (int) text.charAt(letter))
                        + text.substring(letter + 1)).getBytes(StandardCharsets.UTF_8),
                (text.substring(0, letter) + "\\ud800" + text.substring(letter + 1)).getBytes(StandardCharsets.UTF_8),
                (text.substring(0, letter) + "?" + text.substring(letter + 1)).getBytes(StandardCharsets.UTF_8));
        for (byte[] payload : rewritten) {
            setPayload(position, payload);
            brokenAt(verify(), position, ProblemKind.CONTENT_CHANGED, ProblemKind.SEAL_INVALID);
        }
        setPayload(position, original);
        intact();
    }

    @Test
    @Order(5)
    void aDeletedEventIsFound() {
        long position = middle() + 3;
        superuser("create table public.tamper_event as select * from event_store.domain_event_entry where global_index = "
                + position, "delete from event_store.domain_event_entry where global_index = " + position);
        brokenAt(verify(), position, ProblemKind.MISSING_EVENT);
        superuser("insert into event_store.domain_event_entry select * from public.tamper_event",
                "drop table public.tamper_event");
        intact();
    }

    @Test
    @Order(6)
    void twoSwappedEventsAreFound() {
        long first = middle() + 4;
        long second = first + 1;
        String swap = """
                update event_store.domain_event_entry e
                   set payload = o.payload, payload_type = o.payload_type, meta_data = o.meta_data, seal = o.seal
                  from (select global_index, payload, payload_type, meta_data, seal from event_store.domain_event_entry
                         where global_index in (?, ?)) o
                 where e.global_index in (?, ?) and o.global_index <> e.global_index""";
        superuserWith(swap, first, second, first, second);
        StoreVerifier.Report report = verify();
        brokenAt(report, first, ProblemKind.CONTENT_CHANGED, ProblemKind.SEAL_INVALID);
        assertThat(report.problems()).extracting(StoreVerifier.Problem::position).contains(second);
        superuserWith(swap, first, second, first, second);
        intact();
    }

    @Test
    @Order(7)
    void aCheckpointWithAnotherSignatureOrHashIsFound() {
        HashChain.Checkpoint latest = chain.latestCheckpoint().orElseThrow();
        byte[] signature = latest.signature().clone();
        signature[0] ^= 0x01;
        superuserWith("update integrity.checkpoint set signature = ? where seq = ?", signature, latest.seq());
        brokenAt(verify(), latest.globalIndex(), ProblemKind.CHECKPOINT_INVALID);
        superuserWith("update integrity.checkpoint set signature = ? where seq = ?", latest.signature(), latest.seq());
        intact();
        byte[] hash = latest.chainHash().clone();
        hash[31] ^= 0x01;
        superuserWith("update integrity.checkpoint set chain_hash = ? where seq = ?", hash, latest.seq());
        brokenAt(verify(), latest.globalIndex(), ProblemKind.CHECKPOINT_INVALID);
        superuserWith("update integrity.checkpoint set chain_hash = ? where seq = ?", latest.chainHash(), latest.seq());
        intact();
    }

    private void saveChain() {
        superuser("create table public.tamper_links as select * from integrity.chain_link",
                "create table public.tamper_checkpoints as select * from integrity.checkpoint");
    }

    private void restoreChain() {
        superuser("delete from integrity.chain_link", "delete from integrity.checkpoint",
                "insert into integrity.chain_link select * from public.tamper_links",
                "insert into integrity.checkpoint select * from public.tamper_checkpoints",
                "drop table public.tamper_links", "drop table public.tamper_checkpoints");
    }

    /** Links cut off the chain's end: the witness's checkpoint is beyond it, and the events are not linked. */
    @Test
    @Order(8)
    void aTruncatedChainIsFound() {
        long cutAt = jdbc.queryForObject("select max(seq) / 2 from integrity.chain_link", Long.class);
        saveChain();
        superuser("delete from integrity.chain_link where seq > " + cutAt,
                "delete from integrity.checkpoint where seq > " + cutAt);
        StoreVerifier.Report now = verify();
        assertThat(now.intact()).as(now.summary()).isFalse();
        assertThat(kinds(now)).contains(ProblemKind.WITNESS_MISMATCH);
        assertThat(now.problems()).filteredOn(p -> p.kind() == ProblemKind.WITNESS_MISMATCH)
                .anySatisfy(p -> assertThat(p.detail()).contains("truncated"));
        // once the grace window has passed, every cut-off event is unlinked, never "not linked yet"
        StoreVerifier.Report later = verifyAfter(properties.linkGrace().plusMinutes(1));
        assertThat(later.pending()).isZero();
        assertThat(kinds(later)).contains(ProblemKind.NOT_LINKED, ProblemKind.WITNESS_MISMATCH);
        restoreChain();
        intact();
    }

    /** The chain and the checkpoints emptied (the issue found "INTACT, 0 links, 2838 not linked yet"). */
    @Test
    @Order(9)
    void anEmptiedChainIsFoundWithOrWithoutADeletedEvent() {
        long position = middle();
        saveChain();
        superuser("delete from integrity.chain_link", "delete from integrity.checkpoint");
        StoreVerifier.Report report = verify();
        assertThat(report.intact()).as(report.summary()).isFalse();
        assertThat(report.linksChecked()).isZero();
        assertThat(kinds(report)).contains(ProblemKind.WITNESS_MISMATCH);
        assertThat(kinds(verifyAfter(properties.linkGrace().plusMinutes(1)))).contains(ProblemKind.NOT_LINKED);

        superuser("create table public.tamper_event as select * from event_store.domain_event_entry where global_index = "
                + position, "delete from event_store.domain_event_entry where global_index = " + position);
        restoreChain();
        brokenAt(verify(), position, ProblemKind.MISSING_EVENT);
        saveChain();
        superuser("delete from integrity.chain_link", "delete from integrity.checkpoint");
        assertThat(kinds(verify())).contains(ProblemKind.WITNESS_MISMATCH);
        restoreChain();
        superuser("insert into event_store.domain_event_entry select * from public.tamper_event",
                "drop table public.tamper_event");
        intact();
    }

    /** The newest events removed with their links and the newest checkpoint: the witness still has it. */
    @Test
    @Order(10)
    void theNewestEventsRemovedWithTheirLinksAndCheckpointAreFound() {
        long head = jdbc.queryForObject("select max(seq) from integrity.chain_link", Long.class);
        HashChain.Checkpoint witnessed = witnesses.latestWitnessed(boundaries.storeId()).orElseThrow().checkpoint();
        assertThat(witnessed.seq()).isEqualTo(head);
        saveChain();
        superuser("create table public.tamper_events as select e.* from event_store.domain_event_entry e "
                        + "join integrity.chain_link c on c.global_index = e.global_index where c.seq > " + (head - 5),
                "delete from event_store.domain_event_entry where global_index in (select global_index from public.tamper_events)",
                "delete from integrity.chain_link where seq > " + (head - 5),
                "delete from integrity.checkpoint where seq > " + (head - 5));
        StoreVerifier.Report report = verify();
        assertThat(report.intact()).as(report.summary()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.WITNESS_MISMATCH);
            assertThat(p.position()).isEqualTo(witnessed.globalIndex());
            assertThat(p.detail()).contains("link " + head).contains("truncated");
        });
        restoreChain();
        superuser("insert into event_store.domain_event_entry select * from public.tamper_events",
                "drop table public.tamper_events");
        intact();
    }

    /**
     * A full rewrite by someone holding the database and our source but not the keys: one payload edited and its
     * seal stripped, both boundaries raised so that no event needs a seal, a new chain computed over everything the
     * way the first scheme did, no checkpoint (none can be signed). Consistent with itself, not with the witness.
     */
    @Test
    @Order(11)
    void aFullRewriteOfChainCheckpointsAndBoundariesIsFound() throws SQLException {
        long position = middle();
        byte[] original = payload(position);
        byte[] seal = jdbc.queryForObject("select seal from event_store.domain_event_entry where global_index = ?",
                byte[].class, position);
        saveChain();
        String text = new String(original, StandardCharsets.UTF_8);
        int at = text.indexOf(':') + 2;
        superuserWith("update event_store.domain_event_entry set payload = ?, seal = null where global_index = ?",
                (text.substring(0, at) + "X" + text.substring(at + 1)).getBytes(StandardCharsets.UTF_8), position);
        superuser("create table public.tamper_bounds as select (select global_index from integrity.legacy_boundary) u, "
                        + "(select global_index from integrity.scheme_boundary) s",
                "delete from integrity.legacy_boundary", "delete from integrity.scheme_boundary",
                "insert into integrity.legacy_boundary select max(global_index) from event_store.domain_event_entry",
                "insert into integrity.scheme_boundary select max(global_index) from event_store.domain_event_entry",
                "delete from integrity.chain_link", "delete from integrity.checkpoint");
        try (Connection connection = owner()) {
            connection.createStatement().execute("set session_replication_role = replica");
            List<StoredForm> events = new ArrayList<>();
            try (var rs = connection.createStatement().executeQuery("select " + StoredForm.COLUMNS
                    + " from event_store.domain_event_entry e order by e.global_index")) {
                while (rs.next()) {
                    events.add(StoredForm.read(rs));
                }
            }
            byte[] previous = Hashes.GENESIS;
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into integrity.chain_link (seq, global_index, event_identifier, content_hash, hash, linked_at)
                    values (?, ?, ?, ?, ?, now())""")) {
                long seq = 0;
                for (StoredForm event : events) {
                    CanonicalEvent canonical = event.canonical();
                    byte[] content = Hashes.sha256(canonical.bytes());
                    previous = Hashes.link(previous, content);
                    insert.setLong(1, ++seq);
                    insert.setLong(2, event.globalIndex());
                    insert.setString(3, event.eventId());
                    insert.setBytes(4, content);
                    insert.setBytes(5, previous);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        StoreVerifier.Report report = verify();
        assertThat(report.intact()).as(report.summary()).isFalse();
        assertThat(kinds(report)).contains(ProblemKind.WITNESS_MISMATCH, ProblemKind.BOUNDARY_CHANGED,
                ProblemKind.SEAL_INVALID);
        assertThat(report.problems()).filteredOn(p -> p.position() == position).extracting(StoreVerifier.Problem::kind)
                .contains(ProblemKind.SEAL_INVALID);

        restoreChain();
        superuser("delete from integrity.legacy_boundary", "delete from integrity.scheme_boundary",
                "insert into integrity.legacy_boundary select u from public.tamper_bounds",
                "insert into integrity.scheme_boundary select s from public.tamper_bounds",
                "drop table public.tamper_bounds");
        superuserWith("update event_store.domain_event_entry set payload = ?, seal = ? where global_index = ?",
                original, seal, position);
        intact();
    }

    @Test
    @Order(12)
    void anExportedHistoryVerifiesOfflineCompleteAndAnyChangeOrOmissionIsFound(@TempDir Path dir) throws Exception {
        String export = graphQl().document("query { unitHistoryExport(unitCode: \"30049\") }").execute()
                .path("unitHistoryExport").entity(String.class).get();
        ExportVerifier.Result result = ExportVerifier.verify(export, null);
        assertThat(result.problems()).isEmpty();
        assertThat(result.events()).isPositive();
        assertThat(result.unitEvents()).isPositive();

        Path file = dir.resolve("history-30049.json");
        Files.writeString(file, export);
        Path key = dir.resolve("key.pem");
        Files.writeString(key, graphQl().document("{ integrityPublicKey { pem } }").execute()
                .path("integrityPublicKey.pem").entity(String.class).get());
        assertThat(ExportVerifier.run(List.of(file.toString(), key.toString()))).isZero();

        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        // a value changed in an exported event's readable copy, or in its stored bytes
        var readable = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(export);
        var firstEvent = (com.fasterxml.jackson.databind.node.ObjectNode) readable.path("events").get(0);
        firstEvent.set("payload", json.createObjectNode().put("unitCode", "30061"));
        assertThat(ExportVerifier.verify(readable.toString(), null).intact()).isFalse();
        // one of the unit's events left out
        var omitted = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(export);
        ((com.fasterxml.jackson.databind.node.ArrayNode) omitted.path("events")).remove(1);
        ExportVerifier.Result missing = ExportVerifier.verify(omitted.toString(), null);
        assertThat(missing.intact()).isFalse();
        assertThat(missing.problems()).anySatisfy(p -> assertThat(p).contains("missing from the export"));
        // the chain re-computed over a forged event and the signed-looking chainHash field changed to match:
        // the signature covers the message built from the fields, so it no longer verifies
        var rechained = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(export);
        ((com.fasterxml.jackson.databind.node.ObjectNode) rechained.path("checkpoint")).put("chainHash",
                "00".repeat(32));
        assertThat(ExportVerifier.verify(rechained.toString(), null).problems())
                .anySatisfy(p -> assertThat(p).contains("signature"));
        // a checkpoint checked against another key than the service's
        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        assertThat(ExportVerifier.verify(export, other).intact()).isFalse();
        // trailing bytes after the document
        assertThat(ExportVerifier.verify(export + " {}", null).intact()).isFalse();
        graphQl("dashboard").document("query { unitHistoryExport(unitCode: \"30049\") }").execute()
                .errors().expect(e -> e.getErrorType().toString().equals("FORBIDDEN")).verify();
    }

    /**
     * The documented check with standard tools only: openssl verifies the signed message, docs/check-export.py the
     * links, every event's stored row and completeness. A changed event and a left-out event both fail it.
     */
    @Test
    @Order(14)
    void theDocumentedOfflineCheckWithOpensslAndPythonHoldsAndCatchesChanges(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(available("openssl", "version") && available("python3", "--version"),
                "openssl and python3 are needed for the documented offline check");
        String export = graphQl().document("query { unitHistoryExport(unitCode: \"30049\") }").execute()
                .path("unitHistoryExport").entity(String.class).get();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var doc = json.readTree(export);
        Path key = dir.resolve("key.pem");
        Files.writeString(key, keys.publicKeyPem());
        Path message = dir.resolve("message.txt");
        Files.writeString(message, doc.path("checkpoint").path("message").asText());
        Path signature = dir.resolve("signature.bin");
        Files.write(signature, java.util.Base64.getDecoder().decode(doc.path("checkpoint").path("signature").asText()));
        assertThat(run(dir, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", key.toString(), "-rawin", "-in",
                message.toString(), "-sigfile", signature.toString())).isZero();
        Path script = Path.of("..", "docs", "check-export.py").toAbsolutePath().normalize();
        Path file = dir.resolve("history.json");
        Files.writeString(file, export);
        assertThat(run(dir, "python3", script.toString(), file.toString())).isZero();

        var omitted = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(export);
        ((com.fasterxml.jackson.databind.node.ArrayNode) omitted.path("events")).remove(1);
        Files.writeString(file, omitted.toString());
        assertThat(run(dir, "python3", script.toString(), file.toString())).isNotZero();
        Files.writeString(file, export.replaceFirst("\"timeStamp\" : \"2", "\"timeStamp\" : \"1"));
        assertThat(run(dir, "python3", script.toString(), file.toString())).isNotZero();
        Files.writeString(message, doc.path("checkpoint").path("message").asText().replace("seq=", "seq=1"));
        assertThat(run(dir, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", key.toString(), "-rawin", "-in",
                message.toString(), "-sigfile", signature.toString())).isNotZero();
    }

    private static boolean available(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
        } catch (java.io.IOException | InterruptedException e) {
            return false;
        }
    }

    private static int run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        System.out.println(String.join(" ", command) + " -> " + code + ": " + output.strip());
        return code;
    }

    /** An auditor's own saved checkpoint is checked like a witness's. */
    @Test
    @Order(13)
    void aSavedCheckpointIsCheckedLikeAWitness() {
        String saved = graphQl().document("{ latestCheckpoint { document } }").execute()
                .path("latestCheckpoint.document").entity(String.class).get();
        assertThat(verifier.verify(p -> { }, List.of(HashChain.Checkpoint.parse(saved))).witnessChecks())
                .anySatisfy(w -> {
                    assertThat(w.witness()).isEqualTo("supplied");
                    assertThat(w.consistent()).isTrue();
                });
        // a document that is not a checkpoint: a typed error naming it, and no verification started
        graphQl().document("mutation($c: [String!]) { startStoreVerification(input: {checkpoints: $c}) { id verification { id } errors { code field message } } }")
                .variable("c", List.of(saved, "not a checkpoint")).execute()
                .path("startStoreVerification.id").valueIsNull()
                .path("startStoreVerification.verification").valueIsNull()
                .path("startStoreVerification.errors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("startStoreVerification.errors[0].field").entity(String.class).isEqualTo("checkpoints[1]");
    }

    // From here on, rows the service did not store: its processors halt at them and stay halted.

    private boolean halted(String processor) {
        return processing.eventProcessor(processor, StreamingEventProcessor.class).orElseThrow().processingStatus()
                .values().stream().anyMatch(s -> s.isErrorState());
    }

    /**
     * A boundary inserted (its table refused INSERT only since V14: no trigger needed to be switched off before) and
     * an unsealed forged event after it: never linked, never projected, and verification says BROKEN.
     */
    @Test
    @Order(20)
    void aRaisedBoundaryAndAnUnsealedForgedEventAreRefusedAndFound() {
        forgedPhase = true;
        awaitProjections();
        long before = jdbc.queryForObject("select count(*) from read_model.history_event", Long.class);
        superuser("insert into integrity.legacy_boundary values (9000000000)",
                "insert into integrity.scheme_boundary values (9000000000)",
                """
                insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload, meta_data)
                select 'forged-1', aggregate_identifier, sequence_number + 100000, type, time_stamp, payload_type,
                       payload_revision, payload, meta_data
                  from event_store.domain_event_entry
                 where payload_type like '%IndicatorValueRecordedEvent' order by global_index desc limit 1""");
        long forged = jdbc.queryForObject("select global_index from event_store.domain_event_entry "
                + "where event_identifier = 'forged-1'", Long.class);

        // the processors stop at it instead of projecting or linking it
        await().atMost(Duration.ofSeconds(30)).until(() -> halted(ReadModel.PROCESSING_GROUP)
                && halted(ChainProjection.PROCESSING_GROUP));
        assertThat(jdbc.queryForObject("select count(*) from integrity.chain_link where global_index = ?", Long.class,
                forged)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from read_model.history_event where position = ?", Long.class,
                forged)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from read_model.history_event", Long.class)).isEqualTo(before);

        StoreVerifier.Report report = verify();
        assertThat(report.intact()).as(report.summary()).isFalse();
        assertThat(kinds(report)).contains(ProblemKind.BOUNDARY_CHANGED, ProblemKind.FORGED_EVENT);
        assertThat(report.problems()).filteredOn(p -> p.position() == forged).extracting(StoreVerifier.Problem::kind)
                .containsExactly(ProblemKind.FORGED_EVENT);
    }

    /**
     * A forged copy of a recorded value (new event id, the real one's seal): verification gives its verdict at once,
     * with the processors halted at the forgery (it never waits for them).
     */
    @Test
    @Order(21)
    void aForgedCopyWithACopiedSealGetsAVerdictWithoutWaiting() {
        superuser("""
                insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload, meta_data, seal)
                select 'forged-2', aggregate_identifier, sequence_number + 200000, type, time_stamp, payload_type,
                       payload_revision, payload, meta_data, seal
                  from event_store.domain_event_entry
                 where payload_type like '%IndicatorValueRecordedEvent' and seal is not null
                 order by global_index desc limit 1""");
        long forged = jdbc.queryForObject("select global_index from event_store.domain_event_entry "
                + "where event_identifier = 'forged-2'", Long.class);
        StoreVerifier.Report report = verify();
        assertThat(report.problems()).filteredOn(p -> p.position() == forged).extracting(StoreVerifier.Problem::kind)
                .containsExactly(ProblemKind.FORGED_EVENT);
        assertThat(halted(ReadModel.PROCESSING_GROUP)).isTrue();
        // the value was not recorded twice in the read model
        assertThat(jdbc.queryForObject("select count(*) from read_model.history_event where position = ?", Long.class,
                forged)).isZero();
        Map<String, Object> row = jdbc.queryForMap("select count(*) as n from integrity.chain_link where global_index = ?",
                forged);
        assertThat(((Number) row.get("n")).longValue()).isZero();
    }
}
