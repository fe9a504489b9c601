package org.ntmrecords.command.unit;

import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.events.common.Message;

/**
 * A ceased unit takes no new fact about a day from its cessation on: a value, mark or decision whose period
 * reaches that day, evidence dated then, a step of a recognition case taken then. Facts about what happened while
 * it existed stay welcome (a late report about 2024 for a commune merged in 2025); what happens after goes on the
 * record of its successors, which the refusal names.
 *
 * <p>The check reads the unit's own stream through the {@link UnitDirectory} (a handful of events however long
 * the records about the unit grow); successors are looked up only to word a refusal.
 */
public final class Cessation {
    private Cessation() {
    }

    /**
     * Refuses a fact about {@code unit} whose business time ends on {@code lastDay} if the unit had ceased by then.
     *
     * @param fact what is refused, with the days it describes, as it ends the sentence "it takes no …", e.g.
     *             {@code "value for 2025-08-01 to 2025-08-31, a period that does not end before it ceased"}
     *             ({@link #periodFact}, or a feature's {@code *.fact.*} message)
     */
    public static void requireExisted(UnitDirectory units, UnitFacts unit, LocalDate lastDay, String field,
                                      Message fact) {
        if (unit != null && lastDay != null && !unit.existedOn(lastDay)) {
            throw refusal(units, unit, field, fact);
        }
    }

    /** As {@link #requireExisted(UnitDirectory, UnitFacts, LocalDate, String, Message)}, looking the unit up. */
    public static void requireExisted(UnitDirectory units, String unitCode, LocalDate lastDay, String field,
                                      Message fact) {
        if (unitCode != null && lastDay != null) {
            requireExisted(units, units.find(unitCode).orElse(null), lastDay, field, fact);
        }
    }

    /** The refusal: the unit, the day it ceased, its successors by code and name, and what is still accepted. */
    public static CommandRejectedException refusal(UnitDirectory units, UnitFacts unit, String field, Message fact) {
        List<String> successors = successors(units, unit);
        Message said = successors.isEmpty()
                ? CommandText.of("unit.ceased.refusal", describe(units, unit), fact, unit.ceasedOn())
                : successors.size() == 1
                ? CommandText.of("unit.ceased.refusalOne", describe(units, unit), fact, unit.ceasedOn(),
                        successors.get(0))
                : CommandText.of("unit.ceased.refusalMany", describe(units, unit), fact, unit.ceasedOn());
        return new CommandRejectedException(RejectionCode.UNIT_CEASED, field, said);
    }

    /** {@code unit 30049 Tân Kiều ceased on 2025-07-01 and was merged into 30061 Đốc Binh Kiều}. */
    public static Message describe(UnitDirectory units, UnitFacts unit) {
        List<String> successors = successors(units, unit);
        Message fate = successors.isEmpty() ? CommandText.of("unit.ceased.abolished")
                : successors.size() == 1 ? CommandText.of("unit.ceased.merged", successors.get(0))
                : CommandText.of("unit.ceased.divided", String.join(", ", successors));
        return CommandText.of("unit.ceased.describe", unit.code(), unit.name(), unit.ceasedOn(), fate);
    }

    /** The successors by code and name ({@code 30061 Đốc Binh Kiều}), as the record of units has them. */
    private static List<String> successors(UnitDirectory units, UnitFacts unit) {
        return unit.successorCodes().stream().map(code -> units.find(code).map(s -> code + " " + s.name())
                .orElse(code)).toList();
    }

    /**
     * What a period-bound fact is called in a refusal, e.g. {@code value for 2025-08-01 to 2025-08-31, …}; {@code what}
     * is a feature's {@code *.fact.*} message ("value").
     */
    public static Message periodFact(Message what, LocalDate start, LocalDate end) {
        return start.equals(end) ? CommandText.of("unit.ceased.factDay", what, start)
                : CommandText.of("unit.ceased.factPeriod", what, start, end);
    }
}
