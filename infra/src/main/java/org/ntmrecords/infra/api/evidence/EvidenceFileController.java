package org.ntmrecords.infra.api.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.distribution.DeploymentRole;
import org.ntmrecords.infra.distribution.RoleGuard;
import org.ntmrecords.infra.evidence.EvidenceStore;
import org.ntmrecords.infra.security.NtmPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence files over HTTP (GraphQL carries no file bodies): {@code POST /evidence/files} with the file as the
 * request body stores it and answers its SHA-256, size and detected type, which {@code attachEvidence} then names;
 * {@code GET /evidence/files/<sha256>} hands it out after checking its hash again. Uploading needs a role that
 * attaches evidence; reading, any signed-in role but dashboard viewers. A refusal is a JSON body {@code code},
 * {@code field}, {@code message}: the message in the request's language (Vietnamese unless its {@code Accept-Language}
 * prefers English), the code the same in both.
 */
@RestController
@RequestMapping("/evidence/files")
public class EvidenceFileController {
    private static final Logger log = LoggerFactory.getLogger(EvidenceFileController.class);
    private static final Set<Role> UPLOADERS = EnumSet.of(Role.COMMUNE_OFFICER, Role.DISTRICT_AGENCY,
            Role.DISTRICT_COORDINATION_OFFICE, Role.VERIFIER, Role.APPRAISER, Role.DECISION_AUTHORITY);

    private final EvidenceStore store;
    private final DeploymentRole role;

    public EvidenceFileController(EvidenceStore store, DeploymentRole role) {
        this.store = store;
        this.role = role;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> upload(InputStream body, @AuthenticationPrincipal NtmPrincipal user,
                                                      @RequestHeader HttpHeaders headers) throws IOException {
        Locale language = ApiText.language(headers);
        if (user == null || !UPLOADERS.contains(user.role())) {
            return error(HttpStatus.FORBIDDEN, "NOT_ALLOWED", "file", ApiText.of("evidence.file.mayNotAttach"),
                    language);
        }
        if (!role.servesMutations()) {
            return error(HttpStatus.CONFLICT, RoleGuard.READ_ONLY_REPLICA, "file", ApiText.of("evidence.file.replica"),
                    language);
        }
        try {
            EvidenceStore.Stored stored = store.store(body);
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("sha256", stored.sha256(),
                    "size", stored.size(), "mediaType", stored.mediaType()));
        } catch (CommandRejectedException e) {
            return error(HttpStatus.UNPROCESSABLE_ENTITY, e.code().name(), e.field(), e.text(), language);
        }
    }

    @GetMapping("/{sha256}")
    public ResponseEntity<?> download(@PathVariable String sha256, @AuthenticationPrincipal NtmPrincipal user,
                                      @RequestHeader HttpHeaders headers) throws IOException {
        Locale language = ApiText.language(headers);
        if (user == null || user.role() == Role.DASHBOARD_VIEWER) {
            return error(HttpStatus.FORBIDDEN, "NOT_ALLOWED", "sha256", ApiText.of("evidence.file.mayNotRead"),
                    language);
        }
        try {
            Optional<EvidenceStore.Opened> opened = store.open(sha256);
            if (opened.isEmpty()) {
                return error(HttpStatus.NOT_FOUND, "UNKNOWN_FILE", "sha256", ApiText.of("evidence.file.unknown"),
                        language);
            }
            EvidenceStore.Stored stored = opened.get().stored();
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(stored.mediaType()))
                    .contentLength(stored.size()).header("X-Content-SHA256", sha256)
                    .body(new InputStreamResource(opened.get().content()));
        } catch (EvidenceStore.IntegrityException e) {
            log.error("Evidence file refused: {}", e.getMessage());
            return error(HttpStatus.CONFLICT, "INTEGRITY", "sha256", e.text(), language);
        }
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String field,
                                                             Message message, Locale language) {
        return ResponseEntity.status(status).body(Map.of("code", code, "field", field == null ? "" : field,
                "message", message.in(language)));
    }
}
