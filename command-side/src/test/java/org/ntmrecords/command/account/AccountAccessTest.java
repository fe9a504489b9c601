package org.ntmrecords.command.account;

import org.ntmrecords.command.support.FeatureAccessContract;

/** Every command of the account feature has its access rule in {@link AccountAccess}. */
class AccountAccessTest extends FeatureAccessContract {
    AccountAccessTest() {
        super(new AccountAccess());
    }
}
