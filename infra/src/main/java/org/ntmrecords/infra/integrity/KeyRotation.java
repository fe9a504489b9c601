package org.ntmrecords.infra.integrity;

import java.time.Duration;
import java.time.Instant;
import org.ntmrecords.command.common.CommandRunner;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Outcome;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.common.UserError;
import org.ntmrecords.command.integrity.RotateIntegrityKeysCommand;
import org.ntmrecords.events.common.DocumentRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotates the integrity keys: makes the next generation's keys, records the rotation (the command checks who may,
 * the notice and the order), and moves the keys into place once it is stored. Keys of a rotation that is refused are
 * removed; nothing ever seals or signs with them. One rotation at a time in this process; two processes rotating at
 * once are kept apart by the schedule's order (the second is refused and its keys removed).
 */
public class KeyRotation {
    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final IntegrityKeys keys;
    private final CommandRunner commands;
    private final Duration notice;

    public KeyRotation(IntegrityKeys keys, CommandRunner commands, Duration notice) {
        this.keys = keys;
        this.commands = commands;
        this.notice = notice;
    }

    /** How far ahead a rotation takes effect at least. */
    public Duration notice() {
        return notice;
    }

    /** Records a rotation to the next generation from {@code effectiveFrom}; the generation's number when stored. */
    public synchronized Outcome<Integer> rotate(Instant effectiveFrom, String reason, DocumentRef basis) {
        IntegrityKeys.Prepared prepared = keys.prepareNext();
        Outcome<Object> outcome;
        try {
            outcome = commands.send(() -> new RotateIntegrityKeysCommand(prepared.generation(), effectiveFrom, notice,
                    prepared.keyId(), prepared.publicKeyPem(), prepared.sealKeyId(), reason, basis),
                    id -> concurrent(), KeyRotation::concurrent);
        } catch (org.axonframework.modelling.command.ConcurrencyException e) {
            // another process appended to the schedule at the same time: this rotation was not stored
            keys.discard(prepared);
            return Outcome.rejected(concurrent());
        } catch (RuntimeException e) {
            // stored or not? The store says: a rotation naming these keys keeps them, any other leaves none
            keys.reload();
            if (keys.generations().stream().noneMatch(g -> g.keyId().equals(prepared.keyId()))) {
                keys.discard(prepared);
            } else {
                keys.install(prepared);
            }
            throw e;
        }
        if (!outcome.succeeded()) {
            keys.discard(prepared);
            return Outcome.rejected(outcome.errors().get(0));
        }
        keys.install(prepared);
        log.info("Integrity keys rotated: generation {} (signing key {}) seals events and signs checkpoints from {}",
                prepared.generation(), prepared.keyId(), effectiveFrom);
        return Outcome.ok(prepared.generation());
    }

    private static UserError concurrent() {
        return new UserError(RejectionCode.OUT_OF_ORDER, "generation", CommandText.of("integrity.rotation.concurrent"));
    }
}
