package org.ntmrecords.command.target;

import java.util.EnumSet;
import java.util.Set;
import org.ntmrecords.command.access.AccessPolicy.Decision;
import org.ntmrecords.command.access.AccessRules;
import org.ntmrecords.command.access.Acting;
import org.ntmrecords.command.access.AccessChecks;
import org.ntmrecords.command.access.FeatureAccess;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.target.TargetCommands.AmendTargetCommand;
import org.ntmrecords.command.target.TargetCommands.SetTargetCommand;
import org.ntmrecords.command.target.TargetCommands.WithdrawTargetCommand;

/**
 * Targets are set, amended and withdrawn by the unit's coordination office (its district and the communes under it)
 * or the commune's officer (its commune), and by administrators.
 */
public class TargetAccess implements FeatureAccess {
    private static final Set<Role> SETTERS = EnumSet.of(Role.DISTRICT_COORDINATION_OFFICE, Role.COMMUNE_OFFICER);

    @Override
    public void register(AccessRules rules) {
        rules.on(SetTargetCommand.class, (acting, c, checks) -> decide(acting, c.unitCode(), checks))
                .on(AmendTargetCommand.class, (acting, c, checks) -> decide(acting, c.unitCode(), checks))
                .on(WithdrawTargetCommand.class, (acting, c, checks) -> decide(acting, c.unitCode(), checks));
    }

    private static Decision decide(Acting acting, String unitCode, AccessChecks checks) {
        return acting.role() == Role.ADMINISTRATOR ? Decision.allow(unitCode)
                : checks.roleWithin(acting, unitCode, SETTERS, CommandText.of("access.do.setTargets"));
    }
}
