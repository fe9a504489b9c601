package org.ntmrecords.infra.distribution;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The local demo's broker: spring-kafka-test's one-node KRaft broker, configured for transactions on one node. Built
 * only with the profile {@code demo-broker}, and always on the tests' class path.
 */
public class SpringKafkaTestBroker implements InProcessBroker {
    private EmbeddedKafkaKraftBroker broker;

    @Override
    public void start(int port) {
        EmbeddedKafkaKraftBroker embedded = new EmbeddedKafkaKraftBroker(1, 1);
        if (port > 0) {
            // the KRaft test broker ignores kafkaPorts(); its client listener is set directly
            embedded.brokerProperty("listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0");
        }
        embedded.brokerProperty("auto.create.topics.enable", "false");
        embedded.brokerProperty("transaction.state.log.replication.factor", "1");
        embedded.brokerProperty("transaction.state.log.min.isr", "1");
        embedded.brokerProperty("offsets.topic.replication.factor", "1");
        embedded.afterPropertiesSet();
        broker = embedded;
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.destroy();
        }
    }
}
