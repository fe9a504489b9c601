package org.ntmrecords.infra.api.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandRunner;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.Outcome;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.common.UserError;
import org.ntmrecords.command.evidence.EvidenceCommands;
import org.ntmrecords.command.evidence.EvidenceDocument;
import org.ntmrecords.command.recognition.Certification;
import org.ntmrecords.command.recognition.CertificationCommands;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.evidence.EvidenceTarget;
import org.ntmrecords.events.evidence.StoredFile;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.api.GraphQlInputs;
import org.ntmrecords.infra.api.GraphQlInputs.DocumentRefInput;
import org.ntmrecords.infra.api.PayloadReads;
import org.ntmrecords.infra.evidence.EvidenceStore;
import org.ntmrecords.query.evidence.EvidenceReadRepository;
import org.ntmrecords.query.evidence.EvidenceReadRepository.EvidenceView;
import org.ntmrecords.query.recognition.ExpiryReadRepository;
import org.ntmrecords.query.recognition.ExpiryReadRepository.ExpiringView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Evidence dossiers and certified standards over GraphQL. A file named by {@code fileSha256} must have been stored
 * first ({@code POST /evidence/files}); its size and type are read from the store, not from the client.
 */
@Controller
public class EvidenceMutations {
    private final CommandRunner commands;
    private final EvidenceStore store;
    private final EvidenceReadRepository documents;
    private final ExpiryReadRepository expiries;
    private final PayloadReads reads;

    public EvidenceMutations(CommandRunner commands, EvidenceStore store, EvidenceReadRepository documents,
                             ExpiryReadRepository expiries, PayloadReads reads) {
        this.commands = commands;
        this.store = store;
        this.documents = documents;
        this.expiries = expiries;
        this.reads = reads;
    }

    /**
     * What a document is attached to: {@code target} (exactly one of its fields, {@code @oneOf}), or the deprecated
     * {@code targetKind} with the flat {@code unitCode}, {@code setId}, {@code code} and {@code caseId} — one form,
     * not both.
     */
    public record AttachEvidenceInput(EvidenceTarget.Kind targetKind, String unitCode, String setId, String code,
                                      String caseId, EvidenceTargetInput target, DocumentRefInput document,
                                      String kind, String fileSha256, String fileName, String note,
                                      String documentId) {
        private boolean flat() {
            return targetKind != null || unitCode != null || setId != null || code != null || caseId != null;
        }
    }

    /** One target of the {@code @oneOf} input: a unit, a criterion or an indicator of a unit's record, or a case. */
    public record EvidenceTargetInput(String unitCode, ScorecardCodeInput criterion, ScorecardCodeInput indicator,
                                      String caseId) {
    }

    /** A criterion or indicator code of a criteria set, for a unit. */
    public record ScorecardCodeInput(String unitCode, String setId, String code) {
    }

    public record WithdrawEvidenceInput(String documentId, String unitCode, String reason) {
    }

    public record CertifyStandardInput(String unitCode, String subject, String standard, LocalDate validUntil,
                                       String setId, String indicatorCode, DocumentRefInput document, String note,
                                       String certificationId) {
    }

    public record RenewStandardInput(String certificationId, String unitCode, LocalDate validUntil,
                                     DocumentRefInput document) {
    }

    /**
     * What attaching or withdrawing answers; {@code storeHead} (not in the schema) is the event store's head before
     * the command, from which {@code document} waits for the read tables.
     */
    public record EvidencePayload(String documentId, List<UserError> errors, long storeHead) {
    }

    /**
     * What certifying or renewing answers; {@code storeHead} (not in the schema) is the event store's head before
     * the command, from which {@code certification} waits for the read tables.
     */
    public record CertificationPayload(String certificationId, List<UserError> errors, long storeHead) {
    }

    @MutationMapping
    public EvidencePayload attachEvidence(@Argument AttachEvidenceInput input) {
        String id = idOrNew(input.documentId());
        long storeHead = reads.mark();
        Outcome<Object> outcome = send(() -> new EvidenceCommands.Attach(EvidenceDocument.streamId(id), id,
                target(input), GraphQlInputs.ref(input.document()), input.kind(),
                file(input.fileSha256(), input.fileName()), input.note()), "documentId",
                ApiText.of("evidence.noDocument", id));
        return new EvidencePayload(outcome.succeeded() ? id : null, outcome.errors().stream()
                .map(error -> asGiven(error, input)).toList(), storeHead);
    }

    /** The kind of target the input names, in either form; null when it names none. */
    private static EvidenceTarget.Kind kindOf(AttachEvidenceInput input) {
        EvidenceTargetInput target = input.target();
        if (target == null) {
            return input.targetKind();
        }
        // @oneOf: the schema lets exactly one field through
        return target.criterion() != null ? EvidenceTarget.Kind.CRITERION
                : target.indicator() != null ? EvidenceTarget.Kind.INDICATOR
                : target.caseId() != null ? EvidenceTarget.Kind.CASE
                : target.unitCode() != null ? EvidenceTarget.Kind.UNIT : null;
    }

    /** The target as the command takes it, from whichever of the two forms the input uses. */
    private static EvidenceTarget target(AttachEvidenceInput input) {
        EvidenceTargetInput target = input.target();
        if (target == null) {
            return new EvidenceTarget(input.targetKind(), input.unitCode(), input.setId(), input.code(),
                    input.caseId());
        }
        if (input.flat()) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "target",
                    ApiText.of("evidence.targetBothForms"));
        }
        EvidenceTarget.Kind kind = kindOf(input);
        ScorecardCodeInput item = target.criterion() != null ? target.criterion() : target.indicator();
        return item != null ? new EvidenceTarget(kind, item.unitCode(), item.setId(), item.code(), null)
                : new EvidenceTarget(kind, target.unitCode(), null, null, target.caseId());
    }

    /**
     * A refusal naming the input field the client gave: the command names the target's parts {@code target.unitCode},
     * {@code target.setId}, {@code target.code}, {@code target.caseId}; in the {@code @oneOf} form a criterion's or
     * indicator's parts lie under {@code target.criterion} or {@code target.indicator}, in the flat form at the top.
     */
    private static UserError asGiven(UserError error, AttachEvidenceInput input) {
        String field = error.field();
        if (field == null || !(field.equals("target") || field.startsWith("target."))) {
            return error;
        }
        EvidenceTarget.Kind kind = kindOf(input);
        String part = field.equals("target") ? null : field.substring("target.".length());
        String given;
        if (input.target() != null) {
            given = part != null && (kind == EvidenceTarget.Kind.CRITERION || kind == EvidenceTarget.Kind.INDICATOR)
                    ? "target." + kind.name().toLowerCase(Locale.ROOT) + "." + part : field;
        } else {
            given = part != null ? part : kind == null ? "targetKind" : kind == EvidenceTarget.Kind.CASE ? "caseId"
                    : "unitCode";
        }
        return new UserError(error.code(), given, error.message(), error.text());
    }

    @MutationMapping
    public EvidencePayload withdrawEvidence(@Argument WithdrawEvidenceInput input) {
        long storeHead = reads.mark();
        Outcome<Object> outcome = send(() -> new EvidenceCommands.Withdraw(
                EvidenceDocument.streamId(Inputs.requiredCode("documentId", input.documentId())), input.unitCode(),
                input.reason()), "documentId", ApiText.of("evidence.noDocument", input.documentId()));
        return new EvidencePayload(outcome.succeeded() ? input.documentId() : null, outcome.errors(), storeHead);
    }

    /** The document as attached (or withdrawn), from the read tables once they hold it; null when refused. */
    @SchemaMapping(typeName = "EvidencePayload", field = "document")
    public EvidenceView document(EvidencePayload payload) {
        return payload.documentId() == null ? null
                : reads.read(payload.storeHead(), () -> documents.document(payload.documentId()).orElse(null));
    }

    @MutationMapping
    public CertificationPayload certifyStandard(@Argument CertifyStandardInput input) {
        String id = idOrNew(input.certificationId());
        long storeHead = reads.mark();
        Outcome<Object> outcome = send(() -> new CertificationCommands.CertifyStandard(Certification.streamId(id), id,
                input.unitCode(), input.subject(), input.standard(), input.validUntil(), input.setId(),
                input.indicatorCode(), GraphQlInputs.ref(input.document()), input.note()),
                "certificationId", ApiText.of("evidence.noCertification", id));
        return new CertificationPayload(outcome.succeeded() ? id : null, outcome.errors(), storeHead);
    }

    @MutationMapping
    public CertificationPayload renewStandard(@Argument RenewStandardInput input) {
        long storeHead = reads.mark();
        Outcome<Object> outcome = send(() -> new CertificationCommands.RenewStandard(
                Certification.streamId(Inputs.requiredCode("certificationId", input.certificationId())),
                input.unitCode(), input.validUntil(), GraphQlInputs.ref(input.document())),
                "certificationId", ApiText.of("evidence.noCertification", input.certificationId()));
        return new CertificationPayload(outcome.succeeded() ? input.certificationId() : null, outcome.errors(),
                storeHead);
    }

    /** The certified standard with its validity as now recorded, from the read tables; null when refused. */
    @SchemaMapping(typeName = "CertificationPayload", field = "certification")
    public ExpiringView certification(CertificationPayload payload) {
        return payload.certificationId() == null ? null
                : reads.read(payload.storeHead(), () -> expiries.standard(payload.certificationId()).orElse(null));
    }

    /** The client's id (so that sending it again records it once: ALREADY_EXISTS), else a new one. */
    private static String idOrNew(String given) {
        return given == null || given.isBlank() ? UUID.randomUUID().toString() : given.strip();
    }

    private Outcome<Object> send(Supplier<Object> command, String field, Message notFound) {
        return commands.send(command, id -> new UserError(RejectionCode.INVALID_INPUT, field, notFound),
                () -> new UserError(RejectionCode.ALREADY_EXISTS, field, ApiText.of("evidence.alreadyRecorded")));
    }

    /** The stored file named, checked against the store; null when none is named. */
    private StoredFile file(String sha256, String fileName) {
        if (sha256 == null) {
            return null;
        }
        try {
            EvidenceStore.Stored stored = store.find(sha256).orElseThrow(() -> new CommandRejectedException(
                    RejectionCode.UNKNOWN_FILE, "fileSha256", ApiText.of("evidence.noStoredFile", sha256)));
            return new StoredFile(stored.sha256(), stored.size(), stored.mediaType(),
                    Inputs.optionalLine("fileName", fileName, Inputs.NAME_MAX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (EvidenceStore.IntegrityException e) {
            throw new CommandRejectedException(RejectionCode.FILE_REJECTED, "fileSha256", e.text());
        }
    }
}
