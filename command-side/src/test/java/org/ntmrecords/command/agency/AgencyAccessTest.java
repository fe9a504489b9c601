package org.ntmrecords.command.agency;

import org.ntmrecords.command.support.FeatureAccessContract;

/** Every command of the agency feature has its access rule in {@link AgencyAccess}. */
class AgencyAccessTest extends FeatureAccessContract {
    AgencyAccessTest() {
        super(new AgencyAccess());
    }
}
