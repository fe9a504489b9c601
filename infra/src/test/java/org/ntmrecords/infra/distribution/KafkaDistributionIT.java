package org.ntmrecords.infra.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.unit.UnitKind;
import org.ntmrecords.events.unit.UnitRegisteredEvent;
import org.ntmrecords.infra.NtmRecordsApplication;
import org.ntmrecords.infra.api.ProjectionCatchUp;
import org.ntmrecords.infra.projection.ReadModelRebuild;
import org.ntmrecords.infra.support.IntegrationTest;
import org.ntmrecords.infra.support.TestDatabases;
import org.ntmrecords.infra.support.TestKafka;
import org.ntmrecords.query.common.ReadModel;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The deployment shapes over a real broker ({@link TestKafka}: Testcontainers where Docker runs, the in-process
 * KRaft broker otherwise): one command process and query replicas, each process with a database of its own, started
 * in this JVM as separate Spring applications that share nothing but the broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaDistributionIT {
    private static final String PASSWORD = IntegrationTest.PASSWORD;
    private static final String NTM_SET = "dongthap-commune-ntm-2021-2025";
    private static final String ADVANCED = "dongthap-commune-advanced-2021-2025";
    private static final String THANH_MY = "30073@" + ADVANCED + "@2023";
    private static final String TOPIC = "ntm-it-events";
    /** What another system reading or writing the topic would use: plain Jackson. */
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            com.fasterxml.jackson.databind.json.JsonMapper.builder().findAndAddModules().build();

    /**
     * The tests' HTTP client, on reactor-netty resources of its own: several services start and stop in this JVM,
     * and one stopping disposes of the global resources (and so of a request in flight to another).
     */
    private static final ReactorClientHttpConnector CONNECTOR = new ReactorClientHttpConnector(
            HttpClient.create(ConnectionProvider.create("kafka-it", 32)).runOn(LoopResources.create("kafka-it", 2, true)));

    private TestKafka kafka;
    private Path files;
    private ConfigurableApplicationContext command;
    private ConfigurableApplicationContext replica;
    private ConfigurableApplicationContext secondReplica;

    @BeforeAll
    void start() throws Exception {
        kafka = TestKafka.start();
        files = Files.createTempDirectory("ntm-kafka-it");
        command = process("command", TOPIC, TestDatabases.fresh());
        replica = process("query", TOPIC, TestDatabases.fresh());
        secondReplica = process("query", TOPIC, TestDatabases.fresh());
    }

    @AfterAll
    void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {secondReplica, replica, command}) {
            if (context != null) {
                context.close();
            }
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aCommandOnTheCommandProcessIsReadOnEveryReplicaAndItsDistrictSubscribersHearOfIt() throws Exception {
        awaitReplicaHoldsEverything(replica);
        awaitReplicaHoldsEverything(secondReplica);
        // a dashboard on the second replica follows Tháp Mười's cases
        CompletableFuture<String> change = ExecutionGraphQlServiceTester.create(
                        secondReplica.getBean(ExecutionGraphQlService.class))
                .document("subscription { recognitionCaseChanged(districtCode: \"872\") { caseId status } }")
                .executeSubscription().toFlux("recognitionCaseChanged.caseId", String.class).next().toFuture();

        markNotAssessed("visible-on-replicas", "2024-07-01");
        graphQl(command, "thapmuoi.vpdp").document("mutation($i: OpenRevocationCaseInput!) { openRevocationCase(input: $i) "
                        + "{ errors { code } } }").variable("i", Map.of("recognitionCaseId", THANH_MY, "year", 2025))
                .execute().path("openRevocationCase.errors").entityList(Object.class).hasSize(0);

        assertThat(change.get(60, TimeUnit.SECONDS)).isEqualTo(THANH_MY + "@R2025");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(entryIds(replica))
                .contains("visible-on-replicas"));
        awaitReplicaHoldsEverything(replica);
        assertThat(readModel(replica)).isEqualTo(readModel(command));

        // each process keeps to its role
        graphQl(replica, "tankieu.officer").document("mutation($i: MarkIndicatorNotAssessedInput!) { "
                        + "markIndicatorNotAssessed(input: $i) { entryId } }")
                .variable("i", notAssessed("refused-on-replica", "2024-08-01")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", RoleGuard.READ_ONLY_REPLICA)));
        graphQl(command, "auditor").document("{ units(first: 1) { edges { node { code } } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", RoleGuard.QUERIES_NOT_SERVED)));
        assertThat(entryIds(secondReplica)).doesNotContain("refused-on-replica");
        graphQl(command, "auditor").document("{ __schema { queryType { name } } }").execute()
                .path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
        WebTestClient.bindToServer(CONNECTOR).baseUrl("http://localhost:" + port(replica)).build()
                .post().uri("/evidence/files").headers(h -> h.setBasicAuth("thapmuoi.vpdp", PASSWORD))
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .bodyValue("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo(RoleGuard.READ_ONLY_REPLICA);
    }

    /**
     * The command process witnesses its checkpoints in the checkpoint topic as well as in its file; verification
     * holds the store against both.
     */
    @Test
    void checkpointsAreWitnessedInTheirTopicAndVerificationHoldsTheStoreAgainstIt() {
        var signed = command.getBean(org.ntmrecords.infra.integrity.HashChain.class).signHead().orElseThrow();
        var report = command.getBean(org.ntmrecords.infra.integrity.StoreVerifier.class).verify(p -> { });
        assertThat(report.intact()).as(report.summary() + " " + report.problems()).isTrue();
        assertThat(report.witnessChecks()).extracting(org.ntmrecords.infra.integrity.StoreVerifier.WitnessCheck::witness)
                .anyMatch(w -> w.equals("kafka:" + TOPIC + ".checkpoints")).anyMatch(w -> w.startsWith("file:"));
        assertThat(report.witnessChecks()).allSatisfy(w -> {
            assertThat(w.consistent()).isTrue();
            assertThat(w.latestSeq()).isEqualTo(signed.seq());
        });
    }

    @Test
    void theBrokerStoppedAndStartedAgainMidStreamLosesAndRepeatsNothing() {
        awaitReplicaHoldsEverything(replica);
        KafkaEventPublisher publisher = command.getBean(KafkaEventPublisher.class);
        long failuresBefore = publisher.failures();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (i == 10) {
                kafka.stop();
            }
            if (i == 20) {
                // commands went on while the broker was away; none of them waited for it, while the publisher
                // failed to hand over its batch (and keeps its position)
                await().atMost(Duration.ofSeconds(60)).until(() -> publisher.failures() > failuresBefore);
                assertThat(storeSize(replica)).isLessThan(storeSize(command));
                kafka.restart();
            }
            String id = "outage-" + i;
            markNotAssessed(id, "2024-09-" + String.format("%02d", i + 1));
            ids.add(id);
        }
        awaitReplicaHoldsEverything(replica);
        awaitReplicaHoldsEverything(secondReplica);
        List<String> seen = entryIds(replica);
        assertThat(seen.stream().filter(ids::contains).toList()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(storedEvents(replica)).isEqualTo(storedEvents(command));
        assertThat(readModel(replica)).isEqualTo(readModel(command));
        assertThat(readModel(secondReplica)).isEqualTo(readModel(command));
    }

    @Test
    void aReplicaStoppedMidStreamResumesWhereItStoppedAndItsReadModelEqualsARebuild() {
        TestDatabases.Database database = TestDatabases.fresh();
        ConfigurableApplicationContext third = process("query", TOPIC, database);
        long copiedBefore;
        try {
            awaitReplicaHoldsEverything(third);
            copiedBefore = storeSize(third);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 20; i++) {
                    markNotAssessed("restart-" + i, "2024-10-" + String.format("%02d", i + 1));
                }
            });
            // stop it while the stream is flowing in
            await().atMost(Duration.ofSeconds(60)).until(() -> storeSize(third) > copiedBefore);
            third.close();
            writer.join();
        } catch (RuntimeException e) {
            third.close();
            throw e;
        }
        ConfigurableApplicationContext restarted = process("query", TOPIC, database);
        try {
            awaitReplicaHoldsEverything(restarted);
            assertThat(storedEvents(restarted)).isEqualTo(storedEvents(command));
            Map<String, List<String>> live = readModel(restarted);
            assertThat(live).isEqualTo(readModel(command));

            ReadModelRebuild.Result rebuild = restarted.getBean(ReadModelRebuild.class).rebuild(line -> { });
            assertThat(rebuild.completed()).isTrue();
            assertThat(readModel(restarted)).isEqualTo(live);
        } finally {
            restarted.close();
        }
        // the documented way, with the replica stopped: the task on the replica's database (its copy of the store)
        assertThat(task("rebuild-read-model", "query", TOPIC, database)).isZero();
    }

    @Test
    void recordsSentTwiceAreDroppedByEventId() {
        awaitReplicaHoldsEverything(replica);
        Map<String, List<String>> before = readModel(replica);
        long stored = storeSize(replica);
        ReplicaStatus status = replica.getBean(ReplicaStatus.class);
        long repeatsBefore = status.repeated();

        // what at-least-once delivery can do: the last 25 records once more, as another producer would send them
        List<ConsumerRecord<String, byte[]>> all = readTopic(TOPIC);
        List<ConsumerRecord<String, byte[]>> tail = all.subList(Math.max(0, all.size() - 25), all.size());
        assertThat(tail).hasSize(25);
        try (Producer<String, byte[]> producer = producer()) {
            for (ConsumerRecord<String, byte[]> record : tail) {
                producer.send(new ProducerRecord<>(TOPIC, null, record.key(), record.value(), record.headers()));
            }
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> status.repeated() - repeatsBefore == 25);
        assertThat(storeSize(replica)).isEqualTo(stored);
        assertThat(readModel(replica)).isEqualTo(before);
    }

    @Test
    void aReplicaReadsAnOlderRevisionOfAnEventThroughTheContract() throws Exception {
        // a topic written by hand, as another system following docs/kafka.md would: a unit registered (current
        // revision), then renamed in revision "0", a shape before the current one ({@code newName}, {@code
        // newFullName}); the replica stores the record as it came and reads it through the upcaster
        String topic = "ntm-it-contract";
        String unit = "30049";
        DocumentRef source = new DocumentRef("124/2004/QĐ-TTg", null, "Thủ tướng Chính phủ", null);
        byte[] registered = JSON.writeValueAsBytes(new UnitRegisteredEvent(unit, "Tân Kiều",
                "Xã Tân Kiều", UnitKind.COMMUNE, null, source));
        ObjectNode renamed = JSON.createObjectNode();
        renamed.put("code", unit).put("previousName", "Tân Kiều").put("previousFullName", "Xã Tân Kiều")
                .put("newName", "Tân Kiều (đổi tên)").put("newFullName", "Xã Tân Kiều (đổi tên)");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            // kept forever, as docs/kafka.md tells whoever creates the topic: the records carry their events' record
            // times (May 2024), past the broker's default retention of 7 days; with it, the broker's periodic
            // retention check deleted them whenever it ran during the test (a replica read them first, the check
            // below then found the topic empty)
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of(
                    "retention.ms", "-1", "retention.bytes", "-1")))).all().get(30, TimeUnit.SECONDS);
        }
        try (Producer<String, byte[]> producer = producer()) {
            // each send acknowledged: a record lost to a topic still being created fails here, not as a silent wait below
            producer.send(EventRecords.toRecord(topic, unit, stored(unit, 0, "org.ntmrecords.events.unit.UnitRegisteredEvent",
                    "1", registered, 1))).get(60, TimeUnit.SECONDS);
            producer.send(EventRecords.toRecord(topic, unit, stored(unit, 1, "org.ntmrecords.events.unit.UnitRenamedEvent",
                    LegacyRename.OLD_REVISION, JSON.writeValueAsBytes(renamed), 2))).get(60, TimeUnit.SECONDS);
        }

        ConfigurableApplicationContext reader = process("query", topic, TestDatabases.fresh(), LegacyRename.class);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> storeSize(reader) == 2);
            assertThat(reader.getBean(ProjectionCatchUp.class).awaitEventsAfter(0, Duration.ofSeconds(60))).isTrue();
            JdbcTemplate jdbc = reader.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select payload_revision from event_store.domain_event_entry "
                    + "where sequence_number = 1", String.class)).isEqualTo(LegacyRename.OLD_REVISION);
            assertThat(jdbc.queryForObject("select full_name from read_model.unit where code = ?", String.class, unit))
                    .isEqualTo("Xã Tân Kiều (đổi tên)");
        } finally {
            reader.close();
        }
        // and the records carry what the contract says
        ConsumerRecord<String, byte[]> first = readTopic(topic).get(0);
        assertThat(first.key()).isEqualTo(unit);
        assertThat(header(first, EventRecords.CONTRACT)).isEqualTo(EventRecords.CONTRACT_VERSION);
        assertThat(header(first, EventRecords.EVENT_TYPE)).isEqualTo("org.ntmrecords.events.unit.UnitRegisteredEvent");
    }

    @Test
    void publishedRecordsFollowTheContractKeyedByUnit() throws Exception {
        awaitReplicaHoldsEverything(replica);
        List<ConsumerRecord<String, byte[]>> records = readTopic(TOPIC);
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            ids.add(header(record, EventRecords.EVENT_ID));
        }
        assertThat(ids).containsAll(eventIds(command));
        ConsumerRecord<String, byte[]> entry = records.stream()
                .filter(r -> header(r, EventRecords.EVENT_TYPE).endsWith("IndicatorMarkedNotAssessedEvent"))
                .findFirst().orElseThrow();
        assertThat(entry.key()).isEqualTo(header(entry, EventRecords.STREAM_ID).substring(0,
                header(entry, EventRecords.STREAM_ID).indexOf('@')));
        assertThat(header(entry, EventRecords.EVENT_REVISION)).isEqualTo("1");
        // the event's own position in the command process's store
        assertThat(Long.parseLong(header(entry, EventRecords.GLOBAL_INDEX))).isEqualTo(command.getBean(JdbcTemplate.class)
                .queryForObject("select global_index from event_store.domain_event_entry where event_identifier = ?",
                        Long.class, header(entry, EventRecords.EVENT_ID)));
        assertThat(header(entry, EventRecords.STREAM_TYPE)).isEqualTo("Scorecard");
        JsonNode metadata = JSON.readTree(entry.headers().lastHeader(EventRecords.METADATA).value());
        assertThat(metadata.path("actor").asText()).isNotBlank();
        assertThat(metadata.path("correlationId").asText()).isNotBlank();
        assertThat(JSON.readTree(entry.value()).path("unitCode").asText()).isEqualTo(entry.key());
        // every record of one unit, in the order its events were stored (a record sent again comes later still)
        Set<String> first = new HashSet<>();
        List<Long> positions = records.stream().filter(r -> "30049".equals(r.key()))
                .filter(r -> first.add(header(r, EventRecords.EVENT_ID)))
                .map(r -> Long.parseLong(header(r, EventRecords.GLOBAL_INDEX))).toList();
        assertThat(positions).hasSizeGreaterThan(10);
        assertThat(positions).isSorted();
    }

    /** Stands for the first upcaster a real revision bump brings: revision "0" of a rename named its fields new*. */
    static class LegacyRename {
        static final String OLD_REVISION = "0";

        @Bean
        SingleEventUpcaster legacyRenameUpcaster() {
            return new SingleEventUpcaster() {
                private final SimpleSerializedType old = new SimpleSerializedType(
                        "org.ntmrecords.events.unit.UnitRenamedEvent", OLD_REVISION);

                @Override
                protected boolean canUpcast(IntermediateEventRepresentation representation) {
                    return representation.getType().equals(old);
                }

                @Override
                protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
                    return representation.upcastPayload(new SimpleSerializedType(old.getName(), "1"), JsonNode.class,
                            node -> {
                                ObjectNode object = (ObjectNode) node;
                                object.set("name", object.remove("newName"));
                                object.set("fullName", object.remove("newFullName"));
                                return object;
                            });
                }
            };
        }
    }

    private static EventRecords.StoredEvent stored(String unit, long sequence, String type, String revision,
                                                   byte[] payload, long position) {
        byte[] metadata = ("{\"actor\":\"system:other-agency\",\"correlationId\":\"" + UUID.randomUUID() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return new EventRecords.StoredEvent(UUID.randomUUID().toString(), "AdministrativeUnit", unit, sequence,
                Instant.parse("2024-05-01T00:00:00Z").plusSeconds(sequence), type, revision, payload, metadata, position, null);
    }

    private ConfigurableApplicationContext process(String role, String topic, TestDatabases.Database database,
                                                   Class<?>... extra) {
        List<Object> sources = new ArrayList<>(List.of(NtmRecordsApplication.class));
        sources.addAll(List.of(extra));
        return new SpringApplication(sources.toArray(Class<?>[]::new))
                .run(arguments(role, topic, database).toArray(String[]::new));
    }

    /** A command-line task against a process's database, as {@code java -jar ntm-records.jar <task>} runs it. */
    private int task(String task, String role, String topic, TestDatabases.Database database) {
        SpringApplication application = new SpringApplication(NtmRecordsApplication.class);
        application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        application.setAdditionalProfiles("task");
        List<String> arguments = new ArrayList<>(List.of(task));
        arguments.addAll(arguments(role, topic, database));
        arguments.add("--ntm.rebuild.timeout=2m");
        return SpringApplication.exit(application.run(arguments.toArray(String[]::new)));
    }

    private List<String> arguments(String role, String topic, TestDatabases.Database database) {
        boolean writes = role.equals("command");
        return List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.asService().url(),
                "--spring.datasource.username=" + database.asService().username(),
                "--spring.datasource.password=" + database.asService().password(),
                "--spring.flyway.url=" + database.url(),
                "--spring.flyway.user=" + database.username(),
                "--spring.flyway.password=" + database.password(),
                "--ntm.integrity.key-directory=" + TestDatabases.keyDirectory(),
                "--ntm.integrity.witness.file=" + TestDatabases.witnessFile(database),
                "--ntm.evidence.directory=" + files.resolve(UUID.randomUUID().toString()),
                "--ntm.deployment.role=" + role,
                "--ntm.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--ntm.kafka.topic=" + topic,
                "--ntm.kafka.checkpoint-topic=" + topic + ".checkpoints",
                "--ntm.kafka.transactional-id=" + topic + "-publisher",
                // a broker that went away is noticed within seconds, not the client defaults' minutes
                "--ntm.kafka.properties.max.block.ms=5000",
                "--ntm.kafka.properties.request.timeout.ms=3000",
                "--ntm.kafka.properties.delivery.timeout.ms=8000",
                "--ntm.kafka.replica.retry-backoff=500ms",
                "--ntm.demo.enabled=" + writes,
                "--ntm.security.seed-accounts.enabled=true",
                "--ntm.security.seed-accounts.password=" + PASSWORD,
                "--axon.update-check.disabled=true");
    }

    private void awaitReplicaHoldsEverything(ConfigurableApplicationContext query) {
        ProjectionCatchUp commandStore = command.getBean(ProjectionCatchUp.class);
        assertThat(commandStore.awaitEventsAfter(0, Duration.ofSeconds(60))).isTrue();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> storeSize(query) == commandStore.storeSize());
        assertThat(query.getBean(ProjectionCatchUp.class).awaitEventsAfter(0, Duration.ofSeconds(60))).isTrue();
    }

    private static long storeSize(ConfigurableApplicationContext context) {
        return context.getBean(ProjectionCatchUp.class).storeSize();
    }

    /** Every stored event as its row holds it, but for its position in the store: byte for byte the same copy. */
    private static Set<String> storedEvents(ConfigurableApplicationContext context) {
        return new HashSet<>(context.getBean(JdbcTemplate.class).queryForList("""
                select concat_ws('|', event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                       payload_type, payload_revision, md5(payload), md5(meta_data))
                  from event_store.domain_event_entry""", String.class));
    }

    private static Set<String> eventIds(ConfigurableApplicationContext context) {
        return new HashSet<>(context.getBean(JdbcTemplate.class)
                .queryForList("select event_identifier from event_store.domain_event_entry", String.class));
    }

    /**
     * Every read table as JSON rows in a stable order, without the store positions (each database numbers its own
     * copy of the stream).
     */
    private static Map<String, List<String>> readModel(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : ReadModel.TABLES) {
            tables.put(table, jdbc.queryForList("select r from (select (to_jsonb(t) - 'position')::text as r from "
                    + table + " t) x order by r", String.class));
        }
        return tables;
    }

    private void markNotAssessed(String id, String start) {
        graphQl(command, "tankieu.officer").documentName("markIndicatorNotAssessed")
                .variable("input", notAssessed(id, start)).execute()
                .path("markIndicatorNotAssessed.errors").entityList(Object.class).hasSize(0);
    }

    private static Map<String, Object> notAssessed(String id, String start) {
        return Map.of("unitCode", "30049", "setId", NTM_SET, "indicatorCode", "10", "valueId", id,
                "period", Map.of("start", start), "reason", "chưa có số liệu");
    }

    private static List<String> entryIds(ConfigurableApplicationContext context) {
        return graphQl(context, "auditor").documentName("indicatorEntries")
                .variables(Map.of("unit", "30049", "set", NTM_SET, "indicator", "10")).execute()
                .path("indicatorEntries.edges[*].node.id").entityList(String.class).get();
    }

    private static String port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getProperty("local.server.port");
    }

    private static HttpGraphQlTester graphQl(ConfigurableApplicationContext context, String username) {
        return HttpGraphQlTester.create(WebTestClient.bindToServer(CONNECTOR).baseUrl("http://localhost:" + port(context) + "/graphql")
                .defaultHeaders(h -> h.setBasicAuth(username, PASSWORD))
                .responseTimeout(Duration.ofSeconds(60)).build());
    }

    private Producer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Every committed record of a topic, from its start; read again until there is one (never an empty topic here). */
    private List<ConsumerRecord<String, byte[]>> readTopic(String topic) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> readTopicOnce(topic), records -> !records.isEmpty());
    }

    private List<ConsumerRecord<String, byte[]>> readTopicOnce(String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(500)).records(partition).forEach(records::add);
            }
            return records;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
