package org.ntmrecords.infra.api.recognition;

import java.util.List;
import java.util.Map;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.infra.api.Connection;
import org.ntmrecords.infra.api.CursorKeys;
import org.ntmrecords.infra.api.Paging;
import org.ntmrecords.infra.security.NtmPrincipal;
import org.ntmrecords.query.recognition.RecognitionReadRepository;
import org.ntmrecords.query.recognition.RecognitionReadRepository.CaseView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** The cases waiting for the signed-in account's step, a page at a time. */
@Controller
public class PendingActionsQueries {
    /** The roles that take a step of a case: an administrator's work list holds every pending case. */
    private static final List<String> STEP_ROLES = List.of("COMMUNE_OFFICER", "DISTRICT_COORDINATION_OFFICE",
            "VERIFIER", "APPRAISER", "DECISION_AUTHORITY", "CENTRAL_APPRAISER", "CENTRAL_AUTHORITY");

    private final RecognitionReadRepository cases;
    private final Paging paging;

    public PendingActionsQueries(RecognitionReadRepository cases, Paging paging) {
        this.cases = cases;
        this.paging = paging;
    }

    @QueryMapping
    public Connection<CaseView> pendingActions(@AuthenticationPrincipal NtmPrincipal user, @Argument Integer first,
                                               @Argument String after, @Argument Integer last,
                                               @Argument String before) {
        Paging.PageRequest page = paging.request("pendingActions", first, after, last, before);
        // administrators see every pending case; the central roles act nationwide, so theirs have no unit
        boolean nationwide = user != null && (user.role() == Role.ADMINISTRATOR
                || STEP_ROLES.contains(user.role().name()) && !user.role().needsUnit());
        if (user == null || !nationwide && user.unitCode() == null) {
            return paging.connection(List.of(), page, PendingActionsQueries::keys, 0);
        }
        List<String> roles = user.role() == Role.ADMINISTRATOR ? STEP_ROLES : List.of(user.role().name());
        String unit = nationwide ? null : user.unitCode();
        return paging.connection(cases.pendingFor(roles, unit, CursorKeys.keyset(page,
                        "updatedAt", CursorKeys.Type.INSTANT, "case", CursorKeys.Type.TEXT)), page,
                PendingActionsQueries::keys, cases.countPendingFor(roles, unit));
    }

    private static Map<String, Object> keys(CaseView c) {
        return Map.of("updatedAt", c.updatedAt().toString(), "case", c.caseId());
    }
}
