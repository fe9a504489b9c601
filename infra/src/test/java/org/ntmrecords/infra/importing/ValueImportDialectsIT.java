package org.ntmrecords.infra.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.axon.ActingAs;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The same values in the files Vietnamese offices have — "CSV UTF-8" from Excel (a byte-order mark, commas),
 * semicolons with decimal commas and dd/mm/yyyy, the Windows-1258 code page — each imported into a sandbox commune
 * of its own and recorded the same; a bad cell refusing its row in Vietnamese while the others are recorded; and the
 * same file again changing nothing.
 */
class ValueImportDialectsIT extends IntegrationTest {
    private static final String SET = "dongthap-commune-ntm-2021-2025";
    private static final String NOTE = "Phụ lục 6: số liệu đã rà soát, kiểm tra";
    private static final String AGENCY = "UBND huyện Tháp Mười";

    @Autowired
    IndicatorValueCsvImport values;

    private String tracked(String code) {
        sandboxCommune(code);
        Boolean known = jdbc.queryForObject("select exists (select 1 from event_store.domain_event_entry "
                + "where aggregate_identifier = ?)", Boolean.class, code + "@" + SET);
        if (!Boolean.TRUE.equals(known)) {
            graphQl("lapvo.vpdp").documentName("trackUnit").variable("input", Map.of("unitCode", code, "setId", SET))
                    .execute().path("trackUnit.errors").entityList(Object.class).hasSize(0);
            awaitProjections();
        }
        return code;
    }

    /** (a) Excel's "CSV UTF-8": a byte-order mark, commas, a quoted decimal comma and a quoted note with a comma. */
    private static byte[] utf8WithMark(String unit) {
        String text = String.join(",", IndicatorValueCsvImport.COLUMNS) + "\r\n"
                + unit + "," + SET + ",d-1,17.7,2024-01-01,2024-12-31,PERCENTAGE,71.32," + AGENCY + ",\"" + NOTE + "\"\r\n"
                + unit + "," + SET + ",d-2,17.7,2024-06-01,2024-06-30,PERCENTAGE,86.2%,,\r\n"
                + unit + "," + SET + ",d-3,13.3,2024-09-30,,COUNT,\"1 200\",,\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** (b) and (c): semicolons, decimal commas, dd/mm/yyyy, a month, a thousands dot, as Vietnamese Excel writes. */
    private static String semicolons(String unit) {
        return String.join(";", IndicatorValueCsvImport.COLUMNS) + "\r\n"
                + unit + ";" + SET + ";d-1;17.7;01/01/2024;31/12/2024;PERCENTAGE;71,32;" + AGENCY + ";\"" + NOTE + "\"\r\n"
                + unit + ";" + SET + ";d-2;17.7;Tháng 6/2024;;PERCENTAGE;86,2%;;\r\n"
                + unit + ";" + SET + ";d-3;13.3;30/9/2024;;COUNT;1.200,0;;\r\n"
                + ";;;;;;;;;\r\n";
    }

    private List<String> recorded(String unit) {
        awaitProjections();
        return jdbc.queryForList("select entry_id || ' ' || indicator_code || ' ' || value_kind || ' ' || value::text "
                + "|| ' ' || display || ' ' || period_start || '..' || period_end || ' ' || coalesce(source_agency, '-') "
                + "|| ' ' || coalesce(note, '-') from read_model.indicator_entry where scorecard_id = ? order by entry_id",
                String.class, unit + "@" + SET);
    }

    /** The values' events of a scorecard, without the ids that name the unit. */
    private List<String> events(String unit) {
        return jdbc.queryForList("select (convert_from(payload, 'UTF8')::jsonb - 'scorecardId' - 'unitCode')::text "
                + "from event_store.domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%IndicatorValueRecordedEvent' order by sequence_number", String.class,
                unit + "@" + SET);
    }

    private List<String> eventTypes(String unit) {
        return jdbc.queryForList("select payload_type from event_store.domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", String.class, unit + "@" + SET);
    }

    private IndicatorValueCsvImport.Report run(byte[] file, Charset declared, List<Message> said) throws Exception {
        return values.run(file, declared, ActingAs.Context.start(IndicatorValueCsvImport.ACTOR), said::add);
    }

    @Test
    void theSameValuesFromEachDialectAreRecordedTheSame() throws Exception {
        String a = tracked("99701");
        String b = tracked("99702");
        String c = tracked("99703");
        Charset cp1258 = Charset.forName("windows-1258");

        List<Message> saidA = new ArrayList<>();
        List<Message> saidB = new ArrayList<>();
        List<Message> saidC = new ArrayList<>();
        IndicatorValueCsvImport.Report fromA = run(utf8WithMark(a), null, saidA);
        IndicatorValueCsvImport.Report fromB = run(semicolons(b).getBytes(StandardCharsets.UTF_8), null, saidB);
        byte[] bytesC = CsvDialectTest.windows1258(semicolons(c));
        IndicatorValueCsvImport.Report fromC = run(bytesC, null, saidC);

        for (IndicatorValueCsvImport.Report report : List.of(fromA, fromB, fromC)) {
            assertThat(report.rejected()).isEmpty();
            assertThat(report.recorded()).isEqualTo(3);
            assertThat(report.rows()).as("the empty ;;;; row is no row").isEqualTo(3);
        }
        assertThat(saidA.get(0).in(Message.VIETNAMESE)).isEqualTo("Đọc tệp theo bảng mã UTF-8, các cột phân cách bằng dấu phẩy");
        assertThat(saidB.get(0).in(Message.VIETNAMESE)).isEqualTo("Đọc tệp theo bảng mã UTF-8, các cột phân cách bằng dấu chấm phẩy");
        assertThat(saidC.get(0).in(Message.VIETNAMESE))
                .isEqualTo("Đọc tệp theo bảng mã windows-1258, các cột phân cách bằng dấu chấm phẩy");

        List<String> fromFileA = recorded(a);
        assertThat(fromFileA).hasSize(3);
        assertThat(fromFileA.get(0)).startsWith("d-1 17.7 PERCENTAGE").contains("71.32", "2024-01-01..2024-12-31", NOTE);
        assertThat(fromFileA.get(1)).contains("86.2", "2024-06-01..2024-06-30");
        assertThat(fromFileA.get(2)).contains("1200", "2024-09-30..2024-09-30");
        assertThat(recorded(b)).isEqualTo(fromFileA);
        assertThat(recorded(c)).isEqualTo(fromFileA);
        assertThat(events(a)).hasSize(3);
        assertThat(events(b)).isEqualTo(events(a));
        assertThat(events(c)).isEqualTo(events(a));
        assertThat(eventTypes(b)).isEqualTo(eventTypes(a));
        assertThat(eventTypes(c)).isEqualTo(eventTypes(a));

        // the Windows-1258 file again, as bytes never seen as UTF-8: nothing more stored
        long before = eventCount();
        IndicatorValueCsvImport.Report again = run(bytesC, cp1258, new ArrayList<>());
        assertThat(again.recorded()).isZero();
        assertThat(again.alreadyRecorded()).isEqualTo(3);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aBadCellRefusesItsRowInVietnameseAndTheOthersAreRecordedOnce() throws Exception {
        String unit = tracked("99704");
        String file = String.join(";", IndicatorValueCsvImport.COLUMNS) + "\n"
                + unit + ";" + SET + ";bad-1;17.7;01/01/2024;31/12/2024;PERCENTAGE;71,32%;;\n"
                + unit + ";" + SET + ";bad-2;17.7;01/01/2024;31/12/2024;PERCENTAGE;1.110;;\n"
                + unit + ";" + SET + ";bad-3;17.7;30/02/2024;;PERCENTAGE;50;;\n"
                + unit + ";" + SET + ";bad-4;17.7;Tháng 3/2024;;PERCENTAGE;1.110,5;;\n"
                + unit + ";" + SET + ";bad-5;13.3;1/3/2024;;COUNT;5;;\n";
        String commas = String.join(",", IndicatorValueCsvImport.COLUMNS) + "\n"
                + unit + "," + SET + ",bad-6,17.7,01/01/2024,31/12/2024,PERCENTAGE,71,32,UBND xã,ghi chú\n";
        long before = eventCount();
        IndicatorValueCsvImport.Report first = run(file.getBytes(StandardCharsets.UTF_8), null, new ArrayList<>());
        assertThat(first.rows()).isEqualTo(5);
        assertThat(first.recorded()).as("bad-1 and bad-5; bad-4 is read (1110,5) and refused by the checks")
                .isEqualTo(2);
        assertThat(first.rejected(Message.VIETNAMESE)).hasSize(3);
        assertThat(first.rejected(Message.VIETNAMESE).get(0))
                .isEqualTo("dòng 3: cột value: “1.110” có thể là 1110 hoặc 1,110: hãy viết 1110 hoặc 1,110");
        assertThat(first.rejected(Message.VIETNAMESE).get(1))
                .isEqualTo("dòng 4: cột period_start: ngày 30/02/2024 không có trên lịch");
        assertThat(first.rejected(Message.VIETNAMESE).get(2)).startsWith("dòng 5 (bad-4): ");
        assertThat(first.rejected().get(0))
                .isEqualTo("line 3: column value: “1.110” could be 1110 or 1,110 (decimal comma): write 1110 or 1,110");
        long recordedOnce = eventCount();
        assertThat(recordedOnce).isGreaterThan(before);
        assertThat(recorded(unit)).hasSize(2);

        IndicatorValueCsvImport.Report again = run(file.getBytes(StandardCharsets.UTF_8), null, new ArrayList<>());
        assertThat(again.recorded()).isZero();
        assertThat(again.alreadyRecorded()).isEqualTo(2);
        assertThat(again.rejected(Message.VIETNAMESE)).hasSize(3);
        assertThat(eventCount()).as("nothing more stored").isEqualTo(recordedOnce);

        // an unquoted decimal comma in a comma-separated file: its cells cannot be told apart, the row is refused
        IndicatorValueCsvImport.Report unquoted = run(commas.getBytes(StandardCharsets.UTF_8), null, new ArrayList<>());
        assertThat(unquoted.recorded()).isZero();
        assertThat(unquoted.rejected(Message.VIETNAMESE)).containsExactly("dòng 2: dòng có 11 ô, nhiều hơn 10 cột của "
                + "dòng tiêu đề: một số có dấu phẩy thập phân trong tệp phân cách bằng dấu phẩy phải đặt trong ngoặc kép "
                + "(\"71,32\"), hoặc lưu tệp phân cách bằng dấu chấm phẩy");
        assertThat(eventCount()).isEqualTo(recordedOnce);
    }

    @Test
    void aFileNoEncodingReadsIsRefusedInVietnameseBeforeAnythingIsSent() {
        long before = eventCount();
        byte[] file = ("mã;giá trị\n99705;86,2\n").getBytes(StandardCharsets.ISO_8859_1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(file, null, new ArrayList<>()))
                .isInstanceOfSatisfying(IndicatorValueCsvImport.Unreadable.class, e -> assertThat(
                        e.text().in(Message.VIETNAMESE)).startsWith("Không đọc được tệp: đã thử bảng mã UTF-8, "
                        + "windows-1258").contains("--encoding=windows-1258"));
        assertThat(eventCount()).isEqualTo(before);
    }
}
