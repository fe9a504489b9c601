package org.ntmrecords.command.recognition;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.unit.Cessation;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.command.unit.UnitFacts;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.RecognitionRules.SatisfactionRule;
import org.ntmrecords.events.recognition.RevocationCaseOpenedEvent;
import org.ntmrecords.events.recognition.RevocationDecidedEvent;
import org.ntmrecords.events.recognition.RevocationTrigger;

/**
 * A revocation case (thu hồi): against a recognition granted and held now, in a year, taken through the same steps
 * as a recognition ({@link CaseProcedure}; the survey records the residents' consultation). Its decision revokes the
 * title or keeps it; revoking when the revocation rule evaluated on the computed standing does not call for it needs
 * an override with its justification.
 *
 * <p>Its stream is {@code recognition:<recognition case>@R<year>}, stored under the aggregate type
 * {@code RecognitionCase} as when one class carried both kinds: the stored names did not change, and a revocation
 * case stored before the split loads here. Its repository loads only revocation streams.
 */
@Aggregate(type = RecognitionCase.TYPE, repository = "revocationCaseRepository")
public class RevocationCase extends CaseProcedure {
    /** A revocation case's id ends in {@code @R<year>}; a recognition case's in {@code @<year>}. */
    private static final Pattern REVOCATION_ID = Pattern.compile(".*@R\\d+");

    private String recognitionCaseId;

    protected RevocationCase() {
    }

    /** The revocation case against a recognition case, in a year: {@code <recognition case>@R<year>}. */
    public static String caseId(String recognitionCaseId, int year) {
        return recognitionCaseId + "@R" + year;
    }

    /** Whether a case id, or a case's stream id, names a revocation case (else a recognition case, or nothing). */
    public static boolean isRevocation(String caseOrStreamId) {
        return caseOrStreamId != null && REVOCATION_ID.matcher(caseOrStreamId).matches();
    }

    @CommandHandler
    public RevocationCase(RecognitionCommands.OpenRevocation command, RecognitionRecords records,
                           UnitDirectory units, CriteriaCatalog catalog, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        String recognitionId = Inputs.requiredLine("recognitionCaseId", command.recognitionCaseId(), Inputs.NAME_MAX);
        RecognitionRecords.RecognitionRecord recognition = records.find(recognitionId)
                .filter(r -> !r.revocation()).orElseThrow(() -> new CommandRejectedException(
                        RejectionCode.INVALID_INPUT, "recognitionCaseId",
                        CommandText.of("recognition.noCase", recognitionId)));
        if (!recognition.holds()) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_ORDER, "recognitionCaseId", CommandText.of(
                    "recognition.revocation.notHeld", recognitionId, recognition.revokedBy() != null
                            ? CommandText.of("recognition.revocation.revokedIn", recognition.revokedBy())
                            : recognition.lapsed() ? CommandText.of("recognition.revocation.lapsed")
                            : CommandText.of("recognition.revocation.notGranted")));
        }
        if (command.year() < recognition.year() || command.year() > today.getYear() + 1) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, "year", CommandText.of(
                    "recognition.revocation.yearRange", String.valueOf(recognition.year()),
                    String.valueOf(today.getYear() + 1)));
        }
        String id = caseId(recognitionId, command.year());
        if (!RecognitionCase.streamId(id).equals(command.streamId())) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "caseId",
                    CommandText.of("recognition.revocation.caseId", recognitionId, String.valueOf(command.year()), id));
        }
        if (command.trigger() == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "trigger",
                    CommandText.of("recognition.revocation.triggerRequired"));
        }
        UnitFacts unit = registered(units, recognition.unitCode(), "recognitionCaseId");
        Cessation.requireExisted(units, unit, today, "recognitionCaseId",
                CommandText.of("recognition.revocation.fact.opened", today));
        CriteriaSetDefinition set = catalog.inForce(recognition.setId(), today).orElseThrow(() ->
                new CommandRejectedException(RejectionCode.UNKNOWN_CRITERIA_SET, "recognitionCaseId",
                        CommandText.of("criteria.notPublished", recognition.setId())));
        apply(new RevocationCaseOpenedEvent(id, recognitionId, recognition.decisionNumber(), recognition.unitCode(),
                unit.kind(), set.id(), set.version(), set.grade(), command.year(),
                set.criteria().stream().map(CriterionDefinition::code).toList(), command.trigger(),
                Inputs.document("basis", command.basis(), today)));
    }

    @Override
    SatisfactionRule satisfaction() {
        return null;
    }

    @Override
    void decide(RecognitionCommands.Decide command, UnitDirectory units, DeadlineManager deadlines, Clock clock) {
        CheckedDecision checked = checkDecision(command, units, clock,
                CommandText.of("recognition.proposal.revocation"), CommandText.of("recognition.survey.consultation"),
                CommandText.of("recognition.revocation.keepReason"));
        RevocationTrigger trigger = command.trigger();
        if (trigger == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "trigger",
                    CommandText.of("recognition.revocation.decisionTrigger"));
        }
        String justification = checked.justification();
        if (command.grant() && !trigger.triggered() && justification == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "overrideJustification",
                    CommandText.of("recognition.revocation.override", String.valueOf(trigger.reason())));
        }
        apply(new RevocationDecidedEvent(caseId, recognitionCaseId, command.grant(), checked.number(), checked.date(),
                checked.signer(), checked.authority(), checked.reason(), trigger,
                command.grant() && !trigger.triggered() ? justification : null, checked.supersedes()));
    }

    @EventSourcingHandler
    void on(RevocationCaseOpenedEvent event) {
        opened(event.caseId(), event.unitCode(), event.criterionCodes());
        recognitionCaseId = event.recognitionCaseId();
    }

    @EventSourcingHandler
    void on(RevocationDecidedEvent event) {
        decided(event.revoked(), event.decisionNumber());
    }
}
