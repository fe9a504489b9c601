package org.ntmrecords.command.target;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Deadlines;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.target.TargetCommands.AmendTargetCommand;
import org.ntmrecords.command.target.TargetCommands.SetTargetCommand;
import org.ntmrecords.command.target.TargetCommands.WithdrawTargetCommand;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.events.common.Deadline;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.criteria.RequirementKind;
import org.ntmrecords.events.target.TargetAmendedEvent;
import org.ntmrecords.events.target.TargetDefinition;
import org.ntmrecords.events.target.TargetKind;
import org.ntmrecords.events.target.TargetSetEvent;
import org.ntmrecords.events.target.TargetWithdrawnEvent;

/**
 * A target of a unit (chỉ tiêu, mục tiêu phấn đấu): set once, amended by new versions that say why, withdrawn with a
 * reason. Each version is checked whole: a value target names what it measures and the value to reach (on an indicator
 * of a set whose kind is a number, where linked); a title target its set; a count its number; every target its
 * deadline as written (the day it means read by {@link Deadlines}) and the plan that states it.
 */
@Aggregate
public class Target {
    private static final String PREFIX = "target:";
    static final int UNITS_MAX = 200;
    private static final Set<RequirementKind> NUMERIC = Set.of(RequirementKind.PERCENT_AT_LEAST,
            RequirementKind.PERCENT_AT_MOST, RequirementKind.RATIO_AT_LEAST, RequirementKind.COUNT_AT_LEAST,
            RequirementKind.AMOUNT_AT_LEAST, RequirementKind.N_OF_M);

    @AggregateIdentifier
    private String streamId;
    private String unitCode;
    private String targetId;
    private int version;
    private TargetDefinition current;
    private boolean withdrawn;

    protected Target() {
    }

    /** The event stream of a target: its unit and its id within the unit. */
    public static String streamId(String unitCode, String targetId) {
        return PREFIX + unitCode + "/" + targetId;
    }

    @CommandHandler
    public Target(SetTargetCommand command, UnitDirectory units, CriteriaCatalog catalog, Clock clock) {
        String unit = Inputs.requiredCode("unitCode", command.unitCode());
        if (units.find(unit).isEmpty()) {
            throw new CommandRejectedException(RejectionCode.UNKNOWN_UNIT, "unitCode",
                    CommandText.of("unit.notRegistered", unit));
        }
        String id = Inputs.requiredCode("targetId", command.targetId());
        apply(new TargetSetEvent(id, unit, definition(command.content(), units, catalog, clock)));
    }

    @CommandHandler
    public void handle(AmendTargetCommand command, UnitDirectory units, CriteriaCatalog catalog, Clock clock) {
        requireActive();
        String reason = Inputs.requiredText("reason", command.reason(), Inputs.TEXT_MAX);
        TargetDefinition next = definition(command.content(), units, catalog, clock);
        if (next.equals(current)) {
            throw new CommandRejectedException(RejectionCode.NO_CHANGE, "content",
                    CommandText.of("target.noChange", targetId));
        }
        apply(new TargetAmendedEvent(targetId, unitCode, version + 1, next, reason));
    }

    @CommandHandler
    public void handle(WithdrawTargetCommand command, Clock clock) {
        requireActive();
        apply(new TargetWithdrawnEvent(targetId, unitCode,
                Inputs.requiredText("reason", command.reason(), Inputs.TEXT_MAX),
                Inputs.document("basis", command.basis(), LocalDate.now(clock))));
    }

    private void requireActive() {
        if (withdrawn) {
            throw new CommandRejectedException(RejectionCode.NO_CHANGE, "targetId",
                    CommandText.of("target.withdrawn", targetId));
        }
    }

    static TargetDefinition definition(TargetContent c, UnitDirectory units, CriteriaCatalog catalog, Clock clock) {
        if (c == null || c.kind() == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "kind", CommandText.of("target.kindRequired"));
        }
        String statement = Inputs.requiredText("statement", c.statement(), Inputs.TEXT_MAX);
        if (c.year() == null || c.year() < 2000 || c.year() > 2100) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, "year",
                    CommandText.of("target.year", String.valueOf(c.year())));
        }
        String setId = c.setId() == null || c.setId().isBlank() ? null : Inputs.requiredCode("setId", c.setId());
        CriteriaSetDefinition set = setId == null ? null : catalog.latest(setId).orElseThrow(() ->
                new CommandRejectedException(RejectionCode.UNKNOWN_CRITERIA_SET, "setId",
                        CommandText.of("criteria.notPublished", setId)));
        if (set == null && c.kind() != TargetKind.INDICATOR_VALUE) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "setId",
                    CommandText.of("target.setRequired", c.kind()));
        }
        boolean counted = c.kind() == TargetKind.UNITS_REACHING_TITLE || c.kind() == TargetKind.CRITERIA_MET;
        if (!counted && c.count() != null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "count",
                    CommandText.of("target.countOnlyForCounts", c.kind()));
        }
        if (c.kind() != TargetKind.UNITS_REACHING_TITLE && c.unitCodes() != null && !c.unitCodes().isEmpty()) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "unitCodes",
                    CommandText.of("target.unitsOnlyForUnits", c.kind()));
        }
        String indicator = null;
        String measure = null;
        BigDecimal value = null;
        String valueText = null;
        Integer count = null;
        List<String> unitCodes = List.of();
        if (c.kind() == TargetKind.INDICATOR_VALUE) {
            measure = Inputs.requiredLine("measure", c.measure(), Inputs.NAME_MAX);
            value = number("value", c.value());
            valueText = Inputs.requiredLine("valueAsWritten", c.valueAsWritten(), Inputs.NAME_MAX);
            if (c.indicatorCode() != null && !c.indicatorCode().isBlank()) {
                indicator = Inputs.requiredCode("indicatorCode", c.indicatorCode());
                if (set == null) {
                    throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "setId",
                            CommandText.of("target.setRequired", c.kind()));
                }
                String code = indicator;
                IndicatorDefinition definition = set.indicator(code).orElseThrow(() -> new CommandRejectedException(
                        RejectionCode.UNKNOWN_INDICATOR, "indicatorCode",
                        CommandText.of("criteria.noIndicator", setId, code)));
                if (!NUMERIC.contains(definition.requirement().kind())) {
                    throw new CommandRejectedException(RejectionCode.WRONG_VALUE_KIND, "value",
                            CommandText.of("target.notANumber", setId, code, definition.requirement().kind()));
                }
            }
        } else {
            refuseValue(c);
            if (c.kind() == TargetKind.UNITS_REACHING_TITLE || c.kind() == TargetKind.CRITERIA_MET) {
                if (c.count() == null || c.count() < 1 || c.count() > UNITS_MAX) {
                    throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, "count",
                            CommandText.of("target.count", String.valueOf(c.count())));
                }
                count = c.count();
            }
            if (c.kind() == TargetKind.CRITERIA_MET && count > set.criteria().size()) {
                throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, "count",
                        CommandText.of("target.moreThanCriteria", count, setId, set.criteria().size()));
            }
            if (c.kind() == TargetKind.UNITS_REACHING_TITLE) {
                unitCodes = unitCodes(c.unitCodes(), units);
                if (count > unitCodes.size()) {
                    throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, "count",
                            CommandText.of("target.moreThanUnits", count, unitCodes.size()));
                }
            }
        }
        BigDecimal baseline = c.baseline() == null ? null : number("baseline", c.baseline());
        Integer baselineYear = c.baselineYear();
        String baselineText = Inputs.optionalLine("baselineAsWritten", c.baselineAsWritten(), Inputs.NAME_MAX);
        if (baseline != null && (baselineYear == null || baselineYear < 2000 || baselineYear > c.year())) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, "baselineYear",
                    CommandText.of("target.baselineYear", String.valueOf(baselineYear), c.year()));
        }
        if (baseline == null && (baselineYear != null || baselineText != null)) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "baseline",
                    CommandText.of("target.baselineRequired"));
        }
        Deadline deadline = Deadlines.read("deadline", c.deadlineAsWritten(), c.deadlineLastDay());
        if (deadline.lastDay().getYear() < 2000 || deadline.lastDay().getYear() > 2100) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, "deadline.lastDay",
                    CommandText.of("target.deadlineOutOfRange", deadline.lastDay()));
        }
        if (c.source() == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "source",
                    CommandText.of("target.sourceRequired"));
        }
        return new TargetDefinition(c.kind(), statement, c.year(), setId, indicator, measure, value, valueText,
                baseline, baseline == null ? null : baselineYear, baselineText, count, unitCodes, deadline,
                Inputs.document("source", c.source(), LocalDate.now(clock)),
                Inputs.optionalLine("provenance", c.provenance(), Inputs.NAME_MAX));
    }

    private static void refuseValue(TargetContent c) {
        if (c.value() != null || c.valueAsWritten() != null || c.measure() != null || c.indicatorCode() != null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "value",
                    CommandText.of("target.valueOnlyForIndicator", c.kind()));
        }
    }

    private static BigDecimal number(String field, BigDecimal value) {
        if (value == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, field,
                    CommandText.of("target.valueRequired", CommandText.field(field)));
        }
        if (value.signum() < 0 || value.compareTo(new BigDecimal("1000000000000000")) > 0 || value.scale() > 6) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, field,
                    CommandText.of("target.valueOutOfRange", CommandText.field(field), value.toPlainString()));
        }
        return value;
    }

    private static List<String> unitCodes(List<String> given, UnitDirectory units) {
        if (given == null || given.isEmpty()) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "unitCodes",
                    CommandText.of("target.unitsRequired"));
        }
        if (given.size() > UNITS_MAX) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "unitCodes",
                    CommandText.of("target.tooManyUnits", UNITS_MAX));
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : given) {
            String checked = Inputs.requiredCode("unitCodes", code);
            if (units.find(checked).isEmpty()) {
                throw new CommandRejectedException(RejectionCode.UNKNOWN_UNIT, "unitCodes",
                        CommandText.of("unit.notRegistered", checked));
            }
            if (!codes.add(checked)) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "unitCodes",
                        CommandText.of("target.unitTwice", checked));
            }
        }
        return new ArrayList<>(codes);
    }

    @EventSourcingHandler
    void on(TargetSetEvent event) {
        streamId = streamId(event.unitCode(), event.targetId());
        unitCode = event.unitCode();
        targetId = event.targetId();
        version = 1;
        current = event.definition();
    }

    @EventSourcingHandler
    void on(TargetAmendedEvent event) {
        version = event.version();
        current = event.definition();
    }

    @EventSourcingHandler
    void on(TargetWithdrawnEvent event) {
        withdrawn = true;
    }
}
