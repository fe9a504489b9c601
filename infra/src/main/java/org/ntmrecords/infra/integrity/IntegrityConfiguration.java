package org.ntmrecords.infra.integrity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.ntmrecords.command.common.WriteSide;
import org.ntmrecords.infra.distribution.DeploymentRole;
import org.ntmrecords.infra.distribution.KafkaCheckpointWitness;
import org.ntmrecords.infra.distribution.KafkaClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/** Sealing keys, the hash chain, checkpoints and their witnesses, and verification. */
@Configuration(proxyBeanMethods = false)
public class IntegrityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(IntegrityConfiguration.class);

    /**
     * The keys of the key directory, created on first start. A process that writes the store starts only with the
     * store's own keys ({@link RestoredKeysCheck}); a query replica holds the command process's seals and signs
     * nothing. A command-line task is refused only a missing key (it would create a new one): with keys that do not
     * match, {@code verify-store} must still run and say so event by event.
     */
    @Bean
    public IntegrityKeys integrityKeys(IntegrityProperties properties, JdbcTemplate jdbc, DeploymentRole role,
                                       org.springframework.core.env.Environment environment,
                                       org.springframework.transaction.PlatformTransactionManager transactions) {
        boolean writesStore = role != DeploymentRole.QUERY;
        if (writesStore) {
            RestoredKeysCheck.beforeLoading(properties.keyDirectory(), jdbc);
        }
        // the schedule is kept in the time events are recorded in (Axon's clock, the system's), not the service's
        // business clock, which tests move
        IntegrityKeys keys = IntegrityKeys.load(properties.keyDirectory(), new StoredRotations(jdbc, transactions),
                org.axonframework.eventhandling.GenericEventMessage.clock,
                properties.rotationNotice(), writesStore && properties.checkSealsOnRead());
        if (writesStore && !environment.matchesProfiles("task")) {
            RestoredKeysCheck.afterLoading(properties.keyDirectory(), keys, jdbc);
        }
        return keys;
    }

    /**
     * The configured witnesses: the file ({@code ntm.integrity.witness.file}) and, where this process writes the store
     * and Kafka is configured, the checkpoint topic.
     */
    @Bean(destroyMethod = "close")
    public Witnesses witnesses(IntegrityProperties properties, IntegrityKeys keys,
                               ObjectProvider<KafkaClients> kafka, DeploymentRole role) {
        List<Witnesses.CheckpointWitness> witnesses = new ArrayList<>();
        if (properties.witness().file() != null && !properties.witness().file().toString().isBlank()) {
            witnesses.add(new FileWitness(properties.witness().file()));
        }
        KafkaClients clients = kafka.getIfAvailable();
        if (clients != null && properties.witness().kafka() && clients.checkpointTopic() != null
                && role != DeploymentRole.QUERY) {
            witnesses.add(new KafkaCheckpointWitness(clients));
        }
        if (witnesses.isEmpty() && role != DeploymentRole.QUERY) {
            log.warn("No checkpoint witness is configured (ntm.integrity.witness.file, Kafka): verification can then "
                    + "prove only that the database is consistent with itself (docs/audit.md)");
        }
        return new Witnesses(witnesses, keys);
    }

    /** Key rotations, by the process that writes the store (docs/operations.md, "Key rotation"). */
    @Bean
    @WriteSide
    public KeyRotation keyRotation(IntegrityKeys keys, org.ntmrecords.command.common.CommandRunner commands,
                                   IntegrityProperties properties) {
        return new KeyRotation(keys, commands, properties.rotationNotice());
    }

    /** Every processor halts at an event refused by its seal. */
    @Bean
    public org.axonframework.config.ConfigurerModule haltAtTamperedEvents() {
        TamperedEventGuard guard = new TamperedEventGuard();
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processor) -> guard);
    }

    @Bean
    public IntegrityBoundaries integrityBoundaries(JdbcTemplate jdbc, Witnesses witnesses) {
        return new IntegrityBoundaries(jdbc, witnesses);
    }

    @Bean
    public HashChain hashChain(JdbcTemplate jdbc, IntegrityKeys keys, Clock clock, IntegrityProperties properties,
                               IntegrityBoundaries boundaries, Witnesses witnesses,
                               org.springframework.transaction.PlatformTransactionManager transactions) {
        return new HashChain(jdbc, keys, clock, properties.checkpointEvery(), boundaries, witnesses, transactions);
    }

    /** The chain is kept by the process that owns the store (a query replica's copy is not chained). */
    @Bean
    @WriteSide
    public ChainProjection chainProjection(HashChain chain) {
        return new ChainProjection(chain);
    }

    @Bean
    public StoreVerifier storeVerifier(JdbcTemplate jdbc, IntegrityKeys keys, HashChain chain,
                                       IntegrityBoundaries boundaries, Witnesses witnesses, Clock clock,
                                       IntegrityProperties properties,
                                       org.springframework.transaction.PlatformTransactionManager transactions) {
        return new StoreVerifier(jdbc, keys, chain, boundaries, witnesses, clock, properties.linkGrace(), transactions);
    }

    @Bean
    @WriteSide
    public CheckpointSchedule checkpointSchedule(HashChain chain, Witnesses witnesses) {
        return new CheckpointSchedule(chain, witnesses);
    }

    /**
     * Signs the chain's head at the configured interval, so recent events are soon covered by a checkpoint, and
     * hands the witnesses what they missed (also once at start-up).
     */
    public static class CheckpointSchedule {
        private final HashChain chain;
        private final Witnesses witnesses;

        CheckpointSchedule(HashChain chain, Witnesses witnesses) {
            this.chain = chain;
            this.witnesses = witnesses;
        }

        @Scheduled(initialDelayString = "${ntm.integrity.checkpoint-interval:PT10M}",
                fixedDelayString = "${ntm.integrity.checkpoint-interval:PT10M}")
        public void signHead() {
            chain.signHead();
        }

        @EventListener(ApplicationReadyEvent.class)
        public void catchUpWitnesses() {
            witnesses.sync(chain);
        }
    }
}
