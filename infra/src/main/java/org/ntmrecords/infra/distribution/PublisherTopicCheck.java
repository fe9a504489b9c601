package org.ntmrecords.infra.distribution;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Before the publisher starts: creates the events topic when missing, and notices a topic created anew since the
 * last run (its Kafka topic id changed: deleted and recreated, or the demo's in-process broker after a restart). Then
 * the publisher's position is dropped, so the whole store is published into the new topic. Unreachable brokers do
 * not stop the service: the check is skipped with a warning and the publisher retries until they answer.
 */
class PublisherTopicCheck implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(PublisherTopicCheck.class);

    private final KafkaClients clients;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PublisherTopicCheck(KafkaClients clients, JdbcTemplate jdbc, Clock clock) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String topic = clients.topic();
        String topicId;
        try (Admin admin = clients.admin("ntm-publisher-admin")) {
            topicId = clients.describeTopic(admin, 15_000).topicId().toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            log.warn("Kafka did not answer at start ({}); the publisher keeps trying from its saved position", e.toString());
            return;
        }
        List<String> known = jdbc.queryForList("select topic_id from distribution.topic_incarnation where topic = ?",
                String.class, topic);
        if (known.isEmpty()) {
            jdbc.update("insert into distribution.topic_incarnation (topic, topic_id, since) values (?, ?, ?)",
                    topic, topicId, Timestamp.from(clock.instant()));
            return;
        }
        if (!known.get(0).equals(topicId)) {
            log.warn("The events topic {} was created anew (id {} was {}): publishing the whole store again",
                    topic, topicId, known.get(0));
            // a null position reads the store from its start (the service never removes a position)
            jdbc.update("update token_store.token_entry set token = null, token_type = null where processor_name = ?",
                    KafkaEventPublisher.PROCESSING_GROUP);
            jdbc.update("update distribution.topic_incarnation set topic_id = ?, since = ? where topic = ?",
                    topicId, Timestamp.from(clock.instant()), topic);
        }
    }
}
