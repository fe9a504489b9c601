package org.ntmrecords.infra.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.ntmrecords.events.common.Deadline;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Judgment;

/**
 * Figures as Vietnamese documents write them: dates dd/mm/yyyy, a decimal comma (64,8 %), record times in Việt Nam
 * time, judgments and titles in words. What the record does not hold is said as such, never filled in.
 */
final class Figures {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String NOT_RECORDED = "không ghi nhận";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'ngày' dd/MM/yyyy");

    private Figures() {
    }

    static String date(LocalDate date) {
        return date == null ? NOT_RECORDED : DATE.format(date);
    }

    /** The record time in Việt Nam time to the second, with the exact instant to ask for the same figures again. */
    static String recordTime(Instant at) {
        return DATE_TIME.format(at.atZone(VIETNAM)) + " (giờ Việt Nam; " + at + ")";
    }

    /** A number with a decimal comma and as many decimals as it was entered with (trailing zeros dropped). */
    static String number(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    static String percent(BigDecimal n) {
        return number(n) + " %";
    }

    /** {@code 2} → {@code 02}: counts of units as the seeds write them before "xã". */
    static String count(long n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    static String judgment(Judgment judgment) {
        return switch (judgment) {
            case MET -> "Đạt";
            case NOT_MET -> "Chưa đạt";
            case NOT_ASSESSED -> "Chưa đánh giá";
        };
    }

    static String grade(String grade) {
        return switch (Grade.valueOf(grade)) {
            case NTM -> "Nông thôn mới";
            case ADVANCED -> "Nông thôn mới nâng cao";
            case MODEL -> "Nông thôn mới kiểu mẫu";
            case CIVILIZED_URBAN -> "Đô thị văn minh";
            case SMART_VILLAGE -> "Làng thông minh";
            case TASK_COMPLETED -> "Hoàn thành nhiệm vụ xây dựng nông thôn mới";
        };
    }

    /** A recorded value as the plans write a state: 64,8 %, 3/5 (60 %), 10/27. */
    static String value(IndicatorValue value) {
        return switch (value.kind()) {
            case PERCENTAGE -> percent(value.percentage());
            case RATIO -> number(value.numerator()) + "/" + number(value.denominator()) + " ("
                    + percent(value.share().setScale(2, RoundingMode.HALF_UP)) + ")";
            case COUNT -> String.valueOf(value.count());
            case AMOUNT -> number(value.amount());
            case ACHIEVED -> Boolean.TRUE.equals(value.achieved()) ? "Đạt" : "Chưa đạt";
            case LEVEL -> value.level();
            case SUB_INDICATORS -> value.met() + "/" + value.of();
        };
    }

    /**
     * A requirement with the threshold that applies in the unit's region (≥ 70 %); as written in the criteria set when
     * its threshold is not a number the record holds.
     */
    static String requirement(Requirement requirement, String region) {
        BigDecimal threshold = requirement.thresholdFor(region);
        if (threshold == null) {
            return requirement.text();
        }
        return switch (requirement.kind()) {
            case PERCENT_AT_LEAST, RATIO_AT_LEAST -> "≥ " + percent(threshold);
            case PERCENT_AT_MOST -> "≤ " + percent(threshold);
            case COUNT_AT_LEAST, AMOUNT_AT_LEAST -> "≥ " + number(threshold)
                    + (requirement.unit() == null ? "" : " " + requirement.unit());
            case N_OF_M -> "≥ " + number(threshold) + "/" + requirement.subIndicatorTotal();
            case ITEMS_AT_LEAST -> "≥ " + number(threshold) + "/" + requirement.items().size();
            case ACHIEVED, LEVEL_AT_LEAST -> requirement.text();
        };
    }

    /** A deadline as written, with its last day when the record holds one that the words do not state. */
    static String deadline(Deadline deadline) {
        if (deadline == null) {
            return NOT_RECORDED;
        }
        String written = deadline.asWritten() == null ? "" : deadline.asWritten();
        if (deadline.lastDay() == null) {
            return written.isEmpty() ? NOT_RECORDED : written;
        }
        String day = date(deadline.lastDay());
        return written.isEmpty() ? day : written.contains(day) ? written : written + " (hạn cuối " + day + ")";
    }

    static String orNotRecorded(String text) {
        return text == null || text.isBlank() ? NOT_RECORDED : text;
    }
}
