package org.ntmrecords.command.scorecard;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.command.unit.UnitFacts;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.criteria.Region;
import org.ntmrecords.events.scorecard.CriterionJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorDecisionRecordedEvent;
import org.ntmrecords.events.scorecard.IndicatorJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorMarkedNotAssessedEvent;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.IndicatorValueCorrectedEvent;
import org.ntmrecords.events.scorecard.IndicatorValueRecordedEvent;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.events.scorecard.StandingComputedEvent;
import org.ntmrecords.events.scorecard.UnitTrackedEvent;

/**
 * One unit's record against one criteria set: the values, marks and decisions recorded for its indicators,
 * and the judgments computed from them after every change. Each change yields, after the fact itself, the
 * indicator's judgment, its criterion's judgment and the unit's standing, each with its explanation.
 *
 * <p>Command handling reads the set definition from the catalog (cached per immutable version) and judges
 * only the indicators of the affected criterion, so its cost does not depend on the length of the history;
 * snapshots keep loading flat as well.
 */
@Aggregate(snapshotTriggerDefinition = "scorecardSnapshotTrigger")
public class Scorecard {
    @AggregateIdentifier
    private String scorecardId;
    private String unitCode;
    private String setId;
    private int setVersion;
    private String region;
    private long order;
    private Map<String, IndicatorRecord> indicators = new HashMap<>();
    /** Every entry id ever recorded here, with the indicator it belongs to. */
    private Map<String, String> entryIndicators = new HashMap<>();
    /** Corrected entry id → the entry that corrected it. */
    private Map<String, String> correctedBy = new HashMap<>();
    private Set<String> decisionIds = new TreeSet<>();
    private Map<String, Judgment> criterionResults = new LinkedHashMap<>();

    protected Scorecard() {
    }

    @CommandHandler
    public Scorecard(TrackUnitCommand command, UnitDirectory units, CriteriaCatalog catalog, Clock clock) {
        String unit = Inputs.requiredCode("unitCode", command.unitCode());
        String set = Inputs.requiredCode("setId", command.setId());
        UnitFacts facts = units.find(unit).orElseThrow(() -> new CommandRejectedException(
                RejectionCode.UNKNOWN_UNIT, "unitCode", "unit " + unit + " is not registered"));
        CriteriaSetDefinition definition = catalog.latest(set).orElseThrow(() -> new CommandRejectedException(
                RejectionCode.UNKNOWN_CRITERIA_SET, "setId", "criteria set " + set + " is not published"));
        if (!definition.level().rates(facts.kind())) {
            throw new CommandRejectedException(RejectionCode.UNIT_LEVEL_MISMATCH, "setId", "set " + set
                    + " rates " + definition.level() + " units; " + unit + " is a " + facts.kind());
        }
        String checkedRegion = Inputs.optionalLine("region", command.region(), Inputs.CODE_MAX);
        if (checkedRegion != null && Region.byKey(checkedRegion).isEmpty()) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, "region", "'" + checkedRegion
                    + "' is not a region key; regions are " + Arrays.stream(Region.values()).map(Region::key).toList());
        }
        apply(new UnitTrackedEvent(ScorecardId.of(unit, set), unit, set, definition.version(), checkedRegion,
                Inputs.document("basis", command.basis(), LocalDate.now(clock))));
    }

    @CommandHandler
    public ScorecardOutcome handle(RecordIndicatorValueCommand command, CriteriaCatalog catalog, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        CriteriaSetDefinition definition = definition(catalog);
        IndicatorDefinition indicator = indicator(definition, command.indicatorCode());
        String valueId = newEntryId("valueId", command.valueId());
        IndicatorValue value = ValueRules.check(indicator, command.value());
        Period period = ValueRules.period("period", command.period(), today);
        String criterion = definition.criterionOf(indicator.code()).orElseThrow().code();
        apply(new IndicatorValueRecordedEvent(scorecardId, unitCode, setId, valueId, criterion, indicator.code(),
                value, period, Inputs.optionalLine("sourceAgency", command.sourceAgency(), Inputs.NAME_MAX),
                Inputs.documents("evidence", command.evidence(), today),
                Inputs.optionalText("note", command.note(), Inputs.TEXT_MAX),
                ValueRules.breakdown(command.breakdown())));
        return judge(definition, indicator.code(), valueId);
    }

    @CommandHandler
    public ScorecardOutcome handle(CorrectIndicatorValueCommand command, CriteriaCatalog catalog, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        CriteriaSetDefinition definition = definition(catalog);
        String corrected = Inputs.requiredCode("correctsValueId", command.correctsValueId());
        String indicatorCode = entryIndicators.get(corrected);
        if (indicatorCode == null) {
            throw new CommandRejectedException(RejectionCode.UNKNOWN_VALUE, "correctsValueId",
                    "no value " + corrected + " is recorded for " + unitCode + " under " + setId);
        }
        if (correctedBy.containsKey(corrected)) {
            throw new CommandRejectedException(RejectionCode.ALREADY_CORRECTED, "correctsValueId", "value "
                    + corrected + " was already corrected by " + correctedBy.get(corrected) + "; correct that one");
        }
        String named = Inputs.requiredCode("indicatorCode", command.indicatorCode());
        if (!named.equals(indicatorCode)) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "indicatorCode",
                    "value " + corrected + " belongs to indicator " + indicatorCode + ", not " + named);
        }
        String reason = Inputs.requiredText("reason", command.reason(), Inputs.TEXT_MAX);
        String valueId = newEntryId("valueId", command.valueId());
        IndicatorDefinition indicator = indicator(definition, indicatorCode);
        IndicatorValue value = ValueRules.check(indicator, command.value());
        Period period = command.period() == null
                ? indicators.get(indicatorCode).entry(corrected).period()
                : ValueRules.period("period", command.period(), today);
        String criterion = definition.criterionOf(indicatorCode).orElseThrow().code();
        apply(new IndicatorValueCorrectedEvent(scorecardId, unitCode, setId, valueId, corrected, reason, criterion,
                indicatorCode, value, period,
                Inputs.optionalLine("sourceAgency", command.sourceAgency(), Inputs.NAME_MAX),
                Inputs.documents("evidence", command.evidence(), today),
                Inputs.optionalText("note", command.note(), Inputs.TEXT_MAX),
                ValueRules.breakdown(command.breakdown())));
        return judge(definition, indicatorCode, valueId);
    }

    @CommandHandler
    public ScorecardOutcome handle(MarkIndicatorNotAssessedCommand command, CriteriaCatalog catalog, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        CriteriaSetDefinition definition = definition(catalog);
        IndicatorDefinition indicator = indicator(definition, command.indicatorCode());
        String valueId = newEntryId("valueId", command.valueId());
        Period period = ValueRules.period("period", command.period(), today);
        String criterion = definition.criterionOf(indicator.code()).orElseThrow().code();
        apply(new IndicatorMarkedNotAssessedEvent(scorecardId, unitCode, setId, valueId, criterion, indicator.code(),
                period, Inputs.requiredText("reason", command.reason(), Inputs.TEXT_MAX),
                Inputs.documents("evidence", command.evidence(), today)));
        return judge(definition, indicator.code(), valueId);
    }

    @CommandHandler
    public ScorecardOutcome handle(RecordIndicatorDecisionCommand command, CriteriaCatalog catalog, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        CriteriaSetDefinition definition = definition(catalog);
        IndicatorDefinition indicator = indicator(definition, command.indicatorCode());
        String decisionId = Inputs.requiredCode("decisionId", command.decisionId());
        if (decisionIds.contains(decisionId) || entryIndicators.containsKey(decisionId)) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "decisionId",
                    "decision " + decisionId + " is already recorded");
        }
        if (command.result() != Judgment.MET && command.result() != Judgment.NOT_MET) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "result",
                    "a decision is MET or NOT_MET; mark the indicator not assessed instead");
        }
        Period period = ValueRules.period("period", command.period(), today);
        var basis = Inputs.documents("basis", command.basis(), today);
        if (basis.isEmpty()) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "basis",
                    "a decision names the document it is taken from");
        }
        String criterion = definition.criterionOf(indicator.code()).orElseThrow().code();
        apply(new IndicatorDecisionRecordedEvent(scorecardId, unitCode, setId, decisionId, criterion,
                indicator.code(), command.result(), period,
                Inputs.requiredLine("decidedBy", command.decidedBy(), Inputs.NAME_MAX), basis,
                Inputs.optionalText("note", command.note(), Inputs.TEXT_MAX)));
        return judge(definition, indicator.code(), decisionId);
    }

    /** Judges the changed indicator, its criterion and the standing, recording each with its explanation. */
    private ScorecardOutcome judge(CriteriaSetDefinition definition, String indicatorCode, String causeId) {
        CriterionDefinition criterion = definition.criterionOf(indicatorCode).orElseThrow();
        IndicatorJudgedEvent indicatorJudgment = null;
        int met = 0;
        List<String> unmet = new ArrayList<>();
        List<String> notAssessed = new ArrayList<>();
        for (IndicatorDefinition indicator : criterion.indicators()) {
            IndicatorJudge.Verdict verdict = IndicatorJudge.judge(indicator.requirement(), region,
                    indicators.getOrDefault(indicator.code(), new IndicatorRecord()));
            if (indicator.code().equals(indicatorCode)) {
                indicatorJudgment = new IndicatorJudgedEvent(scorecardId, unitCode, setId, setVersion, region,
                        criterion.code(), indicator.code(), verdict.result(), verdict.basis(),
                        indicator.requirement().text(), verdict.threshold(), verdict.requiredLevel(),
                        verdict.measured(), verdict.valueIdsUsed(), verdict.decisionId(), causeId);
            }
            switch (verdict.result()) {
                case MET -> met++;
                case NOT_MET -> unmet.add(indicator.code());
                case NOT_ASSESSED -> notAssessed.add(indicator.code());
            }
        }
        Judgment criterionResult = combine(unmet.isEmpty(), notAssessed.isEmpty());
        apply(indicatorJudgment);
        CriterionJudgedEvent criterionJudgment = new CriterionJudgedEvent(scorecardId, unitCode, setId, setVersion,
                criterion.code(), criterionResult, met, criterion.indicators().size(), unmet, notAssessed, causeId);
        apply(criterionJudgment);

        int criteriaMet = 0;
        List<String> unmetCriteria = new ArrayList<>();
        List<String> notAssessedCriteria = new ArrayList<>();
        for (CriterionDefinition each : definition.criteria()) {
            switch (criterionResults.getOrDefault(each.code(), Judgment.NOT_ASSESSED)) {
                case MET -> criteriaMet++;
                case NOT_MET -> unmetCriteria.add(each.code());
                case NOT_ASSESSED -> notAssessedCriteria.add(each.code());
            }
        }
        StandingComputedEvent standing = new StandingComputedEvent(scorecardId, unitCode, setId, setVersion,
                combine(unmetCriteria.isEmpty(), notAssessedCriteria.isEmpty()), criteriaMet,
                definition.criteria().size(), unmetCriteria, notAssessedCriteria, causeId);
        apply(standing);
        return new ScorecardOutcome(scorecardId, causeId, indicatorJudgment, criterionJudgment, standing);
    }

    private static Judgment combine(boolean noneUnmet, boolean noneNotAssessed) {
        if (!noneUnmet) {
            return Judgment.NOT_MET;
        }
        return noneNotAssessed ? Judgment.MET : Judgment.NOT_ASSESSED;
    }

    private CriteriaSetDefinition definition(CriteriaCatalog catalog) {
        return catalog.version(setId, setVersion).orElseThrow(() -> new IllegalStateException(
                "criteria set " + setId + " version " + setVersion + " is tracked but not in the catalog"));
    }

    private IndicatorDefinition indicator(CriteriaSetDefinition definition, String code) {
        String checked = Inputs.requiredCode("indicatorCode", code);
        return definition.indicator(checked).orElseThrow(() -> new CommandRejectedException(
                RejectionCode.UNKNOWN_INDICATOR, "indicatorCode", "set " + setId + " version " + setVersion
                        + " has no indicator " + checked));
    }

    private String newEntryId(String field, String id) {
        String checked = Inputs.requiredCode(field, id);
        if (entryIndicators.containsKey(checked) || decisionIds.contains(checked)) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, field,
                    "entry " + checked + " is already recorded");
        }
        return checked;
    }

    @EventSourcingHandler
    void on(UnitTrackedEvent event) {
        scorecardId = event.scorecardId();
        unitCode = event.unitCode();
        setId = event.setId();
        setVersion = event.setVersion();
        region = event.region();
    }

    @EventSourcingHandler
    void on(IndicatorValueRecordedEvent event) {
        entryIndicators.put(event.valueId(), event.indicatorCode());
        record(event.indicatorCode()).add(new IndicatorRecord.Entry(event.valueId(), event.value(), event.period(), ++order));
    }

    @EventSourcingHandler
    void on(IndicatorValueCorrectedEvent event) {
        entryIndicators.put(event.valueId(), event.indicatorCode());
        correctedBy.put(event.correctsValueId(), event.valueId());
        IndicatorRecord record = record(event.indicatorCode());
        record.supersede(event.correctsValueId());
        record.add(new IndicatorRecord.Entry(event.valueId(), event.value(), event.period(), ++order));
    }

    @EventSourcingHandler
    void on(IndicatorMarkedNotAssessedEvent event) {
        entryIndicators.put(event.valueId(), event.indicatorCode());
        record(event.indicatorCode()).add(new IndicatorRecord.Entry(event.valueId(), null, event.period(), ++order));
    }

    @EventSourcingHandler
    void on(IndicatorDecisionRecordedEvent event) {
        decisionIds.add(event.decisionId());
        record(event.indicatorCode()).decide(
                new IndicatorRecord.Decision(event.decisionId(), event.result(), event.period(), ++order));
    }

    @EventSourcingHandler
    void on(CriterionJudgedEvent event) {
        criterionResults.put(event.criterionCode(), event.result());
    }

    private IndicatorRecord record(String indicatorCode) {
        return indicators.computeIfAbsent(indicatorCode, code -> new IndicatorRecord());
    }
}
