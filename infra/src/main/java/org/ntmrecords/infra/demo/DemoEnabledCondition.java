package org.ntmrecords.infra.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** {@code ntm.demo.enabled} if set; otherwise on exactly when the embedded database is used. */
public class DemoEnabledCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return enabled(context.getEnvironment());
    }

    public static boolean enabled(Environment environment) {
        String enabled = environment.getProperty("ntm.demo.enabled");
        if (enabled != null && !enabled.isBlank()) {
            return Boolean.parseBoolean(enabled);
        }
        String url = environment.getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }
}
