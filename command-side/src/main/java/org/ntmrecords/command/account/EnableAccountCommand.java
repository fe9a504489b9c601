package org.ntmrecords.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a disabled account sign in and act again. */
public record EnableAccountCommand(String username, String reason) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return Account.streamId(username);
    }
}
