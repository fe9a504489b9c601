package org.ntmrecords.command.access;

/** Who may send one kind of command: decided from the sender, the command and the checks every feature shares. */
@FunctionalInterface
public interface AccessRule<C> {
    AccessPolicy.Decision decide(Acting acting, C command, AccessChecks checks);
}
