package org.ntmrecords.infra.axon;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.ntmrecords.command.common.SystemTasks;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.ntmrecords.command.common.DryRun;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.ntmrecords.infra.distribution.DeploymentRole;
import org.ntmrecords.infra.integrity.IntegrityBoundaries;
import org.ntmrecords.infra.integrity.IntegrityKeys;
import org.ntmrecords.infra.integrity.IntegrityProperties;
import org.ntmrecords.infra.integrity.SealedEventStorageEngine;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.ntmrecords.command.common.CommandRunner;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.criteria.ProvinceRegions;
import org.ntmrecords.infra.criteria.ProvinceRegionsFile;
import org.ntmrecords.command.criteria.EventStoreCriteriaCatalog;
import org.ntmrecords.command.unit.EventStoreUnitDirectory;
import org.ntmrecords.command.unit.UnitDirectory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon without Axon Server: the JDBC storage engine and token store on PostgreSQL, in the schemas the
 * Flyway migrations create, with Jackson serialisation and the gap settings of {@link EventStoreProperties}.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    public Clock clock(@Value("${ntm.time-zone:Asia/Ho_Chi_Minh}") ZoneId zone) {
        return Clock.system(zone);
    }

    @Bean
    public RevisionResolver revisionResolver() {
        return new EventRevisionResolver();
    }

    @Bean
    @Primary
    public Serializer generalSerializer(RevisionResolver revisionResolver) {
        return JacksonSerializer.builder().objectMapper(Mappers.general()).revisionResolver(revisionResolver).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer storedEventSerializer(RevisionResolver revisionResolver) {
        return JacksonSerializer.builder().objectMapper(Mappers.events()).revisionResolver(revisionResolver).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer storedMessageSerializer(@Qualifier("eventSerializer") Serializer eventSerializer) {
        return eventSerializer;
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    @Bean
    public EventSchema eventSchema() {
        return SealedEventStorageEngine.withSeal(EventSchema.builder())
                .eventTable("event_store.domain_event_entry")
                .snapshotTable("event_store.snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                                 RevisionResolver revisionResolver,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema, EventStoreProperties properties,
                                                 IntegrityKeys keys, IntegrityBoundaries boundaries,
                                                 IntegrityProperties integrity, DeploymentRole role) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(JacksonSerializer.builder()
                        .objectMapper(Mappers.snapshots()).revisionResolver(revisionResolver).build())
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(SealedEventStorageEngine.sealedSnapshots().combine(configuration.snapshotFilter()))
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(byte[].class)
                .gapTimeout(properties.gapTimeoutMs())
                .maxGapOffset(properties.maxGapOffset())
                .gapCleaningThreshold(properties.gapCleaningThreshold())
                .batchSize(properties.batchSize())
                .lowestGlobalSequence(1);
        // events are sealed as stored and checked as read; a query replica's copy carries another process's seals
        return new SealedEventStorageEngine(builder, eventSchema, keys, boundaries,
                integrity.checkSealsOnRead() && role != DeploymentRole.QUERY);
    }

    /** Axon's embedded event store, as its auto-configuration makes it, with the fetch delay configurable and our own counts (AppendedEventsMonitor). */
    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         org.axonframework.config.Configuration configuration,
                                         EventStoreProperties properties,
                                         org.ntmrecords.infra.operations.AppendedEventsMonitor appended) {
        return new StagingEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(new org.axonframework.monitoring.MultiMessageMonitor<>(
                        configuration.messageMonitor(EventStore.class, "eventStore"), appended))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.fetchDelayMs()));
    }

    /** Dry runs: each command of one checked against the store and its staged events told (an import's dry run). */
    @Bean
    public DryRun.Interceptor dryRunInterceptor(EmbeddedEventStore eventStore, EventStorageEngine storageEngine) {
        return new DryRun.Interceptor(storageEngine, ((StagingEventStore) eventStore)::staged);
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .contentType(byte[].class)
                .schema(TokenSchema.builder()
                        .setTokenTable("token_store.token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment")
                        .setTokenColumn("token")
                        .setTokenTypeColumn("token_type")
                        .setTimestampColumn("time_stamp")
                        .setOwnerColumn("owner")
                        .build())
                .build();
    }

    /**
     * Scorecards stay in memory between commands (released when memory runs short), so a command does not read and
     * deserialize the scorecard's snapshot and later events each time. Axon updates an entry only when the command's
     * unit of work commits. One process writes the store (the command process, or the all-in-one service).
     */
    @Bean
    public Cache scorecardCache() {
        return new WeakReferenceCache();
    }

    /**
     * Snapshots are taken on a thread of their own, after the command that crossed the threshold committed: taking one
     * reads the scorecard's previous snapshot and later events and writes the new one, and done in the command's
     * thread it held the scorecard's lock and a client waiting meanwhile (a quarter of the command threads' time in
     * the write path's profile, docs/benchmarks/README.md finding 10). One snapshot per scorecard at a time (Axon's);
     * one lost at shutdown is taken at the next threshold.
     */
    @Bean(destroyMethod = "shutdownNow")
    public java.util.concurrent.ExecutorService snapshotExecutor() {
        return java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scorecard-snapshots");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    public org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean snapshotter(
            java.util.concurrent.ExecutorService snapshotExecutor) {
        org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean snapshotter =
                new org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean();
        snapshotter.setExecutor(snapshotExecutor);
        return snapshotter;
    }

    @Bean
    public SnapshotTriggerDefinition scorecardSnapshotTrigger(Snapshotter snapshotter, EventStoreProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    @Bean
    public UnitDirectory unitDirectory(EmbeddedEventStore eventStore) {
        return new EventStoreUnitDirectory(eventStore, ((StagingEventStore) eventStore)::staged);
    }

    /** Province → region reference data (data/regions/province-regions.csv), checked when a unit is tracked. */
    @Bean
    public ProvinceRegions provinceRegions() {
        return ProvinceRegionsFile.bundled();
    }

    @Bean
    public CriteriaCatalog criteriaCatalog(EventStore eventStore) {
        return new EventStoreCriteriaCatalog(eventStore);
    }

    @Bean
    public SystemTasks systemTasks() {
        return new ActingSystemTasks();
    }

    @Bean
    public CommandRunner commandRunner(CommandGateway commandGateway) {
        return new CommandRunner(commandGateway);
    }

    /** Identifiers of values, marks and decisions the API records without a client-supplied id. */
    @Bean
    public Supplier<String> entryIdGenerator() {
        return () -> UUID.randomUUID().toString();
    }
}
