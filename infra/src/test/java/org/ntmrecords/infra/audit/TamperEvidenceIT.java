package org.ntmrecords.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.ntmrecords.infra.integrity.ExportVerifier;
import org.ntmrecords.infra.integrity.HashChain;
import org.ntmrecords.infra.integrity.StoreVerifier;
import org.ntmrecords.infra.integrity.StoreVerifier.ProblemKind;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Tampering done directly in SQL as the database superuser, with triggers switched off for the session
 * ({@code session_replication_role = replica}) — the only way past the append-only triggers — is found by
 * verification, at the right position. Each case is undone afterwards, except the forged insert (last).
 * A service of its own, so no other test sees the damaged store.
 */
@TestPropertySource(properties = "ntm.test.isolated=tamper")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TamperEvidenceIT extends IntegrationTest {
    @Autowired
    StoreVerifier verifier;
    @Autowired
    HashChain chain;

    @BeforeEach
    void chainedAndCheckpointed() {
        awaitProjections();
        chain.signHead();
    }

    /** A position in the middle of the chain. */
    private long middle() {
        return jdbc.queryForObject("select global_index from integrity.chain_link order by seq offset "
                + "(select count(*) / 2 from integrity.chain_link) limit 1", Long.class);
    }

    private void superuser(String sql, Object... args) {
        asOwner(true, sql, args);
    }

    private StoreVerifier.Report verify() {
        return verifier.verify(p -> { });
    }

    private static void brokenAt(StoreVerifier.Report report, long position, ProblemKind... kinds) {
        assertThat(report.intact()).as(report.summary()).isFalse();
        assertThat(report.firstBrokenPosition()).isEqualTo(position);
        assertThat(report.problems()).filteredOn(p -> p.position() == position)
                .extracting(StoreVerifier.Problem::kind).contains(kinds);
    }

    @Test
    @Order(1)
    void anUntouchedStoreVerifiesOverTheApiWithProgress() {
        StoreVerifier.Report untouched = verify();
        assertThat(untouched.intact()).as(untouched.summary() + " " + untouched.problems()).isTrue();
        String id = graphQl().document("mutation { startStoreVerification { id status } }").execute()
                .path("startStoreVerification.id").entity(String.class).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(graphQl()
                .document("query($id: ID!) { storeVerification(id: $id) { status } }").variable("id", id).execute()
                .path("storeVerification.status").entity(String.class).get()));
        graphQl().document("""
                        query($id: ID!) { storeVerification(id: $id) { intact checked total firstBrokenPosition
                          linksChecked checkpointsChecked problems { kind } } }""").variable("id", id).execute()
                .path("storeVerification.intact").entity(Boolean.class).isEqualTo(true)
                .path("storeVerification.firstBrokenPosition").valueIsNull()
                .path("storeVerification.checkpointsChecked").entity(Integer.class).satisfies(n -> assertThat(n).isPositive())
                .path("storeVerification.checked").entity(Long.class)
                .satisfies(n -> assertThat(n).isEqualTo(graphQl().document("query($id: ID!) { storeVerification(id: $id) { total } }")
                        .variable("id", id).execute().path("storeVerification.total").entity(Long.class).get()));
        graphQl("dashboard").document("mutation { startStoreVerification { id } }").execute()
                .errors().expect(e -> e.getErrorType().toString().equals("FORBIDDEN")).verify();
        graphQl().document("{ integrityPublicKey { algorithm keyId pem } }").execute()
                .path("integrityPublicKey.algorithm").entity(String.class).isEqualTo("Ed25519")
                .path("integrityPublicKey.pem").entity(String.class).satisfies(p -> assertThat(p).startsWith("-----BEGIN PUBLIC KEY-----"));
    }

    @Test
    @Order(2)
    void oneChangedByteOfAPayloadIsFound() {
        long position = middle();
        byte[] original = jdbc.queryForObject("select payload from event_store.domain_event_entry where global_index = ?",
                byte[].class, position);
        byte[] changed = original.clone();
        int at = new String(original, java.nio.charset.StandardCharsets.UTF_8).indexOf(':') + 2;
        changed[at] = (byte) (changed[at] ^ 0x01);
        superuser("update event_store.domain_event_entry set payload = ? where global_index = ?", changed, position);
        brokenAt(verify(), position, ProblemKind.CONTENT_CHANGED, ProblemKind.SEAL_INVALID);
        superuser("update event_store.domain_event_entry set payload = ? where global_index = ?", original, position);
        assertThat(verify().intact()).isTrue();
    }

    @Test
    @Order(3)
    void changedMetadataIsFound() {
        long position = middle() + 1;
        byte[] original = jdbc.queryForObject("select meta_data from event_store.domain_event_entry where global_index = ?",
                byte[].class, position);
        superuser("""
                update event_store.domain_event_entry
                   set meta_data = convert_to((convert_from(meta_data, 'UTF8')::jsonb || '{"actor": "someone-else"}')::text, 'UTF8')
                 where global_index = ?""", position);
        brokenAt(verify(), position, ProblemKind.CONTENT_CHANGED, ProblemKind.SEAL_INVALID);
        superuser("update event_store.domain_event_entry set meta_data = ? where global_index = ?", original, position);
        assertThat(verify().intact()).isTrue();
    }

    @Test
    @Order(4)
    void aDeletedEventIsFound() {
        long position = middle() + 2;
        Map<String, Object> row = jdbc.queryForMap("select * from event_store.domain_event_entry where global_index = ?",
                position);
        superuser("delete from event_store.domain_event_entry where global_index = ?", position);
        brokenAt(verify(), position, ProblemKind.MISSING_EVENT);
        superuser("""
                insert into event_store.domain_event_entry (global_index, event_identifier, aggregate_identifier,
                    sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", row.get("global_index"), row.get("event_identifier"),
                row.get("aggregate_identifier"), row.get("sequence_number"), row.get("type"), row.get("time_stamp"),
                row.get("payload_type"), row.get("payload_revision"), row.get("payload"), row.get("meta_data"));
        assertThat(verify().intact()).isTrue();
    }

    @Test
    @Order(5)
    void twoSwappedEventsAreFound() {
        long first = middle() + 3;
        long second = first + 1;
        String swap = """
                update event_store.domain_event_entry e
                   set payload = o.payload, payload_type = o.payload_type, meta_data = o.meta_data
                  from (select global_index, payload, payload_type, meta_data from event_store.domain_event_entry
                         where global_index in (?, ?)) o
                 where e.global_index in (?, ?) and o.global_index <> e.global_index""";
        superuser(swap, first, second, first, second);
        StoreVerifier.Report report = verify();
        brokenAt(report, first, ProblemKind.CONTENT_CHANGED);
        assertThat(report.problems()).extracting(StoreVerifier.Problem::position).contains(second);
        superuser(swap, first, second, first, second);
        assertThat(verify().intact()).isTrue();
    }

    @Test
    @Order(6)
    void anExportedHistoryVerifiesOfflineAndAnyChangeToItIsFound(@TempDir Path dir) throws Exception {
        String export = graphQl().document("query { unitHistoryExport(unitCode: \"30049\") }").execute()
                .path("unitHistoryExport").entity(String.class).get();
        ExportVerifier.Result result = ExportVerifier.verify(export, null);
        assertThat(result.problems()).isEmpty();
        assertThat(result.events()).isPositive();

        Path file = dir.resolve("history-30049.json");
        Files.writeString(file, export);
        Path key = dir.resolve("key.pem");
        Files.writeString(key, graphQl().document("{ integrityPublicKey { pem } }").execute()
                .path("integrityPublicKey.pem").entity(String.class).get());
        assertThat(ExportVerifier.run(List.of(file.toString(), key.toString()))).isZero();

        // a value changed in an exported event
        String changed = export.replaceFirst("Tân Kiều", "Tân Kiêu");
        assertThat(changed).isNotEqualTo(export);
        assertThat(ExportVerifier.verify(changed, null).intact()).isFalse();
        // a checkpoint checked against another key than the service's
        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        assertThat(ExportVerifier.verify(export, other).intact()).isFalse();
        graphQl("dashboard").document("query { unitHistoryExport(unitCode: \"30049\") }").execute()
                .errors().expect(e -> e.getErrorType().toString().equals("FORBIDDEN")).verify();
    }

    @Test
    @Order(7)
    void aForgedInsertIsFound() {
        long head = jdbc.queryForObject("select max(global_index) from event_store.domain_event_entry", Long.class);
        // a copy of a real judgment under a new identity: the forger has no sealing key, so it keeps the old seal
        superuser("""
                insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload, meta_data)
                select 'forged-1', 'forged-stream', 0, type, time_stamp, payload_type, payload_revision, payload, meta_data
                  from event_store.domain_event_entry
                 where payload_type like '%IndicatorJudgedEvent' order by global_index desc limit 1""");
        long forged = jdbc.queryForObject("select global_index from event_store.domain_event_entry "
                + "where event_identifier = 'forged-1'", Long.class);
        assertThat(forged).isGreaterThan(head);
        StoreVerifier.Report report = verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenPosition()).isEqualTo(forged);
        assertThat(report.problems()).extracting(StoreVerifier.Problem::kind)
                .containsAnyOf(ProblemKind.FORGED_EVENT, ProblemKind.SEAL_INVALID);
    }
}
