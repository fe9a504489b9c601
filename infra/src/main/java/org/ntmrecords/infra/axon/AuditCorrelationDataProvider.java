package org.ntmrecords.infra.axon;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.ntmrecords.events.EventMetadata;

/**
 * Carries audit metadata from a message to every message created while handling it: the actor and role,
 * the correlation id of the originating request, and as causation the identifier of the handled message.
 */
public class AuditCorrelationDataProvider implements CorrelationDataProvider {
    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        Object actor = message.getMetaData().get(EventMetadata.ACTOR);
        if (actor != null) {
            data.put(EventMetadata.ACTOR, actor);
            data.put(EventMetadata.ACTOR_ROLE, message.getMetaData().get(EventMetadata.ACTOR_ROLE));
            for (String key : new String[] {EventMetadata.ACTOR_UNIT, EventMetadata.ACTOR_AGENCY}) {
                Object value = message.getMetaData().get(key);
                if (value != null) {
                    data.put(key, value);
                }
            }
        }
        Object correlation = message.getMetaData().get(EventMetadata.CORRELATION_ID);
        data.put(EventMetadata.CORRELATION_ID, correlation != null ? correlation : message.getIdentifier());
        data.put(EventMetadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
