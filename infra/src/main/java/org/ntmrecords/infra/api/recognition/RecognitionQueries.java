package org.ntmrecords.infra.api.recognition;

import graphql.GraphQLContext;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.recognition.ConditionJudgment;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.api.Connection;
import org.ntmrecords.infra.api.CursorKeys;
import org.ntmrecords.infra.api.Paging;
import org.ntmrecords.infra.api.RequestLanguage;
import org.ntmrecords.query.common.Keyset;
import org.ntmrecords.query.history.HistoryEntryView;
import org.ntmrecords.query.recognition.RecognitionReadRepository;
import org.ntmrecords.query.recognition.RecognitionReadRepository.AtRiskView;
import org.ntmrecords.query.recognition.RecognitionReadRepository.CaseFilter;
import org.ntmrecords.query.recognition.RecognitionReadRepository.CaseView;
import org.ntmrecords.query.recognition.RecognitionReadRepository.DiscrepancyView;
import org.ntmrecords.query.recognition.RecognitionReadRepository.RequalificationView;
import org.ntmrecords.query.recognition.TitleConditions;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Recognition and revocation cases, their discrepancies and the titles at risk, answered by {@link
 * RecognitionReadRepository}; lists a page at a time, with each case's unit and timeline loaded in batches.
 */
@Controller
public class RecognitionQueries {
    private final RecognitionReadRepository recognitionReadRepository;
    private final Paging paging;
    private final TitleConditions titleConditions;
    private final UnitReadRepository unitReadRepository;

    public RecognitionQueries(RecognitionReadRepository recognitionReadRepository, Paging paging,
                              TitleConditions titleConditions, UnitReadRepository unitReadRepository) {
        this.recognitionReadRepository = recognitionReadRepository;
        this.paging = paging;
        this.titleConditions = titleConditions;
        this.unitReadRepository = unitReadRepository;
    }

    @QueryMapping
    public CaseView recognitionCase(@Argument String caseId) {
        return recognitionReadRepository.recognitionCase(caseId);
    }

    @QueryMapping
    public Connection<CaseView> recognitionCases(@Argument String unitCode, @Argument String districtCode,
                                                 @Argument String status, @Argument String kind,
                                                 @Argument String pendingUnitCode, @Argument String pendingRole,
                                                 @Argument Integer first, @Argument String after,
                                                 @Argument Integer last, @Argument String before) {
        CaseFilter filter = new CaseFilter(unitCode, districtCode, status, kind, pendingUnitCode, pendingRole);
        Paging.PageRequest page = paging.request("recognitionCases", first, after, last, before);
        return paging.connection(recognitionReadRepository.recognitionCases(filter, caseKeys(page)), page,
                RecognitionQueries::caseKeys, recognitionReadRepository.countRecognitionCases(filter));
    }

    @QueryMapping
    public Connection<DiscrepancyView> recognitionDiscrepancies(@Argument String unitCode,
                                                                @Argument String districtCode,
                                                                @Argument String criterionCode,
                                                                @Argument Integer first, @Argument String after,
                                                                @Argument Integer last, @Argument String before) {
        Paging.PageRequest page = paging.request("recognitionDiscrepancies", first, after, last, before);
        List<DiscrepancyView> rows = recognitionReadRepository.recognitionDiscrepancies(unitCode, districtCode,
                criterionCode, CursorKeys.keyset(page, "unit", CursorKeys.Type.TEXT, "case", CursorKeys.Type.TEXT,
                        "recordedAt", CursorKeys.Type.INSTANT, "step", CursorKeys.Type.TEXT,
                        "round", CursorKeys.Type.INTEGER, "criterion", CursorKeys.Type.TEXT));
        return paging.connection(rows, page, d -> Map.of("unit", d.unitCode(), "case", d.caseId(),
                        "recordedAt", d.recordedAt().toString(), "step", d.step(), "round", d.round(),
                        "criterion", d.criterionCode()),
                recognitionReadRepository.countRecognitionDiscrepancies(unitCode, districtCode, criterionCode));
    }

    @QueryMapping
    public Connection<AtRiskView> recognitionsAtRisk(@Argument String unitCode, @Argument String districtCode,
                                                     @Argument Integer first, @Argument String after,
                                                     @Argument Integer last, @Argument String before) {
        Paging.PageRequest page = paging.request("recognitionsAtRisk", first, after, last, before);
        return paging.connection(recognitionReadRepository.recognitionsAtRisk(unitCode, districtCode, caseKeys(page)),
                page, risk -> caseKeys(risk.recognition()),
                recognitionReadRepository.countRecognitionsAtRisk(unitCode, districtCode));
    }

    @QueryMapping
    public Connection<RequalificationView> requalifications(@Argument String unitCode, @Argument String districtCode,
                                                            @Argument Integer first, @Argument String after,
                                                            @Argument Integer last, @Argument String before) {
        Paging.PageRequest page = paging.request("requalifications", first, after, last, before);
        return paging.connection(recognitionReadRepository.requalifications(unitCode, districtCode, caseKeys(page)),
                page, r -> caseKeys(r.title()), recognitionReadRepository.countRequalifications(unitCode, districtCode));
    }

    /** The keyset of a page of cases in (unit, year, case) order. */
    static Keyset caseKeys(Paging.PageRequest page) {
        return CursorKeys.keyset(page, "unit", CursorKeys.Type.TEXT, "year", CursorKeys.Type.INTEGER,
                "case", CursorKeys.Type.TEXT);
    }

    static Map<String, Object> caseKeys(CaseView c) {
        return Map.of("unit", c.unitCode(), "year", c.year(), "case", c.caseId());
    }

    @BatchMapping(typeName = "RecognitionCase", field = "unit")
    public Map<CaseView, UnitView> unit(List<CaseView> cases) {
        return recognitionReadRepository.unit(cases);
    }

    @BatchMapping(typeName = "RecognitionCase", field = "timeline")
    public Map<CaseView, List<HistoryEntryView>> timeline(List<CaseView> cases) {
        return recognitionReadRepository.timeline(cases);
    }

    @BatchMapping(typeName = "RecognitionCase", field = "conditions")
    public Map<CaseView, List<ConditionJudgment>> conditions(List<CaseView> cases) {
        return titleConditions.judge(cases);
    }

    /** Each condition's judgment in words, in the operation's language, the units lacking named (one query). */
    @BatchMapping(typeName = "TitleCondition", field = "explanation")
    public Map<ConditionJudgment, String> explanation(List<ConditionJudgment> conditions, GraphQLContext context) {
        Locale language = RequestLanguage.of(context);
        Map<String, UnitView> units = unitReadRepository.findAll(conditions.stream()
                .flatMap(c -> c.lacking().stream()).distinct().toList());
        Map<ConditionJudgment, String> explained = new LinkedHashMap<>();
        conditions.forEach(c -> explained.computeIfAbsent(c, k -> explain(k, units, language)));
        return explained;
    }

    static String explain(ConditionJudgment c, Map<String, UnitView> units, Locale language) {
        return switch (c.kind()) {
            case TITLES_HELD -> c.judgment() == Judgment.NOT_ASSESSED
                    ? ApiText.say(language, "condition.titles.NOT_ASSESSED")
                    : ApiText.say(language, c.judgment() == Judgment.MET ? "condition.titles.MET"
                            : "condition.titles.NOT_MET", c.held().size(),
                    c.held().size() + c.lacking().size(), number(c.percent(), language),
                    number(c.minPercent(), language), c.lacking().stream()
                            .map(code -> units.containsKey(code) ? units.get(code).fullName() + " (" + code + ")" : code)
                            .collect(Collectors.joining(", ")));
            case SATISFACTION -> ApiText.say(language, byJudgment(c.judgment(), "condition.survey.MET",
                    "condition.survey.NOT_MET", "condition.survey.NOT_ASSESSED"), number(c.percent(), language),
                    shortfalls(c.basis(), language));
            case NO_CONSTRUCTION_DEBT -> ApiText.say(language, byJudgment(c.judgment(), "condition.debt.MET",
                    "condition.debt.NOT_MET", "condition.debt.NOT_ASSESSED"));
        };
    }

    /**
     * A survey's shortfalls as its event states them ("overall 85% below 90%", "Mỹ An Hưng A 75% below 80%", "no rate
     * per commune given (each needs 80%)"), in Vietnamese when the reader reads Vietnamese.
     */
    static String shortfalls(String stated, Locale language) {
        if (stated == null || !Message.VIETNAMESE.getLanguage().equals(language.getLanguage())) {
            return stated;
        }
        return stated.replaceAll("no rate per commune given \\(each needs ([0-9.]+)%\\)",
                        "chưa có tỷ lệ từng xã (mỗi xã cần $1%)")
                .replaceAll("(^|; )overall ", "$1tỷ lệ chung ").replace(" below ", " dưới ")
                .replaceAll("(\\d)\\.(\\d)", "$1,$2");
    }

    private static String byJudgment(Judgment judgment, String met, String notMet, String notAssessed) {
        return switch (judgment) {
            case MET -> met;
            case NOT_MET -> notMet;
            case NOT_ASSESSED -> notAssessed;
        };
    }

    /** A share as the reader writes it: a decimal comma in Vietnamese, trailing zeros dropped. */
    private static String number(BigDecimal n, Locale language) {
        String plain = n == null ? "" : n.stripTrailingZeros().toPlainString();
        return Message.VIETNAMESE.getLanguage().equals(language.getLanguage()) ? plain.replace('.', ',') : plain;
    }
}
