package org.ntmrecords.command.access;

/**
 * Where refused attempts are written: who tried what on which unit, and why it was refused. Kept apart from
 * the event store, which records only what was done. The reason is in English: the log is read by operators.
 */
public interface SecurityLog {
    void denied(Acting acting, String command, String targetUnit, String reason);
}
