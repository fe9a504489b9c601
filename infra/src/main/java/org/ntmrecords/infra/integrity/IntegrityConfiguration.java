package org.ntmrecords.infra.integrity;

import org.ntmrecords.command.common.WriteSide;
import java.time.Clock;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/** Sealing, the hash chain, checkpoints and verification. */
@Configuration(proxyBeanMethods = false)
public class IntegrityConfiguration {

    @Bean
    public IntegrityKeys integrityKeys(IntegrityProperties properties) {
        return IntegrityKeys.loadOrCreate(properties.keyDirectory());
    }

    @Bean
    public SealingInterceptor sealingInterceptor(IntegrityKeys keys, @Qualifier("eventSerializer") Serializer serializer,
                                                 RevisionResolver revisions) {
        return new SealingInterceptor(keys, serializer, revisions);
    }

    /** Every event is sealed before the storage engine writes it (also those the service publishes itself). */
    @Bean
    public SmartInitializingSingleton sealEvents(EventStore eventStore, SealingInterceptor interceptor) {
        return () -> eventStore.registerDispatchInterceptor(interceptor);
    }

    @Bean
    public HashChain hashChain(JdbcTemplate jdbc, IntegrityKeys keys, Clock clock, IntegrityProperties properties) {
        return new HashChain(jdbc, keys, clock, properties.checkpointEvery());
    }

    /** The chain is kept by the process that owns the store (a query replica's copy is not chained). */
    @Bean
    @WriteSide
    public ChainProjection chainProjection(HashChain chain) {
        return new ChainProjection(chain);
    }

    @Bean
    public StoreVerifier storeVerifier(JdbcTemplate jdbc, IntegrityKeys keys, HashChain chain) {
        return new StoreVerifier(jdbc, keys, chain);
    }

    @Bean
    @WriteSide
    public CheckpointSchedule checkpointSchedule(HashChain chain) {
        return new CheckpointSchedule(chain);
    }

    /** Signs the chain's head at the configured interval, so recent events are soon covered by a checkpoint. */
    public static class CheckpointSchedule {
        private final HashChain chain;

        CheckpointSchedule(HashChain chain) {
            this.chain = chain;
        }

        @Scheduled(initialDelayString = "${ntm.integrity.checkpoint-interval:PT10M}",
                fixedDelayString = "${ntm.integrity.checkpoint-interval:PT10M}")
        public void signHead() {
            chain.signHead();
        }
    }
}
