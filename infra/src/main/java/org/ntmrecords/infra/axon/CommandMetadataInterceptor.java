package org.ntmrecords.infra.axon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.ntmrecords.events.EventMetadata;

/**
 * Stamps every command with who sends it and the request it belongs to, and refuses a command whose sender
 * is unknown. The actor comes from the authenticated principal (or a named system task), never from the
 * client's input: whatever metadata a caller attached under these keys is replaced.
 *
 * <p>Commands sent while another message is being handled (a process reacting to an event, a deadline) are
 * stamped with that message's actor and correlation, taken from the unit of work's correlation data
 * ({@link AuditCorrelationDataProvider}).
 */
public class CommandMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {
    private final ActorResolver actors;

    public CommandMetadataInterceptor(ActorResolver actors) {
        this.actors = actors;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            // replaces, never merges: a caller cannot choose who it is, nor ask for a dry run
            Map<String, Object> metadata = new HashMap<>(command.getMetaData());
            set(metadata, org.ntmrecords.command.common.DryRun.METADATA_KEY, DryRunScope.active() ? "true" : null);
            if (ActingAs.current() == null && CurrentUnitOfWork.isStarted()) {
                // sent while handling another message: that message's actor and correlation, as the audit
                // correlation data of the unit of work carries them
                Map<String, ?> handled = CurrentUnitOfWork.get().getCorrelationData();
                if (handled.get(EventMetadata.ACTOR) == null) {
                    throw new IllegalStateException("refusing " + command.getCommandName()
                            + ": the message being handled has no actor");
                }
                for (String key : new String[] {EventMetadata.ACTOR, EventMetadata.ACTOR_ROLE, EventMetadata.ACTOR_UNIT,
                        EventMetadata.ACTOR_AGENCY, EventMetadata.CORRELATION_ID}) {
                    Object value = handled.get(key);
                    set(metadata, key, value == null ? null : value.toString());
                }
                return command.withMetaData(metadata);
            }
            ActingAs.Context task = ActingAs.current();
            Actor actor;
            String correlationId;
            if (task != null) {
                actor = task.actor();
                correlationId = task.correlationId();
            } else {
                actor = actors.current().orElseThrow(() -> new IllegalStateException(
                        "refusing " + command.getCommandName() + ": no authenticated actor"));
                correlationId = RequestCorrelation.current().orElseGet(() -> UUID.randomUUID().toString());
            }
            set(metadata, EventMetadata.ACTOR, actor.name());
            set(metadata, EventMetadata.ACTOR_ROLE, actor.role());
            set(metadata, EventMetadata.ACTOR_UNIT, actor.unitCode());
            set(metadata, EventMetadata.ACTOR_AGENCY, actor.agencyId());
            set(metadata, EventMetadata.CORRELATION_ID, correlationId);
            return command.withMetaData(metadata);
        };
    }

    private static void set(Map<String, Object> metadata, String key, String value) {
        if (value == null) {
            metadata.remove(key);
        } else {
            metadata.put(key, value);
        }
    }
}
