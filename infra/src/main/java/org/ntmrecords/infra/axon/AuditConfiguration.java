package org.ntmrecords.infra.axon;

import java.util.Optional;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who did it and as part of what: actor and correlation metadata on every command and event. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    public CorrelationDataProvider auditCorrelationDataProvider() {
        return new AuditCorrelationDataProvider();
    }

    @Bean
    public CommandMetadataInterceptor commandMetadataInterceptor(ActorResolver actors) {
        return new CommandMetadataInterceptor(actors);
    }

    /**
     * Until a request is authenticated, commands from the API are recorded as the configured local operator.
     * Replaced by the authenticated principal when security is configured.
     */
    @Bean
    @ConditionalOnMissingBean
    public ActorResolver localOperator(@Value("${ntm.local-operator.name:local-operator}") String name,
                                       @Value("${ntm.local-operator.role:ADMINISTRATOR}") String role) {
        Actor operator = new Actor(name, role);
        return () -> Optional.of(operator);
    }
}
