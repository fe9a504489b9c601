package org.ntmrecords.infra.api.integrity;

import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.common.UserError;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.integrity.HashChain;
import org.ntmrecords.infra.integrity.HistoryExport;
import org.ntmrecords.infra.integrity.IntegrityKeys;
import org.ntmrecords.infra.integrity.StoreVerifier;
import org.ntmrecords.infra.integrity.VerificationJobs;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/** The integrity API: public key, checkpoints, store verification and history exports (auditors, administrators). */
@Controller
public class IntegrityQueries {
    private final IntegrityKeys keys;
    private final HashChain chain;
    private final VerificationJobs jobs;
    private final HistoryExport export;

    public IntegrityQueries(IntegrityKeys keys, HashChain chain, VerificationJobs jobs, HistoryExport export) {
        this.keys = keys;
        this.chain = chain;
        this.jobs = jobs;
        this.export = export;
    }

    public record PublicKeyView(String algorithm, String keyId, String pem) {
    }

    public record CheckpointView(long seq, long globalIndex, String chainHash, Instant signedAt, String keyId,
                                 String message, String signature, int format, String storeId, Long unsealedUpTo,
                                 Long schemeUpTo, String document) {
        static CheckpointView of(HashChain.Checkpoint c) {
            boolean v2 = c.format() >= 2;
            return new CheckpointView(c.seq(), c.globalIndex(), HexFormat.of().formatHex(c.chainHash()), c.signedAt(),
                    c.keyId(), c.message(), Base64.getEncoder().encodeToString(c.signature()), c.format(),
                    c.storeId(), v2 ? c.unsealedUpTo() : null, v2 ? c.schemeUpTo() : null, c.document());
        }
    }

    public record VerificationView(String id, String startedBy, Instant startedAt, VerificationJobs.Status status,
                                   long checked, long total, Boolean intact, Long firstBrokenPosition,
                                   Long linksChecked, Long eventsChecked, Long checkpointsChecked, Long pending,
                                   List<StoreVerifier.Problem> problems, List<StoreVerifier.WitnessCheck> witnesses,
                                   List<Message> warnings, String linkGrace, Message failure) {
        static VerificationView of(VerificationJobs.Job job) {
            StoreVerifier.Report r = job.report();
            return new VerificationView(job.id(), job.startedBy(), job.startedAt(), job.status(), job.checked(),
                    job.total(), r == null ? null : r.intact(), r == null ? null : r.firstBrokenPosition(),
                    r == null ? null : r.linksChecked(), r == null ? null : r.eventsChecked(),
                    r == null ? null : r.checkpointsChecked(), r == null ? null : r.pending(),
                    r == null ? List.of() : r.problems(), r == null ? List.of() : r.witnessChecks(),
                    r == null ? List.of() : r.warnings(), r == null ? null : r.grace().toString(), job.failure());
        }
    }

    /** What a verification found, in words: said in the request's language. */
    @SchemaMapping(typeName = "IntegrityProblem", field = "detail")
    public String problemDetail(StoreVerifier.Problem problem, DataFetchingEnvironment env) {
        return problem.detail(env.getLocale());
    }

    @SchemaMapping(typeName = "StoreVerification", field = "warnings")
    public List<String> warnings(VerificationView verification, DataFetchingEnvironment env) {
        return verification.warnings().stream().map(w -> w.in(env.getLocale())).toList();
    }

    @SchemaMapping(typeName = "StoreVerification", field = "failure")
    public String failure(VerificationView verification, DataFetchingEnvironment env) {
        return verification.failure() == null ? null : verification.failure().in(env.getLocale());
    }

    @SchemaMapping(typeName = "WitnessCheck", field = "note")
    public String witnessNote(StoreVerifier.WitnessCheck check, DataFetchingEnvironment env) {
        return check.note() == null ? null : check.note().in(env.getLocale());
    }

    @QueryMapping
    public PublicKeyView integrityPublicKey() {
        return new PublicKeyView("Ed25519", keys.keyId(), keys.publicKeyPem());
    }

    @QueryMapping
    public CheckpointView latestCheckpoint() {
        return chain.latestCheckpoint().map(CheckpointView::of).orElse(null);
    }

    @QueryMapping
    public VerificationView storeVerification(@Argument String id) {
        VerificationJobs.Job job = jobs.find(Args.text("id", id));
        return job == null ? null : VerificationView.of(job);
    }

    /** The input of {@code startStoreVerification}. */
    public record StartStoreVerificationInput(List<String> checkpoints) {
    }

    /** What {@code startStoreVerification} answers: the verification it started, or why it started none. */
    public record StoreVerificationPayload(String id, VerificationView verification, List<UserError> errors) {
        static StoreVerificationPayload refused(String field, Message message) {
            return new StoreVerificationPayload(null, null,
                    List.of(new UserError(RejectionCode.INVALID_INPUT, field, message)));
        }
    }

    @MutationMapping
    public StoreVerificationPayload startStoreVerification(@Argument StartStoreVerificationInput input) {
        List<String> documents = input == null || input.checkpoints() == null ? List.of() : input.checkpoints();
        if (documents.size() > 100) {
            return StoreVerificationPayload.refused("checkpoints",
                    ApiText.of("integrity.tooManyCheckpoints", "100", String.valueOf(documents.size())));
        }
        List<HashChain.Checkpoint> supplied = new java.util.ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            try {
                supplied.add(HashChain.Checkpoint.parse(documents.get(i)));
            } catch (HashChain.NotACheckpoint e) {
                return StoreVerificationPayload.refused("checkpoints[" + i + "]",
                        ApiText.of("integrity.badCheckpoint", "checkpoints[" + i + "]", e.text()));
            }
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String id = jobs.start(user == null ? "anonymous" : user.getName(), supplied).id();
        // the verification as storeVerification(id) reads it
        VerificationJobs.Job started = jobs.find(id);
        return new StoreVerificationPayload(id, started == null ? null : VerificationView.of(started), List.of());
    }

    @QueryMapping
    public String unitHistoryExport(@Argument String unitCode) {
        try {
            return export.export(Args.text("unitCode", unitCode));
        } catch (HistoryExport.NothingToExport e) {
            throw new InvalidArgumentException(ApiText.of("integrity.nothingToExport", unitCode));
        }
    }
}
