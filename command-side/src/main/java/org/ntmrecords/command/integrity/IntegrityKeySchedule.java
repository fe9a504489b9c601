package org.ntmrecords.command.integrity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.events.integrity.IntegrityKeysRotatedEvent;

/**
 * The one schedule of the store's key generations. Generation 1 is the keys the service created first; each rotation
 * adds the next, in order, taking effect at least the notice after it is recorded. A rotation due before generations
 * recorded earlier supersedes them, provided each of them is still at least the notice away (an earlier rotation
 * after a suspected leak, a mistyped moment): they never take effect. Nothing stored is ever changed.
 */
@Aggregate
public class IntegrityKeySchedule {
    /** The schedule's stream (one per store). */
    public static final String STREAM = "integrity-keys";
    /** Vietnam's time, in which the moments of refusals are written. */
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @AggregateIdentifier
    private String streamId;
    private int generation = 1;
    /** The moments of the generations recorded and not superseded, by number (generation 1: from the start). */
    private final java.util.TreeMap<Integer, Instant> active = new java.util.TreeMap<>(java.util.Map.of(1, Instant.MIN));

    protected IntegrityKeySchedule() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RotateIntegrityKeysCommand command, Clock clock) {
        if (command.generation() != generation + 1) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_ORDER, "generation",
                    CommandText.of("integrity.rotation.notNext", String.valueOf(command.generation()),
                            String.valueOf(generation + 1)));
        }
        if (command.effectiveFrom() == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "effectiveFrom",
                    CommandText.of("integrity.rotation.fromRequired"));
        }
        // the record-time clock (the event's timestamp will be read on it), not the business clock: the key schedule is
        // kept in record time, and every process checks the moment against the rotation's record time
        Instant earliest = GenericEventMessage.clock.instant().plus(command.notice());
        if (command.effectiveFrom().isBefore(earliest)) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "effectiveFrom",
                    CommandText.of("integrity.rotation.tooSoon", command.effectiveFrom().atZone(VIETNAM),
                            earliest.atZone(VIETNAM), String.valueOf(command.notice().toMinutes()),
                            String.valueOf(command.notice().toSecondsPart())));
        }
        // recorded generations due at or after the new moment are superseded; being due after it, they are at least
        // the notice away too, so no process has sealed or signed with them, or is about to
        List<Integer> superseded = new ArrayList<>();
        for (Map.Entry<Integer, Instant> recorded : active.tailMap(2).entrySet()) {
            if (!recorded.getValue().isBefore(command.effectiveFrom())) {
                superseded.add(recorded.getKey());
            }
        }
        if (command.keyId() == null || !command.keyId().matches("[0-9a-f]{32}") || command.sealKeyId() == null
                || !command.sealKeyId().matches("[0-9a-f]{32}") || command.publicKeyPem() == null
                || !command.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----")) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "keyId",
                    CommandText.of("integrity.rotation.keys"));
        }
        String reason = Inputs.requiredText("reason", command.reason(), Inputs.TEXT_MAX);
        var basis = command.basis() == null ? null
                : Inputs.document("basis", command.basis(), java.time.LocalDate.now(clock.withZone(VIETNAM)));
        apply(new IntegrityKeysRotatedEvent(command.generation(), command.effectiveFrom(), command.keyId(),
                command.publicKeyPem(), command.sealKeyId(), reason, basis, superseded));
    }

    @EventSourcingHandler
    void on(IntegrityKeysRotatedEvent event) {
        streamId = STREAM;
        generation = event.generation();
        event.supersedes().forEach(active::remove);
        active.put(event.generation(), event.effectiveFrom());
    }
}
