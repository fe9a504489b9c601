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
            String when = !e.schedule().isEmpty() ? e.scheduleAsWritten()
                    : e.due() != null ? e.due().asWritten() + " (" + e.due().lastDay() + ")" : "no day stated";
            return new HistoryFacts(subjects, e.unitCode(), null, null, e.due() == null ? null : e.due().lastDay(),
                    e.basis() == null ? List.of() : List.of(e.basis()),
                    "reporting duty " + e.dutyId() + " established: " + e.title() + ", owed by " + e.owedBy().size()
                            + " bod" + (e.owedBy().size() == 1 ? "y" : "ies") + " to " + e.recipient().name() + "; "
                            + when);
        }
        if (event instanceof ReportSubmittedEvent e) {
            Set<String> subjects = subjects(e.unitCode(), e.dutyId());
            body(subjects, e.body());
            return new HistoryFacts(subjects, e.unitCode(), null, e.submittedOn(), e.submittedOn(),
                    docs(e.document()), "report of " + e.body().name() + " for " + period(e.period())
                            + " received " + e.submittedOn() + " [" + e.submissionId() + "]");
        }
        if (event instanceof ReportSubmissionCorrectedEvent e) {
            Set<String> subjects = subjects(e.unitCode(), e.dutyId());
            body(subjects, e.body());
            return new HistoryFacts(subjects, e.unitCode(), null, e.submittedOn(), e.submittedOn(),
                    docs(e.document()), "report submission " + e.correctsSubmissionId() + " corrected by "
                            + e.submissionId() + ": " + e.body().name() + " for " + period(e.period()) + " received "
                            + e.submittedOn() + " — " + e.reason());
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

    private static String period(String period) {
        return period == null ? "the one-off report" : period;
    }
}
