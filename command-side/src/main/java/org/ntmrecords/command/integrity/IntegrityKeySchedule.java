package org.ntmrecords.command.integrity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.axonframework.commandhandling.CommandHandler;
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
 * adds the next, in order, taking effect after the previous one and at least the notice after it is recorded. Nothing
 * in it is ever changed: a rotation recorded by mistake is followed by another.
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
    private Instant lastEffectiveFrom = Instant.MIN;

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
        Instant earliest = clock.instant().plus(command.notice());
        if (command.effectiveFrom().isBefore(earliest)) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "effectiveFrom",
                    CommandText.of("integrity.rotation.tooSoon", command.effectiveFrom().atZone(VIETNAM),
                            earliest.atZone(VIETNAM), String.valueOf(command.notice().toMinutes()),
                            String.valueOf(command.notice().toSecondsPart())));
        }
        if (!command.effectiveFrom().isAfter(lastEffectiveFrom)) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_ORDER, "effectiveFrom",
                    CommandText.of("integrity.rotation.beforePrevious", command.effectiveFrom().atZone(VIETNAM),
                            lastEffectiveFrom.atZone(VIETNAM)));
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
                command.publicKeyPem(), command.sealKeyId(), reason, basis));
    }

    @EventSourcingHandler
    void on(IntegrityKeysRotatedEvent event) {
        streamId = STREAM;
        generation = event.generation();
        lastEffectiveFrom = event.effectiveFrom();
    }
}
