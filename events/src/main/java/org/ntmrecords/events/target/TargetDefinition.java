package org.ntmrecords.events.target;

import java.math.BigDecimal;
import java.util.List;
import org.ntmrecords.events.common.Deadline;
import org.ntmrecords.events.common.DocumentRef;

/**
 * What a target states, as one version: the words of the source, what is to be reached, by when, and where it is
 * stated.
 *
 * @param kind              what the target asks
 * @param statement         the target as the source writes it
 * @param year              the year it is for
 * @param setId             the criteria set it is judged under (the title's set, the set whose criteria are counted,
 *                          the indicator's set); null for a value target no indicator of the record measures yet
 * @param indicatorCode     {@code INDICATOR_VALUE}: the indicator of {@code setId} that measures it, or null
 * @param measure           {@code INDICATOR_VALUE}: what is measured, as written ("Thu nhập bình quân đầu người")
 * @param value             {@code INDICATOR_VALUE}: the value to reach, exact, at least
 * @param valueAsWritten    {@code INDICATOR_VALUE}: the value with its unit as written ("60,5 triệu đồng/người/năm")
 * @param baseline          the value the source states for a year before, or null
 * @param baselineYear      the year of {@code baseline}
 * @param baselineAsWritten {@code baseline} as written ("56,15 triệu đồng")
 * @param count             {@code UNITS_REACHING_TITLE}: units to reach it; {@code CRITERIA_MET}: criteria to meet
 * @param unitCodes         {@code UNITS_REACHING_TITLE}: the units named
 * @param deadline          the deadline as written ("quý I/2023", "năm 2024") with its last day
 * @param source            the plan that states it
 * @param provenance        the seed and line that state it (e.g. {@code seed 003 line 81}), or null
 */
public record TargetDefinition(TargetKind kind, String statement, int year, String setId, String indicatorCode,
                               String measure, BigDecimal value, String valueAsWritten, BigDecimal baseline,
                               Integer baselineYear, String baselineAsWritten, Integer count, List<String> unitCodes,
                               Deadline deadline, DocumentRef source, String provenance) {
    public TargetDefinition {
        unitCodes = unitCodes == null ? List.of() : List.copyOf(unitCodes);
    }
}
