package org.ntmrecords.command.unit;

import org.ntmrecords.command.support.FeatureAccessContract;

/** Every command of the unit feature has its access rule in {@link UnitAccess}. */
class UnitAccessTest extends FeatureAccessContract {
    UnitAccessTest() {
        super(new UnitAccess());
    }
}
