package org.ntmrecords.command.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/** What a target states, as sent with a set or amend command: checked by {@link Target} into a {@code TargetDefinition}. */
public record TargetContent(org.ntmrecords.events.target.TargetKind kind, String statement, Integer year, String setId,
                            String indicatorCode, String measure, BigDecimal value, String valueAsWritten,
                            BigDecimal baseline, Integer baselineYear, String baselineAsWritten, Integer count,
                            List<String> unitCodes, String deadlineAsWritten, LocalDate deadlineLastDay,
                            DocumentRef source, String provenance) {
}
