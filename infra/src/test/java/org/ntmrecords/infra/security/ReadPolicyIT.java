package org.ntmrecords.infra.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.graphql.execution.ErrorType;

/** What each role may read: dashboards see standings only; accounts and the security log are for oversight. */
class ReadPolicyIT extends IntegrationTest {
    private static final String STANDING = """
            { standing(unitCode: "30049", setId: "dongthap-commune-ntm-2021-2025") {
                criteriaMet unmetCriteria { code indicators { code result latestValue { display recordedBy } } } } }""";

    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    @Test
    void aDashboardSeesStandingsButNotValuesTheirAuthorsOrHistory() {
        graphQl("dashboard").document(STANDING).execute()
                .errors().expect(e -> e.getErrorType() == ErrorType.FORBIDDEN
                        && e.getPath().endsWith("latestValue")).verify()
                .path("standing.criteriaMet").entity(Integer.class).isEqualTo(17)
                .path("standing.unmetCriteria[0].indicators[0].result").entity(String.class).isEqualTo("NOT_MET")
                .path("standing.unmetCriteria[0].indicators[0].latestValue").valueIsNull();
        graphQl("dashboard").document("""
                { indicatorEntries(unitCode: "30049", setId: "dongthap-commune-ntm-2021-2025", indicatorCode: "17.7") { id } }""")
                .execute().errors().expect(e -> e.getErrorType() == ErrorType.FORBIDDEN).verify();
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select count(*) from security.denied_attempt"
                + " where actor = 'dashboard' and command = 'READ Query.indicatorEntries'", Integer.class)).isPositive();
    }

    @Test
    void everyOtherRoleReadsValuesAndHistory() {
        for (String user : new String[] {"auditor", "tankieu.officer", "thapmuoi.tnmt", "dongthap.chairperson"}) {
            graphQl(user).document(STANDING).execute()
                    .path("standing.unmetCriteria[1].indicators[0].latestValue.display").entity(String.class)
                    .isEqualTo("71.32%");
        }
    }

    @Test
    void accountsAndTheSecurityLogAreForAdministratorsAndAuditors() {
        graphQl("admin").document("{ accounts { username role } }").execute()
                .path("accounts[?(@.username == 'tankieu.officer')].role").entityList(String.class)
                .containsExactly("COMMUNE_OFFICER");
        graphQl("auditor").document("{ securityLog { id } }").execute().path("securityLog").entityList(Object.class);
        for (String user : new String[] {"tankieu.officer", "dashboard", "thapmuoi.vpdp"}) {
            graphQl(user).document("{ accounts { username } }").execute()
                    .errors().expect(e -> e.getErrorType() == ErrorType.FORBIDDEN).verify();
            graphQl(user).document("{ securityLog { id } }").execute()
                    .errors().expect(e -> e.getErrorType() == ErrorType.FORBIDDEN).verify();
        }
    }

    @Test
    void everyoneSeesWhoTheyAre() {
        graphQl("thapmuoi.tnmt").document("{ me { username role unitCode agencyId } }").execute()
                .path("me.role").entity(String.class).isEqualTo("DISTRICT_AGENCY")
                .path("me.unitCode").entity(String.class).isEqualTo("872")
                .path("me.agencyId").entity(String.class).isEqualTo("872-tnmt");
    }
}
