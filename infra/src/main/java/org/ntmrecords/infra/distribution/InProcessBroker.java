package org.ntmrecords.infra.distribution;

import java.util.ServiceLoader;

/**
 * A Kafka broker inside this process, for the local multi-process demo ({@code ntm.kafka.embedded-broker.enabled}).
 * Not in the service's jar: spring-kafka-test's broker (with Kafka's server, Scala and JUnit) comes with the build
 * profile {@code demo-broker} (docs/kafka.md), which adds the one implementation, found through {@link ServiceLoader}.
 */
public interface InProcessBroker extends AutoCloseable {

    /** Starts a one-node KRaft broker; its client listener on {@code port}, or any free port when 0. */
    void start(int port);

    /** The client listener, {@code host:port}. */
    String bootstrapServers();

    @Override
    void close();

    /** The broker of this build, if it has one. */
    static InProcessBroker load() {
        return ServiceLoader.load(InProcessBroker.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "ntm.kafka.embedded-broker.enabled=true, but this build has no in-process Kafka broker: build with "
                        + "the profile demo-broker (./mvnw -Pdemo-broker -pl infra -am package -DskipTests), or give "
                        + "ntm.kafka.bootstrap-servers"));
    }
}
