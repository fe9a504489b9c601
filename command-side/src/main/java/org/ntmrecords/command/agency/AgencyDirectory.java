package org.ntmrecords.command.agency;

import java.util.Optional;

/** Looks up agencies and their responsibilities, for checks on other records' commands. */
public interface AgencyDirectory {
    Optional<AgencyFacts> find(String agencyId);
}
