package org.ntmrecords.command.criteria;

import java.util.Optional;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;

/** Published criteria set versions, as the command side needs them to check and judge. */
public interface CriteriaCatalog {
    Optional<CriteriaSetDefinition> latest(String setId);

    Optional<CriteriaSetDefinition> version(String setId, int version);
}
