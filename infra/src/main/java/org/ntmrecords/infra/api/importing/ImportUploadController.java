package org.ntmrecords.infra.api.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.distribution.DeploymentRole;
import org.ntmrecords.infra.distribution.RoleGuard;
import org.ntmrecords.infra.importing.ImportRuns;
import org.ntmrecords.infra.security.NtmPrincipal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /imports/values} with the file (CSV or .xlsx) as the request body: checks it and starts its import as
 * the signed-in account ({@link ImportRuns}), answering {@code 202} with the run's id, followed by the GraphQL query
 * {@code importRun(id)}. Parameters: {@code dryRun} (check every row, record nothing; default false),
 * {@code fileName} (as the sender names the file: kept with it and attached under it), {@code sheet} (a workbook's
 * sheet; default its first), {@code encoding} (a CSV's, e.g. {@code windows-1258}; default found from the file). A
 * refusal is a JSON body {@code code}, {@code field}, {@code message} in the request's language, with nothing stored:
 * 403 a role that records no values, 409 a read-only replica, 413 a file too large, 415 a file that is neither a
 * workbook nor text, 422 a file that cannot be read as the import reads it, 400 an unknown encoding or a
 * {@code dryRun} other than one {@code true} or {@code false}, 429 an account with a run not done yet, 503 a full
 * queue, 405 a method other than POST.
 */
@RestController
public class ImportUploadController {
    private final ImportRuns runs;
    private final DeploymentRole role;

    public ImportUploadController(ImportRuns runs, DeploymentRole role) {
        this.runs = runs;
        this.role = role;
    }

    @PostMapping("/imports/values")
    public ResponseEntity<Map<String, Object>> upload(InputStream body,
                                                      @RequestParam MultiValueMap<String, String> parameters,
                                                      @RequestParam(required = false) String fileName,
                                                      @RequestParam(required = false) String sheet,
                                                      @RequestParam(required = false) String encoding,
                                                      @AuthenticationPrincipal NtmPrincipal user,
                                                      @RequestHeader HttpHeaders headers) throws IOException {
        return start(body, parameters.get("dryRun"), fileName, sheet, encoding, null, user, headers);
    }

    /**
     * {@code POST /imports/records?kind=addPlanItem} (or a workbook whose sheets are named by kinds, without
     * {@code kind}): records of the kinds {@link org.ntmrecords.infra.importing.RecordsImport#KINDS}, each row sent
     * through its mutation as the signed-in account; the same parameters and answers as {@code /imports/values}.
     */
    @PostMapping("/imports/records")
    public ResponseEntity<Map<String, Object>> records(InputStream body,
                                                       @RequestParam MultiValueMap<String, String> parameters,
                                                       @RequestParam(required = false) String kind,
                                                       @RequestParam(required = false) String fileName,
                                                       @RequestParam(required = false) String sheet,
                                                       @RequestParam(required = false) String encoding,
                                                       @AuthenticationPrincipal NtmPrincipal user,
                                                       @RequestHeader HttpHeaders headers) throws IOException {
        return start(body, parameters.get("dryRun"), fileName, sheet, encoding,
                kind == null || kind.isBlank() ? "records" : kind.strip(), user, headers);
    }

    /** Any other method on the import endpoints: 405 in the refusals' form, naming the one taken. */
    @RequestMapping(path = {"/imports/values", "/imports/records"}, method = {RequestMethod.GET, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE})
    public ResponseEntity<Map<String, Object>> otherMethod(@RequestHeader HttpHeaders headers) {
        ResponseEntity<Map<String, Object>> refusal = refusal(HttpStatus.METHOD_NOT_ALLOWED, "INVALID_INPUT", null,
                ApiText.of("import.upload.method"), ApiText.language(headers));
        return ResponseEntity.status(refusal.getStatusCode()).allow(org.springframework.http.HttpMethod.POST)
                .body(refusal.getBody());
    }

    /**
     * {@code dryRun} exactly once, {@code true} or {@code false} in any case; absent is false. Anything else (empty,
     * repeated, another word) is refused rather than taken for a real import.
     */
    private static Boolean dryRun(List<String> given) {
        if (given == null) {
            return false;
        }
        if (given.size() == 1 && given.get(0) != null) {
            String value = given.get(0).strip();
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            if (value.equalsIgnoreCase("false")) {
                return false;
            }
        }
        return null;
    }

    private ResponseEntity<Map<String, Object>> start(InputStream body, List<String> dryRunGiven, String fileName,
                                                      String sheet, String encoding, String kind, NtmPrincipal user,
                                                      HttpHeaders headers) throws IOException {
        Locale language = ApiText.language(headers);
        Boolean dryRun = dryRun(dryRunGiven);
        if (dryRun == null) {
            String shown = String.join(", ", dryRunGiven.stream().map(v -> "“" + (v.length() > 20
                    ? v.substring(0, 20) + "…" : v) + "”").limit(3).toList());
            return refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "dryRun", ApiText.of("import.upload.dryRun",
                    shown), language);
        }
        if (!role.servesMutations()) {
            return refusal(HttpStatus.CONFLICT, RoleGuard.READ_ONLY_REPLICA, "file",
                    ApiText.of("evidence.file.replica"), language);
        }
        Charset charset = null;
        if (encoding != null && !encoding.isBlank()) {
            try {
                charset = Charset.forName(encoding.strip());
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "encoding",
                        ApiText.of("import.file.unknownEncoding", encoding), language);
            }
        }
        byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, runs.maxBytes() + 1));
        try {
            ImportRuns.ImportRun run = runs.start(new ImportRuns.Upload(content, fileName,
                    sheet == null || sheet.isBlank() ? null : sheet, charset, dryRun, kind), user);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", run.id());
            answer.put("status", run.status().name());
            answer.put("dryRun", run.dryRun());
            answer.put("kind", run.kind());
            answer.put("fileName", run.fileName());
            answer.put("rows", run.total());
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
        } catch (ImportRuns.Refused refused) {
            HttpStatus status = switch (refused.code()) {
                case "NOT_ALLOWED" -> HttpStatus.FORBIDDEN;
                case "BUSY" -> refused.text().key().equals("import.upload.busyAccount") ? HttpStatus.TOO_MANY_REQUESTS
                        : HttpStatus.SERVICE_UNAVAILABLE;
                case "FILE_UNREADABLE" -> HttpStatus.UNPROCESSABLE_ENTITY;
                case "INVALID_INPUT" -> HttpStatus.BAD_REQUEST;
                default -> content.length > runs.maxBytes() || "file".equals(refused.field())
                        && refused.text().key().equals("import.upload.tooManyRows") ? HttpStatus.PAYLOAD_TOO_LARGE
                        : content.length == 0 ? HttpStatus.BAD_REQUEST : HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            };
            return refusal(status, refused.code(), refused.field(), refused.text(), language);
        }
    }

    private static ResponseEntity<Map<String, Object>> refusal(HttpStatus status, String code, String field,
                                                               Message message, Locale language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("field", field);
        body.put("message", message.in(language));
        return ResponseEntity.status(status).body(body);
    }
}
