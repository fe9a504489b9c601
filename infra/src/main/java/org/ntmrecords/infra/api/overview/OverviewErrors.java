package org.ntmrecords.infra.api.overview;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.ntmrecords.query.overview.OverviewRefusedException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * A roll-up refused for the unit asked about (a province given for a district, a unit that has ceased) as a
 * BAD_REQUEST error whose {@code extensions} carry the code (named as the mutations' error codes) and the argument,
 * and whose message says where to ask instead.
 */
@Component
public class OverviewErrors extends DataFetcherExceptionResolverAdapter {
    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof OverviewRefusedException refused) {
            return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(refused.text().in(env.getLocale()))
                    .extensions(Map.of("code", refused.code().name(), "field", refused.field())).build();
        }
        return null;
    }
}
