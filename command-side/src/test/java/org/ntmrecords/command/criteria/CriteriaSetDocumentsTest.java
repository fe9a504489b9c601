package org.ntmrecords.command.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.criteria.RequirementKind;
import org.ntmrecords.events.criteria.SetLevel;

class CriteriaSetDocumentsTest {
    private static final String YAML = """
            id: sample-set
            title: "Bộ tiêu chí mẫu"
            level: commune
            grade: NTM
            phase: "2021-2025"
            legalBasis: {decision: "863/QĐ-UBND-HC", date: 2022-08-08, issuer: "UBND tỉnh Đồng Tháp"}
            effectiveFrom: 2022-08-08
            criteria:
              - code: "17"
                name: "Môi trường và an toàn thực phẩm"
                indicators:
                  - code: "17.7"
                    text: "Tỷ lệ bao gói thuốc bảo vệ thực vật ..."
                    requirement: {kind: PERCENT_AT_LEAST, text: "85%", threshold: 85, regionalThresholds: {tdmnpb: 70}}
            """;

    @Test
    void readsYaml() {
        CriteriaSetDefinition set = CriteriaSetDocuments.parse(YAML);
        assertThat(set.id()).isEqualTo("sample-set");
        assertThat(set.level()).isEqualTo(SetLevel.COMMUNE);
        assertThat(set.grade()).isEqualTo(Grade.NTM);
        assertThat(set.legalBasis().date()).isEqualTo(LocalDate.of(2022, 8, 8));
        var requirement = set.indicator("17.7").orElseThrow().requirement();
        assertThat(requirement.kind()).isEqualTo(RequirementKind.PERCENT_AT_LEAST);
        assertThat(requirement.thresholdFor("tdmnpb")).isEqualByComparingTo("70");
        assertThat(requirement.thresholdFor("dbscl")).isEqualByComparingTo("85");
    }

    @Test
    void readsTheSameDefinitionAsJson() {
        String json = """
                {"id": "sample-set", "title": "Bộ tiêu chí mẫu", "level": "COMMUNE", "grade": "NTM",
                 "legalBasis": {"decision": "863/QĐ-UBND-HC", "date": "2022-08-08"}, "effectiveFrom": "2022-08-08",
                 "criteria": [{"code": "17", "name": "Môi trường", "indicators": [{"code": "17.7", "text": "t",
                   "requirement": {"kind": "PERCENT_AT_LEAST", "threshold": 85}}]}]}""";
        assertThat(CriteriaSetDocuments.parse(json).indicator("17.7")).isPresent();
    }

    @Test
    void refusesAMisspeltFieldNamingItsPath() {
        String misspelt = YAML.replace("threshold: 85", "treshold: 85");
        assertThatThrownBy(() -> CriteriaSetDocuments.parse(misspelt))
                .isInstanceOfSatisfying(CommandRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(RejectionCode.INVALID_DEFINITION);
                    assertThat(e.field()).isEqualTo("criteria[0].indicators[0].requirement.treshold");
                });
    }

    @Test
    void refusesAnUnknownRequirementKind() {
        assertThatThrownBy(() -> CriteriaSetDocuments.parse(YAML.replace("PERCENT_AT_LEAST", "MOSTLY")))
                .isInstanceOfSatisfying(CommandRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCode.INVALID_DEFINITION));
    }

    @Test
    void refusesSomethingThatIsNotYaml() {
        assertThatThrownBy(() -> CriteriaSetDocuments.parse("id: [unclosed"))
                .isInstanceOfSatisfying(CommandRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCode.INVALID_DEFINITION));
        assertThatThrownBy(() -> CriteriaSetDocuments.parse("   "))
                .isInstanceOf(CommandRejectedException.class);
    }

    @Test
    void refusesDuplicateKeys() {
        assertThatThrownBy(() -> CriteriaSetDocuments.parse("id: a\nid: b\n"))
                .isInstanceOf(CommandRejectedException.class);
    }
}
