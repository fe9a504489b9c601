package org.ntmrecords.infra.api.recognition;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandRunner;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.Outcome;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.common.UserError;
import org.ntmrecords.command.recognition.RecognitionCase;
import org.ntmrecords.command.recognition.RecognitionCommands;
import org.ntmrecords.events.recognition.BodyComment;
import org.ntmrecords.events.recognition.ConditionJudgment;
import org.ntmrecords.events.recognition.CriterionAssessment;
import org.ntmrecords.events.recognition.RevocationRule;
import org.ntmrecords.events.recognition.RevocationTrigger;
import org.ntmrecords.events.recognition.SatisfactionSurveyRecordedEvent;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.api.GraphQlInputs;
import org.ntmrecords.infra.api.GraphQlInputs.DocumentRefInput;
import org.ntmrecords.infra.api.PayloadReads;
import org.ntmrecords.infra.api.ProjectionCatchUp;
import org.ntmrecords.query.recognition.RecognitionReadRepository;
import org.ntmrecords.query.recognition.RecognitionReadRepository.CaseView;
import org.ntmrecords.query.recognition.TitleConditions;
import org.ntmrecords.query.scorecard.CriterionStandingView;
import org.ntmrecords.query.scorecard.StandingReadRepository;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The steps of a recognition case over GraphQL. Where a step is compared with the computed judgment (self-
 * assessment, verification, decision), the service adds the computed criteria of the unit's record as they stand
 * when the step is taken, so every discrepancy and override is pinned to the values known then.
 */
@Controller
public class RecognitionMutations {
    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    private final CommandRunner commands;
    private final StandingReadRepository standings;
    private final ProjectionCatchUp catchUp;

    private final RevocationRule revocationRule;
    private final RecognitionReadRepository cases;
    private final PayloadReads reads;
    private final TitleConditions titleConditions;

    public RecognitionMutations(CommandRunner commands, StandingReadRepository standings, ProjectionCatchUp catchUp,
                                RevocationRule revocationRule, RecognitionReadRepository cases, PayloadReads reads,
                                TitleConditions titleConditions) {
        this.titleConditions = titleConditions;
        this.commands = commands;
        this.standings = standings;
        this.catchUp = catchUp;
        this.revocationRule = revocationRule;
        this.cases = cases;
        this.reads = reads;
    }

    public record OpenRecognitionCaseInput(String unitCode, String setId, Integer year, DocumentRefInput basis,
                                           Boolean renewal) {
    }

    public record RecordPriorRecognitionInput(String unitCode, String setId,
                                              org.ntmrecords.events.criteria.Grade grade, Integer year,
                                              String decisionNumber, java.time.LocalDate decisionDate,
                                              String authority, DocumentRefInput source, String note,
                                              Boolean yearStated) {
    }

    public record OpenRevocationCaseInput(String recognitionCaseId, Integer year, DocumentRefInput basis) {
    }

    public record AssessmentInput(String criterionCode, Judgment assessed, String note) {
    }

    public record SelfAssessmentInput(String caseId, List<AssessmentInput> assessments, List<DocumentRefInput> documents) {
    }

    public record RateInput(String subject, BigDecimal rate) {
    }

    public record SurveyInput(String caseId, String organiser, LocalDate date, BigDecimal overallRate,
                              List<RateInput> contentRates, List<RateInput> unitRates, List<DocumentRefInput> documents) {
    }

    public record DossierInput(String caseId, List<DocumentRefInput> documents) {
    }

    public record VerificationInput(String caseId, List<AssessmentInput> findings, Boolean forward, String comments,
                                    List<DocumentRefInput> documents, Boolean noConstructionDebt) {
    }

    public record BodyCommentInput(String body, String comment) {
    }

    public record AppraisalInput(String caseId, Integer votesFor, Integer votesAgainst, Integer abstentions,
                                 Boolean propose, String comments, List<DocumentRefInput> documents,
                                 List<BodyCommentInput> bodyComments) {
    }

    public record DecisionInput(String caseId, Boolean grant, String decisionNumber, LocalDate decisionDate,
                                String signer, String authority, String reason, String overrideJustification,
                                String supersedes) {
    }

    public record AnnouncementInput(String caseId, LocalDate date, String place) {
    }

    /**
     * What a step answers: the case's id, or why the step was refused; {@code storeHead} (not in the schema) is the
     * event store's head before the command, from which {@code recognitionCase} waits for the read tables.
     */
    public record RecognitionPayload(String caseId, List<UserError> errors, long storeHead) {
    }

    /** The case as it stands after the step, from the read tables once they hold it; null when refused. */
    @SchemaMapping(typeName = "RecognitionPayload", field = "recognitionCase")
    public CaseView recognitionCase(RecognitionPayload payload) {
        return payload.caseId() == null ? null
                : reads.read(payload.storeHead(), () -> cases.recognitionCase(payload.caseId()));
    }

    @MutationMapping
    public RecognitionPayload openRecognitionCase(@Argument OpenRecognitionCaseInput input) {
        int year = input.year() == null ? 0 : input.year();
        String caseId = RecognitionCase.caseId(input.unitCode(), input.setId(), year);
        return send(caseId, () -> new RecognitionCommands.OpenCase(
                RecognitionCase.streamId(RecognitionCase.caseId(Inputs.requiredCode("unitCode", input.unitCode()),
                        Inputs.requiredCode("setId", input.setId()), year)),
                input.unitCode(), input.setId(), year, GraphQlInputs.ref(input.basis()),
                Boolean.TRUE.equals(input.renewal())));
    }

    /**
     * Records a title granted before the record was kept, as its source states it: the case opened and decided at once,
     * marked as recorded from that source (the steps before the decision are not in it).
     */
    @MutationMapping
    public RecognitionPayload recordPriorRecognition(@Argument RecordPriorRecognitionInput input) {
        int year = input.year() == null ? 0 : input.year();
        String caseId = RecognitionCase.caseId(input.unitCode(), input.setId(), year);
        return send(caseId, () -> new RecognitionCommands.RecordPriorDecision(RecognitionCase.streamId(
                RecognitionCase.caseId(Inputs.requiredCode("unitCode", input.unitCode()),
                        Inputs.requiredCode("setId", input.setId()), year)),
                input.unitCode(), input.setId(), input.grade(), year, input.decisionNumber(), input.decisionDate(),
                input.authority(), GraphQlInputs.ref(input.source()), input.note(), input.yearStated()));
    }

    /**
     * Opens a revocation case against a granted recognition; the revocation rule is evaluated on the unit's computed
     * standing under the recognised set now and recorded with the case.
     */
    @MutationMapping
    public RecognitionPayload openRevocationCase(@Argument OpenRevocationCaseInput input) {
        int year = input.year() == null ? 0 : input.year();
        String recognition = input.recognitionCaseId();
        String caseId = RecognitionCase.revocationCaseId(recognition, year);
        RevocationTrigger trigger = trigger(recognition, computed(recognition));
        return send(caseId, () -> {
            stream(recognition);
            return new RecognitionCommands.OpenRevocation(RecognitionCase.streamId(caseId), recognition, year, trigger,
                    GraphQlInputs.ref(input.basis()));
        });
    }

    @MutationMapping
    public RecognitionPayload recordSelfAssessment(@Argument SelfAssessmentInput input) {
        Map<String, Judgment> computed = computed(input.caseId());
        Instant knownAt = Instant.now();
        return send(input.caseId(), () -> new RecognitionCommands.SelfAssess(stream(input.caseId()),
                assessments(input.assessments(), computed), knownAt, GraphQlInputs.refs(input.documents())));
    }

    @MutationMapping
    public RecognitionPayload recordSatisfactionSurvey(@Argument SurveyInput input) {
        return send(input.caseId(), () -> new RecognitionCommands.RecordSurvey(stream(input.caseId()), input.organiser(),
                input.date(), input.overallRate(), rates(input.contentRates()), rates(input.unitRates()),
                GraphQlInputs.refs(input.documents())));
    }

    @MutationMapping
    public RecognitionPayload submitDossier(@Argument DossierInput input) {
        return send(input.caseId(), () -> new RecognitionCommands.SubmitDossier(stream(input.caseId()),
                GraphQlInputs.refs(input.documents())));
    }

    @MutationMapping
    public RecognitionPayload recordVerification(@Argument VerificationInput input) {
        Map<String, Judgment> computed = computed(input.caseId());
        return send(input.caseId(), () -> new RecognitionCommands.Verify(stream(input.caseId()),
                assessments(input.findings(), computed), Boolean.TRUE.equals(input.forward()), input.comments(),
                GraphQlInputs.refs(input.documents()), input.noConstructionDebt()));
    }

    @MutationMapping
    public RecognitionPayload recordAppraisal(@Argument AppraisalInput input) {
        return send(input.caseId(), () -> new RecognitionCommands.Appraise(stream(input.caseId()),
                orZero(input.votesFor()), orZero(input.votesAgainst()), orZero(input.abstentions()),
                Boolean.TRUE.equals(input.propose()), input.comments(), GraphQlInputs.refs(input.documents()),
                input.bodyComments() == null ? null : input.bodyComments().stream()
                        .map(c -> c == null ? null : new BodyComment(c.body(), c.comment())).toList()));
    }

    @MutationMapping
    public RecognitionPayload decideRecognition(@Argument DecisionInput input) {
        Map<String, Judgment> computed = computed(input.caseId());
        List<String> unmet = computed.entrySet().stream().filter(e -> e.getValue() != Judgment.MET)
                .map(Map.Entry::getKey).toList();
        RevocationTrigger trigger = isRevocation(input.caseId()) ? trigger(input.caseId(), computed) : null;
        List<ConditionJudgment> conditions = conditions(input.caseId());
        return send(input.caseId(), () -> new RecognitionCommands.Decide(stream(input.caseId()),
                Boolean.TRUE.equals(input.grant()), input.decisionNumber(), input.decisionDate(), input.signer(),
                input.authority(), input.reason(), unmet, input.overrideJustification(), input.supersedes(), trigger,
                conditions));
    }

    @MutationMapping
    public RecognitionPayload announceRecognition(@Argument AnnouncementInput input) {
        return send(input.caseId(), () -> new RecognitionCommands.Announce(stream(input.caseId()), input.date(),
                input.place()));
    }

    private RecognitionPayload send(String caseId, Supplier<Object> command) {
        long storeHead = reads.mark();
        Outcome<Object> outcome = commands.send(command,
                id -> new UserError(RejectionCode.INVALID_INPUT, "caseId",
                        CommandText.of("recognition.noCase", caseId)),
                () -> new UserError(RejectionCode.ALREADY_EXISTS, "caseId",
                        ApiText.of("recognition.alreadyOpen", caseId)));
        return new RecognitionPayload(outcome.succeeded() ? caseId : null, outcome.errors(), storeHead);
    }

    /**
     * The case's stream; a case id not of the form {@code <unit>@<set>@<year>} (or, for a revocation case,
     * {@code <unit>@<set>@<year>@R<year>}) is refused as bad input.
     */
    private static String stream(String caseId) {
        String[] parts = (caseId == null ? "" : caseId).split("@", -1);
        if (parts.length < 3 || parts.length > 4 || !parts[2].matches("\\d{4}")
                || parts.length == 4 && !parts[3].matches("R\\d{4}")) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "caseId", ApiText.of("recognition.caseId"));
        }
        Inputs.requiredCode("caseId", parts[0]);
        Inputs.requiredCode("caseId", parts[1]);
        return RecognitionCase.streamId(caseId);
    }

    private static boolean isRevocation(String caseId) {
        return caseId != null && caseId.split("@").length == 4;
    }

    /** The revocation rule evaluated on the computed judgments of the case's unit under its set. */
    private RevocationTrigger trigger(String caseId, Map<String, Judgment> computed) {
        String[] parts = caseId == null ? new String[0] : caseId.split("@");
        return revocationRule.evaluate(parts.length > 1 ? parts[1] : "", computed.size(), computed.entrySet().stream()
                .filter(e -> e.getValue() == Judgment.NOT_MET).map(Map.Entry::getKey).sorted().toList());
    }

    /** The computed judgment of each criterion of the unit's record under the case's set, as it stands now. */
    private Map<String, Judgment> computed(String caseId) {
        if (caseId == null || caseId.split("@").length < 3 || !Inputs.isLookupSafe(caseId)) {
            return Map.of();
        }
        catchUp.awaitEventsAfter(0, CATCH_UP);
        String[] parts = caseId.split("@");
        String scorecard = ScorecardId.of(parts[0], parts[1]);
        return standings.criteria(List.of(scorecard)).getOrDefault(scorecard, List.of()).stream()
                .collect(Collectors.toMap(CriterionStandingView::code, CriterionStandingView::result));
    }

    /** The title's conditions beyond its criteria (a district title's), judged from the record now. */
    private List<ConditionJudgment> conditions(String caseId) {
        if (caseId == null || caseId.split("@").length != 3 || !Inputs.isLookupSafe(caseId)) {
            return List.of();
        }
        CaseView view = cases.recognitionCase(caseId);
        return view == null ? List.of() : titleConditions.judge(view);
    }

    private static List<CriterionAssessment> assessments(List<AssessmentInput> inputs, Map<String, Judgment> computed) {
        return inputs == null ? null : inputs.stream().map(a -> a == null ? null
                : new CriterionAssessment(a.criterionCode(), a.assessed(), computed.get(a.criterionCode()), a.note()))
                .toList();
    }

    private static List<SatisfactionSurveyRecordedEvent.Rate> rates(List<RateInput> inputs) {
        return inputs == null ? List.of() : inputs.stream().map(r -> r == null ? null
                : new SatisfactionSurveyRecordedEvent.Rate(r.subject(), r.rate())).toList();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
