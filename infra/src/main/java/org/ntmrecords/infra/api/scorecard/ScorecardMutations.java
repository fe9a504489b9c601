package org.ntmrecords.infra.api.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandRunner;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.Outcome;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.common.UserError;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.scorecard.CorrectIndicatorValueCommand;
import org.ntmrecords.command.scorecard.MarkIndicatorNotAssessedCommand;
import org.ntmrecords.command.scorecard.RecordIndicatorDecisionCommand;
import org.ntmrecords.command.scorecard.RecordIndicatorValueCommand;
import org.ntmrecords.command.scorecard.RecordItemAssessmentCommand;
import org.ntmrecords.command.scorecard.ScorecardOutcome;
import org.ntmrecords.command.scorecard.TrackUnitCommand;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.events.scorecard.Breakdown;
import org.ntmrecords.events.scorecard.BreakdownTotal;
import org.ntmrecords.events.scorecard.CriterionJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.events.scorecard.StandingComputedEvent;
import org.ntmrecords.events.scorecard.ValueKind;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.api.GraphQlInputs;
import org.ntmrecords.infra.api.GraphQlInputs.DocumentRefInput;
import org.ntmrecords.infra.api.GraphQlInputs.PeriodInput;
import org.ntmrecords.infra.api.PayloadReads;
import org.ntmrecords.query.scorecard.StandingReadRepository;
import org.ntmrecords.query.scorecard.StandingView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL mutations on a unit's record against a criteria set: tracking, values, corrections, decisions. */
@Controller
public class ScorecardMutations {
    private final CommandRunner commands;
    private final UnitDirectory units;
    private final CriteriaCatalog catalog;
    private final Supplier<String> ids;
    private final StandingReadRepository standings;
    private final PayloadReads reads;

    public ScorecardMutations(CommandRunner commands, UnitDirectory units, CriteriaCatalog catalog,
                              Supplier<String> entryIdGenerator, StandingReadRepository standings,
                              PayloadReads reads) {
        this.commands = commands;
        this.units = units;
        this.catalog = catalog;
        this.ids = entryIdGenerator;
        this.standings = standings;
        this.reads = reads;
    }

    public record TrackUnitInput(String unitCode, String setId, String region, DocumentRefInput basis,
                                 DocumentRefInput regionBasis) {
    }

    public record IndicatorValueInput(ValueKind kind, BigDecimal percentage, BigDecimal numerator,
                                      BigDecimal denominator, Integer count, BigDecimal amount, Boolean achieved,
                                      String level, Integer met, Integer of) {
    }

    public record BreakdownInput(String subUnit, BigDecimal quantity, String note, String unitCode) {
    }

    public record BreakdownTotalInput(BigDecimal quantity, String measure) {
    }

    public record RecordIndicatorValueInput(String unitCode, String setId, String indicatorCode, String valueId,
                                            IndicatorValueInput value, PeriodInput period, String sourceAgency,
                                            List<DocumentRefInput> evidence, String note,
                                            List<BreakdownInput> breakdown, BreakdownTotalInput breakdownTotal) {
    }

    public record CorrectIndicatorValueInput(String unitCode, String setId, String correctsValueId,
                                             String indicatorCode, String valueId, String reason,
                                             IndicatorValueInput value,
                                             PeriodInput period, String sourceAgency,
                                             List<DocumentRefInput> evidence, String note,
                                             List<BreakdownInput> breakdown, BreakdownTotalInput breakdownTotal) {
    }

    public record MarkIndicatorNotAssessedInput(String unitCode, String setId, String indicatorCode,
                                                String valueId, PeriodInput period, String reason,
                                                List<DocumentRefInput> evidence) {
    }

    public record RecordIndicatorDecisionInput(String unitCode, String setId, String indicatorCode,
                                               String decisionId, Judgment result, PeriodInput period,
                                               String decidedBy, List<DocumentRefInput> basis, String note) {
    }

    public record AssessedItemInput(String itemCode, Judgment state, String note) {
    }

    public record RecordItemAssessmentInput(String unitCode, String setId, String indicatorCode, String assessmentId,
                                            PeriodInput period, List<AssessedItemInput> items, String assessedBy,
                                            List<DocumentRefInput> evidence, String correctsAssessmentId,
                                            String reason) {
    }

    /**
     * What tracking answers; {@code storeHead} (not in the schema) is the event store's head before the command, from
     * which {@code scorecard} waits for the read tables.
     */
    public record TrackUnitPayload(String scorecardId, String unitCode, String setId, List<UserError> errors,
                                   long storeHead) {
    }

    /**
     * The judgments a change produced as recorded, and (read on demand) the standing after it: {@code scorecardId}
     * and {@code storeHead} (the event store's head before the command) are not in the schema.
     */
    public record ScorecardChangePayload(String entryId, IndicatorJudgedEvent indicator,
                                         CriterionJudgedEvent criterion, StandingComputedEvent standing,
                                         List<UserError> errors, String scorecardId, long storeHead) {
        static ScorecardChangePayload of(Outcome<ScorecardOutcome> outcome, long storeHead) {
            ScorecardOutcome r = outcome.result();
            return r == null
                    ? new ScorecardChangePayload(null, null, null, null, outcome.errors(), null, storeHead)
                    : new ScorecardChangePayload(r.entryId(), r.indicator(), r.criterion(), r.standing(), List.of(),
                    r.scorecardId(), storeHead);
        }
    }

    @MutationMapping
    public TrackUnitPayload trackUnit(@Argument TrackUnitInput input) {
        long storeHead = reads.mark();
        Outcome<Object> outcome = commands.send(
                () -> new TrackUnitCommand(input.unitCode(), input.setId(), input.region(),
                        GraphQlInputs.ref(input.basis()), GraphQlInputs.ref(input.regionBasis())),
                id -> notTracked(input.unitCode(), input.setId()),
                () -> new UserError(RejectionCode.ALREADY_TRACKED, "unitCode", ApiText.of("scorecard.alreadyTracked",
                        Inputs.normalize(input.unitCode()), Inputs.normalize(input.setId()))));
        return outcome.succeeded()
                ? new TrackUnitPayload(ScorecardId.of(Inputs.normalize(input.unitCode()), Inputs.normalize(input.setId())),
                Inputs.normalize(input.unitCode()), Inputs.normalize(input.setId()), List.of(), storeHead)
                : new TrackUnitPayload(null, null, null, outcome.errors(), storeHead);
    }

    /** The standing of the newly tracked unit, from the read tables once they hold the tracking. */
    @SchemaMapping(typeName = "TrackUnitPayload", field = "scorecard")
    public StandingView trackedScorecard(TrackUnitPayload payload) {
        return scorecard(payload.scorecardId(), payload.storeHead());
    }

    /** The standing after the change, from the read tables once they hold the change and its judgments. */
    @SchemaMapping(typeName = "ScorecardChangePayload", field = "scorecard")
    public StandingView changedScorecard(ScorecardChangePayload payload) {
        return scorecard(payload.scorecardId(), payload.storeHead());
    }

    private StandingView scorecard(String scorecardId, long storeHead) {
        return scorecardId == null ? null : reads.read(storeHead, () -> standings.find(scorecardId).orElse(null));
    }

    @MutationMapping
    public ScorecardChangePayload recordIndicatorValue(@Argument RecordIndicatorValueInput input) {
        return change(input.unitCode(), input.setId(), scorecardId -> new RecordIndicatorValueCommand(scorecardId,
                entryId(input.valueId()), input.indicatorCode(), toValue(input.value()),
                period(input.period()), input.sourceAgency(), GraphQlInputs.refs(input.evidence()),
                input.note(), toBreakdown(input.breakdown()), toTotal(input.breakdownTotal())));
    }

    @MutationMapping
    public ScorecardChangePayload correctIndicatorValue(@Argument CorrectIndicatorValueInput input) {
        return change(input.unitCode(), input.setId(), scorecardId -> new CorrectIndicatorValueCommand(scorecardId,
                entryId(input.valueId()), input.correctsValueId(), input.indicatorCode(), input.reason(),
                toValue(input.value()),
                input.period() == null ? null : input.period().toPeriod("period"), input.sourceAgency(),
                GraphQlInputs.refs(input.evidence()), input.note(), toBreakdown(input.breakdown()),
                toTotal(input.breakdownTotal())));
    }

    @MutationMapping
    public ScorecardChangePayload markIndicatorNotAssessed(@Argument MarkIndicatorNotAssessedInput input) {
        return change(input.unitCode(), input.setId(), scorecardId -> new MarkIndicatorNotAssessedCommand(scorecardId,
                entryId(input.valueId()), input.indicatorCode(), period(input.period()), input.reason(),
                GraphQlInputs.refs(input.evidence())));
    }

    @MutationMapping
    public ScorecardChangePayload recordIndicatorDecision(@Argument RecordIndicatorDecisionInput input) {
        return change(input.unitCode(), input.setId(), scorecardId -> new RecordIndicatorDecisionCommand(scorecardId,
                entryId(input.decisionId()), input.indicatorCode(), input.result(), period(input.period()),
                input.decidedBy(), GraphQlInputs.refs(input.basis()), input.note()));
    }

    @MutationMapping
    public ScorecardChangePayload recordItemAssessment(@Argument RecordItemAssessmentInput input) {
        return change(input.unitCode(), input.setId(), scorecardId -> new RecordItemAssessmentCommand(scorecardId,
                entryId(input.assessmentId()), input.indicatorCode(), period(input.period()),
                input.items() == null ? null : input.items().stream().map(i -> i == null ? null
                        : new RecordItemAssessmentCommand.AssessedItem(i.itemCode(), i.state(), i.note())).toList(),
                input.assessedBy(), GraphQlInputs.refs(input.evidence()), input.correctsAssessmentId(),
                input.reason()));
    }

    private ScorecardChangePayload change(String unitCode, String setId, Function<String, Object> command) {
        long storeHead = reads.mark();
        return ScorecardChangePayload.of(commands.send(
                () -> command.apply(ScorecardId.of(Inputs.requiredCode("unitCode", unitCode),
                        Inputs.requiredCode("setId", setId))),
                id -> notTracked(unitCode, setId),
                () -> new UserError(RejectionCode.ALREADY_EXISTS, "valueId", ApiText.of("scorecard.entryRecorded"))),
                storeHead);
    }

    /** Says precisely why there is no scorecard: no such unit, no such set, or not tracked. */
    private UserError notTracked(String unitCode, String setId) {
        String unit = Inputs.normalize(unitCode);
        String set = Inputs.normalize(setId);
        if (units.find(unit).isEmpty()) {
            return new UserError(RejectionCode.UNKNOWN_UNIT, "unitCode", CommandText.of("unit.notRegistered", unit));
        }
        if (catalog.latest(set).isEmpty()) {
            return new UserError(RejectionCode.UNKNOWN_CRITERIA_SET, "setId",
                    CommandText.of("criteria.notPublished", set));
        }
        return new UserError(RejectionCode.NOT_TRACKED, "unitCode", ApiText.of("scorecard.notTracked", unit, set));
    }

    private String entryId(String given) {
        return given == null ? ids.get() : given;
    }

    private static Period period(PeriodInput input) {
        if (input == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_PERIOD, "period",
                    ApiText.of("scorecard.periodRequired"));
        }
        return input.toPeriod("period");
    }

    /** Builds the value of the stated kind, refusing fields that belong to another kind. */
    static IndicatorValue toValue(IndicatorValueInput input) {
        if (input == null || input.kind() == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "value.kind",
                    ApiText.of("scorecard.valueKind"));
        }
        List<String> given = new ArrayList<>();
        if (input.percentage() != null) given.add("percentage");
        if (input.numerator() != null) given.add("numerator");
        if (input.denominator() != null) given.add("denominator");
        if (input.count() != null) given.add("count");
        if (input.amount() != null) given.add("amount");
        if (input.achieved() != null) given.add("achieved");
        if (input.level() != null) given.add("level");
        if (input.met() != null) given.add("met");
        if (input.of() != null) given.add("of");
        List<String> expected = switch (input.kind()) {
            case PERCENTAGE -> List.of("percentage");
            case RATIO -> List.of("numerator", "denominator");
            case COUNT -> List.of("count");
            case AMOUNT -> List.of("amount");
            case ACHIEVED -> List.of("achieved");
            case LEVEL -> List.of("level");
            case SUB_INDICATORS -> List.of("met", "of");
        };
        if (!given.equals(expected)) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "value", ApiText.of("scorecard.valueFields",
                    input.kind().name(), String.join(", ", expected),
                    given.isEmpty() ? ApiText.of("scorecard.noFields") : String.join(", ", given)));
        }
        return new IndicatorValue(input.kind(), input.percentage(), input.numerator(), input.denominator(),
                input.count() == null ? null : input.count().longValue(), input.amount(), input.achieved(),
                input.level(), input.met(), input.of());
    }

    private static List<Breakdown> toBreakdown(List<BreakdownInput> parts) {
        return parts == null ? List.of() : parts.stream()
                .map(p -> p == null ? null : new Breakdown(p.subUnit(), p.quantity(), p.note(), p.unitCode()))
                .toList();
    }

    private static BreakdownTotal toTotal(BreakdownTotalInput total) {
        return total == null ? null : new BreakdownTotal(total.quantity(), total.measure());
    }
}
