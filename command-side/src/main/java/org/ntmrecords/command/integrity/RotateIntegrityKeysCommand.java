package org.ntmrecords.command.integrity;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;

/**
 * Seal events and sign checkpoints with key generation {@code generation} from {@code effectiveFrom} on. The keys
 * themselves are made by the service before it sends this; the command carries their public parts.
 *
 * @param notice how far ahead of now {@code effectiveFrom} must be (the service's setting): every process that
 *               seals events reads the schedule at least this often, so none seals an event under the old key after
 *               the new one took effect
 */
public record RotateIntegrityKeysCommand(int generation, Instant effectiveFrom, Duration notice, String keyId,
                                         String publicKeyPem, String sealKeyId, String reason, DocumentRef basis) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IntegrityKeySchedule.STREAM;
    }
}
