package org.ntmrecords.command.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.support.InMemoryUnitDirectory;
import org.ntmrecords.command.support.Rejected;
import org.ntmrecords.command.support.TestSets;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.unit.UnitKind;
import org.ntmrecords.events.unit.UnitRegisteredEvent;

/** Villages (thôn, ấp, khu dân cư, bản, làng): level 4, only under a commune-level unit, coded after their commune. */
class VillageUnitTest {
    private static final DocumentRef PLAN = new DocumentRef("/ KH- UBND", null, "UBND xã Cẩm Ngọc", null);
    private AggregateTestFixture<AdministrativeUnit> fixture;
    private InMemoryUnitDirectory units;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AdministrativeUnit.class);
        units = new InMemoryUnitDirectory()
                .with("38", "Thanh Hóa", UnitKind.PROVINCE, null)
                .with("390", "Cẩm Thủy", UnitKind.DISTRICT, "38")
                .with("15169", "Cẩm Ngọc", UnitKind.COMMUNE, "390")
                .with("15172", "Cẩm Long", UnitKind.COMMUNE, "390");
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(TestSets.CLOCK);
    }

    private static RegisterUnitCommand phucNganVai(String code, UnitKind kind, String parent) {
        return new RegisterUnitCommand(code, "Phúc Ngán Vải", "Thôn Phúc Ngán Vải", kind, parent, PLAN);
    }

    @Test
    void villageKindsAreLevelFourAndSitOnlyUnderACommuneLevelUnit() {
        for (UnitKind kind : new UnitKind[] {UnitKind.THON, UnitKind.AP, UnitKind.KHU_DAN_CU, UnitKind.BAN,
                UnitKind.LANG}) {
            assertThat(kind.level()).isEqualTo(4);
            assertThat(kind.village()).isTrue();
            assertThat(kind.mayHaveParent(UnitKind.COMMUNE)).isTrue();
            assertThat(kind.mayHaveParent(UnitKind.WARD)).isTrue();
            assertThat(kind.mayHaveParent(UnitKind.DISTRICT)).isFalse();
            assertThat(kind.mayHaveParent(UnitKind.PROVINCE)).isFalse();
            assertThat(kind.mayHaveParent(UnitKind.THON)).isFalse();
            assertThat(kind.mayHaveParent(null)).isFalse();
        }
        assertThat(UnitKind.COMMUNE.mayHaveParent(UnitKind.THON)).isFalse();
        assertThat(UnitKind.COMMUNE.village()).isFalse();
    }

    @Test
    void registersAVillageUnderItsCommuneWithTheCommunesCode() {
        fixture.givenNoPriorActivity()
                .when(phucNganVai("15169-phuc-ngan-vai", UnitKind.THON, "15169"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UnitRegisteredEvent("15169-phuc-ngan-vai", "Phúc Ngán Vải", "Thôn Phúc Ngán Vải",
                        UnitKind.THON, "15169", PLAN));
    }

    @Test
    void registersAnApByItsNumber() {
        units.with("30061", "Đốc Binh Kiều", UnitKind.COMMUNE, "38");
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("30061-ap-5", "5", "Ấp 5", UnitKind.AP, "30061", null))
                .expectEvents(new UnitRegisteredEvent("30061-ap-5", "5", "Ấp 5", UnitKind.AP, "30061", null));
    }

    @Test
    void cannotRegisterAVillageUnderADistrict() {
        // the parent's kind is refused before the code's prefix is compared with it
        fixture.givenNoPriorActivity()
                .when(phucNganVai("15169-phuc-ngan-vai", UnitKind.THON, "390"))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_PARENT, "parentCode"))
                .expectExceptionMessage("a THON belongs only to a commune-level unit (xã, phường, thị trấn, đặc khu),"
                        + " not to DISTRICT 390");
        fixture.givenNoPriorActivity()
                .when(phucNganVai("15169-phuc-ngan-vai", UnitKind.AP, "38"))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_PARENT, "parentCode"));
        units.with("39001", "Not a commune", UnitKind.DISTRICT, "38");
        fixture.givenNoPriorActivity()
                .when(phucNganVai("39001-phuc-ngan-vai", UnitKind.THON, "39001"))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_PARENT, "parentCode"))
                .expectExceptionMessage("a THON belongs only to a commune-level unit (xã, phường, thị trấn, đặc khu),"
                        + " not to DISTRICT 39001");
    }

    @Test
    void cannotRegisterAVillageUnderAnUnknownCommune() {
        fixture.givenNoPriorActivity()
                .when(phucNganVai("15999-phuc-ngan-vai", UnitKind.THON, "15999"))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.UNKNOWN_PARENT, "parentCode"))
                .expectExceptionMessage("parent unit 15999 is not registered");
    }

    @Test
    void cannotRegisterAVillageWithoutAParent() {
        fixture.givenNoPriorActivity()
                .when(phucNganVai("15169-phuc-ngan-vai", UnitKind.THON, null))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_PARENT, "parentCode"));
    }

    @Test
    void aVillagesCodeBeginsWithItsOwnCommunesCode() {
        fixture.givenNoPriorActivity()
                .when(phucNganVai("15169-phuc-ngan-vai", UnitKind.THON, "15172"))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "code"))
                .expectExceptionMessage("code 15169-phuc-ngan-vai begins with commune code 15169, but the unit is"
                        + " registered under 15172; a village's code begins with the code of the commune it belongs to");
    }

    @Test
    void cannotRegisterAVillageUnderAMalformedCode() {
        for (String code : new String[] {"15169", "15169-", "15169-Phuc", "15169-phúc", "15169--a", "1516-a",
                "15169-" + "a".repeat(41), "15169-a_b"}) {
            fixture.givenNoPriorActivity()
                    .when(phucNganVai(code, UnitKind.THON, "15169"))
                    .expectNoEvents()
                    .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "code"));
        }
    }

    @Test
    void aCommuneCannotTakeAVillageCode() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("15169-x", "X", "Xã X", UnitKind.COMMUNE, "390", PLAN))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "code"));
    }

    @Test
    void cannotRegisterAVillageTwice() {
        units.with("15169-phuc-ngan-vai", "Phúc Ngán Vải", UnitKind.THON, "15169");
        fixture.givenNoPriorActivity()
                .when(phucNganVai("15169-phuc-ngan-vai", UnitKind.THON, "15169"))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.ALREADY_EXISTS, "code"));
    }

    @Test
    void aVillageCannotBeReorganisedIntoACommune() {
        fixture.given(new UnitRegisteredEvent("15169-phuc-ngan-vai", "Phúc Ngán Vải", "Thôn Phúc Ngán Vải",
                        UnitKind.THON, "15169", PLAN))
                .when(new ReorganizeUnitCommand("15169-phuc-ngan-vai", null, null, UnitKind.COMMUNE, "390",
                        LocalDate.of(2024, 1, 1), PLAN))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "kind"));
    }
}
