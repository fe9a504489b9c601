package org.ntmrecords.infra.api;

import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/** Production can switch schema introspection and the GraphiQL page off. */
@TestPropertySource(properties = {"spring.graphql.schema.introspection.enabled=false", "ntm.graphiql.enabled=false"})
class IntrospectionOffIT extends IntegrationTest {

    @Test
    void introspectionAndTheUiCanBeSwitchedOff() {
        graphQl().document("{ __schema { types { name } } }").execute()
                .errors().expect(e -> true).verify();
        graphQl().document("{ apiVersion }").execute().path("apiVersion").entity(String.class).isEqualTo("0.1");
        anonymous().get().uri("/graphiql").exchange().expectStatus().value(s -> org.assertj.core.api.Assertions
                .assertThat(s).isIn(401, 404)).expectBody().returnResult();
    }

    /** Spring Boot switches introspection off JVM-wide (graphql-java's flag): on again for the services tested next. */
    @org.junit.jupiter.api.AfterAll
    static void introspectionOnAgain() {
        graphql.introspection.Introspection.enabledJvmWide(true);
    }
}
