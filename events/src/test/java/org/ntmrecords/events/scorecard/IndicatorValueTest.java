package org.ntmrecords.events.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IndicatorValueTest {
    @Test
    void aRatioKeepsItsPartsAndGivesItsShare() {
        IndicatorValue roads = IndicatorValue.ratio(new BigDecimal("15.2"), new BigDecimal("21.0"));
        assertThat(roads.share()).isEqualByComparingTo("72.381");
        assertThat(roads.display()).isEqualTo("15.2/21.0 (72.38%)");
        assertThat(roads.denominator()).hasToString("21.0");
        assertThat(roads.numerator()).isEqualByComparingTo("15.2");
    }

    @Test
    void displaysEachKindAsARecordWouldWriteIt() {
        assertThat(IndicatorValue.percentage(new BigDecimal("71.32")).display()).isEqualTo("71.32%");
        assertThat(IndicatorValue.achieved(false).display()).isEqualTo("Chưa đạt");
        assertThat(IndicatorValue.subIndicators(10, 27).display()).isEqualTo("10/27");
        assertThat(IndicatorValue.count(0).share()).isNull();
    }

    @Test
    void displaysTheNumbersAsEnteredAndComputesOnlyTheShare() {
        assertThat(IndicatorValue.ratio(new BigDecimal("15.20"), new BigDecimal("21.0")).display())
                .isEqualTo("15.20/21.0 (72.38%)");
        assertThat(IndicatorValue.percentage(new BigDecimal("90.0")).display()).isEqualTo("90.0%");
        assertThat(IndicatorValue.amount(new BigDecimal("79.20")).display()).isEqualTo("79.20");
        // the share does not depend on how the parts were written
        assertThat(IndicatorValue.ratio(new BigDecimal("15.20"), new BigDecimal("21.0")).share())
                .isEqualTo(IndicatorValue.ratio(new BigDecimal("15.2"), new BigDecimal("21")).share());
    }

    @Test
    void keepsItsScaleThroughJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        IndicatorValue roads = IndicatorValue.ratio(new BigDecimal("15.20"), new BigDecimal("21.0"));
        IndicatorValue back = json.readValue(json.writeValueAsString(roads), IndicatorValue.class);
        assertThat(back.numerator()).hasToString("15.20");
        assertThat(back.denominator()).hasToString("21.0");
        assertThat(back).isEqualTo(roads);
    }

    @Test
    void survivesJsonWithOnlyItsOwnFields() throws Exception {
        ObjectMapper json = new ObjectMapper();
        IndicatorValue value = IndicatorValue.ratio(new BigDecimal("1110"), new BigDecimal("1432"));
        String text = json.writeValueAsString(value);
        assertThat(text).doesNotContain("share").doesNotContain("display");
        assertThat(json.readValue(text, IndicatorValue.class)).isEqualTo(value);
    }
}
