package org.ntmrecords.infra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The test Kafka broker, as {@link TestInfrastructure} chooses: Testcontainers' Kafka where a Docker engine is
 * reachable, otherwise spring-kafka-test's in-process KRaft broker. Either can be stopped and started again with its
 * data and address kept (the in-process broker's server is shut down and started up; the container is paused and
 * resumed), so tests can take the broker away in the middle of a stream.
 */
public abstract class TestKafka implements AutoCloseable {

    public static TestKafka start() {
        TestKafka kafka = TestInfrastructure.containers() ? new Container() : new Embedded();
        System.out.println("Integration tests run on Kafka from: " + kafka.kind());
        return kafka;
    }

    public abstract String bootstrapServers();

    abstract String kind();

    /** Takes the broker away: clients can no longer reach it. */
    public abstract void stop();

    /** Brings the broker back, with everything it held, and waits until it answers. */
    public void restart() {
        resume();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the test broker did not come back", e);
        }
    }

    abstract void resume();

    @Override
    public abstract void close();

    private static final class Embedded extends TestKafka {
        private final EmbeddedKafkaKraftBroker broker;
        private final String servers;

        Embedded() {
            int port = freePort();
            broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.brokerProperty("listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0");
            broker.brokerProperty("auto.create.topics.enable", "false");
            broker.brokerProperty("transaction.state.log.replication.factor", "1");
            broker.brokerProperty("transaction.state.log.min.isr", "1");
            broker.brokerProperty("offsets.topic.replication.factor", "1");
            broker.afterPropertiesSet();
            servers = broker.getBrokersAsString();
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private BrokerServer server() {
            return broker.getCluster().brokers().values().iterator().next();
        }

        @Override
        public String bootstrapServers() {
            return servers;
        }

        @Override
        String kind() {
            return "in-process KRaft broker";
        }

        @Override
        public void stop() {
            BrokerServer server = server();
            server.shutdown();
            server.awaitShutdown();
        }

        @Override
        void resume() {
            server().startup();
        }

        @Override
        public void close() {
            broker.destroy();
        }
    }

    private static final class Container extends TestKafka {
        private final KafkaContainer container = new KafkaContainer("apache/kafka:3.9.1");

        Container() {
            container.start();
        }

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        String kind() {
            return "Testcontainers";
        }

        @Override
        public void stop() {
            container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
        }

        @Override
        void resume() {
            container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}
