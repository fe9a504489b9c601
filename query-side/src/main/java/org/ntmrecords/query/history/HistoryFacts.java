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
import org.ntmrecords.events.criteria.CriteriaSetAmendedEvent;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriteriaSetPublishedEvent;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.RequirementChange;
import org.ntmrecords.events.reappraisal.ReappraisalOrderedEvent;
import org.ntmrecords.events.reappraisal.UnitReappraisedEvent;
import org.ntmrecords.events.scorecard.CriteriaSetVersionAdoptedEvent;
import org.ntmrecords.events.scorecard.CriterionJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorDecisionRecordedEvent;
import org.ntmrecords.events.scorecard.IndicatorJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorMarkedNotAssessedEvent;
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

/**
 * What an event means for the history: the histories it belongs to (subjects), the business time it describes,
 * the documents it cites, and a one-line summary. Every event type of the catalogue is mapped here; an unknown
 * type still enters the history (under its stream) with its class name as summary.
 */
public record HistoryFacts(Set<String> subjects, String unitCode, String setId, LocalDate businessStart,
                           LocalDate businessEnd, List<Object> documents, String summary) {

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

    public static String account(String username) {
        return "account:" + username;
    }

    /** The facts of one event; {@code stream} is the aggregate it belongs to, used for unknown types. */
    public static HistoryFacts of(Object event, String stream) {
        if (event instanceof UnitRegisteredEvent e) {
            return unitFacts(e.code(), null, docs(e.source()),
                    "registered " + e.fullName() + " (" + e.kind() + ")" + under(e.parentCode()));
        }
        if (event instanceof UnitRenamedEvent e) {
            return unitFacts(e.code(), null, docs(e.basis()),
                    "renamed " + e.previousFullName() + " to " + e.fullName());
        }
        if (event instanceof UnitParentChangedEvent e) {
            return unitFacts(e.code(), null, docs(e.basis()),
                    "moved from " + e.previousParentCode() + " to " + e.parentCode());
        }
        if (event instanceof UnitReorganizedEvent e) {
            return unitFacts(e.code(), e.effectiveFrom(), docs(e.basis()),
                    "reorganised from " + e.effectiveFrom() + ": " + e.previousFullName() + " (" + e.previousKind()
                            + under(e.previousParentCode()) + ") became " + e.fullName() + " (" + e.kind()
                            + under(e.parentCode()) + ")");
        }
        if (event instanceof UnitCeasedEvent e) {
            return ceased(e);
        }
        HistoryFacts recognition = RecognitionFacts.of(event);
        if (recognition != null) {
            return recognition;
        }
        HistoryFacts plan = PlanFacts.of(event);
        if (plan != null) {
            return plan;
        }
        if (event instanceof ReappraisalOrderedEvent e) {
            Set<String> subjects = subjects(unit(e.scopeUnitCode()));
            e.unitCodes().forEach(code -> subjects.add(unit(code)));
            return new HistoryFacts(subjects, e.scopeUnitCode(), e.setId(), e.date(), e.date(), docs(e.basis()),
                    "reappraisal ordered: " + e.unitCodes().size() + " record(s) under " + e.setId() + " judged against "
                            + e.againstSetId() + " v" + e.againstVersion() + " as of " + e.date() + reason(e.reason()));
        }
        if (event instanceof UnitReappraisedEvent e) {
            var o = e.outcome();
            return new HistoryFacts(subjects(unit(o.unitCode()), scorecard(o.unitCode(), e.setId())), o.unitCode(),
                    e.setId(), e.date(), e.date(), List.of(),
                    "reappraised under " + e.againstSetId() + " v" + e.againstVersion() + ": " + o.result() + " "
                            + o.criteriaMet() + "/" + o.criteriaTotal() + " (official " + o.officialResult() + " "
                            + o.officialCriteriaMet() + ")");
        }
        if (event instanceof CriteriaSetPublishedEvent e) {
            return published(e.definition());
        }
        if (event instanceof CriteriaSetAmendedEvent e) {
            return amended(e);
        }
        if (event instanceof AgencyRegisteredEvent e) {
            return new HistoryFacts(subjects(agency(e.agencyId()), unit(e.unitCode())),
                    e.unitCode(), null, null, null, docs(e.basis()), "registered agency " + e.name());
        }
        if (event instanceof ResponsibilityAssignedEvent e) {
            return new HistoryFacts(responsibility(e.agencyId(), e.setId(),
                    e.criterionCodes(), e.indicatorCodes()), null, e.setId(), null, null, docs(e.basis()),
                    e.agencyId() + " answers for " + codes(e.criterionCodes(), e.indicatorCodes()) + " of " + e.setId());
        }
        if (event instanceof ResponsibilityWithdrawnEvent e) {
            return new HistoryFacts(responsibility(e.agencyId(), e.setId(),
                    e.criterionCodes(), e.indicatorCodes()), null, e.setId(), null, null, docs(e.basis()),
                    e.agencyId() + " no longer answers for " + codes(e.criterionCodes(), e.indicatorCodes())
                            + " of " + e.setId() + reason(e.reason()));
        }
        if (event instanceof AccountRegisteredEvent e) {
            return accountFacts(e.username(), "registered account " + e.username()
                    + " (" + e.role() + (e.unitCode() == null ? "" : ", unit " + e.unitCode()) + ")");
        }
        if (event instanceof AccountRoleChangedEvent e) {
            return accountFacts(e.username(), "role of " + e.username() + " changed from "
                    + e.previousRole() + " to " + e.role() + reason(e.reason()));
        }
        if (event instanceof AccountDisabledEvent e) {
            return accountFacts(e.username(), "disabled " + e.username() + reason(e.reason()));
        }
        if (event instanceof AccountEnabledEvent e) {
            return accountFacts(e.username(), "enabled " + e.username() + reason(e.reason()));
        }
        if (event instanceof UnitTrackedEvent e) {
            return new HistoryFacts(subjects(unit(e.unitCode()), scorecard(e.unitCode(), e.setId())),
                    e.unitCode(), e.setId(), null, null, docs(Arrays.asList(e.basis(), e.regionBasis()).stream()
                    .filter(Objects::nonNull).toList()), "tracked against " + e.setId() + " v" + e.setVersion()
                    + (e.region() == null ? "" : " (region " + e.region() + (e.regionBasis() == null ? ""
                    : ", as a special-difficulty commune listed in " + e.regionBasis().number()) + ")"));
        }
        if (event instanceof IndicatorValueRecordedEvent e) {
            return indicatorFacts(e.unitCode(), e.setId(), e.criterionCode(),
                    e.indicatorCode(), e.period(), docs(e.evidence()), e.indicatorCode() + " = " + e.value().display()
                            + " for " + period(e.period()) + source(e.sourceAgency()) + " [" + e.valueId() + "]");
        }
        if (event instanceof IndicatorValueCorrectedEvent e) {
            return indicatorFacts(e.unitCode(), e.setId(), e.criterionCode(),
                    e.indicatorCode(), e.period(), docs(e.evidence()), e.indicatorCode() + " corrected to "
                            + e.value().display() + " for " + period(e.period()) + " [" + e.valueId() + " corrects "
                            + e.correctsValueId() + "]" + reason(e.reason()));
        }
        if (event instanceof IndicatorMarkedNotAssessedEvent e) {
            return indicatorFacts(e.unitCode(), e.setId(), e.criterionCode(),
                    e.indicatorCode(), e.period(), docs(e.evidence()), e.indicatorCode() + " not assessed for "
                            + period(e.period()) + reason(e.reason()) + " [" + e.valueId() + "]");
        }
        if (event instanceof IndicatorDecisionRecordedEvent e) {
            return indicatorFacts(e.unitCode(), e.setId(), e.criterionCode(),
                    e.indicatorCode(), e.period(), docs(e.basis()), e.indicatorCode() + " decided " + e.result()
                            + " by " + e.decidedBy() + " for " + period(e.period()) + " [" + e.decisionId() + "]");
        }
        if (event instanceof IndicatorJudgedEvent e) {
            return indicatorFacts(e.unitCode(), e.setId(), e.criterionCode(),
                    e.indicatorCode(), null, List.of(), e.indicatorCode() + " judged " + e.result() + " ("
                            + e.basis() + (e.measured() == null ? "" : ", measured " + e.measured().toPlainString())
                            + (e.threshold() == null ? "" : ", threshold " + e.threshold().toPlainString())
                            + ", " + e.setId() + " v" + e.setVersion() + "; cause " + e.causeId() + ")");
        }
        if (event instanceof CriterionJudgedEvent e) {
            return new HistoryFacts(subjects(unit(e.unitCode()),
                    scorecard(e.unitCode(), e.setId()), unitCriterion(e.unitCode(), e.setId(), e.criterionCode())),
                    e.unitCode(), e.setId(), null, null, List.of(), "criterion " + e.criterionCode() + " judged "
                    + e.result() + " (" + e.indicatorsMet() + "/" + e.indicatorsTotal() + " indicators met; cause "
                    + e.causeId() + ")");
        }
        if (event instanceof StandingComputedEvent e) {
            return new HistoryFacts(subjects(unit(e.unitCode()),
                    scorecard(e.unitCode(), e.setId())), e.unitCode(), e.setId(), null, null, List.of(),
                    "standing " + e.result() + " (" + e.criteriaMet() + "/" + e.criteriaTotal() + " criteria met, "
                    + e.setId() + " v" + e.setVersion() + "; cause " + e.causeId() + ")");
        }
        if (event instanceof CriteriaSetVersionAdoptedEvent e) {
            return adopted(e);
        }
        return new HistoryFacts(stream == null ? Set.of() : Set.of("stream:" + stream), null, null, null, null,
                    List.of(), event.getClass().getSimpleName());
    }

    private static HistoryFacts unitFacts(String code, LocalDate effectiveFrom, List<Object> documents,
                                          String summary) {
        return new HistoryFacts(subjects(unit(code)), code, null, effectiveFrom, null, documents, summary);
    }

    private static HistoryFacts ceased(UnitCeasedEvent e) {
        Set<String> subjects = subjects(unit(e.code()));
        // the successor's own history shows that it took the unit over
        e.successors().forEach(s -> subjects.add(unit(s.code())));
        String into = e.successors().isEmpty() ? "abolished without successor"
                : "merged into " + e.successors().stream().map(s -> s.code() + (s.share() == Successor.Share.PART
                        ? " (part)" : "")).collect(Collectors.joining(", "));
        return new HistoryFacts(subjects, e.code(), null, e.effectiveFrom(), null, docs(e.basis()),
                "ceased from " + e.effectiveFrom() + ": " + into);
    }

    private static HistoryFacts published(CriteriaSetDefinition definition) {
        Set<String> subjects = subjects(set(definition.id()));
        for (CriterionDefinition criterion : definition.criteria()) {
            subjects.add(criterion(definition.id(), criterion.code()));
            criterion.indicators().forEach(i -> subjects.add(indicator(definition.id(), i.code())));
        }
        return new HistoryFacts(subjects, null, definition.id(), definition.effectiveFrom(), null,
                docs(definition.legalBasis()), "published " + definition.id() + " v" + definition.version() + ": "
                + definition.title() + " (" + definition.criteria().size() + " criteria)");
    }

    private static HistoryFacts amended(CriteriaSetAmendedEvent e) {
        Set<String> subjects = subjects(set(e.setId()));
        for (RequirementChange change : e.changes()) {
            subjects.add(indicator(e.setId(), change.indicatorCode()));
            e.definition().criterionOf(change.indicatorCode())
                    .ifPresent(c -> subjects.add(criterion(e.setId(), c.code())));
        }
        return new HistoryFacts(subjects, null, e.setId(), e.effectiveFrom(), null, docs(e.legalBasis()),
                "amended " + e.setId() + " to v" + e.version() + " from " + e.effectiveFrom() + ": "
                + e.changes().stream().map(c -> c.indicatorCode() + " " + text(c.previous()) + " → "
                        + text(c.requirement())).collect(Collectors.joining("; ")) + reason(e.reason()));
    }

    private static HistoryFacts adopted(CriteriaSetVersionAdoptedEvent e) {
        Set<String> subjects = subjects(unit(e.unitCode()), scorecard(e.unitCode(), e.setId()));
        e.changedIndicators().forEach(i -> subjects.add(unitIndicator(e.unitCode(), e.setId(), i)));
        return new HistoryFacts(subjects, e.unitCode(), e.setId(), e.effectiveFrom(), null, docs(e.legalBasis()),
                "now judged by " + e.setId() + " v" + e.version() + " (was v" + e.previousVersion() + "), in force from "
                + e.effectiveFrom() + "; changed " + (e.changedIndicators().isEmpty() ? "nothing"
                : String.join(", ", e.changedIndicators())));
    }

    private static HistoryFacts indicatorFacts(String unitCode, String setId, String criterionCode,
                                               String indicatorCode, Period period, List<Object> documents,
                                               String summary) {
        return new HistoryFacts(subjects(unit(unitCode), scorecard(unitCode, setId),
                unitCriterion(unitCode, setId, criterionCode), unitIndicator(unitCode, setId, indicatorCode)),
                unitCode, setId, period == null ? null : period.start(), period == null ? null : period.end(),
                documents, summary);
    }

    private static HistoryFacts accountFacts(String username, String summary) {
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

    private static String under(String parent) {
        return parent == null ? "" : " under " + parent;
    }

    private static String period(Period period) {
        return period.start().equals(period.end()) ? period.start().toString() : period.start() + "…" + period.end();
    }

    private static String source(String agency) {
        return agency == null ? "" : " from " + agency;
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : " — " + reason;
    }

    private static String codes(List<String> criteria, List<String> indicators) {
        List<String> all = new ArrayList<>();
        criteria.forEach(c -> all.add("criterion " + c));
        indicators.forEach(i -> all.add("indicator " + i));
        return String.join(", ", all);
    }

    private static String text(org.ntmrecords.events.criteria.Requirement requirement) {
        if (requirement == null) {
            return "(none)";
        }
        if (requirement.text() != null) {
            return requirement.text();
        }
        return requirement.threshold() == null ? requirement.kind().name()
                : requirement.kind() + " " + requirement.threshold().toPlainString();
    }
}
