package org.ntmrecords.command.support;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.LegalBasis;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.criteria.RequirementKind;
import org.ntmrecords.events.criteria.SetLevel;

/**
 * A small commune set with one indicator of every requirement kind, for tests. Its numbers exercise the
 * rules; they are not thresholds of any real set.
 */
public final class TestSets {
    public static final String SET = "test-commune-set";
    public static final LocalDate TODAY = LocalDate.of(2024, 6, 30);
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T08:00:00Z"), ZoneOffset.UTC);
    public static final LegalBasis BASIS = new LegalBasis("1/QĐ-TEST", LocalDate.of(2022, 1, 1), "Test issuer", null);
    public static final DocumentRef PLAN = new DocumentRef("317/KH-UBND", LocalDate.of(2024, 1, 26),
            "UBND huyện Tháp Mười", "Kế hoạch");

    private TestSets() {
    }

    public static final String VARIANT = "test-dongthap-variant";

    /** The commune set as province 87 (Đồng Tháp)'s variant of itself. */
    public static CriteriaSetDefinition provincialVariant() {
        CriteriaSetDefinition base = communeSet();
        return new CriteriaSetDefinition(VARIANT, 1, "Test variant of Đồng Tháp", base.level(), base.grade(),
                base.phase(), BASIS, base.effectiveFrom(), SET, "87", null, base.criteria());
    }

    public static Requirement requirement(RequirementKind kind, String threshold) {
        return new Requirement(kind, null, threshold == null ? null : new BigDecimal(threshold), Map.of(),
                List.of(), null, null, null, false, null);
    }

    public static IndicatorDefinition indicator(String code, Requirement requirement) {
        return new IndicatorDefinition(code, "Indicator " + code, requirement, null);
    }

    public static CriteriaSetDefinition communeSet() {
        return new CriteriaSetDefinition(SET, 1, "Test commune set", SetLevel.COMMUNE, Grade.NTM, "2021-2025",
                BASIS, LocalDate.of(2022, 1, 1), null, null, null, List.of(
                new CriterionDefinition("1", "Shares", null, null, List.of(
                        indicator("1.1", requirement(RequirementKind.PERCENT_AT_LEAST, "85")),
                        indicator("1.2", requirement(RequirementKind.PERCENT_AT_MOST, "3")),
                        indicator("1.3", requirement(RequirementKind.RATIO_AT_LEAST, "70")))),
                new CriterionDefinition("2", "Counts and amounts", null, null, List.of(
                        indicator("2.1", requirement(RequirementKind.COUNT_AT_LEAST, "1")),
                        indicator("2.2", requirement(RequirementKind.AMOUNT_AT_LEAST, "79.2")))),
                new CriterionDefinition("3", "Others", null, null, List.of(
                        indicator("3.1", requirement(RequirementKind.ACHIEVED, null)),
                        indicator("3.2", new Requirement(RequirementKind.LEVEL_AT_LEAST, null, null, Map.of(),
                                List.of("level 1", "level 2", "level 3"), "level 2", null, null, false, null)),
                        indicator("3.3", new Requirement(RequirementKind.N_OF_M, null, new BigDecimal("20"),
                                Map.of(), List.of(), null, 27, null, false, null)))),
                new CriterionDefinition("4", "Unverified", null, null, List.of(
                        indicator("4.1", requirement(RequirementKind.PERCENT_AT_LEAST, null)))),
                new CriterionDefinition("5", "Regional", null, null, List.of(
                        indicator("5.1", new Requirement(RequirementKind.PERCENT_AT_LEAST, null, new BigDecimal("80"),
                                Map.of("tdmnpb", new BigDecimal("60")), List.of(), null, null, null, false, null))))));
    }
}
