package org.ntmrecords.command.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.access.AccessPolicy;
import org.ntmrecords.command.access.AccessRules;
import org.ntmrecords.command.access.FeatureAccess;

/**
 * What every feature's access rules promise: a rule for each command class of the feature's package (scanned, so a
 * new command without a rule fails here), rules for no other package's commands, and a place in the policy.
 */
public abstract class FeatureAccessContract {
    private final FeatureAccess feature;
    private final String packageName;

    protected FeatureAccessContract(FeatureAccess feature) {
        this.feature = feature;
        this.packageName = feature.getClass().getPackageName();
    }

    private Set<Class<?>> ruled() {
        AccessRules rules = new AccessRules();
        feature.register(rules);
        return rules.commands();
    }

    @Test
    void everyCommandOfTheFeatureHasARule() {
        Set<Class<?>> commands = CommandClasses.in(packageName);
        assertThat(commands).as("commands found in %s", packageName).isNotEmpty();
        assertThat(ruled()).as("the commands of %s with a rule in %s", packageName, feature.getClass().getSimpleName())
                .containsAll(commands);
    }

    @Test
    void theRulesAreForTheFeaturesOwnCommands() {
        assertThat(ruled()).allSatisfy(command -> assertThat(command.getPackageName()).isEqualTo(packageName));
    }

    @Test
    void theAccessPolicyComposesTheFeature() {
        assertThat(AccessPolicy.FEATURES).anySatisfy(f -> assertThat(f).isInstanceOf(feature.getClass()));
    }
}
