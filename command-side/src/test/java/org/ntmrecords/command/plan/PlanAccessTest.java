package org.ntmrecords.command.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.access.AccessPolicy;
import org.ntmrecords.command.access.Acting;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.support.FeatureAccessContract;
import org.ntmrecords.command.support.InMemoryAgencies;
import org.ntmrecords.command.support.InMemoryCatalog;
import org.ntmrecords.command.support.InMemoryUnitDirectory;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.unit.UnitKind;

/**
 * Every command of the plan feature has its rule in {@link PlanAccess}: plans are the unit's committee's or the
 * coordination office's, progress also the agencies', completion by judgment the process's alone.
 */
class PlanAccessTest extends FeatureAccessContract {
    private final AccessPolicy policy = new AccessPolicy(new InMemoryUnitDirectory()
            .with("872", "Tháp Mười", UnitKind.DISTRICT, "87")
            .with("30049", "Tân Kiều", UnitKind.COMMUNE, "872")
            .with("30073", "Thanh Mỹ", UnitKind.COMMUNE, "872"), new InMemoryAgencies(), new InMemoryCatalog());

    PlanAccessTest() {
        super(new PlanAccess());
    }

    private boolean allowed(Role role, String unit, Object command) {
        return policy.decide(new Acting("x", role, unit, role == Role.DISTRICT_AGENCY ? "872-tnmt" : null), command)
                .allowed();
    }

    private static PlanCommands.Issue issue(String unit) {
        return new PlanCommands.Issue(Plan.streamId("p"), "p", unit, "1/KH", null, LocalDate.of(2024, 1, 26),
                new BodyRef("UBND", null, null), 2024, "t", null, null, null);
    }

    @Test
    void plansAreIssuedByTheUnitsCommitteeOrTheDistrictsCoordinationOffice() {
        assertThat(allowed(Role.DISTRICT_COORDINATION_OFFICE, "872", issue("872"))).isTrue();
        assertThat(allowed(Role.DISTRICT_COORDINATION_OFFICE, "872", issue("30049"))).isTrue();
        assertThat(allowed(Role.COMMUNE_OFFICER, "30049", issue("30049"))).isTrue();
        assertThat(allowed(Role.COMMUNE_OFFICER, "30049", issue("30073"))).isFalse();
        assertThat(allowed(Role.COMMUNE_OFFICER, "30049", issue("872"))).isFalse();
        assertThat(allowed(Role.DISTRICT_AGENCY, "872", issue("872"))).isFalse();
        assertThat(allowed(Role.AUDITOR, null, issue("872"))).isFalse();
        assertThat(allowed(Role.ADMINISTRATOR, null, issue("872"))).isTrue();
    }

    @Test
    void agenciesNoteProgressWithinTheirDistrictAndOnlyTheProcessCompletesByJudgment() {
        PlanCommands.NoteProgress note = new PlanCommands.NoteProgress(Plan.streamId("p"), "872", "i", "30049", "n",
                LocalDate.of(2024, 4, 1), new BodyRef("b", null, null), "n", null, null);
        assertThat(allowed(Role.DISTRICT_AGENCY, "872", note)).isTrue();
        assertThat(allowed(Role.DASHBOARD_VIEWER, null, note)).isFalse();
        PlanCommands.CompleteByJudgment complete = new PlanCommands.CompleteByJudgment(Plan.streamId("p"), "i",
                "30049", "e", "30049@s");
        for (Role role : Role.values()) {
            assertThat(allowed(role, "872", complete)).as(role.name()).isEqualTo(role == Role.SYSTEM);
        }
    }
}
