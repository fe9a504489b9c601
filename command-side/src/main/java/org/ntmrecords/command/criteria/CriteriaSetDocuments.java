package org.ntmrecords.command.criteria;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.stream.Collectors;
import org.ntmrecords.command.common.CommandRejectedException;
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
        if (document == null || document.isBlank()) {
            throw new CommandRejectedException(RejectionCode.INVALID_DEFINITION, "document", "the document is empty");
        }
        if (document.length() > MAX_LENGTH) {
            throw new CommandRejectedException(RejectionCode.INVALID_DEFINITION, "document",
                    "the document is longer than " + MAX_LENGTH + " characters");
        }
        try {
            CriteriaSetDefinition definition = MAPPER.readValue(document, CriteriaSetDefinition.class);
            if (definition == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_DEFINITION, "document",
                        "the document holds no definition");
            }
            return definition;
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new CommandRejectedException(RejectionCode.INVALID_DEFINITION, path.isEmpty() ? "document" : path,
                    "cannot read " + (path.isEmpty() ? "the document" : path) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new CommandRejectedException(RejectionCode.INVALID_DEFINITION, "document",
                    "not a YAML or JSON document: " + e.getOriginalMessage());
        }
    }

    private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(MAX_LENGTH * 4);
        return options;
    }
}
