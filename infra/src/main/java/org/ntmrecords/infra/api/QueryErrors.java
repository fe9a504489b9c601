package org.ntmrecords.infra.api;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/** Reports a bad query argument as a BAD_REQUEST error with its message, not as an internal error. */
@Component
public class QueryErrors extends DataFetcherExceptionResolverAdapter {
    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof InvalidArgumentException invalid) {
            return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST)
                    .message(invalid.text().in(env.getLocale())).build();
        }
        if (ex instanceof IllegalArgumentException && fromCursorDecoding(ex)) {
            return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST)
                    .message(ApiText.say(env.getLocale(), "cursor.foreign")).build();
        }
        return null;
    }

    /** Whether Spring GraphQL refused an {@code after}/{@code before} cursor it did not issue. */
    private static boolean fromCursorDecoding(Throwable ex) {
        for (StackTraceElement frame : ex.getStackTrace()) {
            if (frame.getClassName().startsWith("org.springframework.graphql.data.")
                    && frame.getClassName().contains("CursorStrategy")) {
                return true;
            }
        }
        return false;
    }
}
