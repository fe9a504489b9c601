package org.ntmrecords.infra.axon;

import org.axonframework.serialization.RevisionResolver;
import org.ntmrecords.events.EventRevision;

/**
 * Stores each event's payload revision from {@link EventRevision}; events of this project without the
 * annotation are revision "1". Other payloads (tokens, snapshots) carry no revision.
 */
public class EventRevisionResolver implements RevisionResolver {
    private static final String EVENTS_PACKAGE = "org.ntmrecords.events.";

    @Override
    public String revisionOf(Class<?> payloadType) {
        EventRevision revision = payloadType.getAnnotation(EventRevision.class);
        if (revision != null) {
            return revision.value();
        }
        return payloadType.getName().startsWith(EVENTS_PACKAGE) ? "1" : null;
    }
}
