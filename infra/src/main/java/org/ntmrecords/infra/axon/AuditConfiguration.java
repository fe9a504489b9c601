package org.ntmrecords.infra.axon;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
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
}
