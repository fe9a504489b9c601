package org.ntmrecords.command.account;

/** Whether a username is taken, for the check before an account is registered. */
public interface AccountDirectory {
    boolean exists(String username);
}
