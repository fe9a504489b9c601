package org.ntmrecords.infra.api.recognition;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ntmrecords.command.recognition.RecognitionCase;
import org.ntmrecords.command.recognition.RecognitionCommands;
import org.ntmrecords.infra.security.AccessProbe;
import org.ntmrecords.query.recognition.RecognitionReadRepository.CaseView;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * Whether the signed-in account may take a case's pending step, as the command side would decide it: probed with
 * that step's own command, so a page offers the step's form exactly where the mutation would pass the access check.
 */
@Controller
public class CasePermissionQueries {
    private final AccessProbe access;

    public CasePermissionQueries(AccessProbe access) {
        this.access = access;
    }

    @BatchMapping(typeName = "RecognitionCase", field = "mayAct")
    public Map<CaseView, Boolean> mayAct(List<CaseView> cases, Principal principal) {
        AccessProbe.Batch probe = access.batch(principal);
        Map<CaseView, Boolean> result = new LinkedHashMap<>();
        cases.forEach(c -> result.computeIfAbsent(c, k -> probe.allows(stepCommand(k))));
        return result;
    }

    /**
     * The command of the case's pending step (pendingStep), carrying only what the access rule reads: the case's
     * stream. None when no step is pending or the step is unknown.
     */
    static Object stepCommand(CaseView c) {
        if (c.pendingStep() == null || c.caseId() == null) {
            return null;
        }
        String stream = RecognitionCase.streamId(c.caseId());
        return switch (c.pendingStep()) {
            case "SELF_ASSESSMENT" -> new RecognitionCommands.SelfAssess(stream, List.of(), null, List.of());
            case "SUBMISSION" -> new RecognitionCommands.SubmitDossier(stream, List.of());
            case "SURVEY" -> new RecognitionCommands.RecordSurvey(stream, null, null, null, List.of(), List.of(),
                    List.of());
            case "VERIFICATION" -> new RecognitionCommands.Verify(stream, List.of(), false, null, List.of());
            case "APPRAISAL" -> new RecognitionCommands.Appraise(stream, 0, 0, 0, false, null, List.of());
            case "DECISION" -> new RecognitionCommands.Decide(stream, false, null, null, null, null, null, List.of(),
                    null, null, null);
            case "ANNOUNCEMENT" -> new RecognitionCommands.Announce(stream, null, null);
            default -> null;
        };
    }
}
