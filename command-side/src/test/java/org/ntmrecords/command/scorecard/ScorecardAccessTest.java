package org.ntmrecords.command.scorecard;

import org.ntmrecords.command.support.FeatureAccessContract;

/** Every command of the scorecard feature has its access rule in {@link ScorecardAccess}. */
class ScorecardAccessTest extends FeatureAccessContract {
    ScorecardAccessTest() {
        super(new ScorecardAccess());
    }
}
