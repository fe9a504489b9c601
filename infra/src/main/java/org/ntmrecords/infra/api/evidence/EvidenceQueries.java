package org.ntmrecords.infra.api.evidence;

import java.util.List;
import java.util.Map;
import org.ntmrecords.infra.api.Connection;
import org.ntmrecords.infra.api.CursorKeys;
import org.ntmrecords.infra.api.Paging;
import org.ntmrecords.query.evidence.EvidenceReadRepository;
import org.ntmrecords.query.evidence.EvidenceReadRepository.EvidenceView;
import org.ntmrecords.query.recognition.RecognitionReadRepository.CaseView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Evidence dossiers (hồ sơ minh chứng), a page at a time, and a case's documents loaded in batches. */
@Controller
public class EvidenceQueries {
    private final EvidenceReadRepository evidenceReadRepository;
    private final Paging paging;

    public EvidenceQueries(EvidenceReadRepository evidenceReadRepository, Paging paging) {
        this.evidenceReadRepository = evidenceReadRepository;
        this.paging = paging;
    }

    @QueryMapping
    public Connection<EvidenceView> evidenceDocuments(@Argument String unitCode, @Argument String setId,
                                                      @Argument String code, @Argument String caseId,
                                                      @Argument Boolean includeWithdrawn, @Argument Integer first,
                                                      @Argument String after, @Argument Integer last,
                                                      @Argument String before) {
        Paging.PageRequest page = paging.request("evidenceDocuments", first, after, last, before);
        List<EvidenceView> rows = evidenceReadRepository.evidenceDocuments(unitCode, setId, code, caseId,
                includeWithdrawn, CursorKeys.keyset(page, "attachedAt", CursorKeys.Type.INSTANT,
                        "id", CursorKeys.Type.TEXT));
        return paging.connection(rows, page, d -> Map.of("attachedAt", d.attachedAt().toString(), "id",
                        d.documentId()),
                evidenceReadRepository.countEvidenceDocuments(unitCode, setId, code, caseId, includeWithdrawn));
    }

    @BatchMapping(typeName = "RecognitionCase", field = "documents")
    public Map<CaseView, List<EvidenceView>> documents(List<CaseView> cases) {
        return evidenceReadRepository.documents(cases);
    }
}
