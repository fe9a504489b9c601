package org.ntmrecords.command.target;

import org.ntmrecords.command.support.FeatureAccessContract;

/** Every command of the target feature has its access rule in {@link TargetAccess}. */
class TargetAccessTest extends FeatureAccessContract {
    TargetAccessTest() {
        super(new TargetAccess());
    }
}
