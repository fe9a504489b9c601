package org.ntmrecords.command.reappraisal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.ntmrecords.command.access.AccessPolicy.Decision;
import org.ntmrecords.command.access.AccessRules;
import org.ntmrecords.command.access.FeatureAccess;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.common.CommandText;

/** Appraisers and deciding authorities order reappraisals within their jurisdiction; administrators anywhere. */
public class ReappraisalAccess implements FeatureAccess {
    private static final Set<Role> REAPPRAISERS = Collections.unmodifiableSet(
            EnumSet.of(Role.APPRAISER, Role.DECISION_AUTHORITY, Role.ADMINISTRATOR));

    @Override
    public void register(AccessRules rules) {
        rules.on(OrderReappraisalCommand.class, (acting, c, checks) -> acting.role() == Role.ADMINISTRATOR
                ? Decision.allow(c.scopeUnitCode())
                : checks.roleWithin(acting, c.scopeUnitCode(), REAPPRAISERS,
                        CommandText.of("access.do.orderReappraisals")));
    }
}
