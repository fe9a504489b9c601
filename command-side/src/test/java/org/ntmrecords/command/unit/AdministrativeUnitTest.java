package org.ntmrecords.command.unit;

import java.text.Normalizer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.support.InMemoryUnitDirectory;
import org.ntmrecords.command.support.Rejected;
import org.ntmrecords.command.support.TestSets;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.unit.UnitKind;
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
    void cannotRegisterACommuneDirectlyUnderAProvince() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("30049", "Tân Kiều", "Xã Tân Kiều", UnitKind.COMMUNE, "87", SOURCE))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_PARENT, "parentCode"))
                .expectExceptionMessage("a COMMUNE cannot belong to PROVINCE 87");
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
        fixture.given(tanKieu())
                .when(new ChangeUnitParentCommand("30049", "87", SOURCE))
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
}
