package org.ntmrecords.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop an account from signing in and acting. */
public record DisableAccountCommand(String username, String reason) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return Account.streamId(username);
    }
}
