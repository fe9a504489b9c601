package org.ntmrecords.command.account;

import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.support.InMemoryAgencies;
import org.ntmrecords.command.support.InMemoryUnitDirectory;
import org.ntmrecords.command.support.Rejected;
import org.ntmrecords.events.account.AccountDisabledEvent;
import org.ntmrecords.events.account.AccountRegisteredEvent;
import org.ntmrecords.events.account.AccountRoleChangedEvent;
import org.ntmrecords.events.unit.UnitKind;

class AccountTest {
    private static final AccountRegisteredEvent OFFICER =
            new AccountRegisteredEvent("tankieu.officer", "Cán bộ xã Tân Kiều", "COMMUNE_OFFICER", "30049", null);
    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(new InMemoryUnitDirectory()
                .with("872", "Tháp Mười", UnitKind.DISTRICT, "87")
                .with("30049", "Tân Kiều", UnitKind.COMMUNE, "872"));
        fixture.registerInjectableResource(new InMemoryAgencies().with("872-tnmt", "872", "s", Set.of(), Set.of("17.7")));
        fixture.registerInjectableResource((AccountDirectory) username -> username.equals("tankieu.officer"));
    }

    @Test
    void registersAnAccountWithItsJurisdiction() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAccountCommand("tankieu.officer2", "Cán bộ xã Tân Kiều", Role.COMMUNE_OFFICER, "30049", null))
                .expectEvents(new AccountRegisteredEvent("tankieu.officer2", "Cán bộ xã Tân Kiều", "COMMUNE_OFFICER",
                        "30049", null));
    }

    @Test
    void aRoleWithJurisdictionNamesItsUnitAndOthersDoNot() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAccountCommand("x.officer", "X", Role.COMMUNE_OFFICER, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "unitCode"));
        fixture.givenNoPriorActivity()
                .when(new RegisterAccountCommand("x.auditor", "X", Role.AUDITOR, "30049", null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "unitCode"));
        fixture.givenNoPriorActivity()
                .when(new RegisterAccountCommand("x.officer", "X", Role.COMMUNE_OFFICER, "99999", null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.UNKNOWN_UNIT, "unitCode"));
    }

    @Test
    void aDistrictAgencyAccountActsForAnAgencyOfItsUnit() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAccountCommand("thapmuoi.tnmt", "Phòng TN&MT", Role.DISTRICT_AGENCY, "872", "872-tnmt"))
                .expectEvents(new AccountRegisteredEvent("thapmuoi.tnmt", "Phòng TN&MT", "DISTRICT_AGENCY", "872", "872-tnmt"));
        fixture.givenNoPriorActivity()
                .when(new RegisterAccountCommand("x.agency", "X", Role.DISTRICT_AGENCY, "30049", "872-tnmt"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "unitCode"));
        fixture.givenNoPriorActivity()
                .when(new RegisterAccountCommand("x.agency", "X", Role.DISTRICT_AGENCY, "872", null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "agencyId"));
    }

    @Test
    void noAccountActsAsTheSystemAndUsernamesAreWellFormed() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAccountCommand("x.system", "X", Role.SYSTEM, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "role"));
        fixture.givenNoPriorActivity()
                .when(new RegisterAccountCommand("Admin", "X", Role.AUDITOR, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "username"));
    }

    @Test
    void cannotRegisterAUsernameTwice() {
        fixture.given(OFFICER)
                .when(new RegisterAccountCommand("tankieu.officer", "Again", Role.AUDITOR, null, null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.ALREADY_EXISTS, "username"));
    }

    @Test
    void changesRoleKeepingTheOldOneInTheEvent() {
        fixture.given(OFFICER)
                .when(new ChangeAccountRoleCommand("tankieu.officer", Role.AUDITOR, null, null, "chuyển công tác"))
                .expectEvents(new AccountRoleChangedEvent("tankieu.officer", "COMMUNE_OFFICER", "30049", null, "AUDITOR",
                        null, null, "chuyển công tác"));
    }

    @Test
    void disablesOnceAndNeedsAReason() {
        fixture.given(OFFICER)
                .when(new DisableAccountCommand("tankieu.officer", "nghỉ hưu"))
                .expectEvents(new AccountDisabledEvent("tankieu.officer", "nghỉ hưu"));
        fixture.given(OFFICER, new AccountDisabledEvent("tankieu.officer", "r"))
                .when(new DisableAccountCommand("tankieu.officer", "again"))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.NO_CHANGE));
        fixture.given(OFFICER)
                .when(new DisableAccountCommand("tankieu.officer", ""))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "reason"));
    }
}
