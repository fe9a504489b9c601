package org.ntmrecords.infra.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.security.NtmAuthentication;
import org.ntmrecords.infra.security.WebSessionState;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web application's browser session. {@code GET /web/session} says whether it is signed in and gives the CSRF
 * token its script sends (header {@code X-CSRF-TOKEN}) with every request that changes something; asking creates the
 * session. Signing in ({@code POST /web/sign-in}) and out ({@code POST /web/sign-out}) are answered by Spring
 * Security's filters (see {@code SecurityConfiguration}); the sign-in form reaches this class only when local accounts
 * are off, and is then told so.
 */
@RestController
public class WebSessionEndpoint {

    @GetMapping("/web/session")
    public ResponseEntity<WebSessionState> session(HttpServletRequest request) {
        boolean signedIn = SecurityContextHolder.getContext().getAuthentication() instanceof NtmAuthentication;
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(WebSessionState.of(request, signedIn));
    }

    @PostMapping("/web/sign-in")
    public ResponseEntity<Map<String, Object>> noLocalAccounts(HttpServletRequest request) {
        String message = ApiText.say(ApiText.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)),
                "webSession.signInUnavailable");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noStore())
                .body(Map.of("errors", List.of(Map.of("message", message,
                        "extensions", Map.of("classification", "NOT_FOUND", "code", "SIGN_IN_UNAVAILABLE")))));
    }
}
