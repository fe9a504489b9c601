package org.ntmrecords.events.integrity;

import java.time.Instant;
import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/**
 * From {@code effectiveFrom} on, events are sealed and checkpoints signed with key generation {@code generation}
 * (the keys the service created first are generation 1). Recorded before it takes effect, so that no event is ever
 * sealed under a schedule that changes afterwards.
 *
 * @param keyId        the new checkpoint signing key's id (first 16 bytes, hex, of the SHA-256 of its X.509 form)
 * @param publicKeyPem the new signing key's public key (PEM), the one auditors verify its checkpoints with
 * @param sealKeyId    a fingerprint of the new sealing key (the key itself is secret and never stored in an event)
 * @param reason       why the keys are rotated (the periodic change a security rule asks for, a suspected leak)
 * @param basis        the document that orders or records the rotation, where there is one (null: none given)
 * @param supersedes   the generations recorded earlier that this one replaces before they take effect (an earlier
 *                     rotation after a suspected leak, a moment mistyped): they never seal or sign anything; empty when
 *                     none (also for payloads stored before this field)
 */
public record IntegrityKeysRotatedEvent(int generation, Instant effectiveFrom, String keyId, String publicKeyPem,
                                        String sealKeyId, String reason, DocumentRef basis, List<Integer> supersedes) {
    public IntegrityKeysRotatedEvent {
        supersedes = supersedes == null ? List.of() : List.copyOf(supersedes);
    }
}
