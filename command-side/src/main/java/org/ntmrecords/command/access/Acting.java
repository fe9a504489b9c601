package org.ntmrecords.command.access;

import java.util.Optional;
import org.axonframework.messaging.MetaData;
import org.ntmrecords.events.EventMetadata;

/** Who sends a command, as its metadata says: name, role, the unit of its jurisdiction, its agency. */
public record Acting(String name, Role role, String unitCode, String agencyId) {

    /** Reads the sender from a command's metadata; empty when the metadata names no valid role. */
    public static Optional<Acting> from(MetaData metaData) {
        Object name = metaData.get(EventMetadata.ACTOR);
        Object role = metaData.get(EventMetadata.ACTOR_ROLE);
        if (name == null || role == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Acting(name.toString(), Role.valueOf(role.toString()),
                    text(metaData.get(EventMetadata.ACTOR_UNIT)), text(metaData.get(EventMetadata.ACTOR_AGENCY))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
