package org.ntmrecords.command.account;

import org.ntmrecords.command.access.Role;

/** Enter a user account with its role and jurisdiction. Its credentials are kept outside the record. */
public record RegisterAccountCommand(String username, String displayName, Role role, String unitCode,
                                     String agencyId) {
}
