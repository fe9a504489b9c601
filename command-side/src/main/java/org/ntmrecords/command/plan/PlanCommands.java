package org.ntmrecords.command.plan;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.Money;
import org.ntmrecords.events.plan.FundingSource;
import org.ntmrecords.events.plan.FundingStage;
import org.ntmrecords.events.plan.PlanAim;
import org.ntmrecords.events.plan.PlannedFunding;

/**
 * What is done to a plan. Every command but {@link Issue} names the plan's unit ({@code unitCode}, checked against
 * the plan) so that its access rule can judge jurisdiction; task commands name the task's unit as well.
 */
public final class PlanCommands {
    private PlanCommands() {
    }

    /** {@code date} or {@code dateAsWritten} (or both): a source may leave the plan's day blank. */
    public record Issue(@TargetAggregateIdentifier String streamId, String planId, String unitCode, String number,
                        String annexNumber, LocalDate date, BodyRef issuer, Integer year, String title,
                        List<PlanAim> aims, List<DocumentRef> legalBases, String dateAsWritten) {
    }

    /** {@code title}, {@code aims}, {@code legalBases}: the new version's; null keeps the previous version's. */
    public record Amend(@TargetAggregateIdentifier String streamId, String unitCode, LocalDate date, String changes,
                        String reason, DocumentRef document, String title, List<PlanAim> aims,
                        List<DocumentRef> legalBases) {
    }

    /** {@code deadlineLastDay}: needed only when {@code deadline}'s words are not a form the rules read. */
    public record AddItem(@TargetAggregateIdentifier String streamId, String unitCode, String itemId, String row,
                          String setId, String criterionCode, String indicatorCode, String content,
                          List<String> unitCodes, String requirement, String stateAsWritten,
                          List<String> stateValueEventIds, String stateJudgmentEventId, String solution,
                          BodyRef lead, List<BodyRef> coordinating, String deadline, LocalDate deadlineLastDay,
                          Money cost, List<PlannedFunding> funding) {
    }

    public record NoteProgress(@TargetAggregateIdentifier String streamId, String unitCode, String itemId,
                               String taskUnitCode, String noteId, LocalDate date, BodyRef by, String note,
                               List<DocumentRef> evidence, List<String> evidenceDocumentIds) {
    }

    /** Sent by {@link PlanTaskClosureProcess} only. */
    public record CompleteByJudgment(@TargetAggregateIdentifier String streamId, String itemId, String taskUnitCode,
                                     String judgmentEventId, String scorecardId) {
    }

    public record CloseTask(@TargetAggregateIdentifier String streamId, String unitCode, String itemId,
                            String taskUnitCode, LocalDate date, String reason, DocumentRef decision) {
    }

    public record ReopenTask(@TargetAggregateIdentifier String streamId, String unitCode, String itemId,
                             String taskUnitCode, LocalDate date, String reason, DocumentRef decision) {
    }

    public record RecordFunds(@TargetAggregateIdentifier String streamId, String unitCode, String itemId,
                              String fundsId, FundingSource source, String sourceAsWritten, FundingStage stage,
                              Money amount, LocalDate date, BodyRef by, DocumentRef document, String statedShare,
                              String note) {
    }
}
