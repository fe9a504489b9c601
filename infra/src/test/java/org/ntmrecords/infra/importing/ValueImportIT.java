package org.ntmrecords.infra.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.axon.ActingAs;
import org.ntmrecords.infra.axon.Actor;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Indicator values imported from a CSV on the demo's Tháp Mười scorecards (the numbers are those of Kế hoạch
 * 317/KH-UBND, Phụ lục 6): good rows recorded and judged, every bad row reported by line with nothing stored, the
 * same file again changing nothing, and an account outside its jurisdiction refused.
 */
class ValueImportIT extends IntegrationTest {
    private static final String SET = "dongthap-commune-ntm-2021-2025";
    private static final String HEADER = "unit_code,set_id,value_id,indicator_code,period_start,period_end,kind,value,"
            + "source_agency,note\n";

    @Autowired
    IndicatorValueCsvImport values;

    private static String file(String prefix) {
        return HEADER + String.join("\n",
                "30049," + SET + "," + prefix + "1,17.7,2024-01-01,2024-12-31,PERCENTAGE,71.32,UBND huyện Tháp Mười,"
                        + "Phụ lục 6 A.II.2",
                "30040," + SET + "," + prefix + "2,13.3,2024-01-01,2024-12-31,COUNT,0,UBND huyện Tháp Mười,"
                        + "Phụ lục 6 A.II.1",
                "30043," + SET + "," + prefix + "3,13.3,2024-01-01,,COUNT,0,,",
                "30049," + SET + "," + prefix + "4,17.7,2024-01-01,2024-12-31,ACHIEVED,true,,",
                "30049," + SET + "," + prefix + "5,17.7,2024-13-01,,PERCENTAGE,71.32,,",
                "30049," + SET + "," + prefix + "6,17.7,2024-01-01,,PERCENTAGE,abc,,",
                "30049," + SET + "," + prefix + "7,99.9,2024-01-01,,PERCENTAGE,50,,",
                "99999," + SET + "," + prefix + "8,17.7,2024-01-01,,PERCENTAGE,50,,",
                "30049," + SET + "," + prefix + "1,17.7,2024-01-01,2024-12-31,PERCENTAGE,71.32,,",
                "30049," + SET + "," + prefix + "9,17.7,2099-01-01,,PERCENTAGE,50,,") + "\n";
    }

    @Test
    void recordsGoodRowsReportsBadOnesByLineAndIsIdempotent() throws Exception {
        awaitProjections();
        long before = eventCount();
        long head = storeHead();
        List<Message> progress = new ArrayList<>();
        ActingAs.Context run = ActingAs.Context.start(IndicatorValueCsvImport.ACTOR);
        IndicatorValueCsvImport.Report first = values.run(new StringReader(file("imp-")), run, progress::add);

        assertThat(first.rows()).isEqualTo(10);
        assertThat(first.recorded()).isEqualTo(3);
        assertThat(first.alreadyRecorded()).isZero();
        assertThat(first.rejected()).hasSize(7);
        assertThat(first.accounted()).as("every row counted once").isEqualTo(first.rows());
        assertThat(first.summary()).contains("10 rows").contains("3 recorded, 0 recorded already, 7 rejected");
        assertThat(first.rejected().get(0)).startsWith("line 5 (imp-4): WRONG_VALUE_KIND value.kind");
        assertThat(first.rejected().get(1)).startsWith("line 6: ").isEqualTo("line 6: column period_start: 2024-13-01 is not a day on the calendar");
        assertThat(first.rejected().get(2)).startsWith("line 7: ").isEqualTo("line 7: column value: “abc” is not a number (e.g. 71,32 or 71.32)");
        assertThat(first.rejected().get(3)).startsWith("line 8 (imp-7): UNKNOWN_INDICATOR indicatorCode");
        assertThat(first.rejected().get(4)).isEqualTo("line 9: 99999 is not tracked against " + SET
                + " (track it first)");
        assertThat(first.rejected().get(5)).startsWith("line 10 (imp-1): ALREADY_EXISTS valueId")
                .contains("appears twice in the batch");
        assertThat(first.rejected().get(6)).startsWith("line 11 (imp-9): FUTURE_DATE period.start");
        // the same report in Vietnamese, the tasks' default: codes and fields as the API names them
        assertThat(first.rejected(Message.VIETNAMESE).get(0)).startsWith("dòng 5 (imp-4): WRONG_VALUE_KIND value.kind: "
                + "Chỉ tiêu 17.7");
        assertThat(first.rejected(Message.VIETNAMESE).get(4)).isEqualTo("dòng 9: đơn vị 99999 chưa được theo dõi theo "
                + "bộ tiêu chí " + SET + " (hãy đưa vào theo dõi trước)");
        assertThat(first.summary(Message.VIETNAMESE)).contains("10 dòng").contains("3 đã ghi, 0 đã có từ trước, 7 bị từ chối");
        // each of the three scorecards: the value, the indicator's judgment, and the criterion's and the standing's
        // where the value changed them
        assertValuesRecorded(storedAfter(head), 3);
        long stored = eventCount() - before;
        assertThat(jdbc.queryForList("select distinct meta_data from event_store.domain_event_entry "
                + "where global_index > ?", byte[].class, head).stream().map(String::new).toList())
                .allSatisfy(meta -> assertThat(meta).contains("\"actor\":\"system:value-import\"")
                        .contains(run.correlationId()));

        awaitProjections();
        assertThat(jdbc.queryForList("select entry_id || ' ' || display from read_model.indicator_entry "
                + "where entry_id like 'imp-%' order by entry_id", String.class))
                .containsExactly("imp-1 71.32%", "imp-2 0", "imp-3 0");
        assertThat(jdbc.queryForObject("select result || ' ' || latest_entry_id from read_model.indicator_standing "
                + "where scorecard_id = ? and indicator_code = '17.7'", String.class, "30049@" + SET))
                .isEqualTo("NOT_MET imp-1");

        IndicatorValueCsvImport.Report again = values.run(new StringReader(file("imp-")), progress::add);
        assertThat(again.recorded()).isZero();
        assertThat(again.alreadyRecorded()).as("imp-1 twice, imp-2, imp-3").isEqualTo(4);
        assertThat(again.rejected()).hasSize(6);
        assertThat(again.accounted()).isEqualTo(again.rows());
        assertThat(eventCount() - before).as("nothing more stored").isEqualTo(stored);
    }

    @Test
    void aFileWithoutTheImportsColumnsIsRefusedBeforeAnythingIsSent() {
        long before = eventCount();
        String file = "unit_code,set_id,indicator_code,value\n30049," + SET + ",17.7,71.32\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> values.run(new StringReader(file), line -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value_id");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anAccountImportsOnlyWithinItsJurisdiction() throws Exception {
        long before = eventCount();
        Actor lapVo = new Actor("lapvo.vpdp", "DISTRICT_COORDINATION_OFFICE", "875", null);
        IndicatorValueCsvImport.Report report = values.run(new StringReader(file("lv-")),
                ActingAs.Context.start(lapVo), line -> { });
        assertThat(report.recorded()).isZero();
        assertThat(report.rejected()).filteredOn(r -> r.contains("NOT_ALLOWED")).hasSize(8);
        assertThat(eventCount()).isEqualTo(before);
    }
}
