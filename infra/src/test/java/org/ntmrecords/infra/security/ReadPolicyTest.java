package org.ntmrecords.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.infra.security.ReadPolicy.Audience;
import org.ntmrecords.infra.support.ServedSchema;

/**
 * The read policy against the whole executable schema, built as the service builds it: every field of every object
 * type decided for every role, nothing named that the schema lacks, dashboards kept to standings.
 */
class ReadPolicyTest {
    private static GraphQLSchema schema;
    private static final ReadPolicy policy = ReadPolicy.standard();

    @BeforeAll
    static void build() throws IOException {
        schema = ServedSchema.build();
    }

    @Test
    void everyFieldOfEveryObjectTypeIsDecidedForEveryRole() {
        Map<String, Map<Role, Boolean>> decisions = new TreeMap<>();
        List<String> undecided = new ArrayList<>();
        for (GraphQLObjectType type : ReadPolicy.objectTypes(schema)) {
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                String coordinate = type.getName() + "." + field.getName();
                var audience = policy.decided(type.getName(), field.getName());
                if (audience.isEmpty()) {
                    undecided.add(coordinate);
                    continue;
                }
                Map<Role, Boolean> byRole = new TreeMap<>();
                for (Role role : Role.values()) {
                    byRole.put(role, policy.allows(role, type.getName(), field.getName()));
                }
                decisions.put(coordinate, byRole);
            }
        }
        assertThat(undecided).as("fields the read policy (%s) does not decide", ReadPolicy.RESOURCE).isEmpty();
        assertThat(decisions).as("the schema walked").containsKeys("Query.standing", "Standing.trackedBy",
                "RecognitionCase.timeline", "Mutation.recordIndicatorValue", "UnitConnection.edges", "__Type.fields");
        assertThat(decisions.values()).allSatisfy(byRole -> assertThat(byRole).hasSize(Role.values().length));
    }

    @Test
    void everyTypeAndFieldThePolicyNamesIsInTheSchema() {
        assertThat(policy.unknownIn(schema)).isEmpty();
        ReadPolicyCheck.check(policy, schema);
    }

    @Test
    void dashboardsReadStandingsButNotCaseTimelinesDecisionsDiscrepanciesOrWhoTrackedAUnit() {
        for (String coordinate : List.of("RecognitionCase.timeline", "RecognitionCase.granted",
                "RecognitionCase.decisionNumber", "RecognitionCase.decisionDate", "RecognitionCase.documents",
                "RecognitionCase.overridden", "RecognitionCase.discrepancies", "Query.recognitionDiscrepancies",
                "RecognitionDiscrepancy.note", "Standing.trackedBy", "IndicatorStanding.latestValue",
                "IndicatorStanding.measured", "IndicatorStanding.measuredShown", "IndicatorEntry.recordedBy", "Query.history", "Query.standingAsOf")) {
            assertThat(allows(Role.DASHBOARD_VIEWER, coordinate)).as(coordinate).isFalse();
            assertThat(allows(Role.AUDITOR, coordinate)).as(coordinate).isTrue();
        }
        for (String coordinate : List.of("Query.standing", "Query.districtOverview", "Standing.criteriaMet",
                "IndicatorStanding.result", "Unit.children", "CriteriaSetVersion.criteria", "RecognitionCase.status",
                "RecognitionCase.year", "Query.me", "Query.apiVersion", "Query.__schema", "__Type.name")) {
            assertThat(allows(Role.DASHBOARD_VIEWER, coordinate)).as(coordinate).isTrue();
        }
    }

    @Test
    void accountsTheSecurityLogStoreVerificationAndExportsAreForAdministratorsAndAuditorsOnly() {
        List<String> oversightRoots = Stream.of(schema.getQueryType(), schema.getMutationType())
                .flatMap(type -> type.getFieldDefinitions().stream().map(f -> type.getName() + "." + f.getName()))
                .filter(c -> audience(c) == Audience.OVERSIGHT).toList();
        assertThat(oversightRoots).containsExactlyInAnyOrder("Query.accounts", "Query.securityLog",
                "Query.storeVerification", "Query.unitHistoryExport", "Mutation.startStoreVerification");
        for (Role role : Role.values()) {
            boolean oversight = role == Role.ADMINISTRATOR || role == Role.AUDITOR;
            assertThat(allows(role, "Query.securityLog")).as(role.name()).isEqualTo(oversight);
            assertThat(allows(role, "Account.username")).as(role.name()).isEqualTo(oversight);
        }
    }

    @Test
    void noFieldOpenToDashboardsLeadsToValuesDecisionsEvidenceCaseStepsOrHistory() {
        assertThat(policy.reachableBy(Role.DASHBOARD_VIEWER, schema))
                .contains("Query", "Unit", "Standing", "IndicatorStanding", "DistrictOverview", "CriteriaSetVersion",
                        "RecognitionCase", "Principal")
                .doesNotContain("IndicatorEntry", "IndicatorValue", "IndicatorDecision", "DocumentRef", "HistoryEntry",
                        "EvidenceDocument", "RecognitionDiscrepancy", "RevocationTrigger", "ExpiringItem", "Appraisal",
                        "IndicatorExplanation", "WhatIf", "Agency", "Account", "DeniedAttempt", "StoreVerification",
                        "IndicatorJudgment");
        assertThat(policy.reachableBy(Role.AUDITOR, schema)).contains("IndicatorEntry", "HistoryEntry",
                "RecognitionDiscrepancy", "Account", "DeniedAttempt", "StoreVerification");
    }

    /** Opening a field that leads to a type whose every field is closed would be a mistake in one or the other. */
    @Test
    void everyTypeADashboardReachesHasFieldsOpenToIt() {
        List<String> deadEnds = new ArrayList<>();
        for (GraphQLObjectType type : ReadPolicy.objectTypes(schema)) {
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                if (!policy.allows(Role.DASHBOARD_VIEWER, type.getName(), field.getName())
                        || !(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType target)) {
                    continue;
                }
                if (target.getFieldDefinitions().stream()
                        .noneMatch(f -> policy.allows(Role.DASHBOARD_VIEWER, target.getName(), f.getName()))) {
                    deadEnds.add(type.getName() + "." + field.getName() + " -> " + target.getName());
                }
            }
        }
        assertThat(deadEnds).isEmpty();
    }

    // ---- the mechanism, on a schema of its own -----------------------------------------------------------------

    private static final GraphQLSchema SMALL = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            type Query { standing: Standing }
            type Standing { result: String trackedBy: String addedLater: String }
            """), RuntimeWiring.MOCKED_WIRING);

    private static ReadPolicy parse(String yaml) {
        return ReadPolicy.parse(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFieldThePolicyDoesNotDecideIsNamedAndClosedToDashboards() {
        ReadPolicy small = parse("""
                Query: {everyone: [standing]}
                Standing: {everyone: [result], records: [trackedBy]}
                """);
        assertThat(small.undecidedIn(SMALL)).containsExactly("Standing.addedLater");
        assertThat(small.allows(Role.DASHBOARD_VIEWER, "Standing", "addedLater")).isFalse();
        assertThat(small.allows(Role.DISTRICT_AGENCY, "Standing", "addedLater")).isTrue();
        assertThat(small.allows(Role.DASHBOARD_VIEWER, "Standing", "result")).isTrue();
        assertThat(small.allows(Role.DASHBOARD_VIEWER, "Standing", "trackedBy")).isFalse();
        assertThat(parse("""
                Query: {everyone: [standing]}
                Standing: {everyone: [result], records: "*"}
                """).undecidedIn(SMALL)).isEmpty();
    }

    @Test
    void aPolicyNamingWhatTheSchemaLacksStopsTheStart() {
        ReadPolicy stale = parse("""
                Query: {everyone: [standing, standingz]}
                Standing: {everyone: [result, trackedBy, addedLater]}
                Vanished: {records: "*"}
                """);
        assertThat(stale.unknownIn(SMALL)).containsExactly("Query.standingz", "Vanished");
        assertThatThrownBy(() -> ReadPolicyCheck.check(stale, SMALL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Query.standingz, Vanished");
    }

    @Test
    void dashboardsAreOpenedFieldByFieldAndEachFieldOnce() {
        assertThatThrownBy(() -> parse("Standing: {everyone: \"*\"}")).hasMessageContaining("field by field");
        assertThatThrownBy(() -> parse("Standing: {everyone: [result], records: [result]}"))
                .hasMessageContaining("Standing.result is listed twice");
        assertThatThrownBy(() -> parse("Standing: {everyone: [result]}\nStanding: {records: [trackedBy]}"))
                .hasMessageContaining("Duplicate field 'Standing'");
        assertThatThrownBy(() -> parse("Standing: {dashboards: [result]}")).hasMessageContaining("unknown audience");
        assertThatThrownBy(() -> parse("Standing: {records: \"*\", oversight: \"*\"}")).hasMessageContaining("two");
    }

    private static boolean allows(Role role, String coordinate) {
        int dot = coordinate.indexOf('.');
        return policy.allows(role, coordinate.substring(0, dot), coordinate.substring(dot + 1));
    }

    private static Audience audience(String coordinate) {
        int dot = coordinate.indexOf('.');
        return policy.audience(coordinate.substring(0, dot), coordinate.substring(dot + 1));
    }
}
