package org.ntmrecords.command.target;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;

/** The commands of targets: set one, amend it (a new version, and why), withdraw it. */
public final class TargetCommands {
    private TargetCommands() {
    }

    public record SetTargetCommand(String unitCode, String targetId, TargetContent content) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return Target.streamId(unitCode, targetId);
        }
    }

    public record AmendTargetCommand(String unitCode, String targetId, TargetContent content, String reason) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return Target.streamId(unitCode, targetId);
        }
    }

    public record WithdrawTargetCommand(String unitCode, String targetId, String reason, DocumentRef basis) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return Target.streamId(unitCode, targetId);
        }
    }
}
