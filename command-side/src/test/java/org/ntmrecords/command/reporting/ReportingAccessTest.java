package org.ntmrecords.command.reporting;

import org.ntmrecords.command.support.FeatureAccessContract;

/** Every command of the reporting feature has its access rule in {@link ReportingAccess}. */
class ReportingAccessTest extends FeatureAccessContract {
    ReportingAccessTest() {
        super(new ReportingAccess());
    }
}
