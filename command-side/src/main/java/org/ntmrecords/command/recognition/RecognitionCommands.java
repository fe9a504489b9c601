package org.ntmrecords.command.recognition;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.recognition.BodyComment;
import org.ntmrecords.events.recognition.ConditionJudgment;
import org.ntmrecords.events.recognition.CriterionAssessment;
import org.ntmrecords.events.recognition.RevocationTrigger;
import org.ntmrecords.events.recognition.SatisfactionSurveyRecordedEvent;

/** The commands of a recognition case, one per step. */
public final class RecognitionCommands {
    private RecognitionCommands() {
    }

    /** Every command of a case names its stream, {@code recognition:<unit>@<set>@<year>}. */
    public sealed interface CaseCommand permits OpenCase, OpenRevocation, RecordPriorDecision, SelfAssess,
            RecordSurvey, SubmitDossier, Verify, Appraise, Decide, Announce {
        String streamId();
    }

    /** Open the case of a unit for a title (criteria set) and year; {@code renewal}: a re-recognition. */
    public record OpenCase(@TargetAggregateIdentifier String streamId, String unitCode, String setId, int year,
                           DocumentRef basis, boolean renewal) implements CaseCommand {
    }

    /**
     * Record a recognition decided before the record was kept, from a source that states only its outcome: the case
     * opens and is granted in one step, its earlier steps marked as not in the source. {@code setId} may name a set
     * not in the catalog (e.g. the 2016-2020 set), judged then on no criteria; {@code grade} says the title.
     * {@code yearStated} false (null is true): the source does not state the year, {@code year} is the source's own.
     */
    public record RecordPriorDecision(@TargetAggregateIdentifier String streamId, String unitCode, String setId,
                                      Grade grade, int year, String decisionNumber, LocalDate decisionDate,
                                      String authority, DocumentRef source, String note,
                                      Boolean yearStated) implements CaseCommand {
        public RecordPriorDecision(String streamId, String unitCode, String setId, Grade grade, int year,
                                   String decisionNumber, LocalDate decisionDate, String authority, DocumentRef source,
                                   String note) {
            this(streamId, unitCode, setId, grade, year, decisionNumber, decisionDate, authority, source, note, null);
        }
    }

    /**
     * Open a revocation case against a granted recognition, in {@code year}; {@code trigger} is the revocation rule
     * evaluated on the unit's computed standing now (filled in by the service).
     */
    public record OpenRevocation(@TargetAggregateIdentifier String streamId, String recognitionCaseId, int year,
                                 RevocationTrigger trigger, DocumentRef basis) implements CaseCommand {
    }

    /**
     * The unit's self-assessment, one per criterion; {@code computed} in each is the computed judgment as the
     * record stood at {@code valuesKnownAt} (filled in by the service, not by the client).
     */
    public record SelfAssess(@TargetAggregateIdentifier String streamId, List<CriterionAssessment> assessments,
                             Instant valuesKnownAt, List<DocumentRef> documents) implements CaseCommand {
    }

    public record RecordSurvey(@TargetAggregateIdentifier String streamId, String organiser, LocalDate date,
                               BigDecimal overallRate, List<SatisfactionSurveyRecordedEvent.Rate> contentRates,
                               List<SatisfactionSurveyRecordedEvent.Rate> unitRates, List<DocumentRef> documents) implements CaseCommand {
    }

    public record SubmitDossier(@TargetAggregateIdentifier String streamId, List<DocumentRef> documents) implements CaseCommand {
    }

    /** {@code noConstructionDebt}: what the verification found of capital-construction debt, null if it says nothing. */
    public record Verify(@TargetAggregateIdentifier String streamId, List<CriterionAssessment> findings,
                         boolean forward, String comments, List<DocumentRef> documents,
                         Boolean noConstructionDebt) implements CaseCommand {
        public Verify(String streamId, List<CriterionAssessment> findings, boolean forward, String comments,
                      List<DocumentRef> documents) {
            this(streamId, findings, forward, comments, documents, null);
        }
    }

    /** {@code bodyComments}: each body's comment (the ministries' at a central appraisal). */
    public record Appraise(@TargetAggregateIdentifier String streamId, int votesFor, int votesAgainst,
                           int abstentions, boolean propose, String comments, List<DocumentRef> documents,
                           List<BodyComment> bodyComments) implements CaseCommand {
        public Appraise(String streamId, int votesFor, int votesAgainst, int abstentions, boolean propose,
                        String comments, List<DocumentRef> documents) {
            this(streamId, votesFor, votesAgainst, abstentions, propose, comments, documents, List.of());
        }
    }

    /**
     * The decision; in a revocation case {@code grant} means revoke. {@code unmetCriteria}: the criteria the computed
     * standing does not meet at the time, and {@code trigger} the revocation rule evaluated on it (both filled in by
     * the service); granting with unmet criteria or revoking without a trigger needs {@code overrideJustification}.
     * {@code conditions}: the title's conditions beyond its criteria judged from the record now (filled in by the
     * service); granting while one is not met needs the override too.
     */
    public record Decide(@TargetAggregateIdentifier String streamId, boolean grant, String decisionNumber,
                         LocalDate decisionDate, String signer, String authority, String reason,
                         List<String> unmetCriteria, String overrideJustification, String supersedes,
                         RevocationTrigger trigger, List<ConditionJudgment> conditions) implements CaseCommand {
        public Decide(String streamId, boolean grant, String decisionNumber, LocalDate decisionDate, String signer,
                      String authority, String reason, List<String> unmetCriteria, String overrideJustification,
                      String supersedes, RevocationTrigger trigger) {
            this(streamId, grant, decisionNumber, decisionDate, signer, authority, reason, unmetCriteria,
                    overrideJustification, supersedes, trigger, List.of());
        }
    }

    public record Announce(@TargetAggregateIdentifier String streamId, LocalDate date, String place) implements CaseCommand {
    }
}
