package org.ntmrecords.command.agency;

import org.ntmrecords.command.access.AccessRules;
import org.ntmrecords.command.access.FeatureAccess;

/** Agencies and what each answers for are reference data: the administrator's. */
public class AgencyAccess implements FeatureAccess {
    @Override
    public void register(AccessRules rules) {
        rules.on(RegisterAgencyCommand.class, (acting, c, checks) -> checks.administration(acting, c.unitCode()))
                .on(AssignResponsibilityCommand.class, (acting, c, checks) -> checks.administration(acting, null))
                .on(WithdrawResponsibilityCommand.class, (acting, c, checks) -> checks.administration(acting, null));
    }
}
