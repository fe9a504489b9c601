package org.ntmrecords.infra.api;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.TypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.springframework.graphql.execution.ErrorType;

/**
 * A variable graphql-java could not read is reported as the field that is wrong: graphql-java says only which
 * variable ("Variable 'i' has an invalid value: …", with the Java type it wanted for some scalars); this finds the
 * first value inside it that its type refuses and answers a typed error naming that field ({@code i.period.start})
 * and saying what the value should be, in words.
 */
public class VariableErrors extends SimplePerformantInstrumentation {

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        if (result.getErrors().isEmpty() || result.isDataPresent()) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = new ArrayList<>();
        boolean changed = false;
        for (GraphQLError error : result.getErrors()) {
            Optional<GraphQLError> named = name(error, parameters);
            errors.add(named.orElse(error));
            changed |= named.isPresent();
        }
        return CompletableFuture.completedFuture(changed ? result.transform(b -> b.errors(errors)) : result);
    }

    private Optional<GraphQLError> name(GraphQLError error, InstrumentationExecutionParameters parameters) {
        String message = error.getMessage();
        if (message == null) {
            return Optional.empty();
        }
        if (error instanceof graphql.validation.ValidationError invalid) {
            return Optional.of(documentError(invalid, parameters.getExecutionInput().getLocale()));
        }
        String variable;
        if (message.startsWith("Variable '") && message.indexOf('\'', 10) > 0) {
            variable = message.substring(10, message.indexOf('\'', 10));
        } else if (message.startsWith("The variables input")) {
            variable = null; // graphql-java does not say which: look at every variable
        } else {
            return Optional.empty();
        }
        Map<String, Object> raw = parameters.getExecutionInput().getVariables();
        GraphQLSchema schema = parameters.getSchema();
        Document document;
        try {
            document = Parser.parse(parameters.getQuery());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        String operationName = parameters.getOperation();
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (operationName != null && !operationName.equals(operation.getName())) {
                continue;
            }
            for (VariableDefinition definition : operation.getVariableDefinitions()) {
                if (variable != null && !definition.getName().equals(variable)) {
                    continue;
                }
                GraphQLInputType type = (GraphQLInputType) schema.getType(TypeInfo.typeInfo(definition.getType()).getName());
                if (type == null) {
                    return Optional.empty();
                }
                type = (GraphQLInputType) TypeInfo.typeInfo(definition.getType()).decorate(type);
                String name = definition.getName();
                Problem problem = find(type, raw.get(name), raw.containsKey(name), name,
                        parameters.getGraphQLContext(), parameters.getExecutionInput().getLocale());
                if (problem == null) {
                    continue;
                }
                return Optional.of(GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST)
                        .message(problem.message())
                        .locations(error.getLocations())
                        .extensions(Map.of("code", "INVALID_INPUT", "field", problem.field())).build());
            }
        }
        return Optional.empty();
    }

    /** The first value inside {@code value} that {@code type} refuses, or null. */
    record Problem(String field, String message) {
    }

    static Problem find(GraphQLInputType type, Object value, boolean present, String path, GraphQLContext context,
                        Locale locale) {
        if (type instanceof GraphQLNonNull nonNull) {
            if (value == null) {
                return new Problem(path, ApiText.say(locale, present ? "input.notNull" : "input.required", path));
            }
            return find((GraphQLInputType) nonNull.getWrappedType(), value, true, path, context, locale);
        }
        if (value == null) {
            return null;
        }
        if (type instanceof GraphQLList list) {
            GraphQLInputType items = (GraphQLInputType) list.getWrappedType();
            if (value instanceof List<?> values) {
                for (int i = 0; i < values.size(); i++) {
                    Problem problem = find(items, values.get(i), true, path + "[" + i + "]", context, locale);
                    if (problem != null) {
                        return problem;
                    }
                }
                return null;
            }
            return find(items, value, true, path, context, locale);
        }
        if (type instanceof GraphQLInputObjectType object) {
            if (!(value instanceof Map<?, ?> fields)) {
                return new Problem(path, ApiText.say(locale, "input.notAnObject", path, object.getName()));
            }
            for (Object key : fields.keySet()) {
                if (object.getField(String.valueOf(key)) == null) {
                    return new Problem(path + "." + key, ApiText.say(locale, "input.unknownField", path + "." + key,
                            object.getName(), object.getFields().stream().map(GraphQLInputObjectField::getName)
                                    .collect(Collectors.joining(", "))));
                }
            }
            for (GraphQLInputObjectField field : object.getFields()) {
                Problem problem = find(field.getType(), fields.get(field.getName()), fields.containsKey(field.getName()),
                        path + "." + field.getName(), context, locale);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (type instanceof GraphQLEnumType enumType) {
            try {
                enumType.parseValue(value, context, locale);
                return null;
            } catch (CoercingParseValueException e) {
                return new Problem(path, ApiText.say(locale, "input.notOneOf", path, String.valueOf(value),
                        enumType.getValues().stream().map(v -> v.getName()).collect(Collectors.joining(", "))));
            }
        }
        if (type instanceof GraphQLScalarType scalar) {
            try {
                scalar.getCoercing().parseValue(value, context, locale);
                return null;
            } catch (CoercingParseValueException | IllegalArgumentException e) {
                return new Problem(path, describe(scalar, value, e, path, locale));
            }
        }
        return null;
    }

    /** What the scalar wants, in words: the project's own scalars say it themselves; the standard ones are named. */
    private static String describe(GraphQLScalarType scalar, Object value, RuntimeException e, String path, Locale locale) {
        String shown = value instanceof String ? "'" + value + "'" : String.valueOf(value);
        return switch (scalar.getName()) {
            case "Int", "Long" -> ApiText.say(locale, "input.notWholeNumber", path, shown);
            case "Float", "Decimal" -> ApiText.say(locale, "input.notNumber", path, shown);
            case "Boolean" -> ApiText.say(locale, "input.notBoolean", path, shown);
            case "String", "ID" -> ApiText.say(locale, "input.notText", path, shown);
            default -> ApiText.say(locale, "input.invalid", path,
                    e.getMessage() == null ? GraphQLTypeUtil.simplePrint(scalar) : e.getMessage());
        };
    }

    private static final java.util.regex.Pattern UNKNOWN_INPUT_FIELD =
            java.util.regex.Pattern.compile("contains a field not in '(\\w+)': '(\\w+)'");
    private static final java.util.regex.Pattern UNDEFINED_FIELD =
            java.util.regex.Pattern.compile("Field '(\\w+)' in type '(\\w+)' is undefined");
    private static final java.util.regex.Pattern UNKNOWN_ARGUMENT =
            java.util.regex.Pattern.compile("Unknown field argument '?(\\w+)'?");
    /** graphql-java writes a literal value as its parser's objects ("ObjectValue{objectFields=[…]}"): never shown. */
    private static final java.util.regex.Pattern VALUE_DUMP = java.util.regex.Pattern.compile(
            "(?s) with value '.*?'(?= (contains|is not|is missing|has|must|needs|cannot))");

    /**
     * An operation that does not fit the schema, said in the reader's language: an input field, field or argument the
     * schema does not have is named; anything else keeps graphql-java's description, without its dump of the value.
     */
    static GraphQLError documentError(graphql.validation.ValidationError invalid, java.util.Locale locale) {
        String description = invalid.getDescription() == null ? invalid.getMessage() : invalid.getDescription();
        java.util.regex.Matcher m;
        String message;
        if ((m = UNKNOWN_INPUT_FIELD.matcher(description)).find()) {
            message = ApiText.say(locale, "query.unknownInputField", m.group(2), m.group(1));
        } else if ((m = UNDEFINED_FIELD.matcher(description)).find()) {
            message = ApiText.say(locale, "query.undefinedField", m.group(1), m.group(2));
        } else if ((m = UNKNOWN_ARGUMENT.matcher(description)).find()) {
            message = ApiText.say(locale, "query.unknownArgument", m.group(1));
        } else {
            message = ApiText.say(locale, "query.invalid", VALUE_DUMP.matcher(description).replaceAll(""));
        }
        return GraphqlErrorBuilder.newError().errorType(graphql.ErrorType.ValidationError).message(message)
                .locations(invalid.getLocations())
                .extensions(Map.of("code", "INVALID_QUERY", "validation", String.valueOf(invalid.getValidationErrorType())))
                .build();
    }
}
