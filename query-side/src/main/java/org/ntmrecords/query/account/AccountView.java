package org.ntmrecords.query.account;

import java.time.Instant;

/** An account as it stands now (never its credentials). */
public record AccountView(String username, String displayName, String role, String unitCode, String agencyId,
                          boolean enabled, Instant registeredAt, Instant updatedAt) {
}
