package org.ntmrecords.infra.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.integrity.StoreVerifier;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo with the 1 July 2025 reorganisation applied (mapping-2025.csv): Tân Kiều (30049) merged into Đốc Binh
 * Kiều (30061) under the new Tỉnh Đồng Tháp (82) by 1663/NQ-UBTVQH15 Điều 1 khoản 21, the district level
 * abolished, and the successor's history holding its predecessor's records.
 */
@TestPropertySource(properties = {"ntm.test.isolated=reorganization", "ntm.demo.reorganization-2025=true"})
class ReorganizationIT extends IntegrationTest {
    @Autowired
    ReorganizationImport reorganization;
    @Autowired
    StoreVerifier verifier;

    private static final String UNIT = """
            query($code: ID!) { unit(code: $code) { code fullName kind ceasedOn parent { code }
              successors { successor { code } share effectiveFrom basis { number title } } } }""";

    @Test
    void theSeedLocalitiesStandAsAfterTheReformAndSuccessorsHoldTheirPredecessorsRecords() throws java.io.IOException {
        awaitProjections();
        graphQl().document(UNIT).variable("code", "30049").execute()
                .path("unit.ceasedOn").entity(String.class).isEqualTo("2025-07-01")
                .path("unit.successors[*].successor.code").entityList(String.class).containsExactly("30061")
                .path("unit.successors[0].share").entity(String.class).isEqualTo("WHOLE")
                .path("unit.successors[0].basis.number").entity(String.class).isEqualTo("1663/NQ-UBTVQH15")
                .path("unit.successors[0].basis.title").entity(String.class).isEqualTo("Điều 1 khoản 21");
        graphQl().document(UNIT).variable("code", "30061").execute()
                .path("unit.fullName").entity(String.class).isEqualTo("Xã Đốc Binh Kiều")
                .path("unit.ceasedOn").valueIsNull()
                .path("unit.parent.code").entity(String.class).isEqualTo("82");
        graphQl().document(UNIT).variable("code", "872").execute()
                .path("unit.ceasedOn").entity(String.class).isEqualTo("2025-07-01")
                .path("unit.successors").entityList(Object.class).hasSize(0);
        graphQl().document(UNIT).variable("code", "87").execute()
                .path("unit.successors[*].successor.code").entityList(String.class).containsExactly("82");

        graphQl().documentName("history").variable("subject", Map.of("unitCode", "30061", "includePredecessors", true))
                .variable("filter", Map.of("types", List.of("IndicatorValueRecorded"))).variable("first", 200).execute()
                .path("history.edges[*].node.attributedTo").entityList(String.class).contains("30049");

        long before = eventCount();
        ReorganizationImport.Report again = reorganization.runBundled(line -> { });
        assertThat(again.rejected()).isEmpty();
        assertThat(again.registered() + again.reorganized() + again.ceased()).as(again.summary()).isZero();
        assertThat(eventCount()).as("re-running it stores nothing").isEqualTo(before);

        awaitProjections();
        StoreVerifier.Report report = verifier.verify(p -> { });
        assertThat(report.intact()).as(report.summary()).isTrue();
    }
}
