package org.ntmrecords.events.account;

/** A disabled account may sign in and act again. */
public record AccountEnabledEvent(String username, String reason) {
}
