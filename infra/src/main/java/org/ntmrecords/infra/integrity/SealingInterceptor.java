package org.ntmrecords.infra.integrity;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;

/**
 * Seals every event on its way into the store: an HMAC-SHA256, with the service's key, of the event's canonical
 * form as it will be stored, put in its metadata as {@code seal}. A row inserted into the store by any other
 * means cannot carry a valid seal, and a changed row no longer matches its own.
 */
public class SealingInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {
    private final IntegrityKeys keys;
    private final Serializer serializer;
    private final RevisionResolver revisions;

    public SealingInterceptor(IntegrityKeys keys, Serializer serializer, RevisionResolver revisions) {
        this.keys = keys;
        this.serializer = serializer;
        this.revisions = revisions;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> message.getMetaData().containsKey(CanonicalEvent.SEAL) ? message
                : message.andMetaData(Map.of(CanonicalEvent.SEAL, seal(message)));
    }

    String seal(EventMessage<?> message) {
        // as the JDBC storage engine stores it: events outside an aggregate become their own one-event stream, and
        // the record time is kept to the millisecond
        String aggregateId = message.getIdentifier();
        long sequence = 0;
        String type = null;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
            type = domain.getType();
        }
        Class<?> payloadType = message.getPayloadType();
        CanonicalEvent canonical = new CanonicalEvent(null, message.getIdentifier(), aggregateId, sequence, type,
                serializer.typeForClass(payloadType).getName(), revisions.revisionOf(payloadType),
                DateTimeUtils.formatInstant(message.getTimestamp()), serializer.serialize(message.getPayload(), byte[].class).getData(),
                serializer.serialize(message.getMetaData(), byte[].class).getData());
        return HexFormat.of().formatHex(keys.seal(canonical.bytes()));
    }
}
