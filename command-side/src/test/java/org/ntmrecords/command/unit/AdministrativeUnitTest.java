package org.ntmrecords.command.unit;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.support.InMemoryUnitDirectory;
import org.ntmrecords.command.support.Rejected;
import org.ntmrecords.command.support.TestSets;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.unit.Successor;
import org.ntmrecords.events.unit.UnitCeasedEvent;
import org.ntmrecords.events.unit.UnitKind;
import org.ntmrecords.events.unit.UnitReorganizedEvent;
import org.ntmrecords.events.unit.UnitParentChangedEvent;
import org.ntmrecords.events.unit.UnitRegisteredEvent;
import org.ntmrecords.events.unit.UnitRenamedEvent;

class AdministrativeUnitTest {
    private static final DocumentRef SOURCE = new DocumentRef("DMĐVHC 2024-02-01", null, "Tổng cục Thống kê", null);
    private AggregateTestFixture<AdministrativeUnit> fixture;
    private InMemoryUnitDirectory units;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AdministrativeUnit.class);
        units = new InMemoryUnitDirectory()
                .with("87", "Đồng Tháp", UnitKind.PROVINCE, null)
                .with("872", "Tháp Mười", UnitKind.DISTRICT, "87")
                .with("875", "Lấp Vò", UnitKind.DISTRICT, "87");
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(TestSets.CLOCK);
    }

    private static UnitRegisteredEvent tanKieu() {
        return new UnitRegisteredEvent("30049", "Tân Kiều", "Xã Tân Kiều", UnitKind.COMMUNE, "872", SOURCE);
    }

    @Test
    void registersAUnitUnderItsParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("30049", "Tân Kiều", "Xã Tân Kiều", UnitKind.COMMUNE, "872", SOURCE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(tanKieu());
    }

    @Test
    void storesNamesInNfcWhateverTheInputForm() {
        String decomposed = Normalizer.normalize("Tân Kiều", Normalizer.Form.NFD);
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("30049", decomposed, "Xã " + decomposed, UnitKind.COMMUNE, "872", SOURCE))
                .expectEvents(tanKieu());
    }

    @Test
    void registersAProvinceWithoutParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("82", "Đồng Tháp", "Tỉnh Đồng Tháp", UnitKind.PROVINCE, null, null))
                .expectEvents(new UnitRegisteredEvent("82", "Đồng Tháp", "Tỉnh Đồng Tháp", UnitKind.PROVINCE, null, null));
    }

    @Test
    void cannotRegisterUnderAnUnknownParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("30049", "Tân Kiều", "Xã Tân Kiều", UnitKind.COMMUNE, "999", SOURCE))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.UNKNOWN_PARENT, "parentCode"))
                .expectExceptionMessage("parent unit 999 is not registered");
    }

    @Test
    void registersACommuneDirectlyUnderAProvinceAsSinceJuly2025() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("30049", "Tân Kiều", "Xã Tân Kiều", UnitKind.COMMUNE, "87", SOURCE))
                .expectEvents(new UnitRegisteredEvent("30049", "Tân Kiều", "Xã Tân Kiều", UnitKind.COMMUNE, "87",
                        SOURCE));
    }

    @Test
    void cannotRegisterACommuneUnderAnotherCommune() {
        units.with("30052", "Mỹ Hòa", UnitKind.COMMUNE, "872");
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("30049", "Tân Kiều", "Xã Tân Kiều", UnitKind.COMMUNE, "30052", SOURCE))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_PARENT, "parentCode"))
                .expectExceptionMessage("a COMMUNE cannot belong to COMMUNE 30052");
    }

    @Test
    void cannotRegisterAUnitWithACodeOfTheWrongLength() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("3004", "Tân Kiều", "Xã Tân Kiều", UnitKind.COMMUNE, "872", SOURCE))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "code"));
    }

    @Test
    void cannotRegisterACodeTwice() {
        units.with("30049", "Tân Kiều", UnitKind.COMMUNE, "872");
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("30049", "Tân Kiều", "Xã Tân Kiều", UnitKind.COMMUNE, "872", SOURCE))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.ALREADY_EXISTS, "code"))
                .expectExceptionMessage("unit 30049 is already registered");
    }

    @Test
    void cannotRegisterWithAnEmptyNameOrControlCharacters() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("30049", "  ", "Xã Tân Kiều", UnitKind.COMMUNE, "872", SOURCE))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "name"));
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("30049", "Tân\u0000Kiều", "Xã Tân Kiều", UnitKind.COMMUNE, "872", SOURCE))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "name"));
    }

    @Test
    void renamesAUnitKeepingThePreviousName() {
        fixture.given(tanKieu())
                .when(new RenameUnitCommand("30049", "Tân Kiều Mới", "Xã Tân Kiều Mới", null))
                .expectEvents(new UnitRenamedEvent("30049", "Tân Kiều", "Xã Tân Kiều", "Tân Kiều Mới",
                        "Xã Tân Kiều Mới", null));
    }

    @Test
    void cannotRenameToTheSameName() {
        fixture.given(tanKieu())
                .when(new RenameUnitCommand("30049", "Tân Kiều", "Xã Tân Kiều", null))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.NO_CHANGE));
    }

    @Test
    void movesAUnitUnderAnotherDistrict() {
        fixture.given(tanKieu())
                .when(new ChangeUnitParentCommand("30049", "875", SOURCE))
                .expectEvents(new UnitParentChangedEvent("30049", "872", "875", SOURCE));
    }

    @Test
    void cannotMoveUnderAUnitOfTheWrongLevel() {
        units.with("30052", "Mỹ Hòa", UnitKind.COMMUNE, "872");
        fixture.given(tanKieu())
                .when(new ChangeUnitParentCommand("30049", "30052", SOURCE))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_PARENT, "parentCode"));
    }

    @Test
    void importRegistersANewUnit() {
        fixture.givenNoPriorActivity()
                .when(new ImportUnitCommand("30049", "Tân Kiều", "Xã Tân Kiều", UnitKind.COMMUNE, "872", SOURCE))
                .expectEvents(tanKieu())
                .expectResultMessagePayload(ImportOutcome.REGISTERED);
    }

    @Test
    void importOfAnUnchangedRowStoresNothing() {
        fixture.given(tanKieu())
                .when(new ImportUnitCommand("30049", "Tân Kiều", "Xã Tân Kiều", UnitKind.COMMUNE, "872", SOURCE))
                .expectNoEvents()
                .expectResultMessagePayload(ImportOutcome.UNCHANGED);
    }

    @Test
    void importOfAChangedRowRenamesAndMoves() {
        fixture.given(tanKieu())
                .when(new ImportUnitCommand("30049", "Tân Kiều 2", "Xã Tân Kiều 2", UnitKind.COMMUNE, "875", SOURCE))
                .expectEvents(
                        new UnitRenamedEvent("30049", "Tân Kiều", "Xã Tân Kiều", "Tân Kiều 2", "Xã Tân Kiều 2", SOURCE),
                        new UnitParentChangedEvent("30049", "872", "875", SOURCE))
                .expectResultMessagePayload(ImportOutcome.UPDATED);
    }

    @Test
    void importCannotChangeAUnitsKind() {
        fixture.given(tanKieu())
                .when(new ImportUnitCommand("30049", "Tân Kiều", "Phường Tân Kiều", UnitKind.WARD, "872", SOURCE))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "kind"));
    }

    // Tân Kiều (30049) went wholly into Xã Đốc Binh Kiều (30061) of the new Tỉnh Đồng Tháp (82) on 1 July 2025
    // (reference/units/mapping-2025.csv).
    private static final DocumentRef RESOLUTION = new DocumentRef("1663/NQ-UBTVQH15", LocalDate.of(2025, 6, 16),
            "Ủy ban Thường vụ Quốc hội", null);
    private static final LocalDate JULY_2025 = LocalDate.of(2025, 7, 1);

    /** Commands about the 2025 reform are sent after it took effect. */
    private void afterTheReform() {
        fixture = new AggregateTestFixture<>(AdministrativeUnit.class);
        units.with("82", "Đồng Tháp", UnitKind.PROVINCE, null)
                .with("30061", "Đốc Binh Kiều", UnitKind.COMMUNE, "82");
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2025-07-15T02:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void reorganisesAUnitUnderTheNewProvinceKeepingWhatItWas() {
        afterTheReform();
        fixture.given(tanKieu())
                .when(new ReorganizeUnitCommand("30049", null, null, null, "82", JULY_2025, RESOLUTION))
                .expectEvents(new UnitReorganizedEvent("30049", "Tân Kiều", "Xã Tân Kiều", UnitKind.COMMUNE, "872",
                        "Tân Kiều", "Xã Tân Kiều", UnitKind.COMMUNE, "82", JULY_2025, RESOLUTION));
    }

    @Test
    void reorganisationNeedsABasisAndAChange() {
        afterTheReform();
        fixture.given(tanKieu())
                .when(new ReorganizeUnitCommand("30049", null, null, null, "875", JULY_2025, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "basis"));
        fixture.given(tanKieu())
                .when(new ReorganizeUnitCommand("30049", "Tân Kiều", "Xã Tân Kiều", null, "872", JULY_2025,
                        RESOLUTION))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.NO_CHANGE));
        fixture.given(tanKieu())
                .when(new ReorganizeUnitCommand("30049", "Tân Kiều", null, null, null, JULY_2025, RESOLUTION))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "fullName"));
    }

    @Test
    void ceasesIntoRegisteredSuccessors() {
        afterTheReform();
        fixture.given(tanKieu())
                .when(new CeaseUnitCommand("30049", JULY_2025, List.of(new Successor("30061", Successor.Share.WHOLE)), RESOLUTION))
                .expectEvents(new UnitCeasedEvent("30049", JULY_2025,
                        List.of(new Successor("30061", Successor.Share.WHOLE)), RESOLUTION));
    }

    @Test
    void aDistrictLevelIsAbolishedWithoutSuccessor() {
        afterTheReform();
        UnitRegisteredEvent district = new UnitRegisteredEvent("872", "Tháp Mười", "Huyện Tháp Mười",
                UnitKind.DISTRICT, "87", SOURCE);
        fixture.given(district)
                .when(new CeaseUnitCommand("872", JULY_2025, List.of(), RESOLUTION))
                .expectEvents(new UnitCeasedEvent("872", JULY_2025, List.of(), RESOLUTION));
    }

    @Test
    void refusesBadSuccessors() {
        afterTheReform();
        fixture.given(tanKieu())
                .when(new CeaseUnitCommand("30049", JULY_2025, List.of(new Successor("99999", Successor.Share.WHOLE)), RESOLUTION))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_UNIT, "successors[0].code"));
        fixture.given(tanKieu())
                .when(new CeaseUnitCommand("30049", JULY_2025, List.of(new Successor("30049", Successor.Share.WHOLE)), RESOLUTION))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "successors[0].code"));
        fixture.given(tanKieu())
                .when(new CeaseUnitCommand("30049", JULY_2025,
                        List.of(new Successor("30061", Successor.Share.WHOLE), new Successor("30061", Successor.Share.PART)), RESOLUTION))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "successors[1].code"));
    }

    @Test
    void aCeasedUnitTakesNoFurtherChanges() {
        afterTheReform();
        UnitCeasedEvent ceased = new UnitCeasedEvent("30049", JULY_2025, List.of(), RESOLUTION);
        fixture.given(tanKieu(), ceased)
                .when(new RenameUnitCommand("30049", "Tân Kiều Mới", "Xã Tân Kiều Mới", null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNIT_CEASED));
        fixture.given(tanKieu(), ceased)
                .when(new CeaseUnitCommand("30049", JULY_2025, List.of(), RESOLUTION))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNIT_CEASED));
    }

    @Test
    void anImportOlderThanTheReorganisationIsSuperseded() {
        afterTheReform();
        UnitReorganizedEvent moved = new UnitReorganizedEvent("30049", "Tân Kiều", "Xã Tân Kiều", UnitKind.COMMUNE,
                "872", "Tân Kiều", "Xã Tân Kiều", UnitKind.COMMUNE, "875", JULY_2025, RESOLUTION);
        fixture.given(tanKieu(), moved)
                .when(new ImportUnitCommand("30049", "Tân Kiều", "Xã Tân Kiều", UnitKind.COMMUNE, "872",
                        new DocumentRef("DMĐVHC 2024-02-01", LocalDate.of(2024, 2, 1), "Tổng cục Thống kê", null)))
                .expectNoEvents()
                .expectResultMessagePayload(ImportOutcome.SUPERSEDED);
    }
}
