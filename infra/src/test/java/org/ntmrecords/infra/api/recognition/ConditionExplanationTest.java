package org.ntmrecords.infra.api.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.criteria.RecognitionRules.ConditionKind;
import org.ntmrecords.events.recognition.ConditionJudgment;
import org.ntmrecords.events.scorecard.Judgment;

/** A title's conditions in words: Vietnamese by default (decimal comma), English on request. */
class ConditionExplanationTest {
    private static ConditionJudgment survey(Judgment judgment, String shortfalls) {
        return new ConditionJudgment("4", "hài lòng", ConditionKind.SATISFACTION, judgment, null,
                new BigDecimal("88.5"), List.of(), List.of(), shortfalls);
    }

    @Test
    void aSurveyFallingShortIsExplainedInTheReadersLanguage() {
        ConditionJudgment shortOf = survey(Judgment.NOT_MET,
                "overall 88.5% below 90%; Mỹ An Hưng A 75% below 80%");
        assertThat(RecognitionQueries.explain(shortOf, Map.of(), Message.VIETNAMESE)).isEqualTo(
                "Chưa đạt: tỷ lệ hài lòng chung 88,5 %; dưới ngưỡng: tỷ lệ chung 88,5% dưới 90%; Mỹ An Hưng A 75% dưới 80%");
        assertThat(RecognitionQueries.explain(shortOf, Map.of(), Locale.ENGLISH)).isEqualTo(
                "Not met: overall satisfaction 88.5 %; below the threshold: overall 88.5% below 90%; Mỹ An Hưng A 75% below 80%");
        assertThat(RecognitionQueries.explain(survey(Judgment.NOT_MET, "no rate per commune given (each needs 80%)"),
                Map.of(), Message.VIETNAMESE)).endsWith("chưa có tỷ lệ từng xã (mỗi xã cần 80%)");
        assertThat(RecognitionQueries.explain(survey(Judgment.MET, null), Map.of(), Message.VIETNAMESE))
                .isEqualTo("Đạt: tỷ lệ hài lòng chung 88,5 %, không có tỷ lệ nào dưới ngưỡng");
    }

    @Test
    void aShareOfTitlesNamesTheUnitsLackingOne() {
        ConditionJudgment communes = new ConditionJudgment("1", "100% xã", ConditionKind.TITLES_HELD, Judgment.NOT_MET,
                new BigDecimal("100"), new BigDecimal("41.67"), List.of("30175"), List.of("30172"), "5/12");
        assertThat(RecognitionQueries.explain(communes, Map.of(), Message.VIETNAMESE))
                .isEqualTo("Chưa đạt: 1/2 đơn vị có danh hiệu (41,67 %), yêu cầu từ 100 % trở lên; chưa có danh hiệu: 30172");
    }
}
