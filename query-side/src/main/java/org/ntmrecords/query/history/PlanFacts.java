package org.ntmrecords.query.history;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.plan.PlanAmendedEvent;
import org.ntmrecords.events.plan.PlanFundsRecordedEvent;
import org.ntmrecords.events.plan.PlanIssuedEvent;
import org.ntmrecords.events.plan.PlanItemAddedEvent;
import org.ntmrecords.events.plan.PlanTaskClosedEvent;
import org.ntmrecords.events.plan.PlanTaskCompletedEvent;
import org.ntmrecords.events.plan.PlanTaskProgressNotedEvent;
import org.ntmrecords.events.plan.PlanTaskReopenedEvent;
import org.ntmrecords.query.common.QueryText;

/**
 * What the plan events mean for the history: a plan's events are in the history of its unit (and of the plan,
 * {@code plan:<id>}); an item's and a task's also in the history of each unit they concern and of the indicator they
 * target, so the history of an indicator says which judgment completed the task.
 */
final class PlanFacts {
    private PlanFacts() {
    }

    static HistoryFacts of(Object event) {
        if (event instanceof PlanIssuedEvent e) {
            return new HistoryFacts(subjects(e.planId(), e.unitCode()), e.unitCode(), null, e.date(), e.date(),
                    docs(e.legalBases()), say("history.planIssued", e.number(), e.annexNumber() == null ? ""
                    : say("history.part.annex", e.annexNumber()), e.date() != null ? e.date() : e.dateAsWritten(),
                    String.valueOf(e.year()), e.issuer().name()));
        }
        if (event instanceof PlanAmendedEvent e) {
            List<Object> docs = new ArrayList<>();
            if (e.document() != null) {
                docs.add(e.document());
            }
            return new HistoryFacts(subjects(e.planId(), e.unitCode()), e.unitCode(), null, e.date(), null, docs,
                    say("history.planAmended", HistoryFacts.count(e.version()), e.changes(),
                            HistoryFacts.reason(e.reason())));
        }
        if (event instanceof PlanItemAddedEvent e) {
            Set<String> subjects = subjects(e.planId(), e.unitCode());
            for (String unit : e.unitCodes()) {
                subjects.add(HistoryFacts.unit(unit));
                if (e.setId() != null && e.indicatorCode() != null) {
                    subjects.add(HistoryFacts.unitIndicator(unit, e.setId(), e.indicatorCode()));
                }
            }
            return new HistoryFacts(subjects, e.unitCode(), e.setId(), null, e.deadline().lastDay(), List.of(),
                    say("history.planItemAdded", e.row() == null ? e.itemId() : e.row(),
                            e.indicatorCode() == null ? "" : say("history.part.ofIndicator", e.indicatorCode()),
                            e.unitCodes(), e.lead().name(), e.deadline().asWritten()));
        }
        if (event instanceof PlanTaskProgressNotedEvent e) {
            return new HistoryFacts(subjects(e.planId(), e.taskUnitCode()), e.taskUnitCode(), null, e.date(),
                    e.date(), docs(e.evidence()), say("history.planProgress", e.itemId(), e.taskUnitCode(),
                    e.by().name()));
        }
        if (event instanceof PlanTaskCompletedEvent e) {
            Set<String> subjects = subjects(e.planId(), e.taskUnitCode());
            if (e.setId() != null && e.indicatorCode() != null) {
                subjects.add(HistoryFacts.unitIndicator(e.taskUnitCode(), e.setId(), e.indicatorCode()));
            }
            return new HistoryFacts(subjects, e.taskUnitCode(), e.setId(), null, null, List.of(),
                    say("history.planTaskCompleted", e.itemId(), e.taskUnitCode(), e.indicatorCode(),
                            e.judgmentEventId()));
        }
        if (event instanceof PlanTaskClosedEvent e) {
            return new HistoryFacts(subjects(e.planId(), e.taskUnitCode()), e.taskUnitCode(), null, e.date(),
                    null, docs(e.decision()), say("history.planTaskClosed", e.itemId(), e.taskUnitCode(),
                    HistoryFacts.reason(e.reason())));
        }
        if (event instanceof PlanTaskReopenedEvent e) {
            return new HistoryFacts(subjects(e.planId(), e.taskUnitCode()), e.taskUnitCode(), null, e.date(),
                    null, docs(e.decision()), say("history.planTaskReopened", e.itemId(), e.taskUnitCode(),
                    HistoryFacts.reason(e.reason())));
        }
        if (event instanceof PlanFundsRecordedEvent e) {
            return new HistoryFacts(new LinkedHashSet<>(List.of("plan:" + e.planId())), null, null, e.date(),
                    e.date(), docs(e.document()), say("history.planFunds", QueryText.term(e.stage()), e.itemId(),
                    QueryText.term(e.source()), e.amount().vnd(), e.amount().asWritten() == null ? ""
                    : say("history.part.asWritten", e.amount().asWritten())));
        }
        return null;
    }

    private static org.ntmrecords.events.common.Message say(String key, Object... args) {
        return HistoryFacts.say(key, args);
    }

    private static Set<String> subjects(String planId, String unitCode) {
        return new LinkedHashSet<>(List.of("plan:" + planId, HistoryFacts.unit(unitCode)));
    }

    private static List<Object> docs(DocumentRef ref) {
        return ref == null ? List.of() : List.of(ref);
    }

    private static List<Object> docs(List<DocumentRef> refs) {
        return new ArrayList<>(refs);
    }
}
