package org.ntmrecords.events.account;

/** An account may no longer sign in or act. */
public record AccountDisabledEvent(String username, String reason) {
}
