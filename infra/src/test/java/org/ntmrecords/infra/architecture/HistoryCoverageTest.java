package org.ntmrecords.infra.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.ntmrecords.query.history.HistoryProjection;

/** Every event of the catalogue enters the history: a history that misses a kind of event is not a history. */
class HistoryCoverageTest {
    @Test
    void theHistoryProjectionHandlesEveryEventType() {
        List<Class<?>> events = new ClassFileImporter().importPackages("org.ntmrecords.events").stream()
                .filter(c -> c.getSimpleName().endsWith("Event") && c.isRecord())
                .map(JavaClass::reflect).collect(Collectors.toList());
        Set<Class<?>> handled = Arrays.stream(HistoryProjection.class.getMethods())
                .filter(m -> m.isAnnotationPresent(EventHandler.class))
                .map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());
        assertThat(events).isNotEmpty().allSatisfy(event -> assertThat(handled).as("handler for %s", event).contains(event));
    }
}
