package org.ntmrecords.events;

/**
 * Keys of the metadata stored with every event. Together with the event's identifier and timestamp
 * (record time) they say who did what, when, and as part of which request.
 */
public final class EventMetadata {
    /** The authenticated user (or named system task) whose command produced the event. */
    public static final String ACTOR = "actor";
    /** The role the actor acted in. */
    public static final String ACTOR_ROLE = "actorRole";
    /** The unit whose jurisdiction the actor acted in (absent for administrators and system tasks). */
    public static final String ACTOR_UNIT = "actorUnit";
    /** The agency the actor acted for (district agencies only). */
    public static final String ACTOR_AGENCY = "actorAgency";
    /** Shared by every message that one request (or one task run) caused, directly or not. */
    public static final String CORRELATION_ID = "correlationId";
    /** The identifier of the message (command or event) that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";

    private EventMetadata() {
    }
}
