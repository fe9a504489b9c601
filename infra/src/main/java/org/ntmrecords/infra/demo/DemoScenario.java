package org.ntmrecords.infra.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Judgment;

/**
 * A demo scenario file ({@code demo/*.yaml}): which units to track against which sets, and the values and
 * decisions a source document states for them. Every entry cites its document.
 */
record DemoScenario(Map<String, DocumentRef> documents, LocalDate asOf, String decidedBy, String sourceAgency,
                    List<AgencyEntry> agencies, List<AssignmentEntry> assignments, List<Tracking> tracking,
                    List<ValueEntry> values, List<DecisionEntry> decisions, List<MetByReport> metByReport) {

    DemoScenario {
        agencies = agencies == null ? List.of() : agencies;
        assignments = assignments == null ? List.of() : assignments;
    }

    record AgencyEntry(String id, String name, String unit) {
    }

    record AssignmentEntry(String agency, String set, List<String> criteria, List<String> indicators, String basis) {
    }

    record Tracking(String set, String region, List<String> units) {
    }

    record ValueEntry(String set, String unit, String indicator, IndicatorValue value, List<String> evidence,
                      String note) {
    }

    record DecisionEntry(String set, String unit, String indicator, Judgment result, List<String> basis,
                         String note) {
    }

    /** The report states these units meet the set: every indicator without an entry of its own is met. */
    record MetByReport(String set, List<String> units, List<String> basis, String note) {
    }

    List<DocumentRef> documents(List<String> keys) {
        return keys == null ? List.of() : keys.stream().map(key -> {
            DocumentRef ref = documents.get(key);
            if (ref == null) {
                throw new IllegalStateException("demo scenario cites unknown document '" + key + "'");
            }
            return ref;
        }).toList();
    }
}
