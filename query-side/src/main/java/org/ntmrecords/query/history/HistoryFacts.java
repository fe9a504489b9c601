package org.ntmrecords.query.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.ntmrecords.events.account.AccountDisabledEvent;
import org.ntmrecords.events.account.AccountEnabledEvent;
import org.ntmrecords.events.account.AccountRegisteredEvent;
import org.ntmrecords.events.account.AccountRoleChangedEvent;
import org.ntmrecords.events.agency.AgencyRegisteredEvent;
import org.ntmrecords.events.agency.ResponsibilityAssignedEvent;
import org.ntmrecords.events.agency.ResponsibilityWithdrawnEvent;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.LegalBasis;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.integrity.IntegrityKeysRotatedEvent;
import org.ntmrecords.events.criteria.CriteriaSetAmendedEvent;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriteriaSetPublishedEvent;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.IndicatorStructureChange;
import org.ntmrecords.events.criteria.RequirementChange;
import org.ntmrecords.events.reappraisal.ReappraisalOrderedEvent;
import org.ntmrecords.events.reappraisal.UnitReappraisedEvent;
import org.ntmrecords.events.scorecard.CriteriaSetVersionAdoptedEvent;
import org.ntmrecords.events.scorecard.CriterionJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorDecisionRecordedEvent;
import org.ntmrecords.events.scorecard.IndicatorItemAssessedEvent;
import org.ntmrecords.events.scorecard.IndicatorJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorMarkedNotAssessedEvent;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.IndicatorValueCorrectedEvent;
import org.ntmrecords.events.scorecard.IndicatorValueRecordedEvent;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.events.scorecard.StandingComputedEvent;
import org.ntmrecords.events.scorecard.UnitTrackedEvent;
import org.ntmrecords.events.unit.Successor;
import org.ntmrecords.events.unit.UnitCeasedEvent;
import org.ntmrecords.events.unit.UnitParentChangedEvent;
import org.ntmrecords.events.unit.UnitRegisteredEvent;
import org.ntmrecords.events.unit.UnitRenamedEvent;
import org.ntmrecords.events.unit.UnitReorganizedEvent;
import org.ntmrecords.query.common.QueryText;

/**
 * What an event means for the history: the histories it belongs to (subjects), the business time it describes,
 * the documents it cites, and a one-line summary. Every event type of the catalogue is mapped here; an unknown
 * type still enters the history (under its stream) with its class name as summary.
 */
public record HistoryFacts(Set<String> subjects, String unitCode, String setId, LocalDate businessStart,
                           LocalDate businessEnd, List<Object> documents, Message summary) {

    public static String unit(String code) {
        return "unit:" + code;
    }

    public static String scorecard(String unitCode, String setId) {
        return "scorecard:" + unitCode + "@" + setId;
    }

    public static String unitCriterion(String unitCode, String setId, String criterion) {
        return "ucrit:" + unitCode + "@" + setId + "/" + criterion;
    }

    public static String unitIndicator(String unitCode, String setId, String indicator) {
        return "uind:" + unitCode + "@" + setId + "/" + indicator;
    }

    public static String set(String setId) {
        return "set:" + setId;
    }

    public static String criterion(String setId, String criterion) {
        return "criterion:" + setId + "/" + criterion;
    }

    public static String indicator(String setId, String indicator) {
        return "indicator:" + setId + "/" + indicator;
    }

    public static String agency(String agencyId) {
        return "agency:" + agencyId;
    }

    /** The subject of the store's key rotations. */
    public static final String INTEGRITY_KEYS = "integrity:keys";

    public static String account(String username) {
        return "account:" + username;
    }

    /** The facts of one event; {@code stream} is the aggregate it belongs to, used for unknown types. */
    public static HistoryFacts of(Object event, String stream) {
        if (event instanceof UnitRegisteredEvent e) {
            return unitFacts(e.code(), null, docs(e.source()),
                    say("history.unitRegistered", e.fullName(), QueryText.term(e.kind()), under(e.parentCode())));
        }
        if (event instanceof UnitRenamedEvent e) {
            return unitFacts(e.code(), null, docs(e.basis()),
                    say("history.unitRenamed", e.previousFullName(), e.fullName()));
        }
        if (event instanceof UnitParentChangedEvent e) {
            return unitFacts(e.code(), null, docs(e.basis()),
                    say("history.unitMoved", text(e.previousParentCode()), e.parentCode()));
        }
        if (event instanceof UnitReorganizedEvent e) {
            return unitFacts(e.code(), e.effectiveFrom(), docs(e.basis()),
                    say("history.unitReorganized", e.effectiveFrom(), e.previousFullName(), QueryText.term(e.previousKind()),
                            under(e.previousParentCode()), e.fullName(), QueryText.term(e.kind()), under(e.parentCode())));
        }
        if (event instanceof UnitCeasedEvent e) {
            return ceased(e);
        }
        HistoryFacts recognition = RecognitionFacts.of(event);
        if (recognition != null) {
            return recognition;
        }
        HistoryFacts reporting = ReportingFacts.of(event);
        if (reporting != null) {
            return reporting;
        }
        HistoryFacts target = TargetFacts.of(event);
        if (target != null) {
            return target;
        }
        HistoryFacts plan = PlanFacts.of(event);
        if (plan != null) {
            return plan;
        }
        if (event instanceof ReappraisalOrderedEvent e) {
            Set<String> subjects = subjects(unit(e.scopeUnitCode()));
            e.unitCodes().forEach(code -> subjects.add(unit(code)));
            return new HistoryFacts(subjects, e.scopeUnitCode(), e.setId(), e.date(), e.date(), docs(e.basis()),
                    say("history.reappraisalOrdered", count(e.unitCodes().size()), e.setId(), e.againstSetId(),
                            count(e.againstVersion()), e.date(), reason(e.reason())));
        }
        if (event instanceof UnitReappraisedEvent e) {
            var o = e.outcome();
            return new HistoryFacts(subjects(unit(o.unitCode()), scorecard(o.unitCode(), e.setId())), o.unitCode(),
                    e.setId(), e.date(), e.date(), List.of(),
                    say("history.unitReappraised", e.againstSetId(), count(e.againstVersion()), QueryText.term(o.result()),
                            count(o.criteriaMet()), count(o.criteriaTotal()), QueryText.term(o.officialResult()),
                            count(o.officialCriteriaMet())));
        }
        if (event instanceof CriteriaSetPublishedEvent e) {
            return published(e.definition());
        }
        if (event instanceof CriteriaSetAmendedEvent e) {
            return amended(e);
        }
        if (event instanceof AgencyRegisteredEvent e) {
            return new HistoryFacts(subjects(agency(e.agencyId()), unit(e.unitCode())),
                    e.unitCode(), null, null, null, docs(e.basis()), say("history.agencyRegistered", e.name()));
        }
        if (event instanceof ResponsibilityAssignedEvent e) {
            return new HistoryFacts(responsibility(e.agencyId(), e.setId(),
                    e.criterionCodes(), e.indicatorCodes()), null, e.setId(), null, null, docs(e.basis()),
                    say("history.responsibilityAssigned", e.agencyId(), codes(e.criterionCodes(), e.indicatorCodes()),
                            e.setId()));
        }
        if (event instanceof ResponsibilityWithdrawnEvent e) {
            return new HistoryFacts(responsibility(e.agencyId(), e.setId(),
                    e.criterionCodes(), e.indicatorCodes()), null, e.setId(), null, null, docs(e.basis()),
                    say("history.responsibilityWithdrawn", e.agencyId(), codes(e.criterionCodes(), e.indicatorCodes()),
                            e.setId(), reason(e.reason())));
        }
        if (event instanceof AccountRegisteredEvent e) {
            return accountFacts(e.username(), say("history.accountRegistered", e.username(), e.role(),
                    e.unitCode() == null ? "" : say("history.part.unit", e.unitCode())));
        }
        if (event instanceof AccountRoleChangedEvent e) {
            return accountFacts(e.username(), say("history.accountRoleChanged", e.username(), e.previousRole(), e.role(),
                    reason(e.reason())));
        }
        if (event instanceof AccountDisabledEvent e) {
            return accountFacts(e.username(), say("history.accountDisabled", e.username(), reason(e.reason())));
        }
        if (event instanceof IntegrityKeysRotatedEvent e) {
            return new HistoryFacts(subjects(INTEGRITY_KEYS), null, null, null, null, docs(e.basis()),
                    say("history.integrityKeysRotated", String.valueOf(e.generation()), e.keyId(),
                            e.effectiveFrom().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")), reason(e.reason())));
        }
        if (event instanceof AccountEnabledEvent e) {
            return accountFacts(e.username(), say("history.accountEnabled", e.username(), reason(e.reason())));
        }
        if (event instanceof UnitTrackedEvent e) {
            Object region = e.region() == null ? "" : e.regionBasis() == null ? say("history.part.region", e.region())
                    : say("history.part.regionListed", e.region(), e.regionBasis().number());
            return new HistoryFacts(subjects(unit(e.unitCode()), scorecard(e.unitCode(), e.setId())),
                    e.unitCode(), e.setId(), null, null, docs(Arrays.asList(e.basis(), e.regionBasis()).stream()
                    .filter(Objects::nonNull).toList()), say("history.unitTracked", e.setId(), count(e.setVersion()), region));
        }
        if (event instanceof IndicatorValueRecordedEvent e) {
            return indicatorFacts(e.unitCode(), e.setId(), e.criterionCode(),
                    e.indicatorCode(), e.period(), docs(e.evidence()), say("history.valueRecorded", e.indicatorCode(),
                            value(e.value()), period(e.period()), source(e.sourceAgency()), e.valueId()));
        }
        if (event instanceof IndicatorValueCorrectedEvent e) {
            return indicatorFacts(e.unitCode(), e.setId(), e.criterionCode(),
                    e.indicatorCode(), e.period(), docs(e.evidence()), say("history.valueCorrected", e.indicatorCode(),
                            value(e.value()), period(e.period()), e.valueId(), e.correctsValueId(),
                            reason(e.reason())));
        }
        if (event instanceof IndicatorMarkedNotAssessedEvent e) {
            return indicatorFacts(e.unitCode(), e.setId(), e.criterionCode(),
                    e.indicatorCode(), e.period(), docs(e.evidence()), say("history.markedNotAssessed", e.indicatorCode(),
                            period(e.period()), reason(e.reason()), e.valueId()));
        }
        if (event instanceof IndicatorItemAssessedEvent e) {
            return indicatorFacts(e.unitCode(), e.setId(), e.criterionCode(),
                    e.indicatorCode(), e.period(), docs(e.evidence()), say("history.itemAssessed", e.indicatorCode(),
                            e.itemCode(), e.itemName(), QueryText.term(e.state()), period(e.period()),
                            e.assessedBy() == null ? "" : say("history.part.assessedBy", e.assessedBy()),
                            e.correctsAssessmentId() == null ? ""
                                    : say("history.part.correctsAssessment", e.correctsAssessmentId(), reason(e.reason())),
                            e.assessmentId()));
        }
        if (event instanceof IndicatorDecisionRecordedEvent e) {
            return indicatorFacts(e.unitCode(), e.setId(), e.criterionCode(),
                    e.indicatorCode(), e.period(), docs(e.basis()), say("history.decisionRecorded", e.indicatorCode(),
                            QueryText.term(e.result()), e.decidedBy(), period(e.period()), e.decisionId()));
        }
        if (event instanceof IndicatorJudgedEvent e) {
            return indicatorFacts(e.unitCode(), e.setId(), e.criterionCode(),
                    e.indicatorCode(), null, List.of(), say("history.indicatorJudged", e.indicatorCode(),
                            QueryText.term(e.result()), QueryText.term(e.basis()),
                            e.measured() == null ? "" : say("history.part.measured", e.measured()),
                            e.threshold() == null ? "" : say("history.part.threshold", e.threshold()),
                            e.setId(), count(e.setVersion()), e.causeId(),
                            e.itemsMet().isEmpty() && e.itemsNotMet().isEmpty() && e.itemsNotAssessed().isEmpty()
                                    ? "" : say("history.part.items", codes(e.itemsMet()), codes(e.itemsNotMet()),
                                    codes(e.itemsNotAssessed()))));
        }
        if (event instanceof CriterionJudgedEvent e) {
            return new HistoryFacts(subjects(unit(e.unitCode()),
                    scorecard(e.unitCode(), e.setId()), unitCriterion(e.unitCode(), e.setId(), e.criterionCode())),
                    e.unitCode(), e.setId(), null, null, List.of(), say("history.criterionJudged", e.criterionCode(),
                    QueryText.term(e.result()), count(e.indicatorsMet()), count(e.indicatorsTotal()), e.causeId()));
        }
        if (event instanceof StandingComputedEvent e) {
            return new HistoryFacts(subjects(unit(e.unitCode()),
                    scorecard(e.unitCode(), e.setId())), e.unitCode(), e.setId(), null, null, List.of(),
                    say("history.standingComputed", QueryText.term(e.result()), count(e.criteriaMet()),
                            count(e.criteriaTotal()), e.setId(), count(e.setVersion()), e.causeId()));
        }
        if (event instanceof CriteriaSetVersionAdoptedEvent e) {
            return adopted(e);
        }
        return new HistoryFacts(stream == null ? Set.of() : Set.of("stream:" + stream), null, null, null, null,
                    List.of(), say("history.unknown", event.getClass().getSimpleName()));
    }

    private static HistoryFacts unitFacts(String code, LocalDate effectiveFrom, List<Object> documents,
                                          Message summary) {
        return new HistoryFacts(subjects(unit(code)), code, null, effectiveFrom, null, documents, summary);
    }

    private static HistoryFacts ceased(UnitCeasedEvent e) {
        Set<String> subjects = subjects(unit(e.code()));
        // the successor's own history shows that it took the unit over
        e.successors().forEach(s -> subjects.add(unit(s.code())));
        Message into = e.successors().isEmpty() ? say("history.part.noSuccessor")
                : say("history.part.mergedInto", e.successors().stream().map(s -> s.share() == Successor.Share.PART
                        ? say("history.part.successorPart", s.code()) : say("history.part.successor", s.code())).toList());
        return new HistoryFacts(subjects, e.code(), null, e.effectiveFrom(), null, docs(e.basis()),
                say("history.unitCeased", e.effectiveFrom(), into));
    }

    private static HistoryFacts published(CriteriaSetDefinition definition) {
        Set<String> subjects = subjects(set(definition.id()));
        for (CriterionDefinition criterion : definition.criteria()) {
            subjects.add(criterion(definition.id(), criterion.code()));
            criterion.indicators().forEach(i -> subjects.add(indicator(definition.id(), i.code())));
        }
        return new HistoryFacts(subjects, null, definition.id(), definition.effectiveFrom(), null,
                docs(definition.legalBasis()), say("history.setPublished", definition.id(), count(definition.version()),
                definition.title(), count(definition.criteria().size())));
    }

    private static HistoryFacts amended(CriteriaSetAmendedEvent e) {
        Set<String> subjects = subjects(set(e.setId()));
        for (RequirementChange change : e.changes()) {
            subjects.add(indicator(e.setId(), change.indicatorCode()));
            e.definition().criterionOf(change.indicatorCode())
                    .ifPresent(c -> subjects.add(criterion(e.setId(), c.code())));
        }
        for (IndicatorStructureChange change : e.structureChanges()) {
            subjects.add(indicator(e.setId(), change.indicatorCode()));
            change.replacedBy().forEach(code -> subjects.add(indicator(e.setId(), code)));
            subjects.add(criterion(e.setId(), change.criterionCode()));
        }
        List<Object> parts = new java.util.ArrayList<>();
        e.changes().forEach(c -> parts.add(c.indicatorCode() + " " + text(c.previous()) + " → " + text(c.requirement())));
        e.structureChanges().forEach(c -> parts.add(structure(c)));
        return new HistoryFacts(subjects, null, e.setId(), e.effectiveFrom(), null, docs(e.legalBasis()),
                say("history.setAmended", e.setId(), count(e.version()), e.effectiveFrom(), parts, reason(e.reason())));
    }

    /** One structural change in words: what became of which indicator, and why. */
    private static Message structure(IndicatorStructureChange c) {
        Message what = switch (c.kind()) {
            case ADDED -> say("history.part.indicatorAdded", c.indicatorCode(), c.criterionCode(),
                    text(c.indicators().get(0).requirement()));
            case REMOVED -> say("history.part.indicatorRemoved", c.indicatorCode(), c.criterionCode());
            case SPLIT -> say("history.part.indicatorSplit", c.indicatorCode(), c.replacedBy());
            case KIND_CHANGED -> say("history.part.indicatorKindChanged", c.indicatorCode(),
                    c.indicators().get(0).requirement().kind().name(), c.previous().requirement().kind().name());
        };
        return say("history.part.because", what, c.reason());
    }

    private static HistoryFacts adopted(CriteriaSetVersionAdoptedEvent e) {
        Set<String> subjects = subjects(unit(e.unitCode()), scorecard(e.unitCode(), e.setId()));
        e.changedIndicators().forEach(i -> subjects.add(unitIndicator(e.unitCode(), e.setId(), i)));
        e.removedIndicators().forEach(i -> subjects.add(unitIndicator(e.unitCode(), e.setId(), i)));
        return new HistoryFacts(subjects, e.unitCode(), e.setId(), e.effectiveFrom(), null, docs(e.legalBasis()),
                say("history.versionAdopted", e.setId(), count(e.version()), count(e.previousVersion()), e.effectiveFrom(),
                        e.changedIndicators().isEmpty() ? say("history.part.nothing") : String.join(", ", e.changedIndicators()),
                        e.removedIndicators().isEmpty() ? "" : say("history.part.noLongerHas", e.removedIndicators())));
    }

    private static HistoryFacts indicatorFacts(String unitCode, String setId, String criterionCode,
                                               String indicatorCode, Period period, List<Object> documents,
                                               Message summary) {
        return new HistoryFacts(subjects(unit(unitCode), scorecard(unitCode, setId),
                unitCriterion(unitCode, setId, criterionCode), unitIndicator(unitCode, setId, indicatorCode)),
                unitCode, setId, period == null ? null : period.start(), period == null ? null : period.end(),
                documents, summary);
    }

    private static HistoryFacts accountFacts(String username, Message summary) {
        return new HistoryFacts(subjects(account(username)), null, null, null, null, List.of(), summary);
    }

    private static Set<String> responsibility(String agencyId, String setId, List<String> criteria,
                                              List<String> indicators) {
        Set<String> subjects = subjects(agency(agencyId), set(setId));
        criteria.forEach(c -> subjects.add(criterion(setId, c)));
        indicators.forEach(i -> subjects.add(indicator(setId, i)));
        return subjects;
    }

    private static Set<String> subjects(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }

    private static List<Object> docs(DocumentRef ref) {
        return ref == null ? List.of() : List.of(ref);
    }

    private static List<Object> docs(LegalBasis basis) {
        return basis == null ? List.of() : List.of(basis);
    }

    private static List<Object> docs(List<DocumentRef> refs) {
        return refs == null ? List.of() : new ArrayList<>(refs);
    }

    /** A summary: a key of the query bundle ({@code history.*}) with the values it names. */
    /** Item codes as a list people read, or a dash for none. */
    private static String codes(List<String> codes) {
        return codes.isEmpty() ? "–" : String.join(", ", codes);
    }

    static Message say(String key, Object... args) {
        return QueryText.of(key, args);
    }

    /** A count or version as text, so that it is written as it is (never with digit grouping). */
    static String count(long n) {
        return String.valueOf(n);
    }

    private static String text(String value) {
        return value == null ? "—" : value;
    }

    /** A value as the reader writes it: decimals with a decimal comma in Vietnamese, every digit kept. */
    private static Object value(IndicatorValue value) {
        return switch (value.kind()) {
            case PERCENTAGE -> say("history.value.percentage", value.percentage());
            case RATIO -> say("history.value.ratio", value.numerator(), value.denominator(),
                    value.share().setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros());
            case COUNT -> count(value.count());
            case AMOUNT -> say("history.value.amount", value.amount());
            case ACHIEVED -> say(Boolean.TRUE.equals(value.achieved()) ? "history.value.achieved" : "history.value.notAchieved");
            case LEVEL -> value.level();
            case SUB_INDICATORS -> say("history.value.subIndicators", count(value.met()), count(value.of()));
        };
    }

    private static Object under(String parent) {
        return parent == null ? "" : say("history.part.under", parent);
    }

    private static Object period(Period period) {
        return period.start().equals(period.end()) ? say("history.part.day", period.start())
                : say("history.part.period", period.start(), period.end());
    }

    private static Object source(String agency) {
        return agency == null ? "" : say("history.part.source", agency);
    }

    static Object reason(String reason) {
        return reason == null || reason.isBlank() ? "" : say("history.part.reason", reason);
    }

    private static Object codes(List<String> criteria, List<String> indicators) {
        List<Message> all = new ArrayList<>();
        criteria.forEach(c -> all.add(say("history.part.criterion", c)));
        indicators.forEach(i -> all.add(say("history.part.indicator", i)));
        return all;
    }

    private static String text(org.ntmrecords.events.criteria.Requirement requirement) {
        if (requirement == null) {
            return "(—)";
        }
        if (requirement.text() != null) {
            return requirement.text();
        }
        return requirement.threshold() == null ? requirement.kind().name()
                : requirement.kind() + " " + requirement.threshold().toPlainString();
    }
}
