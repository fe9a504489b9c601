package org.ntmrecords.events.account;

/** An account's role or jurisdiction changed; the previous ones are kept so history reads on its own. */
public record AccountRoleChangedEvent(String username, String previousRole, String previousUnitCode,
                                      String previousAgencyId, String role, String unitCode, String agencyId,
                                      String reason) {
}
