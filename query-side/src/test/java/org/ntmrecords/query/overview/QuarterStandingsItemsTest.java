package org.ntmrecords.query.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.common.LegalBasis;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.criteria.RequirementItem;
import org.ntmrecords.events.criteria.RequirementKind;
import org.ntmrecords.events.criteria.SetLevel;
import org.ntmrecords.events.judging.ItemsJudge;
import org.ntmrecords.events.judging.Tally;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.scorecard.ItemAssessmentReadRepository;

/** Quarter standings judge an itemised indicator by the item-by-item assessment that counts on each date. */
class QuarterStandingsItemsTest {
    private static final LocalDate START = LocalDate.of(2022, 1, 1);

    private static CriteriaSetVersionView modelSet() {
        List<RequirementItem> conditions = IntStream.rangeClosed(1, 4).mapToObj(i -> new RequirementItem(
                String.valueOf(i), "điều kiện " + i, true, null)).toList();
        return new CriteriaSetVersionView("test-model", 1, "Test model", SetLevel.COMMUNE, Grade.MODEL, "2021-2025",
                new LegalBasis("1/QĐ-TEST", START, "Test", null), START, null, null, null, List.of(
                new CriterionDefinition("dk", "Điều kiện", null, null, List.of(new IndicatorDefinition("dk", "4",
                        new Requirement(RequirementKind.ITEMS_AT_LEAST, null, new BigDecimal("4"), Map.of(),
                                List.of(), null, null, null, false, null, conditions), null)))),
                null, Instant.parse("2022-01-01T00:00:00Z"), "test", null);
    }

    private static List<ItemAssessmentReadRepository.ItemRow> rows(String id, LocalDate day, long seq, String corrects,
                                                                  Judgment... states) {
        return IntStream.range(0, states.length).mapToObj(i -> new ItemAssessmentReadRepository.ItemRow("s", id, "dk",
                String.valueOf(i + 1), states[i], Period.on(day), corrects, seq + i)).toList();
    }

    @Test
    void eachQuarterIsJudgedByTheAssessmentThatCountsOnItsLastDayAndACorrectionSupersedes() {
        LocalDate q1 = LocalDate.of(2024, 3, 31);
        LocalDate q2 = LocalDate.of(2024, 6, 30);
        List<ItemAssessmentReadRepository.ItemRow> known = new java.util.ArrayList<>();
        known.addAll(rows("a1", q1, 10, null, Judgment.MET, Judgment.MET, Judgment.MET, Judgment.NOT_ASSESSED));
        known.addAll(rows("a2", q2, 20, null, Judgment.MET, Judgment.NOT_MET, Judgment.NOT_MET, Judgment.NOT_MET));
        known.addAll(rows("a3", q2, 30, "a2", Judgment.MET, Judgment.MET, Judgment.MET, Judgment.MET));
        List<QuarterStandings.KnownAssessment> assessed = new java.util.ArrayList<>();
        ItemAssessmentReadRepository.assessmentsOf(known).forEach((indicator, list) ->
                list.forEach(a -> assessed.add(new QuarterStandings.KnownAssessment(indicator, a))));
        assertThat(assessed).extracting(a -> a.assessment().id()).containsExactly("a1", "a3");
        CriteriaSetVersionView set = modelSet();
        List<LocalDate> dates = List.of(LocalDate.of(2023, 12, 31), q1, q2);
        Tally[] tallies = QuarterStandings.judge(List.of(new QuarterStandings.TrackedRecord("s", "30199", null)),
                dates, List.of(set, set, set), Map.of(), Map.of(), Map.of("s", assessed)).get("s");
        assertThat(tallies[0].result()).isEqualTo(Judgment.NOT_ASSESSED);
        // 3 of 4 met, the 4th not assessed: it could still make 4
        assertThat(tallies[1].result()).isEqualTo(Judgment.NOT_ASSESSED);
        assertThat(tallies[2].result()).isEqualTo(Judgment.MET);
        ItemsJudge.Assessment a1 = assessed.get(0).assessment();
        assertThat(a1.states()).containsEntry("4", Judgment.NOT_ASSESSED);
    }
}
