package org.ntmrecords.command.criteria;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;

/** Published criteria set versions, as the command side needs them to check and judge. */
public interface CriteriaCatalog {
    /** Every published version of a set, oldest first; empty when the set is not published. */
    List<CriteriaSetDefinition> versions(String setId);

    default Optional<CriteriaSetDefinition> latest(String setId) {
        List<CriteriaSetDefinition> all = versions(setId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    default Optional<CriteriaSetDefinition> version(String setId, int version) {
        return versions(setId).stream().filter(d -> d.version() == version).findFirst();
    }

    /**
     * The version that applies on a business date: the latest version effective on or before it. Before the
     * set's first effective date, the first version (a unit may be tracked ahead of a set's entry into force).
     */
    default Optional<CriteriaSetDefinition> inForce(String setId, LocalDate date) {
        List<CriteriaSetDefinition> all = versions(setId);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        return all.stream().filter(d -> !d.effectiveFrom().isAfter(date))
                .max(Comparator.comparingInt(CriteriaSetDefinition::version))
                .or(() -> Optional.of(all.get(0)));
    }
}
