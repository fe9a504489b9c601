package org.ntmrecords.infra.distribution;

import java.util.Locale;
import org.ntmrecords.command.common.WriteSideCondition;
import org.springframework.core.env.Environment;

/**
 * What this process does ({@code ntm.deployment.role}, set by the profiles {@code command} and {@code query}):
 * <ul>
 *   <li>{@link #ALL_IN_ONE} (the default): mutations, the event store, the read model and every query; publishes to
 *       Kafka when {@code ntm.kafka.bootstrap-servers} is set.</li>
 *   <li>{@link #COMMAND}: mutations, the event store and its processes, and the publisher; serves no queries.</li>
 *   <li>{@link #QUERY}: a read replica. Its event store is a copy fed from the events topic; its read model,
 *       queries and subscriptions are built from that copy. It refuses mutations.</li>
 * </ul>
 */
public enum DeploymentRole {
    ALL_IN_ONE, COMMAND, QUERY;

    public static DeploymentRole of(Environment environment) {
        String value = environment.getProperty(WriteSideCondition.ROLE_PROPERTY, "all-in-one").trim();
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "all-in-one" -> ALL_IN_ONE;
            case "command" -> COMMAND;
            case WriteSideCondition.QUERY_ROLE -> QUERY;
            default -> throw new IllegalStateException(WriteSideCondition.ROLE_PROPERTY + "=" + value
                    + ": expected all-in-one, command or query");
        };
    }

    public boolean servesMutations() {
        return this != QUERY;
    }

    public boolean servesQueries() {
        return this != COMMAND;
    }

    public String property() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
