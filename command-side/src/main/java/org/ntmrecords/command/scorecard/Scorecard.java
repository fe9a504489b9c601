package org.ntmrecords.command.scorecard;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.criteria.ProvinceRegions;
import org.ntmrecords.command.criteria.SetCoverage;
import org.ntmrecords.command.unit.Cessation;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.command.unit.UnitFacts;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.judging.Decision;
import org.ntmrecords.events.judging.Entry;
import org.ntmrecords.events.judging.IndicatorJudge;
import org.ntmrecords.events.judging.ItemsJudge;
import org.ntmrecords.events.judging.Tally;
import org.ntmrecords.events.judging.Verdict;
import org.ntmrecords.events.scorecard.CriteriaSetVersionAdoptedEvent;
import org.ntmrecords.events.scorecard.CriterionJudgedEvent;
import org.ntmrecords.events.criteria.RequirementItem;
import org.ntmrecords.events.criteria.RequirementKind;
import org.ntmrecords.events.scorecard.IndicatorDecisionRecordedEvent;
import org.ntmrecords.events.scorecard.IndicatorItemAssessedEvent;
import org.ntmrecords.events.scorecard.IndicatorJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorMarkedNotAssessedEvent;
import org.ntmrecords.events.scorecard.Breakdown;
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
 * indicator's judgment (naming everything it used), and its criterion's judgment and the unit's standing, each with
 * its explanation, when they differ from the ones last recorded: a criterion or standing judgment that a change
 * leaves as it was is not recorded again, so each one recorded marks a change, and the record as of any moment is
 * the last one recorded before it (docs/benchmarks/README.md, finding 16).
 *
 * <p>Command handling reads the set definition from the catalog (cached per immutable version) and the unit's own
 * stream (a handful of administrative events, to refuse facts dated after the unit ceased: {@link Cessation}), and
 * judges only the indicators of the affected criterion, so its cost does not depend on the length of the history;
 * snapshots keep loading flat as well.
 */
@Aggregate(snapshotTriggerDefinition = "scorecardSnapshotTrigger", cache = "scorecardCache")
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
    /** The criterion judgments last recorded, by criterion code (empty in snapshots taken before they were kept). */
    private Map<String, CriterionJudgedEvent> criterionJudgments = new HashMap<>();
    /** The standing last recorded (null in snapshots taken before it was kept). */
    private StandingComputedEvent standingRecorded;
    /** The item-by-item assessments of itemised indicators, by indicator code. */
    private Map<String, ItemsRecord> itemised = new HashMap<>();
    /** Every assessment id ever recorded here, with the indicator it belongs to. */
    private Map<String, String> assessmentIndicators = new HashMap<>();
    /** Corrected assessment id → the assessment that corrected it. */
    private Map<String, String> assessmentCorrectedBy = new HashMap<>();

    protected Scorecard() {
    }

    @CommandHandler
    public Scorecard(TrackUnitCommand command, UnitDirectory units, CriteriaCatalog catalog, ProvinceRegions regions,
                     Clock clock) {
        LocalDate today = LocalDate.now(clock);
        String unit = Inputs.requiredCode("unitCode", command.unitCode());
        String set = Inputs.requiredCode("setId", command.setId());
        UnitFacts facts = units.find(unit).orElseThrow(() -> new CommandRejectedException(
                RejectionCode.UNKNOWN_UNIT, "unitCode", CommandText.of("unit.notRegistered", unit)));
        if (facts.ceased()) {
            throw new CommandRejectedException(RejectionCode.UNIT_CEASED, "unitCode",
                    CommandText.of("scorecard.trackCeased", Cessation.describe(units, facts)));
        }
        // the version in force today; later versions are adopted when they apply
        CriteriaSetDefinition definition = catalog.inForce(set, today).orElseThrow(() ->
                new CommandRejectedException(RejectionCode.UNKNOWN_CRITERIA_SET, "setId",
                        CommandText.of("criteria.notPublished", set)));
        if (!definition.level().rates(facts.kind())) {
            throw new CommandRejectedException(RejectionCode.UNIT_LEVEL_MISMATCH, "setId", CommandText.of(
                    "scorecard.levelMismatch", set, CommandText.term(definition.level()), unit,
                    CommandText.term(facts.kind())));
        }
        SetCoverage.requireCovers(definition, facts, units, "setId");
        DocumentRef regionBasis = Inputs.document("regionBasis", command.regionBasis(), today);
        String region = SetCoverage.region(command.region(), regionBasis, facts, units, regions);
        apply(new UnitTrackedEvent(ScorecardId.of(unit, set), unit, set, definition.version(), region,
                Inputs.document("basis", command.basis(), today), regionBasis));
    }

    @CommandHandler
    public ScorecardOutcome handle(RecordIndicatorValueCommand command, UnitDirectory units, CriteriaCatalog catalog,
                                   Clock clock) {
        CriteriaSetDefinition definition = definition(catalog);
        IndicatorValueRecordedEvent recorded = valueRecorded(definition, command, newEntryId("valueId",
                command.valueId()), LocalDate.now(clock), units, unit(units));
        apply(recorded);
        return judge(definition, recorded.indicatorCode(), recorded.valueId());
    }

    @CommandHandler
    public ValuesOutcome handle(RecordIndicatorValuesCommand command, UnitDirectory units, CriteriaCatalog catalog,
                                Clock clock) {
        String batchId = Inputs.requiredCode("batchId", command.batchId());
        List<RecordIndicatorValueCommand> values = command.values() == null ? List.of() : command.values();
        if (values.isEmpty() || values.size() > RecordIndicatorValuesCommand.MAX_VALUES) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "values", CommandText.of(
                    "scorecard.batchSize", String.valueOf(RecordIndicatorValuesCommand.MAX_VALUES),
                    String.valueOf(values.size())));
        }
        LocalDate today = LocalDate.now(clock);
        CriteriaSetDefinition definition = definition(catalog);
        UnitFacts unit = unit(units);
        List<IndicatorValueRecordedEvent> accepted = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<ValuesOutcome.RejectedValue> rejected = new ArrayList<>();
        Set<String> inBatch = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            RecordIndicatorValueCommand value = values.get(i);
            try {
                if (value == null) {
                    throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "values",
                            CommandText.of("scorecard.noValue"));
                }
                if (value.scorecardId() != null && !value.scorecardId().equals(scorecardId)) {
                    throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "scorecardId",
                            CommandText.of("scorecard.otherScorecard", value.scorecardId(), scorecardId));
                }
                String valueId = Inputs.requiredCode("valueId", value.valueId());
                if (entryIndicators.containsKey(valueId) || decisionIds.contains(valueId)
                        || assessmentIndicators.containsKey(valueId)) {
                    already.add(valueId);
                    continue;
                }
                if (!inBatch.add(valueId)) {
                    throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "valueId",
                            CommandText.of("scorecard.twiceInBatch", valueId));
                }
                accepted.add(valueRecorded(definition, value, valueId, today, units, unit));
            } catch (CommandRejectedException e) {
                rejected.add(new ValuesOutcome.RejectedValue(i, value == null ? null : value.valueId(), e.code(),
                        e.field(), e.text()));
            }
        }
        List<String> acceptedIds = accepted.stream().map(IndicatorValueRecordedEvent::valueId).toList();
        if (command.dryRun()) {
            return new ValuesOutcome(scorecardId, acceptedIds, already, rejected);
        }
        // everything is checked before anything is applied, so a value cannot be half-recorded
        Set<String> touched = new LinkedHashSet<>();
        for (IndicatorValueRecordedEvent event : accepted) {
            apply(event);
            touched.add(event.indicatorCode());
        }
        if (!touched.isEmpty()) {
            judge(definition, touched, Set.of(), batchId);
        }
        return new ValuesOutcome(scorecardId, acceptedIds, already, rejected);
    }

    private IndicatorValueRecordedEvent valueRecorded(CriteriaSetDefinition definition,
                                                      RecordIndicatorValueCommand command, String valueId,
                                                      LocalDate today, UnitDirectory units, UnitFacts unit) {
        IndicatorDefinition indicator = indicator(definition, command.indicatorCode());
        IndicatorValue value = ValueRules.check(indicator, command.value());
        Period period = ValueRules.period("period", command.period(), today);
        requireExisted(units, unit, period, CommandText.of("scorecard.fact.value"));
        String criterion = definition.criterionOf(indicator.code()).orElseThrow().code();
        List<Breakdown> parts = ValueRules.breakdown(command.breakdown(), units, unitCode);
        return new IndicatorValueRecordedEvent(scorecardId, unitCode, setId, valueId, criterion, indicator.code(),
                value, period, Inputs.optionalLine("sourceAgency", command.sourceAgency(), Inputs.NAME_MAX),
                Inputs.documents("evidence", command.evidence(), today),
                Inputs.optionalText("note", command.note(), Inputs.TEXT_MAX),
                parts, ValueRules.breakdownTotal(command.breakdownTotal(), parts));
    }

    @CommandHandler
    public ScorecardOutcome handle(CorrectIndicatorValueCommand command, UnitDirectory units, CriteriaCatalog catalog,
                                   Clock clock) {
        LocalDate today = LocalDate.now(clock);
        CriteriaSetDefinition definition = definition(catalog);
        String corrected = Inputs.requiredCode("correctsValueId", command.correctsValueId());
        String indicatorCode = entryIndicators.get(corrected);
        if (indicatorCode == null) {
            throw new CommandRejectedException(RejectionCode.UNKNOWN_VALUE, "correctsValueId",
                    CommandText.of("scorecard.noSuchValue", corrected, unitCode, setId));
        }
        if (correctedBy.containsKey(corrected)) {
            throw new CommandRejectedException(RejectionCode.ALREADY_CORRECTED, "correctsValueId",
                    CommandText.of("scorecard.alreadyCorrected", corrected, correctedBy.get(corrected)));
        }
        String named = Inputs.requiredCode("indicatorCode", command.indicatorCode());
        if (!named.equals(indicatorCode)) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "indicatorCode",
                    CommandText.of("scorecard.otherIndicator", corrected, indicatorCode, named));
        }
        String reason = Inputs.requiredText("reason", command.reason(), Inputs.TEXT_MAX);
        String valueId = newEntryId("valueId", command.valueId());
        IndicatorDefinition indicator = indicator(definition, indicatorCode);
        IndicatorValue value = ValueRules.check(indicator, command.value());
        Period period = command.period() == null
                ? indicators.get(indicatorCode).entry(corrected).period()
                : ValueRules.period("period", command.period(), today);
        // a correction is a fact about its period too: it cannot move (or keep) a value past the cessation
        requireExisted(units, unit(units), period, CommandText.of("scorecard.fact.correction"));
        String criterion = definition.criterionOf(indicatorCode).orElseThrow().code();
        List<Breakdown> parts = ValueRules.breakdown(command.breakdown(), units, unitCode);
        apply(new IndicatorValueCorrectedEvent(scorecardId, unitCode, setId, valueId, corrected, reason, criterion,
                indicatorCode, value, period,
                Inputs.optionalLine("sourceAgency", command.sourceAgency(), Inputs.NAME_MAX),
                Inputs.documents("evidence", command.evidence(), today),
                Inputs.optionalText("note", command.note(), Inputs.TEXT_MAX),
                parts, ValueRules.breakdownTotal(command.breakdownTotal(), parts)));
        return judge(definition, indicatorCode, valueId);
    }

    @CommandHandler
    public ScorecardOutcome handle(MarkIndicatorNotAssessedCommand command, UnitDirectory units,
                                   CriteriaCatalog catalog, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        CriteriaSetDefinition definition = definition(catalog);
        IndicatorDefinition indicator = indicator(definition, command.indicatorCode());
        if (indicator.requirement().kind() == RequirementKind.ITEMS_AT_LEAST) {
            // an itemised indicator is not assessed item by item: a mark on the whole would say nothing of its items
            throw new CommandRejectedException(RejectionCode.WRONG_VALUE_KIND, "indicatorCode",
                    CommandText.of("scorecard.items.itemisedOnly", indicator.code()));
        }
        String valueId = newEntryId("valueId", command.valueId());
        Period period = ValueRules.period("period", command.period(), today);
        requireExisted(units, unit(units), period, CommandText.of("scorecard.fact.notAssessed"));
        String criterion = definition.criterionOf(indicator.code()).orElseThrow().code();
        apply(new IndicatorMarkedNotAssessedEvent(scorecardId, unitCode, setId, valueId, criterion, indicator.code(),
                period, Inputs.requiredText("reason", command.reason(), Inputs.TEXT_MAX),
                Inputs.documents("evidence", command.evidence(), today)));
        return judge(definition, indicator.code(), valueId);
    }

    @CommandHandler
    public ScorecardOutcome handle(RecordIndicatorDecisionCommand command, UnitDirectory units,
                                   CriteriaCatalog catalog, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        CriteriaSetDefinition definition = definition(catalog);
        IndicatorDefinition indicator = indicator(definition, command.indicatorCode());
        String decisionId = Inputs.requiredCode("decisionId", command.decisionId());
        if (decisionIds.contains(decisionId) || entryIndicators.containsKey(decisionId)) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "decisionId",
                    CommandText.of("scorecard.decisionExists", decisionId));
        }
        if (command.result() != Judgment.MET && command.result() != Judgment.NOT_MET) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "result",
                    CommandText.of("scorecard.decisionResult"));
        }
        Period period = ValueRules.period("period", command.period(), today);
        requireExisted(units, unit(units), period, CommandText.of("scorecard.fact.decision"));
        var basis = Inputs.documents("basis", command.basis(), today);
        if (basis.isEmpty()) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "basis",
                    CommandText.of("scorecard.decisionBasis"));
        }
        String criterion = definition.criterionOf(indicator.code()).orElseThrow().code();
        apply(new IndicatorDecisionRecordedEvent(scorecardId, unitCode, setId, decisionId, criterion,
                indicator.code(), command.result(), period,
                Inputs.requiredLine("decidedBy", command.decidedBy(), Inputs.NAME_MAX), basis,
                Inputs.optionalText("note", command.note(), Inputs.TEXT_MAX)));
        return judge(definition, indicator.code(), decisionId);
    }

    @CommandHandler
    public ScorecardOutcome handle(RecordItemAssessmentCommand command, UnitDirectory units, CriteriaCatalog catalog,
                                   Clock clock) {
        LocalDate today = LocalDate.now(clock);
        CriteriaSetDefinition definition = definition(catalog);
        IndicatorDefinition indicator = indicator(definition, command.indicatorCode());
        List<RequirementItem> items = indicator.requirement().items();
        if (indicator.requirement().kind() != RequirementKind.ITEMS_AT_LEAST) {
            throw new CommandRejectedException(RejectionCode.WRONG_VALUE_KIND, "indicatorCode",
                    CommandText.of("scorecard.items.notItemised", indicator.code(),
                            indicator.requirement().kind().name()));
        }
        String assessmentId = newEntryId("assessmentId", command.assessmentId());
        Period period = ValueRules.period("period", command.period(), today);
        requireExisted(units, unit(units), period, CommandText.of("scorecard.fact.items"));
        List<RecordItemAssessmentCommand.AssessedItem> given = command.items() == null ? List.of() : command.items();
        if (given.size() > RecordItemAssessmentCommand.MAX_ITEMS) {
            throw new CommandRejectedException(RejectionCode.WRONG_ITEM_COUNT, "items", CommandText.of(
                    "scorecard.items.count", indicator.code(), String.valueOf(items.size()),
                    String.valueOf(given.size()), ""));
        }
        Map<String, RecordItemAssessmentCommand.AssessedItem> byCode = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String path = "items[" + i + "]";
            RecordItemAssessmentCommand.AssessedItem item = given.get(i);
            if (item == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path,
                        CommandText.of("input.itemEmpty", path));
            }
            String code = Inputs.requiredCode(path + ".itemCode", item.itemCode());
            if (indicator.requirement().item(code).isEmpty()) {
                throw new CommandRejectedException(RejectionCode.UNKNOWN_ITEM, path + ".itemCode", CommandText.of(
                        "scorecard.items.unknown", indicator.code(), code,
                        String.join(", ", items.stream().map(RequirementItem::code).toList())));
            }
            if (item.state() == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path + ".state",
                        CommandText.of("scorecard.items.stateRequired", code));
            }
            if (byCode.put(code, new RecordItemAssessmentCommand.AssessedItem(code, item.state(),
                    Inputs.optionalText(path + ".note", item.note(), Inputs.TEXT_MAX))) != null) {
                throw new CommandRejectedException(RejectionCode.DUPLICATE_ITEM, path + ".itemCode",
                        CommandText.of("scorecard.items.twice", code));
            }
        }
        if (byCode.size() != items.size()) {
            List<String> missing = items.stream().map(RequirementItem::code).filter(c -> !byCode.containsKey(c))
                    .toList();
            throw new CommandRejectedException(RejectionCode.WRONG_ITEM_COUNT, "items", CommandText.of(
                    "scorecard.items.count", indicator.code(), String.valueOf(items.size()),
                    String.valueOf(byCode.size()), String.join(", ", missing)));
        }
        String corrects = Inputs.optionalLine("correctsAssessmentId", command.correctsAssessmentId(),
                Inputs.NAME_MAX);
        String reason = Inputs.optionalText("reason", command.reason(), Inputs.TEXT_MAX);
        if (corrects != null) {
            if (!indicator.code().equals(assessmentIndicators.get(corrects))) {
                throw new CommandRejectedException(RejectionCode.UNKNOWN_VALUE, "correctsAssessmentId",
                        CommandText.of("scorecard.items.noSuchAssessment", corrects, indicator.code()));
            }
            if (assessmentCorrectedBy.containsKey(corrects)) {
                throw new CommandRejectedException(RejectionCode.ALREADY_CORRECTED, "correctsAssessmentId",
                        CommandText.of("scorecard.items.alreadyCorrected", corrects,
                                assessmentCorrectedBy.get(corrects)));
            }
            reason = Inputs.requiredText("reason", command.reason(), Inputs.TEXT_MAX);
        } else if (reason != null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "reason",
                    CommandText.of("scorecard.items.reasonWithoutCorrection"));
        }
        String assessedBy = Inputs.optionalLine("assessedBy", command.assessedBy(), Inputs.NAME_MAX);
        var evidence = Inputs.documents("evidence", command.evidence(), today);
        String criterion = definition.criterionOf(indicator.code()).orElseThrow().code();
        // every item checked before the first is applied: an assessment is recorded whole or not at all
        for (RequirementItem item : items) {
            RecordItemAssessmentCommand.AssessedItem state = byCode.get(item.code());
            apply(new IndicatorItemAssessedEvent(scorecardId, unitCode, setId, assessmentId, criterion,
                    indicator.code(), item.code(), item.name(), state.state(), period, assessedBy, state.note(),
                    evidence, corrects, reason));
        }
        return judge(definition, indicator.code(), assessmentId);
    }

    @CommandHandler
    public ScorecardOutcome handle(AdoptCriteriaSetVersionCommand command, CriteriaCatalog catalog, Clock clock) {
        if (command.version() <= setVersion) {
            return null;
        }
        CriteriaSetDefinition current = definition(catalog);
        CriteriaSetDefinition next = catalog.version(setId, command.version()).orElseThrow(() ->
                new CommandRejectedException(RejectionCode.UNKNOWN_CRITERIA_SET_VERSION, "version",
                        CommandText.of("scorecard.noVersion", setId, String.valueOf(command.version()))));
        LocalDate today = LocalDate.now(clock);
        if (next.effectiveFrom().isAfter(today)) {
            throw new CommandRejectedException(RejectionCode.NOT_YET_EFFECTIVE, "version", CommandText.of(
                    "scorecard.notYetEffective", String.valueOf(next.version()), setId, next.effectiveFrom()));
        }
        List<String> changed = new ArrayList<>();
        Set<String> recomposed = new HashSet<>();
        for (CriterionDefinition criterion : next.criteria()) {
            for (IndicatorDefinition indicator : criterion.indicators()) {
                if (!current.indicator(indicator.code()).map(IndicatorDefinition::requirement)
                        .equals(java.util.Optional.of(indicator.requirement()))) {
                    changed.add(indicator.code());
                }
            }
            // a criterion that gained, lost or reordered indicators is judged again even if none of its remaining
            // indicators changed: its tally did
            List<String> before = current.criterion(criterion.code())
                    .map(c -> c.indicators().stream().map(IndicatorDefinition::code).toList()).orElse(List.of());
            if (!before.equals(criterion.indicators().stream().map(IndicatorDefinition::code).toList())) {
                recomposed.add(criterion.code());
            }
        }
        List<String> removed = current.criteria().stream().flatMap(c -> c.indicators().stream())
                .map(IndicatorDefinition::code).filter(code -> next.indicator(code).isEmpty()).toList();
        apply(new CriteriaSetVersionAdoptedEvent(scorecardId, unitCode, setId, setVersion, next.version(),
                next.effectiveFrom(), next.legalBasis(), changed, removed));
        Judged judged = judge(next, changed, recomposed, CriteriaSetVersionAdoptedEvent.causeId(setId, next.version()));
        return new ScorecardOutcome(scorecardId, null, judged.indicators().isEmpty() ? null : judged.indicators().get(0),
                judged.criteria().isEmpty() ? null : judged.criteria().get(0), judged.standing());
    }

    /** Judges the changed indicator, its criterion and the standing, recording each with its explanation. */
    private ScorecardOutcome judge(CriteriaSetDefinition definition, String indicatorCode, String causeId) {
        Judged judged = judge(definition, List.of(indicatorCode), Set.of(), causeId);
        return new ScorecardOutcome(scorecardId, causeId, judged.indicators().get(0), judged.criteria().get(0),
                judged.standing());
    }

    private record Judged(List<IndicatorJudgedEvent> indicators, List<CriterionJudgedEvent> criteria,
                          StandingComputedEvent standing) {
    }

    /**
     * Judges the given indicators, then each criterion they belong to, then the standing; only the criteria
     * touched are judged again, so the cost follows the change, not the size of the set or the history.
     */
    private Judged judge(CriteriaSetDefinition definition, Collection<String> indicatorCodes,
                         Set<String> criterionCodes, String causeId) {
        Map<String, List<String>> byCriterion = new LinkedHashMap<>();
        for (CriterionDefinition criterion : definition.criteria()) {
            if (criterionCodes.contains(criterion.code())) {
                byCriterion.computeIfAbsent(criterion.code(), c -> new ArrayList<>());
            }
            for (IndicatorDefinition indicator : criterion.indicators()) {
                if (indicatorCodes.contains(indicator.code())) {
                    byCriterion.computeIfAbsent(criterion.code(), c -> new ArrayList<>()).add(indicator.code());
                }
            }
        }
        List<IndicatorJudgedEvent> indicatorJudgments = new ArrayList<>();
        List<CriterionJudgedEvent> criterionJudgmentsMade = new ArrayList<>();
        for (Map.Entry<String, List<String>> touched : byCriterion.entrySet()) {
            CriterionDefinition criterion = definition.criterion(touched.getKey()).orElseThrow();
            Map<String, Verdict> verdicts = new LinkedHashMap<>();
            for (IndicatorDefinition indicator : criterion.indicators()) {
                IndicatorRecord record = indicators.getOrDefault(indicator.code(), new IndicatorRecord());
                verdicts.put(indicator.code(), indicator.requirement().kind() == RequirementKind.ITEMS_AT_LEAST
                        ? ItemsJudge.judge(indicator.requirement(), region,
                        itemised.getOrDefault(indicator.code(), new ItemsRecord()).effective(),
                        record.latestDecision())
                        : IndicatorJudge.judge(indicator.requirement(), region, record.effectiveEntry(),
                        record.latestDecision()));
            }
            for (String code : touched.getValue()) {
                Verdict verdict = verdicts.get(code);
                IndicatorJudgedEvent judged = new IndicatorJudgedEvent(scorecardId, unitCode, setId,
                        definition.version(), region, criterion.code(), code, verdict.result(), verdict.basis(),
                        definition.indicator(code).orElseThrow().requirement().text(), verdict.threshold(),
                        verdict.requiredLevel(), verdict.measured(), verdict.valueIdsUsed(), verdict.decisionId(),
                        causeId, verdict.itemsMet(), verdict.itemsNotMet(), verdict.itemsNotAssessed());
                apply(judged);
                indicatorJudgments.add(judged);
            }
            Tally tally = Tally.of(List.copyOf(verdicts.keySet()), code -> verdicts.get(code).result());
            CriterionJudgedEvent criterionJudgment = new CriterionJudgedEvent(scorecardId, unitCode, setId,
                    definition.version(), criterion.code(), tally.result(), tally.met(), tally.total(),
                    tally.unmet(), tally.notAssessed(), causeId);
            CriterionJudgedEvent recorded = criterionJudgments.get(criterion.code());
            if (recorded != null && recorded.equals(withCause(criterionJudgment, recorded.causeId()))) {
                criterionJudgmentsMade.add(recorded);
            } else {
                apply(criterionJudgment);
                criterionJudgmentsMade.add(criterionJudgment);
            }
        }
        Tally standing = Tally.of(definition.criteria().stream().map(CriterionDefinition::code).toList(),
                code -> criterionResults.getOrDefault(code, Judgment.NOT_ASSESSED));
        StandingComputedEvent computed = new StandingComputedEvent(scorecardId, unitCode, setId, definition.version(),
                standing.result(), standing.met(), standing.total(), standing.unmet(), standing.notAssessed(), causeId);
        if (standingRecorded != null && standingRecorded.equals(withCause(computed, standingRecorded.causeId()))) {
            return new Judged(indicatorJudgments, criterionJudgmentsMade, standingRecorded);
        }
        apply(computed);
        return new Judged(indicatorJudgments, criterionJudgmentsMade, computed);
    }

    private static CriterionJudgedEvent withCause(CriterionJudgedEvent e, String causeId) {
        return new CriterionJudgedEvent(e.scorecardId(), e.unitCode(), e.setId(), e.setVersion(), e.criterionCode(),
                e.result(), e.indicatorsMet(), e.indicatorsTotal(), e.unmetIndicators(), e.notAssessedIndicators(),
                causeId);
    }

    private static StandingComputedEvent withCause(StandingComputedEvent e, String causeId) {
        return new StandingComputedEvent(e.scorecardId(), e.unitCode(), e.setId(), e.setVersion(), e.result(),
                e.criteriaMet(), e.criteriaTotal(), e.unmetCriteria(), e.notAssessedCriteria(), causeId);
    }

    /**
     * The tracked unit as the record of units has it now: its own short stream, read once per command, so whether it
     * has ceased is as current as the write it guards.
     */
    private UnitFacts unit(UnitDirectory units) {
        return units.find(unitCode).orElse(null);
    }

    /** A fact whose period does not end before the unit ceased is refused, naming the successors. */
    private static void requireExisted(UnitDirectory units, UnitFacts unit, Period period, Message what) {
        Cessation.requireExisted(units, unit, period.end(), "period",
                Cessation.periodFact(what, period.start(), period.end()));
    }

    private CriteriaSetDefinition definition(CriteriaCatalog catalog) {
        return catalog.version(setId, setVersion).orElseThrow(() -> new IllegalStateException(
                "criteria set " + setId + " version " + setVersion + " is tracked but not in the catalog"));
    }

    private IndicatorDefinition indicator(CriteriaSetDefinition definition, String code) {
        String checked = Inputs.requiredCode("indicatorCode", code);
        return definition.indicator(checked).orElseThrow(() -> new CommandRejectedException(
                RejectionCode.UNKNOWN_INDICATOR, "indicatorCode",
                CommandText.of("scorecard.noIndicator", setId, String.valueOf(setVersion), checked)));
    }

    private String newEntryId(String field, String id) {
        String checked = Inputs.requiredCode(field, id);
        if (entryIndicators.containsKey(checked) || decisionIds.contains(checked)
                || assessmentIndicators.containsKey(checked)) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, field,
                    CommandText.of("scorecard.entryExists", checked));
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
    void on(CriteriaSetVersionAdoptedEvent event) {
        setVersion = event.version();
    }

    @EventSourcingHandler
    void on(IndicatorValueRecordedEvent event) {
        entryIndicators.put(event.valueId(), event.indicatorCode());
        record(event.indicatorCode()).add(new Entry(event.valueId(), event.value(), event.period(), ++order));
    }

    @EventSourcingHandler
    void on(IndicatorValueCorrectedEvent event) {
        entryIndicators.put(event.valueId(), event.indicatorCode());
        correctedBy.put(event.correctsValueId(), event.valueId());
        IndicatorRecord record = record(event.indicatorCode());
        record.supersede(event.correctsValueId());
        record.add(new Entry(event.valueId(), event.value(), event.period(), ++order));
    }

    @EventSourcingHandler
    void on(IndicatorMarkedNotAssessedEvent event) {
        entryIndicators.put(event.valueId(), event.indicatorCode());
        record(event.indicatorCode()).add(new Entry(event.valueId(), null, event.period(), ++order));
    }

    @EventSourcingHandler
    void on(IndicatorDecisionRecordedEvent event) {
        decisionIds.add(event.decisionId());
        record(event.indicatorCode()).decide(
                new Decision(event.decisionId(), event.result(), event.period(), ++order));
    }

    @EventSourcingHandler
    void on(IndicatorItemAssessedEvent event) {
        boolean first = !assessmentIndicators.containsKey(event.assessmentId());
        assessmentIndicators.put(event.assessmentId(), event.indicatorCode());
        ItemsRecord record = itemised.computeIfAbsent(event.indicatorCode(), code -> new ItemsRecord());
        if (first && event.correctsAssessmentId() != null) {
            assessmentCorrectedBy.put(event.correctsAssessmentId(), event.assessmentId());
            record.supersede(event.correctsAssessmentId());
        }
        record.add(event.assessmentId(), event.itemCode(), event.state(), event.period(), first ? ++order : order);
    }

    @EventSourcingHandler
    void on(CriterionJudgedEvent event) {
        criterionResults.put(event.criterionCode(), event.result());
        criterionJudgments.put(event.criterionCode(), event);
    }

    @EventSourcingHandler
    void on(StandingComputedEvent event) {
        standingRecorded = event;
    }

    private IndicatorRecord record(String indicatorCode) {
        return indicators.computeIfAbsent(indicatorCode, code -> new IndicatorRecord());
    }
}
