package org.ntmrecords.infra.api.recognition;

import java.util.List;
import java.util.Map;
import org.ntmrecords.query.history.HistoryEntryView;
import org.ntmrecords.query.recognition.RecognitionReadRepository;
import org.ntmrecords.query.recognition.RecognitionReadRepository.AtRiskView;
import org.ntmrecords.query.recognition.RecognitionReadRepository.CaseView;
import org.ntmrecords.query.recognition.RecognitionReadRepository.DiscrepancyView;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The GraphQL queries of this feature, answered by {@link RecognitionReadRepository}. */
@Controller
public class RecognitionQueries {
    private final RecognitionReadRepository recognitionReadRepository;

    public RecognitionQueries(RecognitionReadRepository recognitionReadRepository) {
        this.recognitionReadRepository = recognitionReadRepository;
    }

    @QueryMapping
    public CaseView recognitionCase(@Argument String caseId) {
        return recognitionReadRepository.recognitionCase(caseId);
    }

    @QueryMapping
    public List<CaseView> recognitionCases(@Argument String unitCode, @Argument String districtCode, @Argument String status, @Argument String kind, @Argument String pendingUnitCode, @Argument String pendingRole) {
        return recognitionReadRepository.recognitionCases(unitCode, districtCode, status, kind, pendingUnitCode, pendingRole);
    }

    @QueryMapping
    public List<DiscrepancyView> recognitionDiscrepancies(@Argument String unitCode, @Argument String districtCode, @Argument String criterionCode) {
        return recognitionReadRepository.recognitionDiscrepancies(unitCode, districtCode, criterionCode);
    }

    @QueryMapping
    public List<AtRiskView> recognitionsAtRisk(@Argument String unitCode, @Argument String districtCode) {
        return recognitionReadRepository.recognitionsAtRisk(unitCode, districtCode);
    }

    @BatchMapping(typeName = "RecognitionCase", field = "unit")
    public Map<CaseView, UnitView> unit(List<CaseView> cases) {
        return recognitionReadRepository.unit(cases);
    }

    @BatchMapping(typeName = "RecognitionCase", field = "timeline")
    public Map<CaseView, List<HistoryEntryView>> timeline(List<CaseView> cases) {
        return recognitionReadRepository.timeline(cases);
    }
}
