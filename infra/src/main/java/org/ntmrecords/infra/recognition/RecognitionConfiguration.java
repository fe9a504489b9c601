package org.ntmrecords.infra.recognition;

import java.time.Clock;
import java.util.List;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.modelling.command.Repository;
import org.ntmrecords.command.recognition.CaseRepository;
import org.ntmrecords.command.recognition.EventStoreRecognitionRecords;
import org.ntmrecords.command.recognition.RecognitionCase;
import org.ntmrecords.command.recognition.RevocationCase;
import org.ntmrecords.command.recognition.RecognitionPolicy;
import org.ntmrecords.command.recognition.RecognitionRecords;
import org.ntmrecords.events.criteria.RecognitionRules.SatisfactionRule;
import org.ntmrecords.events.recognition.RevocationRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The recognition rules from configuration, what the command side reads of recognition cases, and the repositories
 * of the two kinds of case, each loading only its own streams ({@link CaseRepository}).
 */
@Configuration
public class RecognitionConfiguration {
    @Bean
    public RevocationRule revocationRule(RecognitionProperties properties) {
        return new RevocationRule(properties.revocationMajorityShare(), properties.revocationPartialShare(),
                properties.revocationKeyCriteria(), properties.revocationProvenance());
    }

    @Bean
    public RecognitionPolicy recognitionPolicy(RecognitionProperties properties, RevocationRule revocationRule) {
        SatisfactionRule commune = properties.communeSatisfactionMin() == null ? null
                : new SatisfactionRule(properties.communeSatisfactionMin(), null,
                properties.communeSatisfactionProvenance());
        return new RecognitionPolicy(commune, revocationRule);
    }

    /**
     * What a deadline does when it falls due carries the audit metadata too ({@code system:expiry}, correlated by
     * the deadline): the deadline manager's units of work get the same correlation data as commands.
     */
    @Bean
    public SmartInitializingSingleton deadlineAuditMetadata(DeadlineManager deadlines,
                                                            List<CorrelationDataProvider> providers) {
        return () -> deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers));
    }

    @Bean
    public RecognitionRecords recognitionRecords(EventStore eventStore, Clock clock) {
        return new EventStoreRecognitionRecords(eventStore, clock);
    }

    @Bean
    public Repository<RecognitionCase> recognitionCaseRepository(EventStore eventStore,
                                                                 org.axonframework.config.Configuration axon) {
        return CaseRepository.recognitions(caseRepository(RecognitionCase.class, eventStore, axon));
    }

    @Bean
    public Repository<RevocationCase> revocationCaseRepository(EventStore eventStore,
                                                               org.axonframework.config.Configuration axon) {
        return CaseRepository.revocations(caseRepository(RevocationCase.class, eventStore, axon));
    }

    /** As Axon's default event-sourcing repository is built: handlers resolve Spring beans as parameters. */
    private static <T> EventSourcingRepository.Builder<T> caseRepository(Class<T> type, EventStore eventStore,
                                                                          org.axonframework.config.Configuration axon) {
        return EventSourcingRepository.builder(type)
                .eventStore(eventStore)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(type))
                .repositoryProvider(axon::repository)
                .spanFactory(axon.getComponent(org.axonframework.modelling.command.RepositorySpanFactory.class));
    }
}
