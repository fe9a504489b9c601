package org.ntmrecords.command.common;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True unless {@code ntm.deployment.role} is {@code query}. */
public class WriteSideCondition implements Condition {
    public static final String ROLE_PROPERTY = "ntm.deployment.role";
    public static final String QUERY_ROLE = "query";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !QUERY_ROLE.equalsIgnoreCase(context.getEnvironment().getProperty(ROLE_PROPERTY, "all-in-one").trim());
    }
}
