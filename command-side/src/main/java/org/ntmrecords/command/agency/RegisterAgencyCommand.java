package org.ntmrecords.command.agency;

import org.ntmrecords.events.common.DocumentRef;

/** Enter an agency (phòng, ban) of a unit that may be made responsible for criteria. */
public record RegisterAgencyCommand(String agencyId, String name, String unitCode, DocumentRef basis) {
}
