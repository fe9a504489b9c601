package org.ntmrecords.infra.api;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.DataFetcher;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.ntmrecords.command.common.Inputs;
import org.springframework.graphql.execution.ErrorType;

/**
 * What one GraphQL operation may ask and cost ({@link GraphQlLimits}).
 *
 * <p>Before anything runs, the operation is expanded as it will execute (graphql-java's normalized operation:
 * fragments spread, aliases kept apart, {@code @skip}/{@code @include} applied, arguments coerced) and refused when
 * it has more fields or nests deeper than allowed. The expansion itself stops at the limit, so a document whose
 * fragments double at every level is refused in milliseconds whatever it would expand to. Introspection fields are
 * left out of both counts: graphql-java's good-faith introspection check bounds them, and the standard
 * introspection query of every tool must work. Every argument is checked too: page sizes within range, lists no
 * longer than allowed, text well-formed (no lone surrogate).
 *
 * <p>While it runs, each resolved field and list item is counted and the size of the data estimated; past the
 * limits, or past the time budget, nothing more is fetched and the answer is one error instead of the data.
 */
public class OperationLimits extends SimplePerformantInstrumentation {
    /** The error codes a client may see, in {@code extensions.code}. */
    public enum Code { QUERY_TOO_COMPLEX, QUERY_TOO_DEEP, PAGE_SIZE_OUT_OF_RANGE, LIST_TOO_LONG, MALFORMED_TEXT,
        RESPONSE_TOO_LARGE, TIME_BUDGET_EXCEEDED }

    private static final List<String> PAGE_ARGUMENTS = List.of("first", "last");

    private final GraphQlLimits limits;
    private final LongSupplier nanoTime;

    public OperationLimits(GraphQlLimits limits) {
        this(limits, System::nanoTime);
    }

    /** With the clock the time budget is measured by (tests move it). */
    OperationLimits(GraphQlLimits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    /** What one execution has cost so far, and why it was stopped (null while it may go on). */
    static final class Cost implements InstrumentationState {
        final long started;
        final java.util.Locale language;
        final AtomicLong fields = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicReference<GraphQLError> stopped = new AtomicReference<>();

        Cost(long started, java.util.Locale language) {
            this.started = started;
            this.language = language;
        }
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Cost(nanoTime.getAsLong(), parameters.getExecutionInput().getLocale());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                        InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        java.util.Locale language = context.getLocale();
        ExecutableNormalizedOperation operation;
        try {
            operation = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
                    context.getGraphQLSchema(), context.getOperationDefinition(), context.getFragmentsByName(),
                    context.getCoercedVariables(), ExecutableNormalizedOperationFactory.Options.defaultOptions()
                            .graphQLContext(context.getGraphQLContext()).locale(context.getLocale())
                            // introspection is not counted below, but expands here: leave room for the standard query
                            .maxFieldsCount(limits.maxComplexity() + INTROSPECTION_ALLOWANCE)
                            .maxChildrenDepth(Math.max(limits.maxDepth(), INTROSPECTION_DEPTH)));
        } catch (AbortExecutionException e) {
            throw abort(Code.QUERY_TOO_COMPLEX, ApiText.say(language, "limits.expansion", limits.maxComplexity(),
                    limits.maxDepth()), null);
        }
        long fields = 0;
        int depth = 0;
        for (ExecutableNormalizedField root : operation.getTopLevelFields()) {
            if (isIntrospection(root)) {
                continue;
            }
            long[] counted = new long[2];
            root.traverseSubTree(f -> {
                counted[0]++;
                counted[1] = Math.max(counted[1], f.getLevel());
            });
            fields += 1 + counted[0];
            depth = (int) Math.max(depth, Math.max(root.getLevel(), counted[1]));
        }
        if (fields > limits.maxComplexity()) {
            throw abort(Code.QUERY_TOO_COMPLEX, ApiText.say(language, "limits.tooComplex", fields, limits.maxComplexity()),
                    null);
        }
        if (depth > limits.maxDepth()) {
            throw abort(Code.QUERY_TOO_DEEP, ApiText.say(language, "limits.tooDeep", depth, limits.maxDepth()), null);
        }
        for (ExecutableNormalizedField root : operation.getTopLevelFields()) {
            checkArguments(root, language);
            root.traverseSubTree(field -> checkArguments(field, language));
        }
        return SimpleInstrumentationContext.noOp();
    }

    /**
     * Room for the standard introspection query (graphql-js's expands to about 150 fields, 15 deep); graphql-java's
     * good-faith check allows introspection 500 fields and 20 levels.
     */
    private static final int INTROSPECTION_ALLOWANCE = 500;
    private static final int INTROSPECTION_DEPTH = 24;

    private static boolean isIntrospection(ExecutableNormalizedField field) {
        return field.getFieldName().startsWith("__") && !"__typename".equals(field.getFieldName());
    }

    private void checkArguments(ExecutableNormalizedField field, java.util.Locale language) {
        for (Map.Entry<String, Object> argument : field.getResolvedArguments().entrySet()) {
            String path = field.getResultKey() + "(" + argument.getKey() + ")";
            Object value = argument.getValue();
            if (PAGE_ARGUMENTS.contains(argument.getKey()) && value instanceof Integer size
                    && (size < 1 || size > limits.maxPageSize())) {
                throw abort(Code.PAGE_SIZE_OUT_OF_RANGE, ApiText.say(language, "limits.pageSize", limits.maxPageSize(),
                        size), path);
            }
            checkValue(path, value, language);
        }
    }

    private void checkValue(String path, Object value, java.util.Locale language) {
        if (value instanceof String text) {
            if (!Inputs.isWellFormed(text)) {
                throw abort(Code.MALFORMED_TEXT, ApiText.say(language, "limits.malformedText", path), path);
            }
        } else if (value instanceof Collection<?> list) {
            if (list.size() > limits.maxListItems()) {
                throw abort(Code.LIST_TOO_LONG, ApiText.say(language, "limits.listTooLong", path, list.size(),
                        limits.maxListItems()), path);
            }
            int i = 0;
            for (Object item : list) {
                checkValue(path + "[" + i++ + "]", item, language);
            }
        } else if (value instanceof Map<?, ?> object) {
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                checkValue(path + "." + entry.getKey(), entry.getValue(), language);
            }
        }
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (!(state instanceof Cost cost)) {
            return dataFetcher;
        }
        int nameBytes = parameters.getExecutionStepInfo().getResultKey().length() + 4;
        return environment -> {
            if (cost.stopped.get() != null || overBudget(cost, 1, nameBytes)) {
                return null;
            }
            Object value = dataFetcher.get(environment);
            if (value instanceof CompletableFuture<?> future) {
                return future.thenApply(v -> {
                    charge(cost, v);
                    return v;
                });
            }
            charge(cost, value);
            return value;
        };
    }

    private void charge(Cost cost, Object value) {
        if (value instanceof CharSequence text) {
            overBudget(cost, 0, text.length() + 2L);
        } else if (value instanceof Collection<?> list) {
            overBudget(cost, list.size(), 2L * list.size());
        } else if (value instanceof graphql.execution.DataFetcherResult<?> result) {
            charge(cost, result.getData());
        } else if (value != null) {
            overBudget(cost, 0, 8);
        }
    }

    /** Adds to the cost; true (and the execution marked stopped) once a limit is passed. */
    private boolean overBudget(Cost cost, long fields, long bytes) {
        if (cost.fields.addAndGet(fields) > limits.maxResponseFields() || cost.bytes.addAndGet(bytes) > limits.maxResponseBytes()) {
            cost.stopped.compareAndSet(null, error(Code.RESPONSE_TOO_LARGE, ApiText.say(cost.language,
                    "limits.responseTooLarge", limits.maxResponseFields(), limits.maxResponseBytes()), null));
            return true;
        }
        if (nanoTime.getAsLong() - cost.started > limits.timeBudget().toNanos()) {
            cost.stopped.compareAndSet(null, error(Code.TIME_BUDGET_EXCEEDED, ApiText.say(cost.language,
                    "limits.timeBudget", limits.timeBudget().toMillis()), null));
            return true;
        }
        return false;
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        if (state instanceof Cost cost && cost.stopped.get() != null) {
            return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult()
                    .addError(cost.stopped.get()).data(null).build());
        }
        return CompletableFuture.completedFuture(result);
    }

    private static AbortExecutionException abort(Code code, String message, String argument) {
        return new AbortExecutionException(List.of(error(code, message, argument)));
    }

    private static GraphQLError error(Code code, String message, String argument) {
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(message)
                .extensions(argument == null ? Map.of("code", code.name()) : Map.of("code", code.name(), "argument", argument));
        return builder.build();
    }
}
