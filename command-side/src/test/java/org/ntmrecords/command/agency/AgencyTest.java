package org.ntmrecords.command.agency;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.support.InMemoryAgencies;
import org.ntmrecords.command.support.InMemoryCatalog;
import org.ntmrecords.command.support.InMemoryUnitDirectory;
import org.ntmrecords.command.support.Rejected;
import org.ntmrecords.command.support.TestSets;
import org.ntmrecords.events.agency.AgencyRegisteredEvent;
import org.ntmrecords.events.agency.ResponsibilityAssignedEvent;
import org.ntmrecords.events.agency.ResponsibilityWithdrawnEvent;
import org.ntmrecords.events.unit.UnitKind;

class AgencyTest {
    private static final AgencyRegisteredEvent REGISTERED =
            new AgencyRegisteredEvent("872-tnmt", "Phòng Tài nguyên và Môi trường huyện Tháp Mười", "872", null);
    private AggregateTestFixture<Agency> fixture;
    private InMemoryAgencies agencies;
    private InMemoryUnitDirectory units;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agency.class);
        agencies = new InMemoryAgencies();
        units = new InMemoryUnitDirectory()
                .with("87", "Đồng Tháp", UnitKind.PROVINCE, null)
                .with("872", "Tháp Mười", UnitKind.DISTRICT, "87")
                .with("38", "Thanh Hóa", UnitKind.PROVINCE, null)
                .with("390", "Cẩm Thủy", UnitKind.DISTRICT, "38");
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(agencies);
        fixture.registerInjectableResource(new InMemoryCatalog().with(TestSets.communeSet())
                .with(TestSets.provincialVariant()));
        fixture.registerInjectableResource(TestSets.CLOCK);
    }

    @Test
    void registersAnAgencyOfAUnit() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgencyCommand("872-tnmt", "Phòng Tài nguyên và Môi trường huyện Tháp Mười", "872", null))
                .expectEvents(REGISTERED);
    }

    @Test
    void cannotRegisterAnAgencyOfAnUnknownUnitOrTwice() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgencyCommand("999-x", "Phòng", "999", null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_UNIT, "unitCode"));
        agencies.with("872-tnmt", "872", TestSets.SET, java.util.Set.of(), java.util.Set.of());
        fixture.givenNoPriorActivity()
                .when(new RegisterAgencyCommand("872-tnmt", "Phòng", "872", null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.ALREADY_EXISTS, "agencyId"));
    }

    @Test
    void assignsCriteriaAndIndicatorsOnItsBasis() {
        fixture.given(REGISTERED)
                .when(new AssignResponsibilityCommand("872-tnmt", TestSets.SET, List.of("2"), List.of("1.1"), TestSets.PLAN))
                .expectEvents(new ResponsibilityAssignedEvent("872-tnmt", TestSets.SET, List.of("2"), List.of("1.1"), TestSets.PLAN));
    }

    @Test
    void anAssignmentNamesItsBasisAndCodesTheSetHas() {
        fixture.given(REGISTERED)
                .when(new AssignResponsibilityCommand("872-tnmt", TestSets.SET, List.of(), List.of("1.1"), null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "basis"));
        fixture.given(REGISTERED)
                .when(new AssignResponsibilityCommand("872-tnmt", TestSets.SET, List.of(), List.of("17.7"), TestSets.PLAN))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_INDICATOR, "indicatorCodes"));
        fixture.given(REGISTERED)
                .when(new AssignResponsibilityCommand("872-tnmt", "no-set", List.of(), List.of("1.1"), TestSets.PLAN))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_CRITERIA_SET, "setId"));
    }

    @Test
    void assigningWhatIsAlreadyAssignedChangesNothing() {
        fixture.given(REGISTERED, new ResponsibilityAssignedEvent("872-tnmt", TestSets.SET, List.of(), List.of("1.1"), TestSets.PLAN))
                .when(new AssignResponsibilityCommand("872-tnmt", TestSets.SET, List.of(), List.of("1.1"), TestSets.PLAN))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.NO_CHANGE));
    }

    @Test
    void withdrawsOnlyWhatItHolds() {
        fixture.given(REGISTERED, new ResponsibilityAssignedEvent("872-tnmt", TestSets.SET, List.of(), List.of("1.1"), TestSets.PLAN))
                .when(new WithdrawResponsibilityCommand("872-tnmt", TestSets.SET, List.of(), List.of("1.1"), "phân công lại", null))
                .expectEvents(new ResponsibilityWithdrawnEvent("872-tnmt", TestSets.SET, List.of(), List.of("1.1"), "phân công lại", null));
        fixture.given(REGISTERED)
                .when(new WithdrawResponsibilityCommand("872-tnmt", TestSets.SET, List.of(), List.of("1.1"), "r", null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.NO_CHANGE));
    }

    @Test
    void aCeasedUnitGetsNoAgencyOrResponsibilityFromItsCessationOn() {
        // the district level was abolished (here on 1 April 2024; TestSets' today is 30 June 2024)
        units.ceased("872", java.time.LocalDate.of(2024, 4, 1));
        fixture.givenNoPriorActivity()
                .when(new RegisterAgencyCommand("872-yte", "Phòng Y tế huyện Tháp Mười", "872", null))
                .expectNoEvents().expectException(Rejected.saying(RejectionCode.UNIT_CEASED, "unitCode",
                        "abolished without a successor", "agency registered on 2024-06-30"));
        fixture.given(REGISTERED)
                .when(new AssignResponsibilityCommand("872-tnmt", TestSets.SET, List.of("2"), List.of(),
                        new org.ntmrecords.events.common.DocumentRef("5/QĐ-UBND", java.time.LocalDate.of(2024, 5, 2),
                                null, null)))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNIT_CEASED, "basis.date"));
        // the plan of 26 January 2024 assigned it while the district existed: recorded late, accepted
        fixture.given(REGISTERED)
                .when(new AssignResponsibilityCommand("872-tnmt", TestSets.SET, List.of("2"), List.of(), TestSets.PLAN))
                .expectEvents(new ResponsibilityAssignedEvent("872-tnmt", TestSets.SET, List.of("2"), List.of(),
                        TestSets.PLAN));
    }

    @Test
    void anAgencyAnswersForAProvincesVariantOnlyWithinThatProvince() {
        AgencyRegisteredEvent camThuy = new AgencyRegisteredEvent("390-yte", "Phòng Y tế huyện Cẩm Thủy", "390", null);
        fixture.given(camThuy)
                .when(new AssignResponsibilityCommand("390-yte", TestSets.VARIANT, List.of("2"), List.of(), TestSets.PLAN))
                .expectNoEvents().expectException(Rejected.saying(RejectionCode.OUTSIDE_SET_PROVINCE, "setId",
                        "87 Đồng Tháp", "38 Thanh Hóa"));
    }

    @Test
    void anAgencyOfTheProvinceAnswersForItsVariant() {
        fixture.given(REGISTERED)
                .when(new AssignResponsibilityCommand("872-tnmt", TestSets.VARIANT, List.of("2"), List.of(), TestSets.PLAN))
                .expectEvents(new ResponsibilityAssignedEvent("872-tnmt", TestSets.VARIANT, List.of("2"), List.of(),
                        TestSets.PLAN));
    }
}
