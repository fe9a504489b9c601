package org.ntmrecords.events.account;

/**
 * A user account was entered with its role and jurisdiction. Credentials are never part of an event.
 *
 * @param role     one of the roles of NTM Records (see the README)
 * @param unitCode the unit whose jurisdiction the account acts in; {@code null} for administrators,
 *                 auditors and dashboard viewers
 * @param agencyId the agency a district-agency account acts for
 */
public record AccountRegisteredEvent(String username, String displayName, String role, String unitCode,
                                     String agencyId) {
}
