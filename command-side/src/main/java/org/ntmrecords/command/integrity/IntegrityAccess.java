package org.ntmrecords.command.integrity;

import org.ntmrecords.command.access.AccessRules;
import org.ntmrecords.command.access.FeatureAccess;

/** The integrity keys are the administrator's. */
public class IntegrityAccess implements FeatureAccess {
    @Override
    public void register(AccessRules rules) {
        rules.on(RotateIntegrityKeysCommand.class, (acting, c, checks) -> checks.administration(acting, null));
    }
}
