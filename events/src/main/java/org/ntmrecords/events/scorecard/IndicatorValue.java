package org.ntmrecords.events.scorecard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A measured indicator value in the shape its requirement takes. Only the fields of its kind are set:
 * PERCENTAGE {@code percentage}; RATIO {@code numerator}, {@code denominator}; COUNT {@code count};
 * AMOUNT {@code amount}; ACHIEVED {@code achieved}; LEVEL {@code level}; SUB_INDICATORS {@code met} of
 * {@code of}. A ratio keeps its numerator and denominator as given (e.g. 15.2/21.0 km); every number keeps the
 * scale it was entered with (21.0 is not 21 in the record, though the two compare equal when judged).
 */
public record IndicatorValue(ValueKind kind, BigDecimal percentage, BigDecimal numerator, BigDecimal denominator,
                             Long count, BigDecimal amount, Boolean achieved, String level, Integer met,
                             Integer of) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static IndicatorValue percentage(BigDecimal percentage) {
        return new IndicatorValue(ValueKind.PERCENTAGE, percentage, null, null, null, null, null, null, null, null);
    }

    public static IndicatorValue ratio(BigDecimal numerator, BigDecimal denominator) {
        return new IndicatorValue(ValueKind.RATIO, null, numerator, denominator, null, null, null, null, null, null);
    }

    public static IndicatorValue count(long count) {
        return new IndicatorValue(ValueKind.COUNT, null, null, null, count, null, null, null, null, null);
    }

    public static IndicatorValue amount(BigDecimal amount) {
        return new IndicatorValue(ValueKind.AMOUNT, null, null, null, null, amount, null, null, null, null);
    }

    public static IndicatorValue achieved(boolean achieved) {
        return new IndicatorValue(ValueKind.ACHIEVED, null, null, null, null, null, achieved, null, null, null);
    }

    public static IndicatorValue level(String level) {
        return new IndicatorValue(ValueKind.LEVEL, null, null, null, null, null, null, level, null, null);
    }

    public static IndicatorValue subIndicators(int met, int of) {
        return new IndicatorValue(ValueKind.SUB_INDICATORS, null, null, null, null, null, null, null, met, of);
    }

    /**
     * The share in percent this value stands for: the percentage itself, or numerator/denominator × 100
     * rounded half-up to 4 decimal places. {@code null} for kinds that are not shares.
     */
    public BigDecimal share() {
        return switch (kind) {
            case PERCENTAGE -> percentage;
            case RATIO -> numerator.multiply(HUNDRED)
                    .divide(denominator, MathContext.DECIMAL64)
                    .setScale(4, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
            default -> null;
        };
    }

    /**
     * A short human-readable form with the numbers as they were entered, e.g. {@code 71.32%}, {@code 15.2/21.0
     * (72.38%)}, {@code 10/27}; only the share a ratio stands for is computed (to 2 decimal places, trailing zeros
     * dropped).
     */
    public String display() {
        return switch (kind) {
            case PERCENTAGE -> percentage.toPlainString() + "%";
            case RATIO -> numerator.toPlainString() + "/" + denominator.toPlainString() + " ("
                    + share().setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%)";
            case COUNT -> String.valueOf(count);
            case AMOUNT -> amount.toPlainString();
            case ACHIEVED -> Boolean.TRUE.equals(achieved) ? "Đạt" : "Chưa đạt";
            case LEVEL -> level;
            case SUB_INDICATORS -> met + "/" + of;
        };
    }
}
