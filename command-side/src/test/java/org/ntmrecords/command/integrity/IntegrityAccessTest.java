package org.ntmrecords.command.integrity;

import org.ntmrecords.command.support.FeatureAccessContract;

/** Every command of the integrity feature has its access rule in {@link IntegrityAccess}. */
class IntegrityAccessTest extends FeatureAccessContract {
    IntegrityAccessTest() {
        super(new IntegrityAccess());
    }
}
