package org.ntmrecords.infra.api;

import graphql.schema.DataFetchingEnvironment;
import org.ntmrecords.command.common.UserError;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** A typed error's message in the language of the request that received it. */
@Controller
public class UserErrorMessages {
    @SchemaMapping(typeName = "UserError", field = "message")
    public String message(UserError error, DataFetchingEnvironment environment) {
        return error.message(environment.getLocale());
    }
}
