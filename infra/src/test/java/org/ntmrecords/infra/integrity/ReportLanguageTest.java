package org.ntmrecords.infra.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.projection.ReadModelRebuild;
import org.ntmrecords.infra.projection.ReadModelVerification;

/**
 * What the integrity checks and the read-model tasks report, in Vietnamese by default and in English on request:
 * the offline export check (no Spring: its words resolved from the bundles as they are), a store verification's
 * summary, a checkpoint document that does not read, a rebuild's and a read-model verification's summaries.
 */
class ReportLanguageTest {
    private static final Locale VI = Message.VIETNAMESE;
    private static final Locale EN = Locale.ENGLISH;

    @Test
    void theOfflineExportCheckSpeaksTheTasksLanguage(@TempDir Path dir) throws Exception {
        ExportVerifier.Result notJson = ExportVerifier.verify("not json", null);
        assertThat(notJson.intact()).isFalse();
        assertThat(notJson.problems(VI)).singleElement().asString().startsWith("Không phải văn bản JSON: ");
        assertThat(notJson.problems(EN)).singleElement().asString().startsWith("not a JSON document: ");
        assertThat(notJson.problems()).as("English without a language (logs)").isEqualTo(notJson.problems(EN));

        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"format\": \"something else\"}");
        assertThat(printed(() -> ExportVerifier.run(List.of(file.toString()), VI))).isEqualTo("""
                HỎNG (BROKEN): 0 sự kiện (0 sự kiện thuộc các luồng của đơn vị), 0 mắt xích, đến điểm kiểm tại \
                (không đọc được điểm kiểm) (khoá lấy từ chính bản xuất: hãy so keyId của khoá này với khoá nhận được \
                qua kênh riêng)
                  Không phải văn bản ntm-records-history-export/1
                """.replace("ntm-records-history-export/1", HistoryExport.FORMAT));
        assertThat(printed(() -> ExportVerifier.run(List.of(file.toString()), EN))).isEqualTo("""
                BROKEN: 0 events (0 of the unit's streams), 0 links up to checkpoint at (no checkpoint read) (key \
                taken from the export: compare its keyId with one obtained separately)
                  not an %s document
                """.formatted(HistoryExport.FORMAT));

        // a key file that holds no key: wrong arguments, said in the task's language
        Path notAKey = dir.resolve("key.pem");
        Files.writeString(notAKey, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(ExportVerifier.run(List.of(file.toString(), notAKey.toString()), VI)).isEqualTo(2);
        } finally {
            System.setErr(original);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(notAKey + ": không phải khoá công khai Ed25519");
    }

    @Test
    void aCheckpointThatDoesNotReadSaysWhy() {
        HashChain.NotACheckpoint format = catchThrowableOfType(HashChain.NotACheckpoint.class,
                () -> HashChain.Checkpoint.parse("{}"));
        assertThat(format.text().in(VI)).isEqualTo("không phải văn bản " + HashChain.Checkpoint.DOCUMENT_FORMAT);
        assertThat(format.getMessage()).isEqualTo("not an " + HashChain.Checkpoint.DOCUMENT_FORMAT + " document");
        HashChain.NotACheckpoint field = catchThrowableOfType(HashChain.NotACheckpoint.class,
                () -> HashChain.Checkpoint.parse(
                        "{\"format\": \"" + HashChain.Checkpoint.DOCUMENT_FORMAT + "\", \"seq\": 1}"));
        assertThat(field.text().in(VI)).isEqualTo("văn bản điểm kiểm thiếu trường globalIndex");
        assertThat(field.text().in(EN)).isEqualTo("checkpoint document without globalIndex");
        assertThat(catchThrowableOfType(HashChain.NotACheckpoint.class,
                () -> HashChain.Checkpoint.parse("not a checkpoint")).text().in(VI))
                .startsWith("văn bản điểm kiểm không phải JSON hợp lệ: ");
    }

    @Test
    void aStoreVerificationsSummaryIsInTheReadersLanguage() {
        StoreVerifier.Report intact = new StoreVerifier.Report(true, 120, 118, 3, 2, null, List.of(), Map.of(),
                Duration.ofMillis(45), List.of(), List.of(), Duration.ofMinutes(10));
        assertThat(intact.summary(VI)).isEqualTo("NGUYÊN VẸN (INTACT): đã kiểm tra 118 mắt xích, 120 sự kiện, 3 điểm "
                + "kiểm; 2 sự kiện chưa được liên kết (còn trong thời hạn PT10M); 0 vấn đề {}; không có bên lưu đối "
                + "chứng (chỉ chứng minh được cơ sở dữ liệu nhất quán với chính nó); 45 ms");
        assertThat(intact.summary()).isEqualTo("INTACT: 118 links, 120 events, 3 checkpoints checked, 2 not linked "
                + "yet (within PT10M), 0 problem(s) {}, no witness (only the database's own consistency is proven), "
                + "45 ms");
        StoreVerifier.Problem gone = new StoreVerifier.Problem(StoreVerifier.ProblemKind.MISSING_EVENT, 7,
                org.ntmrecords.infra.api.ApiText.of("integrity.problem.eventGone", "e-7", "7"));
        StoreVerifier.Report broken = new StoreVerifier.Report(false, 120, 118, 3, 0, 7L, List.of(gone),
                Map.of(StoreVerifier.ProblemKind.MISSING_EVENT, 1L), Duration.ofMillis(45),
                List.of(new StoreVerifier.WitnessCheck("supplied", 1, 5, true, null)), List.of(), Duration.ofMinutes(10));
        assertThat(broken.summary(VI)).startsWith("HỎNG (BROKEN) từ vị trí 7: ")
                .contains("1 vấn đề {MISSING_EVENT=1}; 1 bên lưu đối chứng;");
        assertThat(broken.summary(EN)).startsWith("BROKEN at position 7: ")
                .contains("1 problem(s) {MISSING_EVENT=1}, 1 witness(es),");
        assertThat(gone.detail(VI)).isEqualTo("Sự kiện e-7 tại vị trí 7 không còn");
        assertThat(gone.detail()).isEqualTo("event e-7 at position 7 is gone");
    }

    @Test
    void aRebuildAndAReadModelVerificationSummariseInTheReadersLanguage() {
        ReadModelRebuild.Result rebuilt = new ReadModelRebuild.Result(true, 1234, 1300, Duration.ofMillis(2500));
        assertThat(rebuilt.summary(VI)).isEqualTo("đã dựng lại: 1234 sự kiện trong 2,5 giây (494 sự kiện/giây)");
        assertThat(rebuilt.summary()).isEqualTo("rebuilt: 1234 events in 2.5 s (494 events/s)");
        ReadModelRebuild.Result late = new ReadModelRebuild.Result(false, 10, 10, Duration.ofSeconds(2));
        ReadModelVerification.Result notChecked = new ReadModelVerification.Result(false, false, List.of(), 0, late);
        assertThat(notChecked.summary(VI)).isEqualTo("CHƯA KIỂM TRA ĐƯỢC (NOT CHECKED): việc phát lại chưa xong "
                + "(CHƯA XONG trong thời hạn cho phép: 10 sự kiện trong 2,0 giây (5 sự kiện/giây))");
        assertThat(notChecked.summary(EN)).isEqualTo("NOT CHECKED: the replay did not finish (NOT finished within the "
                + "timeout: 10 events in 2.0 s (5 events/s))");
        ReadModelVerification.Result equal = new ReadModelVerification.Result(true, true, List.of(), 500, rebuilt);
        assertThat(equal.summary(VI)).startsWith("KHỚP (EQUAL): đã so sánh 500 dòng của ")
                .endsWith("bảng đọc với kết quả phát lại 1234 sự kiện; 0 bảng khác nhau");
        assertThat(equal.summary(EN)).startsWith("EQUAL: 500 rows of ")
                .endsWith("read tables compared with a replay of 1234 events; 0 table(s) differ");
    }

    private interface Run {
        int run() throws Exception;
    }

    private static String printed(Run run) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(run.run()).isEqualTo(1);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
