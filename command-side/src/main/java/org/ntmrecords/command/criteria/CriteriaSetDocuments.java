package org.ntmrecords.command.criteria;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.stream.Collectors;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;

/**
 * Reads the criteria set definition format (YAML, or JSON, which is valid YAML) described in
 * {@code docs/criteria-set-format.md}. Unknown fields are refused so that a misspelt threshold is an error,
 * not a silently missing requirement.
 */
public final class CriteriaSetDocuments {
    /** Largest definition document accepted, in characters. */
    public static final int MAX_LENGTH = 1_000_000;

    private static final ObjectMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                    .loaderOptions(loaderOptions())
                    .build())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private CriteriaSetDocuments() {
    }

    public static CriteriaSetDefinition parse(String document) {
        return read(document, CriteriaSetDefinition.class, "document", "");
    }

    /**
     * One indicator as a set document writes it ({@code code}, {@code text}, {@code requirement}, {@code provenance}),
     * for an amendment that adds one; a problem names {@code field} and the path within it.
     */
    public static org.ntmrecords.events.criteria.IndicatorDefinition parseIndicator(String document, String field) {
        return read(document, org.ntmrecords.events.criteria.IndicatorDefinition.class, field, field + ".");
    }

    private static <T> T read(String document, Class<T> type, String field, String prefix) {
        if (document == null || document.isBlank()) {
            throw new CommandRejectedException(RejectionCode.INVALID_DEFINITION, field,
                    CommandText.of("criteria.document.empty"));
        }
        if (document.length() > MAX_LENGTH) {
            throw new CommandRejectedException(RejectionCode.INVALID_DEFINITION, field,
                    CommandText.of("criteria.document.tooLong", String.valueOf(MAX_LENGTH)));
        }
        try {
            T definition = MAPPER.readValue(document, type);
            if (definition == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_DEFINITION, field,
                        CommandText.of("criteria.document.none"));
            }
            return definition;
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new CommandRejectedException(RejectionCode.INVALID_DEFINITION, path.isEmpty() ? field : prefix + path,
                    CommandText.of("criteria.document.cannotRead",
                            path.isEmpty() ? CommandText.of("criteria.document.whole") : path, why(e)));
        } catch (JsonProcessingException e) {
            throw new CommandRejectedException(RejectionCode.INVALID_DEFINITION, field,
                    CommandText.of("criteria.document.notYaml", withoutTypeNames(e.getOriginalMessage())));
        }
    }

    /** Why a field could not be read, in words that name no Java type. */
    private static Object why(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return CommandText.of("criteria.document.unknownField", unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
        if (e instanceof InvalidFormatException invalid) {
            return CommandText.of("criteria.document.invalidValue", String.valueOf(invalid.getValue()),
                    expected(invalid.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return CommandText.of("criteria.document.wrongShape", expected(mismatched.getTargetType()));
        }
        return withoutTypeNames(e.getOriginalMessage());
    }

    /** What a field of a type holds, for a reader. */
    private static Object expected(Class<?> type) {
        if (type == null) {
            return CommandText.of("criteria.document.expectedValue");
        }
        if (type.isEnum()) {
            return CommandText.of("criteria.document.expectedOneOf", java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")));
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return CommandText.of("criteria.document.expectedNumber");
        }
        if (type == Boolean.class || type == boolean.class) {
            return CommandText.of("criteria.document.expectedBoolean");
        }
        if (type == java.time.LocalDate.class) {
            return CommandText.of("criteria.document.expectedDate");
        }
        if (type == String.class) {
            return CommandText.of("criteria.document.expectedText");
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return CommandText.of("criteria.document.expectedList");
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return CommandText.of("criteria.document.expectedObject");
        }
        return CommandText.of("criteria.document.expectedValue");
    }

    /**
     * A parser's own words (English) with the Java types they name taken out: {@code (class org.….X)} dropped, a type
     * ({@code `java.math.BigDecimal`}) said as "value".
     */
    static String withoutTypeNames(String message) {
        if (message == null) {
            return "";
        }
        return message.replaceAll("\\s*\\(class [\\w.$]+\\)", "")
                .replaceAll("`?\\b(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*(?:\\[])?`?", "value");
    }

    private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(MAX_LENGTH * 4);
        return options;
    }
}
