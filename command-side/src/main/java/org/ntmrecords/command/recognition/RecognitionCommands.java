package org.ntmrecords.command.recognition;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.recognition.CriterionAssessment;
import org.ntmrecords.events.recognition.SatisfactionSurveyRecordedEvent;

/** The commands of a recognition case, one per step. */
public final class RecognitionCommands {
    private RecognitionCommands() {
    }

    /** Every command of a case names its stream, {@code recognition:<unit>@<set>@<year>}. */
    public sealed interface CaseCommand permits OpenCase, SelfAssess, RecordSurvey, SubmitDossier, Verify, Appraise,
            Decide, Announce {
        String streamId();
    }

    /** Open the case of a unit for a title (criteria set) and year. */
    public record OpenCase(@TargetAggregateIdentifier String streamId, String unitCode, String setId, int year,
                           DocumentRef basis) implements CaseCommand {
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

    public record Verify(@TargetAggregateIdentifier String streamId, List<CriterionAssessment> findings,
                         boolean forward, String comments, List<DocumentRef> documents) implements CaseCommand {
    }

    public record Appraise(@TargetAggregateIdentifier String streamId, int votesFor, int votesAgainst,
                           int abstentions, boolean propose, String comments, List<DocumentRef> documents) implements CaseCommand {
    }

    /**
     * The decision. {@code unmetCriteria}: the criteria the computed standing does not meet at the time (filled in
     * by the service); granting with any needs {@code overrideJustification}.
     */
    public record Decide(@TargetAggregateIdentifier String streamId, boolean grant, String decisionNumber,
                         LocalDate decisionDate, String signer, String authority, String reason,
                         List<String> unmetCriteria, String overrideJustification, String supersedes) implements CaseCommand {
    }

    public record Announce(@TargetAggregateIdentifier String streamId, LocalDate date, String place) implements CaseCommand {
    }
}
