package org.ntmrecords.query.recognition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.ntmrecords.events.criteria.RecognitionRules;
import org.ntmrecords.events.criteria.RecognitionRules.UnitCondition;
import org.ntmrecords.events.recognition.ConditionJudgment;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.query.common.Sql;
import org.ntmrecords.query.criteria.CriteriaSetReadRepository;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.recognition.RecognitionReadRepository.CaseView;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Judges the conditions a title rests on beyond its criteria (its set's {@code recognition.conditions}) from the record
 * as it stands: the titles held by the units under the case's unit (granted, neither revoked nor lapsed; units that
 * ceased left out), the case's survey, what its latest verification found of debt. A list of cases is judged with one
 * query for all their units' titles. Revocation cases have no conditions.
 */
@Component
public class TitleConditions {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final NamedParameterJdbcTemplate jdbc;
    private final CriteriaSetReadRepository sets;

    public TitleConditions(NamedParameterJdbcTemplate jdbc, CriteriaSetReadRepository sets) {
        this.jdbc = jdbc;
        this.sets = sets;
    }

    /** A unit under the case's unit, its kind and the grades of the titles it holds. */
    private record Held(String code, String kind, Set<String> grades) {
    }

    /** The conditions of each case, judged now; a case whose set states none maps to an empty list. */
    public Map<CaseView, List<ConditionJudgment>> judge(List<CaseView> cases) {
        Map<CriteriaSetVersionView.Key, CriteriaSetVersionView> versions = sets.findAll(cases.stream()
                .map(c -> new CriteriaSetVersionView.Key(c.setId(), c.setVersion())).collect(Collectors.toSet()));
        Map<CaseView, List<UnitCondition>> conditions = new LinkedHashMap<>();
        for (CaseView c : cases) {
            CriteriaSetVersionView set = versions.get(new CriteriaSetVersionView.Key(c.setId(), c.setVersion()));
            RecognitionRules rules = set == null ? null : set.definition().recognition();
            conditions.put(c, "RECOGNITION".equals(c.kind()) && rules != null ? rules.conditions() : List.of());
        }
        List<String> parents = conditions.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(u -> u.kind() == RecognitionRules.ConditionKind.TITLES_HELD))
                .map(e -> e.getKey().unitCode()).distinct().toList();
        Map<String, List<Held>> under = under(parents);
        Map<CaseView, List<ConditionJudgment>> judged = new LinkedHashMap<>();
        conditions.forEach((c, list) -> judged.put(c, list.stream()
                .map(u -> judge(c, u, under.getOrDefault(c.unitCode(), List.of()))).toList()));
        return judged;
    }

    public List<ConditionJudgment> judge(CaseView c) {
        return judge(List.of(c)).get(c);
    }

    private Map<String, List<Held>> under(List<String> parents) {
        Map<String, List<Held>> under = new HashMap<>();
        if (parents.isEmpty()) {
            return under;
        }
        jdbc.query("""
                        select u.parent_code, u.code, u.kind,
                            array(select distinct c.grade from read_model.recognition_case c
                                  where c.unit_code = u.code and c.kind = 'RECOGNITION' and c.granted
                                    and not c.lapsed and c.revoked_by is null order by 1) as grades
                        from read_model.unit u
                        where u.parent_code in (:parents) and u.ceased_on is null
                        order by u.parent_code, u.code""",
                Map.of("parents", parents), rs -> {
                    under.computeIfAbsent(rs.getString("parent_code"), p -> new ArrayList<>()).add(new Held(
                            rs.getString("code"), rs.getString("kind"), Set.copyOf(Sql.strings(rs, "grades"))));
                });
        return under;
    }

    private static ConditionJudgment judge(CaseView c, UnitCondition condition, List<Held> under) {
        return switch (condition.kind()) {
            case TITLES_HELD -> titlesHeld(condition, under);
            // percent: the survey's overall rate; basis: its shortfalls as the survey event states them
            case SATISFACTION -> c.surveyRate() == null
                    ? judgment(condition, Judgment.NOT_ASSESSED, null)
                    : new ConditionJudgment(condition.code(), condition.text(), condition.kind(),
                    c.surveyShortfalls().isEmpty() ? Judgment.MET : Judgment.NOT_MET, null, c.surveyRate(),
                    List.of(), List.of(), c.surveyShortfalls().isEmpty() ? null : String.join("; ", c.surveyShortfalls()));
            case NO_CONSTRUCTION_DEBT -> c.noConstructionDebt() == null
                    ? judgment(condition, Judgment.NOT_ASSESSED, null)
                    : judgment(condition, c.noConstructionDebt() ? Judgment.MET : Judgment.NOT_MET,
                    c.noConstructionDebt() ? "no debt found by the verification" : "debt found by the verification");
        };
    }

    private static ConditionJudgment judgment(UnitCondition condition, Judgment judgment, String basis) {
        return new ConditionJudgment(condition.code(), condition.text(), condition.kind(), judgment, null, null,
                List.of(), List.of(), basis);
    }

    private static ConditionJudgment titlesHeld(UnitCondition condition, List<Held> under) {
        Set<String> kinds = condition.unitKinds().stream().map(Enum::name).collect(Collectors.toSet());
        Set<String> grades = condition.grades().stream().map(Enum::name).collect(Collectors.toSet());
        List<String> held = new ArrayList<>();
        List<String> lacking = new ArrayList<>();
        under.stream().filter(h -> kinds.contains(h.kind())).forEach(h ->
                (h.grades().stream().anyMatch(grades::contains) ? held : lacking).add(h.code()));
        int counted = held.size() + lacking.size();
        if (counted == 0) {
            return new ConditionJudgment(condition.code(), condition.text(), condition.kind(), Judgment.NOT_ASSESSED,
                    condition.minPercent(), null, held, lacking, "no unit of these kinds to count");
        }
        BigDecimal percent = BigDecimal.valueOf(held.size()).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(counted), 2, RoundingMode.HALF_EVEN);
        // compared exactly: held × 100 ≥ min × counted, so a rounded share never decides
        boolean met = BigDecimal.valueOf(held.size()).multiply(HUNDRED)
                .compareTo(Objects.requireNonNull(condition.minPercent()).multiply(BigDecimal.valueOf(counted))) >= 0;
        return new ConditionJudgment(condition.code(), condition.text(), condition.kind(),
                met ? Judgment.MET : Judgment.NOT_MET, condition.minPercent(), percent, held, lacking,
                held.size() + "/" + counted);
    }
}
