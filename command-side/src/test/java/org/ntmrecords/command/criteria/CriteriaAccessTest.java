package org.ntmrecords.command.criteria;

import org.ntmrecords.command.support.FeatureAccessContract;

/** Every command of the criteria feature has its access rule in {@link CriteriaAccess}. */
class CriteriaAccessTest extends FeatureAccessContract {
    CriteriaAccessTest() {
        super(new CriteriaAccess());
    }
}
