package org.ntmrecords.infra.api.evidence;

import java.util.List;
import java.util.Map;
import org.ntmrecords.query.evidence.EvidenceReadRepository;
import org.ntmrecords.query.evidence.EvidenceReadRepository.EvidenceView;
import org.ntmrecords.query.recognition.RecognitionReadRepository.CaseView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The GraphQL queries of this feature, answered by {@link EvidenceReadRepository}. */
@Controller
public class EvidenceQueries {
    private final EvidenceReadRepository evidenceReadRepository;

    public EvidenceQueries(EvidenceReadRepository evidenceReadRepository) {
        this.evidenceReadRepository = evidenceReadRepository;
    }

    @QueryMapping
    public List<EvidenceView> evidenceDocuments(@Argument String unitCode, @Argument String setId, @Argument String code, @Argument String caseId, @Argument Boolean includeWithdrawn) {
        return evidenceReadRepository.evidenceDocuments(unitCode, setId, code, caseId, includeWithdrawn);
    }

    @BatchMapping(typeName = "RecognitionCase", field = "documents")
    public Map<CaseView, List<EvidenceView>> documents(List<CaseView> cases) {
        return evidenceReadRepository.documents(cases);
    }
}
