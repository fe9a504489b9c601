package org.ntmrecords.command.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.judging.Entry;
import org.ntmrecords.events.judging.Recency;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.Period;

/** The effective entry kept as entries come and go is the one chosen from all of them, whatever the sequence. */
class IndicatorRecordTest {

    @Test
    void theKeptEffectiveEntryIsAlwaysTheOneChosenFromAllEntries() {
        Random random = new Random(20261207L);
        for (int run = 0; run < 200; run++) {
            IndicatorRecord record = new IndicatorRecord();
            Map<String, Entry> all = new LinkedHashMap<>();
            List<String> ids = new ArrayList<>();
            long order = 0;
            for (int step = 0; step < 60; step++) {
                int action = random.nextInt(10);
                if (action < 6 || ids.isEmpty()) {
                    // a new entry, or (now and then) an id recorded again; periods often tie
                    String id = !ids.isEmpty() && action == 0 ? ids.get(random.nextInt(ids.size())) : "v" + step;
                    LocalDate end = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(5));
                    Entry entry = new Entry(id, IndicatorValue.achieved(random.nextBoolean()), Period.on(end),
                            random.nextInt(4) == 0 ? order : ++order);
                    record.add(entry);
                    all.put(id, entry);
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                } else if (action < 9) {
                    String id = ids.remove(random.nextInt(ids.size()));
                    record.supersede(id);
                    all.remove(id);
                } else {
                    record.supersede("never-recorded");
                }
                assertThat(record.effectiveEntry()).as("run %d step %d", run, step)
                        .isEqualTo(Recency.effective(all.values()));
            }
        }
    }

    @Test
    void aRecordReadBackFromItsJsonChoosesTheSameEntry() throws Exception {
        // as the snapshots' serializer sees an aggregate's state (infra's Mappers): fields only
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
        IndicatorRecord record = new IndicatorRecord();
        record.add(new Entry("v1", IndicatorValue.achieved(true), Period.on(LocalDate.of(2024, 3, 1)), 1));
        record.add(new Entry("v2", IndicatorValue.achieved(false), Period.on(LocalDate.of(2024, 2, 1)), 2));
        assertThat(record.effectiveEntry().id()).isEqualTo("v1");
        String written = json.writeValueAsString(record);
        assertThat(written).doesNotContain("effective");
        IndicatorRecord read = json.readValue(written, IndicatorRecord.class);
        assertThat(read).isEqualTo(record);
        assertThat(read.effectiveEntry().id()).isEqualTo("v1");
        read.supersede("v1");
        assertThat(read.effectiveEntry().id()).isEqualTo("v2");
    }
}
