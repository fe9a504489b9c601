package org.ntmrecords.command.account;

import org.ntmrecords.command.access.AccessRules;
import org.ntmrecords.command.access.FeatureAccess;

/** Accounts are the administrator's. */
public class AccountAccess implements FeatureAccess {
    @Override
    public void register(AccessRules rules) {
        rules.on(RegisterAccountCommand.class, (acting, c, checks) -> checks.administration(acting, c.unitCode()))
                .on(ChangeAccountRoleCommand.class, (acting, c, checks) -> checks.administration(acting, c.unitCode()))
                .on(DisableAccountCommand.class, (acting, c, checks) -> checks.administration(acting, null))
                .on(EnableAccountCommand.class, (acting, c, checks) -> checks.administration(acting, null));
    }
}
