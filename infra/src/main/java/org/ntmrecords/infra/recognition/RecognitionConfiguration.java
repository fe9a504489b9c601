package org.ntmrecords.infra.recognition;

import java.time.Clock;
import java.util.List;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ntmrecords.command.recognition.EventStoreRecognitionRecords;
import org.ntmrecords.command.recognition.RecognitionPolicy;
import org.ntmrecords.command.recognition.RecognitionRecords;
import org.ntmrecords.events.criteria.RecognitionRules.SatisfactionRule;
import org.ntmrecords.events.recognition.RevocationRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The recognition rules from configuration, and what the command side reads of recognition cases. */
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
}
