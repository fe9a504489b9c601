package org.ntmrecords.infra.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ntmrecords.command.reporting.ReportingCommands;
import org.ntmrecords.command.target.TargetContent;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.Money;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.evidence.EvidenceTarget;
import org.ntmrecords.events.plan.FundingSource;
import org.ntmrecords.events.plan.FundingStage;
import org.ntmrecords.events.plan.PlanAim;
import org.ntmrecords.events.plan.PlannedFunding;
import org.ntmrecords.events.scorecard.Breakdown;
import org.ntmrecords.events.scorecard.BreakdownTotal;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.unit.UnitKind;

/**
 * A demo scenario file ({@code demo/*.yaml}): which units to track against which sets, and the values and
 * decisions a source document states for them. Every entry cites its document.
 */
record DemoScenario(Map<String, DocumentRef> documents, LocalDate asOf, String decidedBy, String sourceAgency,
                    List<UnitEntry> units, List<AgencyEntry> agencies, List<AssignmentEntry> assignments, List<Tracking> tracking,
                    List<ValueEntry> values, List<NotAssessedEntry> notAssessed, List<DecisionEntry> decisions,
                    List<MetByReport> metByReport,
                    List<RecognitionEntry> recognitions, List<EvidenceEntry> evidence,
                    List<CertificationEntry> certifications, List<PlanEntry> plans,
                    List<ReportingCommands.EstablishReportingDutyCommand> duties,
                    List<ReportingCommands.SubmitReportCommand> submissions, List<TargetEntry> targets,
                    List<ItemAssessmentEntry> itemAssessments) {

    DemoScenario {
        documents = documents == null ? Map.of() : documents;
        units = units == null ? List.of() : units;
        agencies = agencies == null ? List.of() : agencies;
        assignments = assignments == null ? List.of() : assignments;
        tracking = tracking == null ? List.of() : tracking;
        values = values == null ? List.of() : values;
        notAssessed = notAssessed == null ? List.of() : notAssessed;
        decisions = decisions == null ? List.of() : decisions;
        metByReport = metByReport == null ? List.of() : metByReport;
        recognitions = recognitions == null ? List.of() : recognitions;
        evidence = evidence == null ? List.of() : evidence;
        certifications = certifications == null ? List.of() : certifications;
        plans = plans == null ? List.of() : plans;
        duties = duties == null ? List.of() : duties;
        submissions = submissions == null ? List.of() : submissions;
        targets = targets == null ? List.of() : targets;
        itemAssessments = itemAssessments == null ? List.of() : itemAssessments;
    }

    /**
     * An item-by-item assessment of an itemised indicator, as the source states it (or, where the source gives only
     * counts, a stand-in split that its {@code note} and every item's {@code note} say is one).
     */
    record ItemAssessmentEntry(String set, String unit, String indicator, String assessedBy, List<String> evidence,
                               String note, List<ItemState> items) {
    }

    /** One item's state, with the seed line it comes from in {@code note}. */
    record ItemState(String item, Judgment state, String note) {
    }

    /**
     * A plan (kế hoạch) as the source states it, with its annex rows and the money recorded against them. Its legal
     * bases are keys of {@code documents}.
     */
    record PlanEntry(String id, String unit, String number, String annexNumber, LocalDate date, String dateAsWritten,
                     BodyRef issuer, Integer year, String title, List<PlanAim> aims, List<String> legalBases,
                     List<PlanItemEntry> items, List<FundsEntry> funds) {
        PlanEntry {
            aims = aims == null ? List.of() : aims;
            legalBases = legalBases == null ? List.of() : legalBases;
            items = items == null ? List.of() : items;
            funds = funds == null ? List.of() : funds;
        }
    }

    /**
     * A row of a plan's annex. {@code stateValue}: the id of the demo value the row's state rests on (its event and
     * the judgment it caused are linked); {@code source}: the seed line the row is taken from.
     */
    record PlanItemEntry(String id, String row, String set, String criterion, String indicator, String content,
                         List<String> units, String requirement, String state, String stateValue, String solution,
                         BodyRef lead, List<BodyRef> coordinating, String deadline, LocalDate deadlineLastDay,
                         Money cost, List<PlannedFunding> funding, String source) {
    }

    /** Money mobilised or disbursed for a row, as the source states it; {@code document} is a key of documents. */
    record FundsEntry(String item, String id, FundingSource source, String sourceAsWritten, FundingStage stage,
                      Money amount, LocalDate date, BodyRef by, String document, String statedShare, String note) {
    }

    /** A target of a unit ({@code content.source} is given by {@code sourceDocument}, a key of documents). */
    record TargetEntry(String unit, String id, String sourceDocument, TargetContent content) {
    }

    /**
     * A recognition the source states. {@code stage} DECIDED: granted, outcome only (decision number and date as the
     * source gives them, else absent); SELF_ASSESSED: the commune has assessed itself and not submitted;
     * SUBMITTED: the dossier is with the verifying level; VERIFIED: verified and forwarded, awaiting appraisal. A case
     * in progress is self-assessed as the source reports it: the criteria in {@code unmet} not met, every other one
     * claimed met, with the note saying where the source says so. {@code yearStated: false}: the source does not
     * state the year of a DECIDED title, {@code year} is the source's own.
     */
    record RecognitionEntry(String unit, String set, Grade grade, int year, String stage, String decisionNumber,
                            LocalDate decisionDate, String authority, String source, List<String> unmet,
                            String note, Boolean yearStated) {

        RecognitionEntry {
            unmet = unmet == null ? List.of() : unmet;
        }
    }

    /** A document the source names, attached to a unit, a criterion or indicator, or a case. */
    record EvidenceEntry(String document, String kind, EvidenceTarget.Kind target, String unit, String set,
                         String code, String caseId, String note) {
    }

    /** A standard with a validity period the source names, and the indicator resting on it. */
    record CertificationEntry(String id, String unit, String subject, String standard, LocalDate validUntil,
                              String set, String indicator, String source, String note) {
    }

    /**
     * A unit the seed localities do not hold: a village (thôn, ấp, khu dân cư, bản, làng) under a commune, registered
     * on the strength of {@code source}, a key of documents; {@code line}: the seed line that names it.
     */
    record UnitEntry(String code, String name, String fullName, UnitKind kind, String parent, String source,
                     String line) {
    }

    record AgencyEntry(String id, String name, String unit) {
    }

    record AssignmentEntry(String agency, String set, List<String> criteria, List<String> indicators, String basis) {
    }

    record Tracking(String set, String region, List<String> units) {
    }

    /**
     * A value as the source states it, with its split by sub-unit where the source gives one ({@code breakdown}, each
     * part naming the registered unit it is) and the unit's own figure the split adds up to ({@code breakdownTotal}).
     */
    record ValueEntry(String set, String unit, String indicator, IndicatorValue value, List<String> evidence,
                      String note, List<Breakdown> breakdown, BreakdownTotal breakdownTotal) {
        ValueEntry {
            breakdown = breakdown == null ? List.of() : breakdown;
        }
    }

    /** The source says an indicator has no data yet (chưa có số liệu, chưa đánh giá), and why. */
    record NotAssessedEntry(String set, String unit, String indicator, String reason, List<String> evidence) {
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
