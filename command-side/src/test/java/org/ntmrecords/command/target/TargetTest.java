package org.ntmrecords.command.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.support.InMemoryCatalog;
import org.ntmrecords.command.support.InMemoryUnitDirectory;
import org.ntmrecords.command.support.Rejected;
import org.ntmrecords.command.support.TestSets;
import org.ntmrecords.command.target.TargetCommands.AmendTargetCommand;
import org.ntmrecords.command.target.TargetCommands.SetTargetCommand;
import org.ntmrecords.command.target.TargetCommands.WithdrawTargetCommand;
import org.ntmrecords.events.common.Deadline;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.target.TargetAmendedEvent;
import org.ntmrecords.events.target.TargetDefinition;
import org.ntmrecords.events.target.TargetKind;
import org.ntmrecords.events.target.TargetSetEvent;
import org.ntmrecords.events.target.TargetWithdrawnEvent;
import org.ntmrecords.events.unit.UnitKind;

/** Targets as seeds 002 (Trà Cú, 17/KH-UBND) and 003 (Đức Thọ) state them. */
class TargetTest {
    private static final DocumentRef DUC_THO_PLAN = new DocumentRef("KH năm 2024", null, "UBND huyện Đức Thọ", null);
    private static final DocumentRef TRA_CU_PLAN = new DocumentRef("17/KH-UBND", LocalDate.of(2023, 3, 2),
            "UBND huyện Trà Cú", null);
    // seed 003 line 81: "Phấn đấu thu nhập năm 2024 đạt 60,5 triệu đồng/người/năm, năm 2023 xã đạt 56,15 triệu đồng"
    private static final TargetContent INCOME = new TargetContent(TargetKind.INDICATOR_VALUE,
            "Phấn đấu thu nhập năm 2024 đạt 60,5 triệu đồng/người/năm, năm 2023 xã đạt 56,15 triệu đồng", 2024, null,
            null, "Thu nhập bình quân đầu người", new BigDecimal("60.5"), "60,5 triệu đồng/người/năm",
            new BigDecimal("56.15"), 2023, "56,15 triệu đồng", null, null, "năm 2024", null, DUC_THO_PLAN,
            "seed 003 line 81");
    private static final TargetDefinition INCOME_DEFINITION = new TargetDefinition(TargetKind.INDICATOR_VALUE,
            INCOME.statement(), 2024, null, null, "Thu nhập bình quân đầu người", new BigDecimal("60.5"),
            "60,5 triệu đồng/người/năm", new BigDecimal("56.15"), 2023, "56,15 triệu đồng", null, List.of(),
            new Deadline("năm 2024", LocalDate.of(2024, 12, 31)), DUC_THO_PLAN, "seed 003 line 81");
    private static final TargetSetEvent INCOME_SET = new TargetSetEvent("thu-nhap-2024", "18262", INCOME_DEFINITION);

    private AggregateTestFixture<Target> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Target.class);
        fixture.registerInjectableResource(new InMemoryUnitDirectory()
                .with("42", "Hà Tĩnh", UnitKind.PROVINCE, null)
                .with("440", "Đức Thọ", UnitKind.DISTRICT, "42")
                .with("18262", "Bùi La Nhân", UnitKind.COMMUNE, "440")
                .with("84", "Trà Vinh", UnitKind.PROVINCE, null)
                .with("849", "Trà Cú", UnitKind.DISTRICT, "84")
                .with("29479", "Ngãi Xuyên", UnitKind.COMMUNE, "849")
                .with("29482", "Kim Sơn", UnitKind.COMMUNE, "849")
                .with("29488", "Hàm Giang", UnitKind.COMMUNE, "849"));
        fixture.registerInjectableResource(new InMemoryCatalog().with(TestSets.communeSet()));
        fixture.registerInjectableResource(TestSets.CLOCK);
    }

    private static TargetContent units(Integer count, List<String> codes, String setId) {
        // seed 002 line 36: "Xã Ngãi Xuyên, Kim Sơn, Hàm Giang đạt chuẩn nông thôn mới trong quý I/2023"
        return new TargetContent(TargetKind.UNITS_REACHING_TITLE, "Xã Ngãi Xuyên, Kim Sơn, Hàm Giang đạt chuẩn nông thôn "
                + "mới trong quý I/2023.", 2023, setId, null, null, null, null, null, null, null, count, codes,
                "quý I/2023", null, TRA_CU_PLAN, "seed 002 line 36");
    }

    @Test
    void setsAnIncomeTargetWithItsBaselineAndDeadline() {
        fixture.givenNoPriorActivity().when(new SetTargetCommand("18262", "thu-nhap-2024", INCOME))
                .expectEvents(INCOME_SET);
    }

    @Test
    void setsADistrictTargetCountedOverItsUnitsWithTheQuarterRead() {
        fixture.givenNoPriorActivity()
                .when(new SetTargetCommand("849", "q1-ntm", units(3, List.of("29479", "29482", "29488"), TestSets.SET)))
                .expectEvents(new TargetSetEvent("q1-ntm", "849", new TargetDefinition(TargetKind.UNITS_REACHING_TITLE,
                        "Xã Ngãi Xuyên, Kim Sơn, Hàm Giang đạt chuẩn nông thôn mới trong quý I/2023.", 2023,
                        TestSets.SET, null, null, null, null, null, null, null, 3, List.of("29479", "29482", "29488"),
                        new Deadline("quý I/2023", LocalDate.of(2023, 3, 31)), TRA_CU_PLAN, "seed 002 line 36")));
    }

    @Test
    void cannotSetATargetThatDoesNotHoldTogether() {
        fixture.givenNoPriorActivity().when(new SetTargetCommand("849", "q1", units(4, List.of("29479", "29482",
                        "29488"), TestSets.SET)))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.OUT_OF_RANGE, "count"));
        fixture.givenNoPriorActivity().when(new SetTargetCommand("849", "q1", units(1, List.of("29479", "29479"),
                        TestSets.SET)))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "unitCodes"));
        fixture.givenNoPriorActivity().when(new SetTargetCommand("849", "q1", units(1, List.of("99999"), TestSets.SET)))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_UNIT, "unitCodes"));
        fixture.givenNoPriorActivity().when(new SetTargetCommand("849", "q1", units(1, List.of("29479"), null)))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "setId"));
        fixture.givenNoPriorActivity().when(new SetTargetCommand("849", "q1", units(1, List.of("29479"), "no-set")))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_CRITERIA_SET, "setId"));
        fixture.givenNoPriorActivity().when(new SetTargetCommand("99999", "q1", INCOME))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_UNIT, "unitCode"));
        // a number on a yes/no indicator is refused; on a numeric one it is a value target
        fixture.givenNoPriorActivity().when(new SetTargetCommand("18262", "t", withIndicator(TestSets.SET, "3.1")))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.WRONG_VALUE_KIND, "value"));
        fixture.givenNoPriorActivity().when(new SetTargetCommand("18262", "t", withIndicator(TestSets.SET, "9.9")))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_INDICATOR, "indicatorCode"));
        fixture.givenNoPriorActivity().when(new SetTargetCommand("18262", "t", withIndicator(TestSets.SET, "2.2")))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity().when(new SetTargetCommand("18262", "t", new TargetContent(TargetKind.INDICATOR_VALUE,
                        "s", 2024, null, null, "m", new BigDecimal("-1"), "-1", null, null, null, null, null, "năm 2024",
                        null, DUC_THO_PLAN, null)))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.OUT_OF_RANGE, "value"));
        fixture.givenNoPriorActivity().when(new SetTargetCommand("18262", "t", new TargetContent(TargetKind.INDICATOR_VALUE,
                        "s", 2024, null, null, "m", BigDecimal.ONE, "1", new BigDecimal("56.15"), 2025, null, null,
                        null, "năm 2024", null, DUC_THO_PLAN, null)))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.OUT_OF_RANGE, "baselineYear"));
        fixture.givenNoPriorActivity().when(new SetTargetCommand("18262", "t", new TargetContent(TargetKind.INDICATOR_VALUE,
                        "s", 2024, null, null, "m", BigDecimal.ONE, "1", null, null, null, null, null, "sớm", null,
                        DUC_THO_PLAN, null)))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "deadline.lastDay"));
        fixture.givenNoPriorActivity().when(new SetTargetCommand("18262", "t", new TargetContent(TargetKind.INDICATOR_VALUE,
                        "s", 2024, null, null, "m", BigDecimal.ONE, "1", null, null, null, null, null, "năm 2024", null,
                        null, null)))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "source"));
    }

    private static TargetContent withIndicator(String setId, String code) {
        return new TargetContent(TargetKind.INDICATOR_VALUE, "s", 2024, setId, code, "m", new BigDecimal("80"), "80%",
                null, null, null, null, null, "năm 2024", null, DUC_THO_PLAN, null);
    }

    @Test
    void amendsByANewVersionSayingWhyAndWithdrawsOnce() {
        TargetContent amended = new TargetContent(TargetKind.INDICATOR_VALUE, INCOME.statement(), 2024, null, null,
                INCOME.measure(), new BigDecimal("60.2"), "60,2 triệu đồng/người/năm", INCOME.baseline(), 2023,
                INCOME.baselineAsWritten(), null, null, "năm 2024", null, DUC_THO_PLAN, "seed 003 line 81");
        fixture.given(INCOME_SET).when(new AmendTargetCommand("18262", "thu-nhap-2024", amended, "điều chỉnh"))
                .expectEvents(new TargetAmendedEvent("thu-nhap-2024", "18262", 2, new TargetDefinition(
                        TargetKind.INDICATOR_VALUE, INCOME.statement(), 2024, null, null, INCOME.measure(),
                        new BigDecimal("60.2"), "60,2 triệu đồng/người/năm", INCOME.baseline(), 2023,
                        INCOME.baselineAsWritten(), null, List.of(), INCOME_DEFINITION.deadline(), DUC_THO_PLAN,
                        "seed 003 line 81"), "điều chỉnh"));
        fixture.given(INCOME_SET).when(new AmendTargetCommand("18262", "thu-nhap-2024", INCOME, "r"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.NO_CHANGE, "content"));
        fixture.given(INCOME_SET).when(new AmendTargetCommand("18262", "thu-nhap-2024", amended, " "))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "reason"));
        fixture.given(INCOME_SET).when(new WithdrawTargetCommand("18262", "thu-nhap-2024", "sáp nhập xã", null))
                .expectEvents(new TargetWithdrawnEvent("thu-nhap-2024", "18262", "sáp nhập xã", null));
        fixture.given(INCOME_SET, new TargetWithdrawnEvent("thu-nhap-2024", "18262", "r", null))
                .when(new WithdrawTargetCommand("18262", "thu-nhap-2024", "again", null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.NO_CHANGE, "targetId"));
    }
}
