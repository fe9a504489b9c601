package org.ntmrecords.infra.api.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.ServedSchema;

/**
 * The kinds of event a history serves (SCREAMING_CASE, the schema's {@code HistoryEventType}) against the names the
 * history stores (each event class's name without {@code Event}, part of the stored data): every stored kind has its
 * served value and comes back from it unchanged, and every served value names a stored kind.
 */
class HistoryEventTypesTest {
    private static Set<String> storedKinds;
    private static Set<String> servedValues;

    @BeforeAll
    static void read() throws Exception {
        storedKinds = new ClassFileImporter().importPackages("org.ntmrecords.events").stream()
                .filter(c -> c.getSimpleName().endsWith("Event") && c.isRecord()).map(JavaClass::getSimpleName)
                .map(name -> name.substring(0, name.length() - "Event".length()))
                .collect(Collectors.toCollection(TreeSet::new));
        GraphQLEnumType served = (GraphQLEnumType) ServedSchema.build().getType("HistoryEventType");
        servedValues = served.getValues().stream().map(GraphQLEnumValueDefinition::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void namesAreMappedWordByWord() {
        assertThat(HistoryEventTypes.served("IndicatorValueRecorded")).isEqualTo("INDICATOR_VALUE_RECORDED");
        assertThat(HistoryEventTypes.served("CriteriaSetVersionAdopted")).isEqualTo("CRITERIA_SET_VERSION_ADOPTED");
        assertThat(HistoryEventTypes.stored("UNIT_CEASED")).isEqualTo("UnitCeased");
        assertThat(HistoryEventTypes.stored(List.of("INDICATOR_MARKED_NOT_ASSESSED", "STANDARD_LAPSED")))
                .containsExactly("IndicatorMarkedNotAssessed", "StandardLapsed");
        assertThat(HistoryEventTypes.stored((List<String>) null)).isNull();
        assertThatThrownBy(() -> HistoryEventTypes.stored("IndicatorValueRecorded"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyStoredKindIsServedAndComesBackUnchanged() {
        assertThat(storedKinds).hasSizeGreaterThan(40).contains("IndicatorValueRecorded", "UnitReappraised");
        assertThat(storedKinds).allSatisfy(kind -> {
            String served = HistoryEventTypes.served(kind);
            assertThat(servedValues).as("HistoryEventType value for stored %s", kind).contains(served);
            assertThat(HistoryEventTypes.stored(served)).as("round trip of %s", kind).isEqualTo(kind);
        });
    }

    @Test
    void everyServedValueNamesAStoredKind() {
        assertThat(servedValues).allSatisfy(value -> {
            assertThat(storedKinds).as("stored kind of HistoryEventType.%s", value)
                    .contains(HistoryEventTypes.stored(value));
            assertThat(HistoryEventTypes.served(HistoryEventTypes.stored(value))).isEqualTo(value);
        });
        assertThat(servedValues).hasSameSizeAs(storedKinds);
    }
}
