package org.ntmrecords.infra.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The GraphiQL UI at {@code /graphiql}, with its scripts served from this jar (WebJars), so it works on
 * machines without access to a CDN. Switched off with {@code ntm.graphiql.enabled=false}.
 */
@Controller
@ConditionalOnProperty(name = "ntm.graphiql.enabled", havingValue = "true", matchIfMissing = true)
public class GraphiQlPage {
    private static final Resource PAGE = new ClassPathResource("graphiql/index.html");

    @GetMapping("/graphiql")
    public ResponseEntity<Resource> page() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
    }

    /** The same page asked for with a trailing slash: sent to its own address, so its relative links hold. */
    @GetMapping("/graphiql/")
    public ResponseEntity<Void> withSlash() {
        return ResponseEntity.status(302).header("Location", "/graphiql").build();
    }
}
