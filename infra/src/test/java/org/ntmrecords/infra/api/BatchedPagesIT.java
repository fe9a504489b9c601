package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.context.annotation.Import;

/**
 * A page of a connection costs the same SQL statements whatever its size: its rows, its count, and one batched load
 * per nested field (a case's unit and its parent, its timeline, its documents), never one per row. Shares {@link
 * BatchedQueriesIT}'s service and statement counter (statements on the HTTP request threads only).
 */
@Import(BatchedQueriesIT.CountingDataSource.class)
class BatchedPagesIT extends IntegrationTest {
    private static final String CASES = """
            query($first: Int) { recognitionCases(districtCode: "872", first: $first) { totalCount
              edges { cursor node { caseId status unit { code parent { code } } timeline { type actor }
                documents { number } } } } }""";

    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    private int statementsFor(String user, String query, int first, String list) {
        BatchedQueriesIT.STATEMENTS.set(0);
        graphQl(user).document(query).variable("first", first).execute()
                .path(list + ".edges").entityList(Object.class).hasSize(first);
        return BatchedQueriesIT.STATEMENTS.get();
    }

    @Test
    void aPageOfCasesWithTheirUnitsTimelinesAndDocumentsCostsTheSameStatementsForTwoCasesOrTwelve() {
        statementsFor("auditor", CASES, 1, "recognitionCases"); // the account's state read once, then kept
        int two = statementsFor("auditor", CASES, 2, "recognitionCases");
        int twelve = statementsFor("auditor", CASES, 12, "recognitionCases");
        assertThat(two).as("statements seen for two cases").isPositive();
        // the page, its count, units, parents, timelines and documents, plus the account stream's last sequence number
        // (its state is kept while that is unchanged) and its credential
        assertThat(twelve).as("statements for twelve cases").isEqualTo(two).isLessThanOrEqualTo(8);
    }

    @Test
    void aPageOfPendingActionsCostsTheSameStatementsForOneCaseOrThree() {
        String pending = """
                query($first: Int) { pendingActions(first: $first) { totalCount
                  edges { node { caseId unit { code } timeline { type } documents { number } } } } }""";
        // the demo's: two advanced cases at provincial appraisal, Lấp Vò's district case at provincial verification
        statementsFor("admin", pending, 1, "pendingActions"); // the account's state read once, then kept
        int one = statementsFor("admin", pending, 1, "pendingActions");
        int three = statementsFor("admin", pending, 3, "pendingActions");
        assertThat(three).isEqualTo(one).isLessThanOrEqualTo(7);
    }
}
