package org.ntmrecords.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.command.access.Role;

/** Give an account another role or jurisdiction. */
public record ChangeAccountRoleCommand(String username, Role role, String unitCode, String agencyId,
                                       String reason) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return Account.streamId(username);
    }
}
