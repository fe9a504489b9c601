package org.ntmrecords.infra.api.integrity;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.ntmrecords.command.access.Acting;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.access.SecurityLog;
import org.ntmrecords.command.common.Outcome;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.common.UserError;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.api.Connection;
import org.ntmrecords.infra.api.GraphQlInputs;
import org.ntmrecords.infra.api.Paging;
import org.ntmrecords.infra.integrity.IntegrityKeys;
import org.ntmrecords.infra.integrity.KeyRotation;
import org.ntmrecords.infra.security.NtmPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** The store's key generations, and their rotation (docs/operations.md, "Key rotation"). */
@Controller
public class KeyGenerationsApi {
    private final IntegrityKeys keys;
    private final ObjectProvider<KeyRotation> rotation;
    private final Paging paging;
    private final SecurityLog log;
    private final Clock clock;

    public KeyGenerationsApi(IntegrityKeys keys, ObjectProvider<KeyRotation> rotation, Paging paging, SecurityLog log,
                             Clock clock) {
        this.keys = keys;
        this.rotation = rotation;
        this.paging = paging;
        this.log = log;
        this.clock = clock;
    }

    public record GenerationView(int number, Instant effectiveFrom, Instant effectiveUntil, boolean inForce,
                                 String keyId, String publicKeyPem, String sealKeyId, RotationView rotation,
                                 Integer supersededBy) {
    }

    public record RotationView(String reason, DocumentRef basis, Instant recordedAt, String recordedBy, long position) {
    }

    public record RotateIntegrityKeysInput(Instant effectiveFrom, String reason,
                                           GraphQlInputs.DocumentRefInput basis) {
    }

    public record RotateIntegrityKeysPayload(GenerationView generation, List<UserError> errors) {
    }

    @QueryMapping
    public Connection<GenerationView> integrityKeyGenerations(@Argument Integer first, @Argument String after,
                                                              @Argument Integer last, @Argument String before) {
        Paging.PageRequest request = paging.request("integrityKeyGenerations", first, after, last, before);
        List<GenerationView> all = views();
        Long cursor = request.longKey("n");
        // newest first: forward pages go to lower numbers
        List<GenerationView> fetched;
        if (request.forward()) {
            fetched = all.stream().filter(g -> cursor == null || g.number() < cursor).limit(request.size() + 1L)
                    .toList();
        } else {
            List<GenerationView> older = all.stream().filter(g -> cursor == null || g.number() > cursor)
                    .sorted(Comparator.comparingInt(GenerationView::number)).limit(request.size() + 1L).toList();
            fetched = older.stream().sorted(Comparator.comparingInt(GenerationView::number).reversed()).toList();
        }
        return paging.connection(fetched, request, g -> Map.of("n", g.number()), all.size());
    }

    /** Every generation, newest first, with when each is in force. */
    private List<GenerationView> views() {
        // the generation in force first: asking for it may read the schedule again, and the list must be that one
        int current = keys.current().number();
        List<IntegrityKeys.Generation> generations = keys.generations();
        return generations.stream().map(g -> {
            // until the next generation that takes effect; a superseded one is never in force
            Instant until = !g.active() ? null : generations.stream()
                    .filter(later -> later.number() > g.number() && later.active()).findFirst()
                    .map(IntegrityKeys.Generation::effectiveFrom).orElse(null);
            IntegrityKeys.Rotation r = g.rotation();
            return new GenerationView(g.number(), g.number() == 1 ? null : g.effectiveFrom(), until,
                    g.number() == current, g.keyId(), g.publicKeyPem(), g.sealKeyId(), r == null ? null
                    : new RotationView(r.event().reason(), r.event().basis(), r.recordedAt(), r.recordedBy(),
                    r.position()), g.supersededBy());
        }).sorted(Comparator.comparingInt(GenerationView::number).reversed()).toList();
    }

    @MutationMapping
    public RotateIntegrityKeysPayload rotateIntegrityKeys(@Argument RotateIntegrityKeysInput input,
                                                          @AuthenticationPrincipal NtmPrincipal principal) {
        if (principal == null || principal.role() != Role.ADMINISTRATOR) {
            Message reason = ApiText.of("integrity.rotation.administrators");
            if (principal != null) {
                // the log is for operators: in English
                log.denied(new Acting(principal.username(), principal.role(), principal.unitCode(),
                        principal.agencyId()), "RotateIntegrityKeys", null, reason.toString());
            }
            return new RotateIntegrityKeysPayload(null, List.of(new UserError(RejectionCode.NOT_ALLOWED, null,
                    reason)));
        }
        KeyRotation rotations = rotation.getIfAvailable();
        if (rotations == null) {
            return new RotateIntegrityKeysPayload(null, List.of(new UserError(RejectionCode.UNAVAILABLE, null,
                    ApiText.of("integrity.rotation.notHere"))));
        }
        Outcome<Integer> outcome = rotations.rotate(input.effectiveFrom(), input.reason(),
                GraphQlInputs.ref(input.basis()));
        if (!outcome.succeeded()) {
            return new RotateIntegrityKeysPayload(null, outcome.errors());
        }
        return new RotateIntegrityKeysPayload(views().stream().filter(g -> g.number() == outcome.result()).findFirst()
                .orElseThrow(), List.of());
    }
}
