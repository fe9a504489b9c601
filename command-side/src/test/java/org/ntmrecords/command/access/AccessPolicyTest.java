package org.ntmrecords.command.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.scorecard.RecordIndicatorDecisionCommand;
import org.ntmrecords.command.scorecard.RecordIndicatorValueCommand;
import org.ntmrecords.command.scorecard.RecordIndicatorValuesCommand;
import org.ntmrecords.command.scorecard.TrackUnitCommand;
import org.ntmrecords.command.support.InMemoryAgencies;
import org.ntmrecords.command.support.InMemoryCatalog;
import org.ntmrecords.command.support.InMemoryUnitDirectory;
import org.ntmrecords.command.support.TestSets;
import org.ntmrecords.command.unit.RegisterUnitCommand;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.events.unit.UnitKind;

/** The jurisdiction rules on their own: the unit hierarchy and agency assignments. */
class AccessPolicyTest {
    private final AccessPolicy policy = new AccessPolicy(
            new InMemoryUnitDirectory()
                    .with("87", "Đồng Tháp", UnitKind.PROVINCE, null)
                    .with("872", "Tháp Mười", UnitKind.DISTRICT, "87")
                    .with("875", "Lấp Vò", UnitKind.DISTRICT, "87")
                    .with("30049", "Tân Kiều", UnitKind.COMMUNE, "872")
                    .with("30199", "Định Yên", UnitKind.COMMUNE, "875"),
            new InMemoryAgencies().with("872-tnmt", "872", TestSets.SET, Set.of("2"), Set.of("1.1")),
            new InMemoryCatalog().with(TestSets.communeSet()));

    private static RecordIndicatorValueCommand value(String unit, String indicator) {
        return new RecordIndicatorValueCommand(ScorecardId.of(unit, TestSets.SET), "v", indicator,
                IndicatorValue.percentage(BigDecimal.TEN), Period.on(LocalDate.of(2024, 1, 1)), null, List.of(), null, List.of());
    }

    private static RecordIndicatorValuesCommand batch(String unit, String... indicators) {
        return new RecordIndicatorValuesCommand(ScorecardId.of(unit, TestSets.SET), "import-1",
                java.util.Arrays.stream(indicators).map(i -> value(unit, i)).toList());
    }

    @Test
    void aBatchOfValuesIsAllowedOnlyWhenEveryValueIs() {
        Acting agency = new Acting("tnmt", Role.DISTRICT_AGENCY, "872", "872-tnmt");
        assertThat(policy.decide(agency, batch("30049", "1.1", "2.1")).allowed()).as("indicator 1.1, criterion 2")
                .isTrue();
        AccessPolicy.Decision mixed = policy.decide(agency, batch("30049", "1.1", "3.1"));
        assertThat(mixed.allowed()).isFalse();
        assertThat(mixed.reason().toString()).contains("does not answer for indicator 3.1");
        assertThat(mixed.reason().in(Message.VIETNAMESE)).contains("không được phân công phụ trách chỉ tiêu 3.1");
        Acting office = new Acting("vp", Role.DISTRICT_COORDINATION_OFFICE, "872", null);
        assertThat(policy.decide(office, batch("30049", "3.1")).allowed()).isTrue();
        assertThat(policy.decide(office, batch("30199", "3.1")).allowed()).as("another district's commune").isFalse();
        assertThat(policy.decide(office, batch("30199")).allowed()).as("an empty batch still needs jurisdiction")
                .isFalse();
        assertThat(policy.decide(new Acting("a", Role.AUDITOR, null, null), batch("30049")).allowed()).isFalse();
    }

    @Test
    void anOfficerActsOnItsUnitOnly() {
        Acting officer = new Acting("o", Role.COMMUNE_OFFICER, "30049", null);
        assertThat(policy.decide(officer, value("30049", "1.1")).allowed()).isTrue();
        assertThat(policy.decide(officer, value("30199", "1.1")).allowed()).isFalse();
    }

    @Test
    void aDistrictOfficeActsOnItsCommunesAndAProvinceOnItsDistricts() {
        Acting office = new Acting("vp", Role.DISTRICT_COORDINATION_OFFICE, "872", null);
        assertThat(policy.decide(office, value("30049", "1.1")).allowed()).isTrue();
        assertThat(policy.decide(office, value("30199", "1.1")).allowed()).isFalse();
        Acting appraiser = new Acting("a", Role.APPRAISER, "87", null);
        RecordIndicatorDecisionCommand decision = new RecordIndicatorDecisionCommand(ScorecardId.of("30199", TestSets.SET),
                "d", "4.1", Judgment.MET, Period.on(LocalDate.of(2024, 1, 1)), "Hội đồng", List.of(TestSets.PLAN), null);
        assertThat(policy.decide(appraiser, decision).allowed()).isTrue();
        assertThat(policy.decide(appraiser, value("30199", "1.1")).allowed()).as("appraisers decide, not record").isFalse();
    }

    @Test
    void anAgencyRecordsItsIndicatorsAndTheIndicatorsOfItsCriteria() {
        Acting agency = new Acting("tnmt", Role.DISTRICT_AGENCY, "872", "872-tnmt");
        assertThat(policy.decide(agency, value("30049", "1.1")).allowed()).as("assigned indicator").isTrue();
        assertThat(policy.decide(agency, value("30049", "2.2")).allowed()).as("indicator of an assigned criterion").isTrue();
        assertThat(policy.decide(agency, value("30049", "1.2")).allowed()).as("unassigned").isFalse();
        assertThat(policy.decide(agency, value("30199", "1.1")).allowed()).as("outside its district").isFalse();
        Acting impostor = new Acting("x", Role.DISTRICT_AGENCY, "875", "872-tnmt");
        assertThat(policy.decide(impostor, value("30199", "1.1")).allowed()).as("agency of another unit").isFalse();
    }

    @Test
    void referenceDataIsTheAdministratorsAndTheSystemMayDoAnything() {
        RegisterUnitCommand unit = new RegisterUnitCommand("30050", "X", "Xã X", UnitKind.COMMUNE, "872", null);
        assertThat(policy.decide(new Acting("a", Role.ADMINISTRATOR, null, null), unit).allowed()).isTrue();
        assertThat(policy.decide(new Acting("vp", Role.DISTRICT_COORDINATION_OFFICE, "872", null), unit).allowed()).isFalse();
        assertThat(policy.decide(new Acting("system:demo", Role.SYSTEM, null, null), unit).allowed()).isTrue();
        assertThat(policy.decide(new Acting("aud", Role.AUDITOR, null, null), new TrackUnitCommand("30049", TestSets.SET, null, null))
                .allowed()).isFalse();
    }

    @Test
    void anUnknownCommandIsRefused() {
        assertThat(policy.decide(new Acting("a", Role.ADMINISTRATOR, null, null), "not a command").allowed()).isFalse();
    }

    @Test
    void aCommandWithoutARuleIsRefusedToEveryoneTheSystemIncluded() {
        record UnruledCommand(String unitCode) {
        }
        for (Role role : Role.values()) {
            AccessPolicy.Decision decision = policy.decide(new Acting("x", role, "30049", null), new UnruledCommand("30049"));
            assertThat(decision.allowed()).as(role.name()).isFalse();
            assertThat(decision.reason()).isEqualTo(CommandText.of("access.noRule"));
            assertThat(decision.reason().toString()).as("no Java type named to the client")
                    .isEqualTo("no access rule covers this command");
        }
    }

    /** A package of the command side that holds commands has its feature's rules in the policy, every command ruled. */
    @Test
    void everyCommandOfTheCommandSideHasExactlyOneRule() {
        java.util.Set<String> packages = org.ntmrecords.command.support.CommandClasses.packagesWithCommands(
                "org.ntmrecords.command");
        assertThat(packages).contains("org.ntmrecords.command.unit", "org.ntmrecords.command.recognition");
        for (String pkg : packages) {
            assertThat(policy.commandsWithRules()).as(pkg)
                    .containsAll(org.ntmrecords.command.support.CommandClasses.in(pkg));
        }
        assertThat(AccessPolicy.FEATURES).extracting(f -> f.getClass().getPackageName())
                .containsExactlyInAnyOrderElementsOf(packages);
    }
}
