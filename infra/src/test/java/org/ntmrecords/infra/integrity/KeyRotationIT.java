package org.ntmrecords.infra.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A key rotation end to end, on a service of its own with a notice of two seconds:
 * refused to whoever is not an administrator and for a moment too soon, with nothing stored and no key left behind;
 * recorded as an event with its reason, basis and actor; from its moment on, events are sealed and checkpoints signed
 * with the new keys, the whole store still verifies, an export made before it still verifies with the old public
 * key, one made after with the new; a restore without the new generation's files is refused.
 */
@TestPropertySource(properties = {"ntm.test.isolated=key-rotation", "ntm.integrity.rotation-notice=PT2S"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyRotationIT extends IntegrationTest {
    private static final String ROTATE = """
            mutation($i: RotateIntegrityKeysInput!) { rotateIntegrityKeys(input: $i) {
              generation { number effectiveFrom inForce keyId publicKeyPem rotation { reason recordedBy
                basis { number date } } }
              errors { code field message } } }""";
    private static final String GENERATIONS = """
            { integrityKeyGenerations { totalCount edges { node { number effectiveFrom effectiveUntil inForce keyId
              publicKeyPem } } } }""";

    private static String oldExport;
    private static String oldPem;
    private static Instant effectiveFrom;

    @Autowired
    IntegrityKeys keys;
    @Autowired
    HashChain chain;
    @Autowired
    StoreVerifier verifier;
    @Autowired
    IntegrityProperties properties;
    @Autowired
    Clock clock;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;
    @org.springframework.beans.factory.annotation.Value("${ntm.integrity.key-directory}")
    Path keyDirectory;

    private Map<String, Object> rotate(String user, Instant from, String reason) {
        return graphQl(user).document(ROTATE).variable("i", Map.of("effectiveFrom", from.toString(), "reason", reason,
                        "basis", Map.of("number", "15/QĐ-VPĐP", "date", "2026-12-01")))
                .execute().path("rotateIntegrityKeys").entity(MAP).get();
    }

    private static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP =
            new org.springframework.core.ParameterizedTypeReference<>() { };

    private long rotationsStored() {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ?",
                Long.class, "integrity-keys");
    }

    private List<Path> pending() throws Exception {
        try (Stream<Path> files = Files.list(keyDirectory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("pending-")).toList();
        }
    }

    private String export() {
        return graphQl().document("query { unitHistoryExport(unitCode: \"30049\") }").execute()
                .path("unitHistoryExport").entity(String.class).get();
    }

    @Test
    @Order(1)
    void beforeAnyRotationThereIsOneGenerationAndExportsCarryItsKey() {
        // this store's own key directory (TestDatabases.keyDirectory(database))
        assertThat(Files.exists(keyDirectory.resolve("seal-2.key"))).isFalse();
        awaitProjections();
        oldExport = export();
        oldPem = keys.publicKeyPem();
        graphQl().document(GENERATIONS).execute()
                .path("integrityKeyGenerations.totalCount").entity(Integer.class).isEqualTo(1)
                .path("integrityKeyGenerations.edges[0].node.number").entity(Integer.class).isEqualTo(1)
                .path("integrityKeyGenerations.edges[0].node.inForce").entity(Boolean.class).isEqualTo(true)
                .path("integrityKeyGenerations.edges[0].node.effectiveFrom").valueIsNull()
                .path("integrityKeyGenerations.edges[0].node.keyId").entity(String.class).isEqualTo(keys.keyId());
        assertThat(ExportVerifier.verify(oldExport, IntegrityKeys.publicKey(oldPem)).problems()).isEmpty();
    }

    @Test
    @Order(2)
    void aRotationIsRefusedToOthersAndTooSoonWithNothingStoredAndNoKeyLeft() throws Exception {
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
        assertThat(rotate("auditor", tomorrow, "thử")).extracting("errors").asInstanceOf(LIST).singleElement()
                .extracting("code").isEqualTo("NOT_ALLOWED");
        List<?> tooSoon = (List<?>) rotate("admin", clock.instant(), "thay khóa định kỳ").get("errors");
        assertThat(tooSoon).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("code", "INVALID_INPUT").containsEntry("field", "effectiveFrom")
                .extractingByKey("message").asString()
                .contains("Khóa mới chỉ có thể có hiệu lực từ", "ít nhất 0 phút 2 giây");
        assertThat(rotate("admin", tomorrow, "   ")).extracting("errors").asInstanceOf(LIST).singleElement()
                .extracting("field").isEqualTo("reason");
        assertThat(rotationsStored()).isZero();
        assertThat(pending()).isEmpty();
        assertThat(Files.exists(keyDirectory.resolve("seal-2.key"))).isFalse();
        assertThat(keys.generations()).hasSize(1);
    }

    @Test
    @Order(3)
    void aRotationIsRecordedWithItsReasonBasisAndActorAndItsKeysArePutInPlace() throws Exception {
        effectiveFrom = clock.instant().plus(Duration.ofSeconds(4));
        Map<String, Object> payload = rotate("admin", effectiveFrom, "Thay khóa định kỳ theo quy chế an toàn thông tin");
        assertThat((List<?>) payload.get("errors")).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> generation = (Map<String, Object>) payload.get("generation");
        assertThat(generation).containsEntry("number", 2).containsEntry("inForce", false)
                .containsEntry("effectiveFrom", effectiveFrom.toString());
        assertThat(generation.get("rotation").toString()).contains("recordedBy=admin", "15/QĐ-VPĐP",
                "Thay khóa định kỳ");
        assertThat(keyDirectory.resolve("seal-2.key")).exists();
        assertThat(keyDirectory.resolve("checkpoint-ed25519-2.pem")).exists();
        assertThat(Files.readString(keyDirectory.resolve("checkpoint-ed25519-2.pub.pem")))
                .isEqualTo(generation.get("publicKeyPem"));
        assertThat(pending()).isEmpty();
        // the event, who and when, its correlation; and in the history
        Map<String, Object> row = jdbc.queryForMap("select payload_type, convert_from(meta_data, 'UTF8') as meta "
                + "from event_store.domain_event_entry where aggregate_identifier = 'integrity-keys'");
        assertThat(row.get("payload_type")).isEqualTo("org.ntmrecords.events.integrity.IntegrityKeysRotatedEvent");
        assertThat(row.get("meta").toString()).contains("\"actor\":\"admin\"", "correlationId", "causationId");
        awaitProjections();
        assertThat(jdbc.queryForObject("select summary from read_model.history_event where event_type = ?",
                String.class, "IntegrityKeysRotated")).contains("generation 2", generation.get("keyId").toString());
        assertThat(rotationsStored()).isEqualTo(1);
        assertThat(pending()).isEmpty();
    }

    @Test
    @Order(4)
    void fromItsMomentEventsAndCheckpointsUseTheNewKeysAndEverythingStillVerifies() throws Exception {
        // wait for the moment to pass (the store's record time is the system clock's)
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(effectiveFrom.plusMillis(50)));
        String newKeyId = keys.generations().get(1).keyId();
        assertThat(keys.keyId()).isEqualTo(newKeyId);
        graphQl("admin").document("mutation($i: RegisterAccountInput!) { registerAccount(input: $i) { errors { code } } }")
                .variable("i", Map.of("username", "rotation.auditor", "displayName", "Sau thay khóa", "role", "AUDITOR",
                        "password", "rotation-password-1")).execute()
                .path("registerAccount.errors").entityList(Object.class).hasSize(0);
        awaitProjections();
        HashChain.Checkpoint checkpoint = chain.signHead().orElseThrow();
        assertThat(checkpoint.keyId()).isEqualTo(newKeyId);

        // the new event is sealed with the new sealing key, not the first one
        StoredForm newest = jdbc.queryForObject("select " + StoredForm.COLUMNS + " from event_store.domain_event_entry e "
                + "order by global_index desc limit 1", (rs, n) -> StoredForm.read(rs));
        assertThat(org.axonframework.common.DateTimeUtils.parseInstant(newest.timestamp())).isAfter(effectiveFrom);
        assertThat(keys.sealMatches(newest.timestamp(), newest.sealedForm(), newest.seal())).isTrue();
        assertThat(IntegrityKeys.loadOrCreate(keyDirectory).sealMatches(newest.timestamp(), newest.sealedForm(),
                newest.seal())).isFalse();

        StoreVerifier.Report report = verifier.verify(p -> { });
        assertThat(report.problems()).isEmpty();
        assertThat(report.intact()).isTrue();

        // exports: the old one with the old key; a new one carries the new key and verifies with it, not the old
        PublicKey oldKey = IntegrityKeys.publicKey(oldPem);
        PublicKey newKey = keys.publicKeyOf(newKeyId).orElseThrow();
        assertThat(ExportVerifier.verify(oldExport, oldKey).problems()).isEmpty();
        String newExport = export();
        assertThat(ExportVerifier.verify(newExport, null).problems()).isEmpty();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(newExport).path("publicKey").path("keyId")
                .asText()).isEqualTo(newKeyId);
        assertThat(ExportVerifier.verify(newExport, oldKey).intact()).isFalse();
        assertThat(ExportVerifier.verifyWithAny(newExport, List.of(oldKey, newKey)).problems()).isEmpty();
        assertThat(ExportVerifier.verifyWithAny(oldExport, List.of(oldKey, newKey)).problems()).isEmpty();

        graphQl().document(GENERATIONS).execute()
                .path("integrityKeyGenerations.totalCount").entity(Integer.class).isEqualTo(2)
                .path("integrityKeyGenerations.edges[0].node.number").entity(Integer.class).isEqualTo(2)
                .path("integrityKeyGenerations.edges[0].node.inForce").entity(Boolean.class).isEqualTo(true)
                .path("integrityKeyGenerations.edges[1].node.inForce").entity(Boolean.class).isEqualTo(false)
                .path("integrityKeyGenerations.edges[1].node.effectiveUntil").entity(String.class)
                .isEqualTo(effectiveFrom.toString());
    }

    @Test
    @Order(5)
    void aRestoreWithoutTheNewGenerationsFilesIsRefused(@org.junit.jupiter.api.io.TempDir Path restored)
            throws Exception {
        for (String file : List.of("seal.key", "checkpoint-ed25519.pem", "checkpoint-ed25519.pub.pem")) {
            Files.copy(keyDirectory.resolve(file), restored.resolve(file));
        }
        IntegrityKeys partial = IntegrityKeys.load(restored, new StoredRotations(jdbc, transactions), clock,
                properties.rotationNotice(), true);
        assertThatThrownBy(() -> RestoredKeysCheck.afterLoading(restored, partial, jdbc))
                .isInstanceOf(RestoredKeysCheck.KeysNotTheStoresException.class)
                .hasMessageContaining("key generation 2").hasMessageContaining("seal-2.key");
        for (String file : List.of("seal-2.key", "checkpoint-ed25519-2.pem", "checkpoint-ed25519-2.pub.pem")) {
            Files.copy(keyDirectory.resolve(file), restored.resolve(file));
        }
        IntegrityKeys whole = IntegrityKeys.load(restored, new StoredRotations(jdbc, transactions), clock,
                properties.rotationNotice(), true);
        RestoredKeysCheck.afterLoading(restored, whole, jdbc);
        assertThat(whole.problems()).isEmpty();
    }

    @Test
    @Order(6)
    void aRotationNotYetInForceIsSupersededByAnEarlierOne() {
        Instant nextWeek = clock.instant().plus(Duration.ofDays(7));
        Instant soon = clock.instant().plus(Duration.ofMinutes(30));
        assertThat((List<?>) rotate("admin", nextWeek, "Thay khóa định kỳ").get("errors")).isEmpty();
        assertThat((List<?>) rotate("admin", soon, "Nghi lộ khóa: thay sớm hơn lịch").get("errors")).isEmpty();
        graphQl().document("""
                        { integrityKeyGenerations(first: 2) { totalCount pageInfo { hasNextPage endCursor }
                          edges { node { number supersededBy effectiveFrom effectiveUntil inForce } } } }""").execute()
                .path("integrityKeyGenerations.totalCount").entity(Integer.class).isEqualTo(4)
                .path("integrityKeyGenerations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("integrityKeyGenerations.edges[0].node.number").entity(Integer.class).isEqualTo(4)
                .path("integrityKeyGenerations.edges[0].node.supersededBy").valueIsNull()
                .path("integrityKeyGenerations.edges[1].node.number").entity(Integer.class).isEqualTo(3)
                .path("integrityKeyGenerations.edges[1].node.supersededBy").entity(Integer.class).isEqualTo(4)
                .path("integrityKeyGenerations.edges[1].node.effectiveUntil").valueIsNull();
        assertThat(keys.keyIdAt(nextWeek)).isEqualTo(keys.generations().get(3).keyId());
        assertThat(keys.generations().get(1).keyId()).isEqualTo(keys.keyId());
        // the event names what it superseded
        assertThat(jdbc.queryForObject("select convert_from(payload, 'UTF8') from event_store.domain_event_entry "
                + "where aggregate_identifier = 'integrity-keys' and sequence_number = 2", String.class))
                .contains("\"supersedes\":[3]");
    }
}
