package org.ntmrecords.infra.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** A start refused for keys that are not the store's is reported with what to do, found where Spring Boot looks. */
class KeysNotTheStoresFailureAnalyzerTest {

    @Test
    void aRefusedStartSaysWhyAndWhatToDo() {
        RestoredKeysCheck.KeysNotTheStoresException refusal =
                new RestoredKeysCheck.KeysNotTheStoresException("The event store holds events, but /k has no sealing key");
        FailureAnalysis analysis = new KeysNotTheStoresFailureAnalyzer()
                .analyze(new BeanCreationException("integrityKeys", "failed", refusal));
        assertThat(analysis.getDescription()).isEqualTo(refusal.getMessage());
        assertThat(analysis.getAction()).contains("Restore the key directory", "ntm.integrity.key-directory");
        assertThat(new KeysNotTheStoresFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
    }

    @Test
    void springBootFindsIt() throws java.io.IOException {
        java.util.List<String> registered = new java.util.ArrayList<>();
        var files = getClass().getClassLoader().getResources(SpringFactoriesLoader.FACTORIES_RESOURCE_LOCATION);
        while (files.hasMoreElements()) {
            java.util.Properties factories = new java.util.Properties();
            try (var in = files.nextElement().openStream()) {
                factories.load(in);
            }
            String analyzers = factories.getProperty(org.springframework.boot.diagnostics.FailureAnalyzer.class.getName());
            if (analyzers != null) {
                registered.addAll(java.util.Arrays.stream(analyzers.split(",")).map(String::trim).toList());
            }
        }
        assertThat(registered).contains(KeysNotTheStoresFailureAnalyzer.class.getName());
    }
}
