package org.ntmrecords.infra.api.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
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
import org.ntmrecords.events.evidence.EvidenceTarget;
import org.ntmrecords.events.evidence.StoredFile;
import org.ntmrecords.infra.api.GraphQlInputs;
import org.ntmrecords.infra.api.GraphQlInputs.DocumentRefInput;
import org.ntmrecords.infra.evidence.EvidenceStore;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Evidence dossiers and certified standards over GraphQL. A file named by {@code fileSha256} must have been stored
 * first ({@code POST /evidence/files}); its size and type are read from the store, not from the client.
 */
@Controller
public class EvidenceMutations {
    private final CommandRunner commands;
    private final EvidenceStore store;

    public EvidenceMutations(CommandRunner commands, EvidenceStore store) {
        this.commands = commands;
        this.store = store;
    }

    public record AttachEvidenceInput(EvidenceTarget.Kind targetKind, String unitCode, String setId, String code,
                                      String caseId, DocumentRefInput document, String kind, String fileSha256,
                                      String fileName, String note) {
    }

    public record WithdrawEvidenceInput(String documentId, String unitCode, String reason) {
    }

    public record CertifyStandardInput(String unitCode, String subject, String standard, LocalDate validUntil,
                                       String setId, String indicatorCode, DocumentRefInput document, String note) {
    }

    public record RenewStandardInput(String certificationId, String unitCode, LocalDate validUntil,
                                     DocumentRefInput document) {
    }

    public record EvidencePayload(String documentId, List<UserError> errors) {
    }

    public record CertificationPayload(String certificationId, List<UserError> errors) {
    }

    @MutationMapping
    public EvidencePayload attachEvidence(@Argument AttachEvidenceInput input) {
        String id = UUID.randomUUID().toString();
        Outcome<Object> outcome = send(() -> new EvidenceCommands.Attach(EvidenceDocument.streamId(id), id,
                new EvidenceTarget(input.targetKind(), input.unitCode(), input.setId(), input.code(), input.caseId()),
                GraphQlInputs.ref(input.document()), input.kind(), file(input.fileSha256(), input.fileName()),
                input.note()), "documentId", "no document " + id);
        return new EvidencePayload(outcome.succeeded() ? id : null, outcome.errors());
    }

    @MutationMapping
    public EvidencePayload withdrawEvidence(@Argument WithdrawEvidenceInput input) {
        Outcome<Object> outcome = send(() -> new EvidenceCommands.Withdraw(
                EvidenceDocument.streamId(Inputs.requiredCode("documentId", input.documentId())), input.unitCode(),
                input.reason()), "documentId", "no document " + input.documentId());
        return new EvidencePayload(outcome.succeeded() ? input.documentId() : null, outcome.errors());
    }

    @MutationMapping
    public CertificationPayload certifyStandard(@Argument CertifyStandardInput input) {
        String id = UUID.randomUUID().toString();
        Outcome<Object> outcome = send(() -> new CertificationCommands.CertifyStandard(Certification.streamId(id), id,
                input.unitCode(), input.subject(), input.standard(), input.validUntil(), input.setId(),
                input.indicatorCode(), GraphQlInputs.ref(input.document()), input.note()),
                "certificationId", "no certification " + id);
        return new CertificationPayload(outcome.succeeded() ? id : null, outcome.errors());
    }

    @MutationMapping
    public CertificationPayload renewStandard(@Argument RenewStandardInput input) {
        Outcome<Object> outcome = send(() -> new CertificationCommands.RenewStandard(
                Certification.streamId(Inputs.requiredCode("certificationId", input.certificationId())),
                input.unitCode(), input.validUntil(), GraphQlInputs.ref(input.document())),
                "certificationId", "no certification " + input.certificationId());
        return new CertificationPayload(outcome.succeeded() ? input.certificationId() : null, outcome.errors());
    }

    private Outcome<Object> send(Supplier<Object> command, String field, String notFound) {
        return commands.send(command, id -> new UserError(RejectionCode.INVALID_INPUT, field, notFound),
                () -> new UserError(RejectionCode.ALREADY_EXISTS, field, "already recorded"));
    }

    /** The stored file named, checked against the store; null when none is named. */
    private StoredFile file(String sha256, String fileName) {
        if (sha256 == null) {
            return null;
        }
        try {
            EvidenceStore.Stored stored = store.find(sha256).orElseThrow(() -> new CommandRejectedException(
                    RejectionCode.UNKNOWN_FILE, "fileSha256", "no stored file has SHA-256 " + sha256
                    + "; upload it first (POST /evidence/files)"));
            return new StoredFile(stored.sha256(), stored.size(), stored.mediaType(),
                    Inputs.optionalLine("fileName", fileName, Inputs.NAME_MAX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (EvidenceStore.IntegrityException e) {
            throw new CommandRejectedException(RejectionCode.FILE_REJECTED, "fileSha256", e.getMessage());
        }
    }
}
