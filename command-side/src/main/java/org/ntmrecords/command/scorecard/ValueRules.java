package org.ntmrecords.command.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.command.unit.UnitFacts;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.criteria.RequirementKind;
import org.ntmrecords.events.scorecard.Breakdown;
import org.ntmrecords.events.scorecard.BreakdownTotal;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.events.scorecard.ValueKind;

/** Whether a value fits its indicator: the right kind, and numbers that can be true. */
public final class ValueRules {
    static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1000000000000");
    static final int MAX_SCALE = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ValueRules() {
    }

    /** The value kinds an indicator with this requirement kind accepts (a template offers the first). */
    public static Set<ValueKind> acceptedKinds(RequirementKind kind) {
        return switch (kind) {
            case PERCENT_AT_LEAST, PERCENT_AT_MOST -> EnumSet.of(ValueKind.PERCENTAGE, ValueKind.RATIO);
            case RATIO_AT_LEAST -> EnumSet.of(ValueKind.RATIO);
            case COUNT_AT_LEAST -> EnumSet.of(ValueKind.COUNT);
            case AMOUNT_AT_LEAST -> EnumSet.of(ValueKind.AMOUNT);
            case ACHIEVED -> EnumSet.of(ValueKind.ACHIEVED);
            case LEVEL_AT_LEAST -> EnumSet.of(ValueKind.LEVEL);
            case N_OF_M -> EnumSet.of(ValueKind.SUB_INDICATORS);
            // an itemised indicator takes an item-by-item assessment (RecordItemAssessmentCommand), no value
            case ITEMS_AT_LEAST -> EnumSet.noneOf(ValueKind.class);
        };
    }

    static IndicatorValue check(IndicatorDefinition indicator, IndicatorValue value) {
        if (value == null || value.kind() == null) {
            throw reject(RejectionCode.INVALID_INPUT, "value", CommandText.of("scorecard.value.required"));
        }
        Requirement requirement = indicator.requirement();
        Set<ValueKind> accepted = acceptedKinds(requirement.kind());
        if (!accepted.contains(value.kind())) {
            throw reject(RejectionCode.WRONG_VALUE_KIND, "value.kind", CommandText.of("scorecard.value.wrongKind",
                    indicator.code(), requirement.kind().name(), accepted.toString(), value.kind().name()));
        }
        return switch (value.kind()) {
            case PERCENTAGE -> {
                BigDecimal p = number("value.percentage", value.percentage());
                if (p.compareTo(HUNDRED) > 0) {
                    throw reject(RejectionCode.OUT_OF_RANGE, "value.percentage",
                            CommandText.of("scorecard.value.percentage", p));
                }
                yield IndicatorValue.percentage(p);
            }
            case RATIO -> {
                BigDecimal numerator = number("value.numerator", value.numerator());
                BigDecimal denominator = number("value.denominator", value.denominator());
                if (denominator.signum() == 0) {
                    throw reject(RejectionCode.IMPOSSIBLE_RATIO, "value.denominator",
                            CommandText.of("scorecard.value.zeroDenominator"));
                }
                if (numerator.compareTo(denominator) > 0) {
                    throw reject(RejectionCode.IMPOSSIBLE_RATIO, "value.numerator",
                            CommandText.of("scorecard.value.ratioAbove", numerator, denominator));
                }
                yield IndicatorValue.ratio(numerator, denominator);
            }
            case COUNT -> {
                if (value.count() == null) {
                    throw reject(RejectionCode.INVALID_INPUT, "value.count",
                            CommandText.of("scorecard.value.countRequired"));
                }
                if (value.count() < 0 || value.count() > MAX_MAGNITUDE.longValue()) {
                    throw reject(RejectionCode.OUT_OF_RANGE, "value.count",
                            CommandText.of("scorecard.value.countRange", MAX_MAGNITUDE, String.valueOf(value.count())));
                }
                yield IndicatorValue.count(value.count());
            }
            case AMOUNT -> IndicatorValue.amount(number("value.amount", value.amount()));
            case ACHIEVED -> {
                if (value.achieved() == null) {
                    throw reject(RejectionCode.INVALID_INPUT, "value.achieved",
                            CommandText.of("scorecard.value.achievedRequired"));
                }
                yield IndicatorValue.achieved(value.achieved());
            }
            case LEVEL -> {
                String level = Inputs.requiredLine("value.level", value.level(), Inputs.NAME_MAX);
                if (!requirement.levels().contains(level)) {
                    throw reject(RejectionCode.OUT_OF_RANGE, "value.level", CommandText.of("scorecard.value.notALevel",
                            level, indicator.code(), requirement.levels().toString()));
                }
                yield IndicatorValue.level(level);
            }
            case SUB_INDICATORS -> {
                if (value.met() == null || value.of() == null) {
                    throw reject(RejectionCode.INVALID_INPUT, "value",
                            CommandText.of("scorecard.value.subIndicatorsRequired"));
                }
                if (value.met() < 0 || value.of() < 1 || value.met() > value.of()) {
                    throw reject(RejectionCode.IMPOSSIBLE_RATIO, "value.met",
                            CommandText.of("scorecard.value.subIndicatorsImpossible", String.valueOf(value.met()),
                                    String.valueOf(value.of())));
                }
                Integer total = requirement.subIndicatorTotal();
                if (total != null && value.of() != total) {
                    throw reject(RejectionCode.OUT_OF_RANGE, "value.of", CommandText.of(
                            "scorecard.value.subIndicatorTotal", indicator.code(), String.valueOf(total),
                            String.valueOf(value.of())));
                }
                yield IndicatorValue.subIndicators(value.met(), value.of());
            }
        };
    }

    private static BigDecimal number(String field, BigDecimal number) {
        if (number == null) {
            throw reject(RejectionCode.INVALID_INPUT, field, CommandText.of("input.required", CommandText.field(field)));
        }
        if (number.signum() < 0) {
            throw reject(RejectionCode.OUT_OF_RANGE, field, CommandText.of("scorecard.value.negative", CommandText.field(field), number));
        }
        if (number.compareTo(MAX_MAGNITUDE) > 0) {
            throw reject(RejectionCode.OUT_OF_RANGE, field,
                    CommandText.of("scorecard.value.tooLarge", CommandText.field(field), MAX_MAGNITUDE));
        }
        // kept as written (21.0 stays 21.0, 15.20 stays 15.20): the scale says how precisely it was measured; the
        // judging compares values, never their scale
        if (number.scale() > MAX_SCALE) {
            throw reject(RejectionCode.OUT_OF_RANGE, field, CommandText.of("scorecard.value.scale", CommandText.field(field), number,
                    String.valueOf(MAX_SCALE)));
        }
        // an exponent form (2.1E+1) is the whole number it stands for
        return number.scale() < 0 ? number.setScale(0) : number;
    }

    private static CommandRejectedException reject(RejectionCode code, String field, Message message) {
        return new CommandRejectedException(code, field, message);
    }

    static final int MAX_BREAKDOWN = 500;

    static List<Breakdown> breakdown(List<Breakdown> parts) {
        return breakdown(parts, null, null);
    }

    /**
     * The parts of a value, each naming its sub-unit as the source does and, where it is a registered unit, that unit:
     * one under {@code unitCode} (a village of the commune), each named once. {@code units} may be null only when no
     * part names a unit.
     */
    static List<Breakdown> breakdown(List<Breakdown> parts, UnitDirectory units, String unitCode) {
        if (parts == null) {
            return List.of();
        }
        if (parts.size() > MAX_BREAKDOWN) {
            throw reject(RejectionCode.INVALID_INPUT, "breakdown",
                    CommandText.of("scorecard.value.breakdownSize", String.valueOf(MAX_BREAKDOWN)));
        }
        List<Breakdown> checked = new ArrayList<>(parts.size());
        Set<String> named = new HashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            String path = "breakdown[" + i + "]";
            Breakdown part = parts.get(i);
            if (part == null) {
                throw reject(RejectionCode.INVALID_INPUT, path, CommandText.of("input.itemEmpty", path));
            }
            String subUnit = Inputs.requiredLine(path + ".subUnit", part.subUnit(), Inputs.NAME_MAX);
            BigDecimal quantity = number(path + ".quantity", part.quantity());
            String note = Inputs.optionalText(path + ".note", part.note(), Inputs.TEXT_MAX);
            String partUnit = part.unitCode() == null || part.unitCode().isBlank() ? null
                    : Inputs.requiredCode(path + ".unitCode", part.unitCode());
            if (partUnit != null) {
                requireUnder(path + ".unitCode", partUnit, units, unitCode);
                if (!named.add(partUnit)) {
                    throw reject(RejectionCode.INVALID_INPUT, path + ".unitCode",
                            CommandText.of("scorecard.value.breakdownUnitTwice", partUnit));
                }
            }
            checked.add(new Breakdown(subUnit, quantity, note, partUnit));
        }
        return List.copyOf(checked);
    }

    /** A part's unit: registered, and under the value's unit (its parent, or its parent's parent, ...). */
    private static void requireUnder(String field, String partUnit, UnitDirectory units, String unitCode) {
        UnitFacts part = units == null ? null : units.find(partUnit).orElse(null);
        if (part == null) {
            throw reject(RejectionCode.UNKNOWN_UNIT, field,
                    CommandText.of("scorecard.value.breakdownUnitUnknown", partUnit));
        }
        String current = part.parentCode();
        for (int depth = 0; current != null && depth < 5; depth++) {
            if (current.equals(unitCode)) {
                return;
            }
            current = units.find(current).map(UnitFacts::parentCode).orElse(null);
        }
        throw reject(RejectionCode.INVALID_INPUT, field,
                CommandText.of("scorecard.value.breakdownUnitOutside", partUnit, part.name(), unitCode));
    }

    /**
     * The unit's own figure a breakdown splits: only with a breakdown to check against it, a number as a value's
     * parts are, and what it counts as written.
     */
    static BreakdownTotal breakdownTotal(BreakdownTotal total, List<Breakdown> parts) {
        if (total == null) {
            return null;
        }
        if (parts.isEmpty()) {
            throw reject(RejectionCode.INVALID_INPUT, "breakdownTotal",
                    CommandText.of("scorecard.value.breakdownTotalAlone"));
        }
        return new BreakdownTotal(number("breakdownTotal.quantity", total.quantity()),
                Inputs.optionalLine("breakdownTotal.measure", total.measure(), Inputs.NAME_MAX));
    }

    /** A business period that has already begun and ended: neither end lies in the future. */
    static Period period(String field, Period period, java.time.LocalDate today) {
        if (period == null) {
            throw reject(RejectionCode.INVALID_PERIOD, field, CommandText.of("scorecard.value.periodRequired"));
        }
        Inputs.pastOrToday(field + ".start", period.start(), today);
        Inputs.pastOrToday(field + ".end", period.end(), today);
        return period;
    }
}
