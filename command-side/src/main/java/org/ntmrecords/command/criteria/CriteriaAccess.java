package org.ntmrecords.command.criteria;

import org.ntmrecords.command.access.AccessRules;
import org.ntmrecords.command.access.FeatureAccess;

/** Criteria sets are reference data: the administrator's. */
public class CriteriaAccess implements FeatureAccess {
    @Override
    public void register(AccessRules rules) {
        rules.on(PublishCriteriaSetCommand.class, (acting, c, checks) -> checks.administration(acting, null))
                .on(AmendCriteriaSetCommand.class, (acting, c, checks) -> checks.administration(acting, null));
    }
}
