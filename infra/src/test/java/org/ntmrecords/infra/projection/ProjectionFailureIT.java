package org.ntmrecords.infra.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.ntmrecords.query.common.ReadModel;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A read-model handler that fails holds its processor at that event: later events are not applied past it,
 * and once the cause is gone the processor retries and applies both. Skipping the event would leave the read
 * model without it for good.
 */
class ProjectionFailureIT extends IntegrationTest {
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aFailingHandlerHaltsTheReadModelAtThatEventUntilTheCauseIsMended() {
        awaitProjections();
        StreamingEventProcessor processor = processing
                .eventProcessor(ReadModel.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        asOwner(false, """
                create function read_model.refuse_test_unit() returns trigger language plpgsql as $$
                begin
                  if new.code = '99201' then raise exception 'refused by ProjectionFailureIT'; end if;
                  return new;
                end $$""");
        asOwner(false, """
                create trigger refuse_test_unit before insert on read_model.unit
                for each row execute function read_model.refuse_test_unit()""");
        long failing;
        try {
            register("99201");
            failing = storeHead();
            register("99202");

            await().atMost(Duration.ofSeconds(30)).until(() -> processor.processingStatus().values().stream()
                    .anyMatch(EventTrackerStatus::isErrorState));
            EventTrackerStatus status = processor.processingStatus().values().iterator().next();
            assertThat(status.getCurrentPosition().orElse(0)).as("token stays before the failing event")
                    .isLessThan(failing);
            assertThat(units("99201", "99202")).as("nothing past the failing event is applied").isZero();
        } finally {
            asOwner(false, "drop trigger refuse_test_unit on read_model.unit");
            asOwner(false, "drop function read_model.refuse_test_unit()");
        }
        // the processor retries with back-off (1 s, 2 s, 4 s …) and then applies the held events in order
        assertThat(catchUp.awaitEventsAfter(0, Duration.ofSeconds(90))).isTrue();
        assertThat(units("99201", "99202")).isEqualTo(2);
    }

    private void register(String code) {
        graphQl("admin").documentName("registerUnit").variable("input", Map.of("code", code, "name", "Thử " + code,
                        "fullName", "Xã Thử " + code, "kind", "COMMUNE", "parentCode", "849"))
                .execute().path("registerUnit.errors").entityList(Object.class).hasSize(0);
    }

    private int units(String... codes) {
        Integer count = jdbc.queryForObject("select count(*) from read_model.unit where code = any(?)",
                Integer.class, (Object) codes);
        return count == null ? 0 : count;
    }
}
