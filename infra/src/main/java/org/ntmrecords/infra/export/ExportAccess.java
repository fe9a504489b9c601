package org.ntmrecords.infra.export;

import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ntmrecords.command.access.Acting;
import org.ntmrecords.command.access.SecurityLog;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.security.AccessProbe;
import org.ntmrecords.infra.security.FieldAccessPolicy;
import org.ntmrecords.infra.security.ReadPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Who downloads what: the read policy the GraphQL API enforces field by field ({@link FieldAccessPolicy},
 * {@code security/read-policy.yml}), asked of the fields an export prints, so a workbook never shows an account what
 * the API hides from it (a dashboard reads standings, not values, evidence or history). A refusal goes to the security
 * log as the API's does.
 */
@Component
class ExportAccess {
    private final ReadPolicy policy;
    private final SecurityLog log;

    ExportAccess(FieldAccessPolicy fields, SecurityLog log) {
        this.policy = fields.policy();
        this.log = log;
    }

    /** Whether the signed-in account reads {@code type.field} of the schema. */
    boolean reads(Principal principal, String type, String field) {
        return AccessProbe.acting(principal).map(a -> policy.allows(a.role(), type, field)).orElse(false);
    }

    /**
     * The refusal of an account that may not read {@code type.field} (403 {@code NOT_ALLOWED}, logged), if it may not.
     *
     * @param parameter the request parameter the refusal names
     */
    Optional<ResponseEntity<Map<String, Object>>> refusedUnless(Principal principal, String type, String field,
                                                                 String parameter, Locale language) {
        if (reads(principal, type, field)) {
            return Optional.empty();
        }
        String coordinate = type + "." + field;
        Optional<Acting> acting = AccessProbe.acting(principal);
        acting.ifPresent(a -> log.denied(a, "READ " + coordinate, null,
                coordinate + " is not readable by " + a.role()));
        return Optional.of(ExportAnswers.refusal(HttpStatus.FORBIDDEN, "NOT_ALLOWED", parameter,
                ApiText.of("export.notReadable", coordinate), language));
    }
}
