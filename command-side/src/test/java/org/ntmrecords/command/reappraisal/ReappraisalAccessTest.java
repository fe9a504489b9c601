package org.ntmrecords.command.reappraisal;

import org.ntmrecords.command.support.FeatureAccessContract;

/** Every command of the reappraisal feature has its access rule in {@link ReappraisalAccess}. */
class ReappraisalAccessTest extends FeatureAccessContract {
    ReappraisalAccessTest() {
        super(new ReappraisalAccess());
    }
}
