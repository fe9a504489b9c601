package org.ntmrecords.query.history;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ntmrecords.events.target.TargetAmendedEvent;
import org.ntmrecords.events.target.TargetDefinition;
import org.ntmrecords.events.target.TargetSetEvent;
import org.ntmrecords.events.target.TargetWithdrawnEvent;

/** The history facts of targets: in the target's history ({@code target:<unit>/<id>}) and its unit's. */
final class TargetFacts {
    private TargetFacts() {
    }

    /** The history subject of a target. */
    static String target(String unitCode, String targetId) {
        return "target:" + unitCode + "/" + targetId;
    }

    /** The facts of a target event, or null for any other event. */
    static HistoryFacts of(Object event) {
        if (event instanceof TargetSetEvent e) {
            return facts(e.unitCode(), e.targetId(), e.definition(),
                    HistoryFacts.say("history.targetSet", e.targetId(), what(e.definition())));
        }
        if (event instanceof TargetAmendedEvent e) {
            return facts(e.unitCode(), e.targetId(), e.definition(), HistoryFacts.say("history.targetAmended",
                    e.targetId(), HistoryFacts.count(e.version()), what(e.definition()), HistoryFacts.reason(e.reason())));
        }
        if (event instanceof TargetWithdrawnEvent e) {
            Set<String> subjects = new LinkedHashSet<>(List.of(target(e.unitCode(), e.targetId()),
                    HistoryFacts.unit(e.unitCode())));
            return new HistoryFacts(subjects, e.unitCode(), null, null, null,
                    e.basis() == null ? List.of() : List.of(e.basis()),
                    HistoryFacts.say("history.targetWithdrawn", e.targetId(), HistoryFacts.reason(e.reason())));
        }
        return null;
    }

    private static HistoryFacts facts(String unitCode, String targetId, TargetDefinition d,
                                      org.ntmrecords.events.common.Message summary) {
        Set<String> subjects = new LinkedHashSet<>(List.of(target(unitCode, targetId), HistoryFacts.unit(unitCode)));
        d.unitCodes().forEach(u -> subjects.add(HistoryFacts.unit(u)));
        return new HistoryFacts(subjects, unitCode, d.setId(), null, d.deadline().lastDay(),
                d.source() == null ? List.of() : List.of(d.source()), summary);
    }

    private static Object what(TargetDefinition d) {
        Object reach = switch (d.kind()) {
            case INDICATOR_VALUE -> HistoryFacts.say("history.part.targetValue", d.measure(), d.valueAsWritten(),
                    d.baseline() == null ? "" : HistoryFacts.say("history.part.baseline",
                            String.valueOf(d.baselineYear()), d.baselineAsWritten()));
            case TITLE -> HistoryFacts.say("history.part.targetTitle", d.setId());
            case UNITS_REACHING_TITLE -> HistoryFacts.say("history.part.targetUnits", HistoryFacts.count(d.count()),
                    d.unitCodes(), d.setId());
            case CRITERIA_MET -> HistoryFacts.say("history.part.targetCriteria", HistoryFacts.count(d.count()),
                    d.setId());
        };
        return HistoryFacts.say("history.part.targetBy", reach, d.deadline().asWritten(), d.deadline().lastDay());
    }
}
