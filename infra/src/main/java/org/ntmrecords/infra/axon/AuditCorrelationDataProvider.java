package org.ntmrecords.infra.axon;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.ntmrecords.events.EventMetadata;

/**
 * Carries audit metadata from a message to every message created while handling it: the actor and role,
 * the correlation id of the originating request, and as causation the identifier of the handled message. What a
 * deadline does when it falls due is the system task {@code system:expiry}'s, correlated by the deadline message.
 */
public class AuditCorrelationDataProvider implements CorrelationDataProvider {
    /** The actor of what a deadline does. */
    public static final Actor EXPIRY = Actor.system("expiry");

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        if (message instanceof DeadlineMessage<?>) {
            // a deadline that falls due (a title or a standard lapsing) is the system's act, not its scheduler's
            data.put(EventMetadata.ACTOR, EXPIRY.name());
            data.put(EventMetadata.ACTOR_ROLE, EXPIRY.role());
            data.put(EventMetadata.CORRELATION_ID, message.getIdentifier());
            data.put(EventMetadata.CAUSATION_ID, message.getIdentifier());
            return data;
        }
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
