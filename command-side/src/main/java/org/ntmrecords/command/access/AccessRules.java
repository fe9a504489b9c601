package org.ntmrecords.command.access;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rule for each command class, exactly one; a command class registered twice is a mistake found at start. */
public final class AccessRules {
    private final Map<Class<?>, AccessRule<Object>> rules = new LinkedHashMap<>();

    /** The rules the given features declare. */
    public static AccessRules of(Iterable<? extends FeatureAccess> features) {
        AccessRules rules = new AccessRules();
        features.forEach(feature -> feature.register(rules));
        return rules;
    }

    @SuppressWarnings("unchecked")
    public <C> AccessRules on(Class<C> command, AccessRule<? super C> rule) {
        if (rules.putIfAbsent(command, (AccessRule<Object>) rule) != null) {
            throw new IllegalStateException("two access rules for " + command.getName());
        }
        return this;
    }

    /** The rule for exactly this class of command (a subclass has its own). */
    public Optional<AccessRule<Object>> ruleFor(Class<?> command) {
        return Optional.ofNullable(rules.get(command));
    }

    public Set<Class<?>> commands() {
        return Collections.unmodifiableSet(rules.keySet());
    }
}
