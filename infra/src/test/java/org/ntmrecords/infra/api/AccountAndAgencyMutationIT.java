package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Accounts and agencies through GraphQL: each mutation answers the account or agency as the read model holds it once
 * the change is applied (a client cache updates without a refetch), and the accounts are a Relay connection with its
 * total, paged forward and backward, refusing cursors of other lists.
 */
class AccountAndAgencyMutationIT extends IntegrationTest {
    private static final String DISTRICT_SET = "dongthap-district-advanced-2021-2025";

    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    @Test
    void accountPayloadsCarryTheAccountAsItNowStands() {
        String user = "payload.officer";
        graphQl("admin").documentName("registerAccount").variable("input", Map.of("username", user,
                        "displayName", "Cán bộ thử", "role", "COMMUNE_OFFICER", "unitCode", "30049"))
                .execute()
                .path("registerAccount.errors").entityList(Object.class).hasSize(0)
                .path("registerAccount.username").entity(String.class).isEqualTo(user)
                .path("registerAccount.account.displayName").entity(String.class).isEqualTo("Cán bộ thử")
                .path("registerAccount.account.role").entity(String.class).isEqualTo("COMMUNE_OFFICER")
                .path("registerAccount.account.unitCode").entity(String.class).isEqualTo("30049")
                .path("registerAccount.account.enabled").entity(Boolean.class).isEqualTo(true);
        graphQl("admin").documentName("changeAccountRole").variable("input", Map.of("username", user,
                        "role", "VERIFIER", "unitCode", "872", "reason", "điều động"))
                .execute()
                .path("changeAccountRole.account.role").entity(String.class).isEqualTo("VERIFIER")
                .path("changeAccountRole.account.unitCode").entity(String.class).isEqualTo("872");
        graphQl("admin").documentName("disableAccount").variable("input", Map.of("username", user, "reason", "nghỉ"))
                .execute().path("disableAccount.account.enabled").entity(Boolean.class).isEqualTo(false);
        graphQl("admin").documentName("enableAccount").variable("input", Map.of("username", user, "reason", "trở lại"))
                .execute().path("enableAccount.account.enabled").entity(Boolean.class).isEqualTo(true);
        // a password is no event: the account is read as it stands
        graphQl("admin").documentName("setAccountPassword").variable("input", Map.of("username", user,
                        "password", "payload-password-1"))
                .execute()
                .path("setAccountPassword.errors").entityList(Object.class).hasSize(0)
                .path("setAccountPassword.account.username").entity(String.class).isEqualTo(user);
        // a refused mutation carries its errors only
        graphQl("admin").documentName("registerAccount").variable("input", Map.of("username", user,
                        "displayName", "Again", "role", "AUDITOR"))
                .execute()
                .path("registerAccount.errors[0].code").entity(String.class).isEqualTo("ALREADY_EXISTS")
                .path("registerAccount.username").valueIsNull()
                .path("registerAccount.account").valueIsNull();
        // the account's fields are for administrators and auditors, in a payload as anywhere else
        graphQl(user, "payload-password-1").documentName("setAccountPassword").variable("input", Map.of(
                        "username", user, "password", "payload-password-2"))
                .execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getErrorType().toString())
                        && e.getPath().endsWith("account")).verify()
                .path("setAccountPassword.errors").entityList(Object.class).hasSize(0)
                .path("setAccountPassword.username").entity(String.class).isEqualTo(user);
    }

    @Test
    void agencyPayloadsCarryTheAgencyWithItsResponsibilities() {
        String agency = "872-payload";
        graphQl("admin").documentName("registerAgency").variable("input", Map.of("agencyId", agency,
                        "name", "Phòng Thử nghiệm huyện Tháp Mười", "unitCode", "872"))
                .execute()
                .path("registerAgency.errors").entityList(Object.class).hasSize(0)
                .path("registerAgency.agency.name").entity(String.class).isEqualTo("Phòng Thử nghiệm huyện Tháp Mười")
                .path("registerAgency.agency.unitCode").entity(String.class).isEqualTo("872")
                .path("registerAgency.agency.responsibilities").entityList(Object.class).hasSize(0);
        graphQl("admin").documentName("assignResponsibility").variable("input", Map.of("agencyId", agency,
                        "setId", DISTRICT_SET, "criterionCodes", List.of("7"), "indicatorCodes", List.of("8.4"),
                        "basis", Map.of("number", "317/KH-UBND", "date", "2024-01-26")))
                .execute()
                .path("assignResponsibility.errors").entityList(Object.class).hasSize(0)
                .path("assignResponsibility.agency.responsibilities[*].code").entityList(String.class)
                .containsExactly("7", "8.4")
                .path("assignResponsibility.agency.responsibilities[*].kind").entityList(String.class)
                .containsExactly("CRITERION", "INDICATOR")
                .path("assignResponsibility.agency.responsibilities[0].basis.number").entity(String.class)
                .isEqualTo("317/KH-UBND");
        graphQl("admin").documentName("withdrawResponsibility").variable("input", Map.of("agencyId", agency,
                        "setId", DISTRICT_SET, "criterionCodes", List.of("7"), "reason", "giao lại"))
                .execute()
                .path("withdrawResponsibility.errors").entityList(Object.class).hasSize(0)
                .path("withdrawResponsibility.agency.responsibilities[*].code").entityList(String.class)
                .containsExactly("8.4");
        graphQl("admin").documentName("registerAgency").variable("input", Map.of("agencyId", agency,
                        "name", "Again", "unitCode", "872"))
                .execute()
                .path("registerAgency.errors[0].code").entity(String.class).isEqualTo("ALREADY_EXISTS")
                .path("registerAgency.agency").valueIsNull();
    }

    @Test
    void accountsArePagedForwardAndBackwardWithTheirTotal() {
        List<String> all = jdbc.queryForList("select username from read_model.account order by username", String.class);
        assertThat(all).hasSizeGreaterThan(6);

        List<String> forward = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = graphQl().documentName("accounts").variable("first", 3)
                    .variable("after", after).execute();
            page.path("accounts.totalCount").entity(Integer.class).isEqualTo(all.size())
                    .path("accounts.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
            forward.addAll(page.path("accounts.edges[*].node.username").entityList(String.class).get());
            more = page.path("accounts.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("accounts.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(forward).containsExactlyElementsOf(all);

        List<String> backward = new ArrayList<>();
        String before = null;
        more = true;
        while (more) {
            GraphQlTester.Response page = graphQl().documentName("accounts").variable("last", 3)
                    .variable("before", before).execute();
            page.path("accounts.totalCount").entity(Integer.class).isEqualTo(all.size())
                    .path("accounts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(before != null);
            List<String> names = page.path("accounts.edges[*].node.username").entityList(String.class).get();
            assertThat(names).hasSizeLessThanOrEqualTo(3);
            backward.addAll(0, names);
            more = page.path("accounts.pageInfo.hasPreviousPage").entity(Boolean.class).get();
            before = page.path("accounts.pageInfo.startCursor").entity(String.class).get();
        }
        assertThat(backward).containsExactlyElementsOf(all);
    }

    @Test
    void anAccountsCursorIsRefusedByAnotherListAndAnotherListsByIt() {
        String unitsCursor = graphQl().documentName("units").variable("first", 1).execute()
                .path("units.pageInfo.endCursor").entity(String.class).get();
        String accountsCursor = graphQl().documentName("accounts").variable("first", 1).execute()
                .path("accounts.pageInfo.endCursor").entity(String.class).get();
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"l\":\"accounts\",\"k\":{\"username\":5}}".getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of(unitsCursor, forged)) {
            graphQl().documentName("accounts").variable("first", 2).variable("after", cursor).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                        assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                        assertThat(e.getMessage()).isEqualTo("Con trỏ này không do danh sách này cấp");
                    }));
        }
        graphQl().documentName("units").variable("first", 2).variable("after", accountsCursor).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
    }
}
