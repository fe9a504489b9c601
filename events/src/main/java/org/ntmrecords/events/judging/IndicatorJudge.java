package org.ntmrecords.events.judging;

import java.math.BigDecimal;
import java.util.List;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.criteria.RequirementKind;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.JudgmentBasis;
import org.ntmrecords.events.scorecard.ValueKind;

/**
 * Judges one indicator from its effective entry and its latest decision. In order:
 * <ol>
 *   <li>the effective entry is a value and the requirement is computable → the rule decides;</li>
 *   <li>the effective entry is a not-assessed mark at least as recent as the latest decision → not assessed;</li>
 *   <li>a human decision is recorded → it decides;</li>
 *   <li>a value is recorded but cannot be computed → not assessed, awaiting a decision;</li>
 *   <li>nothing is recorded → not assessed.</li>
 * </ol>
 */
public final class IndicatorJudge {

    private IndicatorJudge() {
    }

    /**
     * @param effective the effective entry ({@link Recency#effective}), or {@code null}
     * @param decision  the latest decision ({@link Recency#latest}), or {@code null}
     */
    public static Verdict judge(Requirement requirement, String region, Entry effective, Decision decision) {
        if (effective != null && !effective.notAssessed() && !judges(requirement.kind(), effective.value().kind())) {
            // a value recorded under an earlier kind of the indicator (an amendment changed its kind) is not judged
            // under the new one, neither computed nor shown as measured: the indicator has no value of its kind
            effective = null;
        }
        List<String> used = effective == null ? List.of() : List.of(effective.id());
        if (effective != null && !effective.notAssessed() && requirement.computableIn(region)) {
            return compute(requirement, region, effective);
        }
        if (effective != null && effective.notAssessed()
                && (decision == null || effective.isAtLeastAsRecentAs(decision))) {
            return new Verdict(Judgment.NOT_ASSESSED, JudgmentBasis.MARKED_NOT_ASSESSED, null, null, null, used, null);
        }
        if (decision != null) {
            return new Verdict(decision.result(), JudgmentBasis.HUMAN_DECISION, requirement.thresholdFor(region),
                    requirement.requiredLevel(),
                    effective == null || effective.notAssessed() ? null : measure(effective.value()),
                    used, decision.id());
        }
        if (effective != null) {
            return new Verdict(Judgment.NOT_ASSESSED, JudgmentBasis.AWAITING_DECISION,
                    requirement.thresholdFor(region), requirement.requiredLevel(), measure(effective.value()), used,
                    null);
        }
        return new Verdict(Judgment.NOT_ASSESSED, JudgmentBasis.NO_DATA, null, null, null, List.of(), null);
    }

    private static Verdict compute(Requirement requirement, String region, Entry entry) {
        IndicatorValue value = entry.value();
        BigDecimal threshold = requirement.thresholdFor(region);
        boolean met = switch (requirement.kind()) {
            case PERCENT_AT_LEAST, RATIO_AT_LEAST -> value.share().compareTo(threshold) >= 0;
            case PERCENT_AT_MOST -> value.share().compareTo(threshold) <= 0;
            case COUNT_AT_LEAST -> BigDecimal.valueOf(value.count()).compareTo(threshold) >= 0;
            case AMOUNT_AT_LEAST -> value.amount().compareTo(threshold) >= 0;
            case ACHIEVED -> Boolean.TRUE.equals(value.achieved());
            case LEVEL_AT_LEAST -> requirement.levels().indexOf(value.level())
                    >= requirement.levels().indexOf(requirement.requiredLevel());
            case N_OF_M -> BigDecimal.valueOf(value.met()).compareTo(threshold) >= 0;
            // takes no value (judges() refuses every kind): ItemsJudge judges it from its items
            case ITEMS_AT_LEAST -> throw new IllegalStateException("an itemised requirement takes no value");
        };
        return new Verdict(met ? Judgment.MET : Judgment.NOT_MET, JudgmentBasis.COMPUTED,
                requirement.kind() == RequirementKind.ACHIEVED ? null : threshold,
                requirement.requiredLevel(), measure(value), List.of(entry.id()), null);
    }

    /**
     * The measured figure as people are shown it: a share (of a percentage or ratio requirement) in percent to one
     * decimal place, rounded half-up (15.2/21.0 → measured 72.381 → 72.4), anything else as measured. The record
     * keeps the value as written and the measured figure to four decimals; only the showing rounds.
     */
    public static BigDecimal shownFigure(RequirementKind kind, BigDecimal measured) {
        if (measured == null) {
            return null;
        }
        return switch (kind) {
            case PERCENT_AT_LEAST, PERCENT_AT_MOST, RATIO_AT_LEAST -> measured.setScale(1, java.math.RoundingMode.HALF_UP);
            default -> measured;
        };
    }

    /**
     * Whether a value of this kind can be judged against a requirement of that kind: a share requirement judges a
     * percentage or a ratio by its share, every other requirement the one kind it names. (Recording is stricter: a
     * ratio requirement takes only a ratio.)
     */
    public static boolean judges(RequirementKind requirement, ValueKind value) {
        return switch (requirement) {
            case PERCENT_AT_LEAST, PERCENT_AT_MOST, RATIO_AT_LEAST ->
                    value == ValueKind.PERCENTAGE || value == ValueKind.RATIO;
            case COUNT_AT_LEAST -> value == ValueKind.COUNT;
            case AMOUNT_AT_LEAST -> value == ValueKind.AMOUNT;
            case ACHIEVED -> value == ValueKind.ACHIEVED;
            case LEVEL_AT_LEAST -> value == ValueKind.LEVEL;
            case N_OF_M -> value == ValueKind.SUB_INDICATORS;
            case ITEMS_AT_LEAST -> false;
        };
    }

    /** Whether the measured figure of a requirement of this kind is a share in percent. */
    public static boolean measuresShare(RequirementKind kind) {
        return kind == RequirementKind.PERCENT_AT_LEAST || kind == RequirementKind.PERCENT_AT_MOST
                || kind == RequirementKind.RATIO_AT_LEAST;
    }

    /** The figure compared with the threshold: share in percent, count, amount or sub-indicators met. */
    public static BigDecimal measure(IndicatorValue value) {
        return switch (value.kind()) {
            case PERCENTAGE, RATIO -> value.share();
            case COUNT -> BigDecimal.valueOf(value.count());
            case AMOUNT -> value.amount();
            case SUB_INDICATORS -> BigDecimal.valueOf(value.met());
            case ACHIEVED, LEVEL -> null;
        };
    }
}
