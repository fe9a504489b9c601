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
        assertThat(roads.display()).isEqualTo("15.2/21 (72.38%)");
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
    void survivesJsonWithOnlyItsOwnFields() throws Exception {
        ObjectMapper json = new ObjectMapper();
        IndicatorValue value = IndicatorValue.ratio(new BigDecimal("1110"), new BigDecimal("1432"));
        String text = json.writeValueAsString(value);
        assertThat(text).doesNotContain("share").doesNotContain("display");
        assertThat(json.readValue(text, IndicatorValue.class)).isEqualTo(value);
    }
}
