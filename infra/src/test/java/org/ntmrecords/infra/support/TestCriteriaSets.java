package org.ntmrecords.infra.support;

/** Criteria set documents for tests; their numbers exercise the rules only and describe no real set. */
public final class TestCriteriaSets {
    private TestCriteriaSets() {
    }

    /**
     * A commune set effective from {@code effectiveFrom}: criterion 1 with two percentage indicators (1.1 ≥ 80%,
     * 1.2 ≥ 50%) and criterion 2 with one achieved-or-not indicator (2.1).
     */
    public static String twoCriteria(String id, String effectiveFrom, String usedBy) {
        return """
                id: SET_ID
                title: "Bộ tiêu chí thử nghiệm (USED_BY)"
                level: COMMUNE
                grade: NTM
                legalBasis: {decision: "1/QĐ-IT", date: EFFECTIVE, issuer: "IT"}
                effectiveFrom: EFFECTIVE
                provenance: "test set for USED_BY; its numbers exercise the rules only"
                criteria:
                  - code: "1"
                    name: "Một"
                    indicators:
                      - {code: "1.1", text: "Tỷ lệ", requirement: {kind: PERCENT_AT_LEAST, text: "≥ 80%", threshold: 80}}
                      - {code: "1.2", text: "Tỷ lệ khác", requirement: {kind: PERCENT_AT_LEAST, text: "≥ 50%", threshold: 50}}
                  - code: "2"
                    name: "Hai"
                    indicators:
                      - {code: "2.1", text: "Đạt", requirement: {kind: ACHIEVED, text: "Đạt"}}
                """.replace("SET_ID", id).replace("EFFECTIVE", effectiveFrom).replace("USED_BY", usedBy);
    }
}
