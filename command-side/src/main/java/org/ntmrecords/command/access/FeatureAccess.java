package org.ntmrecords.command.access;

/**
 * The access rules of one feature's commands, declared in the feature's own package (e.g. {@code UnitAccess}): one
 * rule per command class. {@link AccessPolicy} composes them and refuses a command no feature has a rule for.
 */
public interface FeatureAccess {
    void register(AccessRules rules);
}
