package org.ntmrecords.infra.api.recognition;

import java.util.List;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.infra.security.NtmPrincipal;
import org.ntmrecords.query.recognition.RecognitionReadRepository;
import org.ntmrecords.query.recognition.RecognitionReadRepository.CaseView;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** The cases waiting for the signed-in account's step. */
@Controller
public class PendingActionsQueries {
    private final RecognitionReadRepository cases;

    public PendingActionsQueries(RecognitionReadRepository cases) {
        this.cases = cases;
    }

    @QueryMapping
    public List<CaseView> pendingActions(@AuthenticationPrincipal NtmPrincipal user) {
        if (user == null) {
            return List.of();
        }
        if (user.role() == Role.ADMINISTRATOR) {
            return cases.pendingFor(List.of("COMMUNE_OFFICER", "DISTRICT_COORDINATION_OFFICE", "VERIFIER",
                    "APPRAISER", "DECISION_AUTHORITY"), null);
        }
        if (user.unitCode() == null) {
            return List.of();
        }
        return cases.pendingFor(List.of(user.role().name()), user.unitCode());
    }
}
