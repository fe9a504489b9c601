package org.ntmrecords.command.evidence;

import org.ntmrecords.command.support.FeatureAccessContract;

/** Every command of the evidence feature has its access rule in {@link EvidenceAccess}. */
class EvidenceAccessTest extends FeatureAccessContract {
    EvidenceAccessTest() {
        super(new EvidenceAccess());
    }
}
