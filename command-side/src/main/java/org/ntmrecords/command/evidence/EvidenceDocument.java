package org.ntmrecords.command.evidence;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.criteria.SetCoverage;
import org.ntmrecords.command.recognition.RecognitionRecords;
import org.ntmrecords.command.unit.Cessation;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.command.unit.UnitFacts;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.evidence.EvidenceAttachedEvent;
import org.ntmrecords.events.evidence.EvidenceTarget;
import org.ntmrecords.events.evidence.EvidenceWithdrawnEvent;
import org.ntmrecords.events.evidence.StoredFile;

/**
 * One document of an evidence dossier, attached to a unit, a criterion or indicator of a set for a unit, or a
 * recognition case. Its reference is never edited; a document attached by mistake is withdrawn with a reason and
 * the attachment stays in the history.
 */
@Aggregate
public class EvidenceDocument {
    private static final String PREFIX = "evidence:";
    static final long MAX_FILE_SIZE = 1L << 40;

    @AggregateIdentifier
    private String streamId;
    private String documentId;
    private String unitCode;
    private boolean withdrawn;

    protected EvidenceDocument() {
    }

    public static String streamId(String documentId) {
        return PREFIX + documentId;
    }

    /** The unit a target concerns (a case's unit is the first part of its id). */
    public static String unitOf(EvidenceTarget target) {
        if (target == null) {
            return null;
        }
        if (target.kind() == EvidenceTarget.Kind.CASE && target.caseId() != null && target.caseId().contains("@")) {
            return target.caseId().substring(0, target.caseId().indexOf('@'));
        }
        return target.unitCode();
    }

    @CommandHandler
    public EvidenceDocument(EvidenceCommands.Attach command, UnitDirectory units, CriteriaCatalog catalog,
                            RecognitionRecords cases, Clock clock) {
        String id = Inputs.requiredCode("documentId", command.documentId());
        if (!streamId(id).equals(command.streamId())) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "documentId",
                    CommandText.of("evidence.streamId", id, streamId(id)));
        }
        EvidenceTarget target = target(command.target(), units, catalog, cases);
        StoredFile file = command.file();
        if (file != null && (file.sha256() == null || !file.sha256().matches("[0-9a-f]{64}") || file.size() <= 0
                || file.size() > MAX_FILE_SIZE)) {
            throw new CommandRejectedException(RejectionCode.FILE_REJECTED, "fileSha256",
                    CommandText.of("evidence.fileHash"));
        }
        if (command.document() == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "document",
                    CommandText.of("evidence.documentRequired"));
        }
        LocalDate today = LocalDate.now(clock);
        DocumentRef document = Inputs.document("document", command.document(), today);
        // evidence is a fact about its unit on the document's date; undated, on the day it is attached
        LocalDate day = document.date() != null ? document.date() : today;
        Cessation.requireExisted(units, unitOf(target), day, document.date() != null ? "document.date" : "target",
                document.date() != null ? CommandText.of("evidence.fact.dated", day)
                        : CommandText.of("evidence.fact.undated", day));
        apply(new EvidenceAttachedEvent(id, target, document,
                Inputs.requiredLine("kind", command.kind(), Inputs.NAME_MAX), file,
                Inputs.optionalText("note", command.note(), Inputs.TEXT_MAX)));
    }

    @CommandHandler
    public void handle(EvidenceCommands.Withdraw command) {
        if (withdrawn) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "documentId",
                    CommandText.of("evidence.withdrawn", documentId));
        }
        if (!unitCode.equals(command.unitCode())) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "unitCode",
                    CommandText.of("evidence.otherUnit", documentId, unitCode));
        }
        apply(new EvidenceWithdrawnEvent(documentId, Inputs.requiredText("reason", command.reason(), Inputs.TEXT_MAX)));
    }

    private static EvidenceTarget target(EvidenceTarget target, UnitDirectory units, CriteriaCatalog catalog,
                                         RecognitionRecords cases) {
        if (target == null || target.kind() == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "target",
                    CommandText.of("evidence.targetRequired"));
        }
        if (target.kind() == EvidenceTarget.Kind.CASE) {
            String caseId = Inputs.requiredLine("target.caseId", target.caseId(), Inputs.NAME_MAX);
            var found = cases.find(caseId).orElseThrow(() -> new CommandRejectedException(
                    RejectionCode.INVALID_INPUT, "target.caseId", CommandText.of("recognition.noCase", caseId)));
            return new EvidenceTarget(EvidenceTarget.Kind.CASE, found.unitCode(), found.setId(), null, caseId);
        }
        String unitCode = Inputs.requiredCode("target.unitCode", target.unitCode());
        UnitFacts unit = units.find(unitCode).orElseThrow(() -> new CommandRejectedException(
                RejectionCode.UNKNOWN_UNIT, "target.unitCode", CommandText.of("unit.notRegistered", unitCode)));
        if (target.kind() == EvidenceTarget.Kind.UNIT) {
            return new EvidenceTarget(EvidenceTarget.Kind.UNIT, unitCode, null, null, null);
        }
        String setId = Inputs.requiredCode("target.setId", target.setId());
        CriteriaSetDefinition set = catalog.latest(setId).orElseThrow(() -> new CommandRejectedException(
                RejectionCode.UNKNOWN_CRITERIA_SET, "target.setId", CommandText.of("criteria.notPublished", setId)));
        SetCoverage.requireCovers(set, unit, units, "target.setId");
        String code = Inputs.requiredLine("target.code", target.code(), Inputs.CODE_MAX);
        boolean known = target.kind() == EvidenceTarget.Kind.CRITERION ? set.criterion(code).isPresent()
                : set.indicator(code).isPresent();
        if (!known) {
            throw new CommandRejectedException(RejectionCode.UNKNOWN_INDICATOR, "target.code",
                    target.kind() == EvidenceTarget.Kind.CRITERION
                            ? CommandText.of("evidence.criterionNotInSet", code, setId)
                            : CommandText.of("evidence.indicatorNotInSet", code, setId));
        }
        return new EvidenceTarget(target.kind(), unitCode, setId, code, null);
    }

    @EventSourcingHandler
    void on(EvidenceAttachedEvent event) {
        streamId = streamId(event.documentId());
        documentId = event.documentId();
        unitCode = unitOf(event.target());
    }

    @EventSourcingHandler
    void on(EvidenceWithdrawnEvent event) {
        withdrawn = true;
    }
}
