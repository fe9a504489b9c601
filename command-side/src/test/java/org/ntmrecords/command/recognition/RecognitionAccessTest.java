package org.ntmrecords.command.recognition;

import org.ntmrecords.command.support.FeatureAccessContract;

/** Every command of the recognition feature has its access rule in {@link RecognitionAccess}. */
class RecognitionAccessTest extends FeatureAccessContract {
    RecognitionAccessTest() {
        super(new RecognitionAccess());
    }
}
