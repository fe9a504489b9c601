package org.ntmrecords.query.history;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.reporting.ReportSubmissionCorrectedEvent;
import org.ntmrecords.events.reporting.ReportSubmittedEvent;
import org.ntmrecords.events.reporting.ReportingDutyEstablishedEvent;

/**
 * The history facts of reporting duties: in the duty's history ({@code duty:<unit>/<id>}), its unit's, and the
 * history of each agency or unit named as a body that owes it or submitted it.
 */
final class ReportingFacts {
    private ReportingFacts() {
    }

    /** The history subject of a reporting duty. */
    static String duty(String unitCode, String dutyId) {
        return "duty:" + unitCode + "/" + dutyId;
    }

    /** The facts of a reporting event, or null for any other event. */
    static HistoryFacts of(Object event) {
        if (event instanceof ReportingDutyEstablishedEvent e) {
            Set<String> subjects = subjects(e.unitCode(), e.dutyId());
            e.owedBy().forEach(b -> body(subjects, b));
            Object when = !e.schedule().isEmpty() ? e.scheduleAsWritten()
                    : e.due() != null ? HistoryFacts.say("history.part.deadline", e.due().asWritten(), e.due().lastDay())
                    : HistoryFacts.say("history.part.noDayStated");
            return new HistoryFacts(subjects, e.unitCode(), null, null, e.due() == null ? null : e.due().lastDay(),
                    e.basis() == null ? List.of() : List.of(e.basis()),
                    HistoryFacts.say("history.dutyEstablished", e.dutyId(), e.title(),
                            HistoryFacts.count(e.owedBy().size()), e.recipient().name(), when));
        }
        if (event instanceof ReportSubmittedEvent e) {
            Set<String> subjects = subjects(e.unitCode(), e.dutyId());
            body(subjects, e.body());
            return new HistoryFacts(subjects, e.unitCode(), null, e.submittedOn(), e.submittedOn(),
                    docs(e.document()), HistoryFacts.say("history.reportSubmitted", e.body().name(),
                            period(e.period()), e.submittedOn(), e.submissionId()));
        }
        if (event instanceof ReportSubmissionCorrectedEvent e) {
            Set<String> subjects = subjects(e.unitCode(), e.dutyId());
            body(subjects, e.body());
            return new HistoryFacts(subjects, e.unitCode(), null, e.submittedOn(), e.submittedOn(),
                    docs(e.document()), HistoryFacts.say("history.reportCorrected", e.correctsSubmissionId(),
                            e.submissionId(), e.body().name(), period(e.period()), e.submittedOn(),
                            HistoryFacts.reason(e.reason())));
        }
        return null;
    }

    private static Set<String> subjects(String unitCode, String dutyId) {
        return new LinkedHashSet<>(List.of(duty(unitCode, dutyId), HistoryFacts.unit(unitCode)));
    }

    private static void body(Set<String> subjects, BodyRef body) {
        if (body.agencyId() != null) {
            subjects.add(HistoryFacts.agency(body.agencyId()));
        }
        if (body.unitCode() != null) {
            subjects.add(HistoryFacts.unit(body.unitCode()));
        }
    }

    private static List<Object> docs(Object document) {
        List<Object> docs = new ArrayList<>();
        if (document != null) {
            docs.add(document);
        }
        return docs;
    }

    private static Object period(String period) {
        return period == null ? HistoryFacts.say("history.part.oneOff") : period;
    }
}
