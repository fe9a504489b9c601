package org.ntmrecords.infra.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.access.SecurityLog;
import org.ntmrecords.infra.evidence.EvidenceStore;
import org.ntmrecords.infra.security.AccessProbe;
import org.ntmrecords.infra.security.NtmPrincipal;

/**
 * Who may have a run admitted, and when: a place is taken before the file is read (reading a large workbook is the
 * costly part) and given back when the file is refused or the run is done; one run per account at a time; and each
 * account's reports kept apart from the others'. The file reading is held on a latch to see the run while it reads.
 */
class ImportRunsTest {
    private final IndicatorValueCsvImport values = mock(IndicatorValueCsvImport.class);
    private final EvidenceStore files = mock(EvidenceStore.class);
    private final SecurityLog log = mock(SecurityLog.class);
    private final ImportRuns runs = new ImportRuns(values, mock(RecordsImport.class), files,
            mock(org.axonframework.commandhandling.gateway.CommandGateway.class), mock(AccessProbe.class), log,
            Clock.systemUTC(), "1MB", 2, 3, 10);
    private final CountDownLatch reading = new CountDownLatch(1);
    private final CountDownLatch mayFinishReading = new CountDownLatch(1);

    @AfterEach
    void stop() {
        mayFinishReading.countDown();
        runs.destroy();
    }

    private static NtmPrincipal officer(String name) {
        return new NtmPrincipal(name, name, Role.COMMUNE_OFFICER, "30049", null);
    }

    private static ImportRuns.Upload csv(String name) {
        return new ImportRuns.Upload("unit_code\n".getBytes(StandardCharsets.UTF_8), name, null, null, true);
    }

    private void readsSlowlyFor(String fileName) throws Exception {
        when(files.detect(any())).thenReturn("text/plain");
        IndicatorValueCsvImport.Parsed parsed = mock(IndicatorValueCsvImport.Parsed.class);
        when(values.read(any(), any(), any(), any(), any())).thenAnswer(call -> {
            if (fileName.equals(call.getArgument(1))) {
                reading.countDown();
                assertThat(mayFinishReading.await(30, TimeUnit.SECONDS)).isTrue();
            }
            return parsed;
        });
        // an empty file's report: the run ends DONE, as a real one would (a null report failed every run with a
        // stack trace in the build's output)
        when(values.record(any(), org.mockito.ArgumentMatchers.anyBoolean(), any(), any(), any())).thenReturn(
                new IndicatorValueCsvImport.Report(0, 0, 0, List.of(), java.time.Duration.ZERO, false, List.of()));
    }

    @Test
    void anAccountHasOneRunAtATimeCountedFromBeforeItsFileIsRead() throws Exception {
        readsSlowlyFor("slow.csv");
        CompletableFuture<ImportRuns.ImportRun> slow = CompletableFuture.supplyAsync(
                () -> runs.start(csv("slow.csv"), officer("a")));
        assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();

        // while a's first file is read, a's second is refused at once, unread; b's goes on
        assertThatThrownBy(() -> runs.start(csv("second.csv"), officer("a")))
                .isInstanceOfSatisfying(ImportRuns.Refused.class, e -> {
                    assertThat(e.code()).isEqualTo("BUSY");
                    assertThat(e.text().key()).isEqualTo("import.upload.busyAccount");
                });
        ImportRuns.ImportRun other = finished(runs.start(csv("b.csv"), officer("b")));
        assertThat(runs.find(other.id(), officer("b"))).isNotNull();
        verify(values, org.mockito.Mockito.never()).read(any(), eq("second.csv"), any(), any(), any());

        mayFinishReading.countDown();
        ImportRuns.ImportRun first = slow.get(30, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> first.status() == ImportRuns.Status.FAILED
                || first.status() == ImportRuns.Status.DONE);
        // done, a may send again
        assertThat(runs.start(csv("again.csv"), officer("a"))).isNotNull();
    }

    @Test
    void aFullQueueIsSaidBeforeTheFileIsRead() throws Exception {
        readsSlowlyFor("slow.csv");
        ImportRuns small = new ImportRuns(values, mock(RecordsImport.class), files,
                mock(org.axonframework.commandhandling.gateway.CommandGateway.class), mock(AccessProbe.class), log,
                Clock.systemUTC(), "1MB", 1, 3, 10);
        try {
            // two places (one running, one waiting), both held by files being read
            CompletableFuture<ImportRuns.ImportRun> one = CompletableFuture.supplyAsync(
                    () -> small.start(csv("slow.csv"), officer("a")));
            CompletableFuture<ImportRuns.ImportRun> two = CompletableFuture.supplyAsync(
                    () -> small.start(csv("slow.csv"), officer("b")));
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThatThrownBy(() -> small.start(csv("c.csv"), officer("c")))
                            .isInstanceOfSatisfying(ImportRuns.Refused.class,
                                    e -> assertThat(e.text().key()).isEqualTo("import.upload.busy")));
            verify(values, org.mockito.Mockito.never()).read(any(), eq("c.csv"), any(), any(), any());
            mayFinishReading.countDown();
            one.get(30, TimeUnit.SECONDS);
            two.get(30, TimeUnit.SECONDS);
        } finally {
            small.destroy();
        }
    }

    @Test
    void eachAccountKeepsItsOwnLatestReports() throws Exception {
        readsSlowlyFor("none");
        List<ImportRuns.ImportRun> mine = new ArrayList<>();
        ImportRuns.ImportRun others = finished(runs.start(csv("b.csv"), officer("b")));
        for (int i = 0; i < 5; i++) {
            mine.add(finished(runs.start(csv("a" + i + ".csv"), officer("a"))));
        }
        // ntm.import.kept-runs=3 of a's; b's one report is still there
        assertThat(runs.find(others.id(), officer("b"))).isNotNull();
        assertThat(mine.stream().filter(r -> runs.find(r.id(), officer("a")) != null).count()).isEqualTo(3);
        assertThat(runs.find(mine.get(4).id(), officer("a"))).isNotNull();
    }

    @Test
    void aRoleThatImportsNoValuesIsRefusedAndLogged() {
        NtmPrincipal auditor = new NtmPrincipal("auditor", "auditor", Role.AUDITOR, null, null);
        assertThatThrownBy(() -> runs.start(csv("x.csv"), auditor)).isInstanceOfSatisfying(ImportRuns.Refused.class,
                e -> assertThat(e.code()).isEqualTo("NOT_ALLOWED"));
        verify(log).denied(any(), eq("POST /imports/values"), eq(null), any());
    }

    private static ImportRuns.ImportRun finished(ImportRuns.ImportRun run) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> run.status() == ImportRuns.Status.FAILED
                || run.status() == ImportRuns.Status.DONE);
        return run;
    }
}
