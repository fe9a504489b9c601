package org.ntmrecords.command.unit;

import org.ntmrecords.command.access.AccessRules;
import org.ntmrecords.command.access.FeatureAccess;

/** Units are reference data: the administrator's. */
public class UnitAccess implements FeatureAccess {
    @Override
    public void register(AccessRules rules) {
        rules.on(RegisterUnitCommand.class, (acting, c, checks) -> checks.administration(acting, c.code()))
                .on(RenameUnitCommand.class, (acting, c, checks) -> checks.administration(acting, c.code()))
                .on(ChangeUnitParentCommand.class, (acting, c, checks) -> checks.administration(acting, c.code()))
                .on(ImportUnitCommand.class, (acting, c, checks) -> checks.administration(acting, c.code()))
                .on(ReorganizeUnitCommand.class, (acting, c, checks) -> checks.administration(acting, c.code()))
                .on(CeaseUnitCommand.class, (acting, c, checks) -> checks.administration(acting, c.code()));
    }
}
