package org.ntmrecords.infra.projection;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A handler that fails stops its processor at that event instead of skipping it: the failure rolls back
 * the batch, the token stays before the event, and the processor retries with back-off until the cause is
 * mended. Axon's default logs the failure and moves on, which would leave a read model silently missing the
 * event for good.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionErrorConfiguration {

    @Bean
    public ConfigurerModule propagateHandlerFailures() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
