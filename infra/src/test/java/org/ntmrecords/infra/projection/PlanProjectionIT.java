package org.ntmrecords.infra.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.SystemTasks;
import org.ntmrecords.command.plan.PlanCommands;
import org.ntmrecords.command.plan.PlanTaskClosureProcess;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.Deadline;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.Money;
import org.ntmrecords.events.plan.FundingSource;
import org.ntmrecords.events.plan.FundingStage;
import org.ntmrecords.events.plan.PlanAim;
import org.ntmrecords.events.plan.PlanAmendedEvent;
import org.ntmrecords.events.plan.PlanFundsRecordedEvent;
import org.ntmrecords.events.plan.PlanIssuedEvent;
import org.ntmrecords.events.plan.PlanItemAddedEvent;
import org.ntmrecords.events.plan.PlanTaskClosedEvent;
import org.ntmrecords.events.plan.PlanTaskCompletedEvent;
import org.ntmrecords.events.plan.PlanTaskReopenedEvent;
import org.ntmrecords.events.plan.PlannedFunding;
import org.ntmrecords.events.scorecard.IndicatorJudgedEvent;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.JudgmentBasis;
import org.ntmrecords.infra.support.TestDatabases;
import org.ntmrecords.query.common.ReadModelWriter;
import org.ntmrecords.query.plan.PlanProjection;
import org.ntmrecords.query.plan.PlanReadRepository;
import org.ntmrecords.query.plan.PlanReadRepository.TaskFilter;
import org.ntmrecords.query.plan.PlanReadRepository.TaskStatus;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The plan projection and the task-closure process, fed events directly (no Spring, no event store): versions stay
 * readable, a task's OVERDUE is computed from the date asked about, the budget sums exactly; the process completes
 * only open tasks targeting the indicator judged met, naming the judgment, and forgets tasks no longer open.
 */
class PlanProjectionIT {
    private static final Instant T1 = Instant.parse("2024-01-26T03:00:00Z");
    private static final Instant T2 = Instant.parse("2024-03-01T03:00:00Z");
    private static final String SET = "dongthap-district-advanced-2021-2025";
    private static final BodyRef TNMT = new BodyRef("Phòng Tài nguyên và Môi trường huyện", "872-tnmt", null);

    private PlanProjection projection;
    private PlanReadRepository plans;
    private PlanTaskClosureProcess process;
    private final List<Object> sent = new ArrayList<>();

    @BeforeEach
    void freshDatabase() {
        TestDatabases.Database database = TestDatabases.fresh();
        PGSimpleDataSource dataSource = database.dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        projection = new PlanProjection(new ReadModelWriter(jdbc));
        plans = new PlanReadRepository(new NamedParameterJdbcTemplate(dataSource));
        CommandGateway gateway = (CommandGateway) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CommandGateway.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendAndWait")) {
                        sent.add(args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        SystemTasks tasks = new SystemTasks() {
            @Override
            public <T> T run(String task, String correlationId, java.util.concurrent.Callable<T> work)
                    throws Exception {
                return work.call();
            }
        };
        process = new PlanTaskClosureProcess(jdbc, gateway, tasks);
    }

    private static PlanIssuedEvent issued() {
        return new PlanIssuedEvent("p", "872", "317/KH-UBND", "316/KH-UBND", LocalDate.of(2024, 1, 26),
                new BodyRef("UBND huyện Tháp Mười", null, "872"), 2024, "Kế hoạch 2024",
                List.of(new PlanAim(SET, "huyện NTM nâng cao")), List.of(new DocumentRef("863/QĐ-UBND-HC",
                LocalDate.of(2022, 8, 8), null, null)), null);
    }

    private static PlanItemAddedEvent item(String itemId, String indicator, int version, List<PlannedFunding> funding,
                                           Money cost) {
        return new PlanItemAddedEvent("p", "872", itemId, version, itemId, SET, "7", indicator, "c", List.of("872"),
                "≥ 70%", "Chưa đạt 64,8/70%", List.of(), null, "s", TNMT, List.of(),
                new Deadline("Tháng 6/2024", LocalDate.of(2024, 6, 30)), cost, funding);
    }

    private static IndicatorJudgedEvent judged(String indicator, Judgment result) {
        return new IndicatorJudgedEvent("872@" + SET, "872", SET, 1, null, "7", indicator, result,
                JudgmentBasis.COMPUTED, "≥ 70%", new BigDecimal("70"), null, new BigDecimal("71"), List.of("v"), null,
                "v");
    }

    private static TaskFilter tasks(TaskStatus status, LocalDate asOf) {
        return new TaskFilter(null, null, "p", status, null, null, null, asOf);
    }

    @Test
    void versionsStayReadableAndOverdueIsReadOnTheDateAsked() {
        projection.on(issued(), T1, "thapmuoi.vpdp");
        projection.on(item("7.4", "7.4", 1, List.of(), null), T1, "thapmuoi.vpdp");
        projection.on(new PlanAmendedEvent("p", "872", 2, LocalDate.of(2024, 3, 1), "thêm 7.8", "rà soát", null,
                "Kế hoạch 2024 (điều chỉnh)", issued().aims(), issued().legalBases()), T2, "thapmuoi.vpdp");
        projection.on(item("7.8", "7.8", 2, List.of(), null), T2, "thapmuoi.vpdp");

        assertThat(plans.plan("p", 1)).get().satisfies(v -> {
            assertThat(v.title()).isEqualTo("Kế hoạch 2024");
            assertThat(v.latestVersion()).isEqualTo(2);
            assertThat(v.annexNumber()).isEqualTo("316/KH-UBND");
        });
        assertThat(plans.items(List.of(plans.plan("p", 1).orElseThrow())).values().iterator().next())
                .extracting(PlanReadRepository.PlanItemView::itemId).containsExactly("7.4");
        assertThat(plans.plan("p", null)).get().satisfies(v -> {
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.changes()).isEqualTo("thêm 7.8");
        });
        assertThat(plans.items(List.of(plans.plan("p", null).orElseThrow())).values().iterator().next())
                .extracting(PlanReadRepository.PlanItemView::itemId).containsExactly("7.4", "7.8");

        // the same stored rows, read on two dates: open on the deadline's last day, overdue the day after
        assertThat(plans.countTasks(tasks(TaskStatus.OPEN, LocalDate.of(2024, 6, 30)))).isEqualTo(2);
        assertThat(plans.countTasks(tasks(TaskStatus.OVERDUE, LocalDate.of(2024, 6, 30)))).isZero();
        assertThat(plans.countTasks(tasks(TaskStatus.OVERDUE, LocalDate.of(2024, 7, 1)))).isEqualTo(2);
        assertThat(plans.task("p", "7.4", "872", LocalDate.of(2024, 7, 1))).get()
                .satisfies(t -> assertThat(t.daysLeft()).isEqualTo(-1));

        projection.on(new PlanTaskCompletedEvent("p", "7.4", "872", SET, "7.4", "judged-1", "872@" + SET), T2,
                "system:plan-task-closure");
        projection.on(new PlanTaskClosedEvent("p", "7.8", "872", LocalDate.of(2024, 5, 1), "lý do", null), T2, "o");
        assertThat(plans.countTasks(tasks(TaskStatus.OVERDUE, LocalDate.of(2024, 7, 1)))).isZero();
        assertThat(plans.task("p", "7.4", "872", LocalDate.of(2024, 7, 1))).get().satisfies(t -> {
            assertThat(t.status()).isEqualTo(TaskStatus.DONE);
            assertThat(t.completedByEventId()).isEqualTo("judged-1");
            assertThat(t.daysLeft()).isNull();
        });
        projection.on(new PlanTaskReopenedEvent("p", "7.8", "872", LocalDate.of(2024, 5, 2), "mở lại", null), T2, "o");
        assertThat(plans.task("p", "7.8", "872", LocalDate.of(2024, 7, 1))).get()
                .satisfies(t -> assertThat(t.status()).isEqualTo(TaskStatus.OVERDUE));
        assertThat(plans.overdueByLead("872", null, LocalDate.of(2024, 7, 1))).containsExactly(
                new PlanReadRepository.LeadCount("Phòng Tài nguyên và Môi trường huyện", "872-tnmt", 1));
    }

    @Test
    void theBudgetSumsExactlyAndSharesAreHalfUpToTwoDecimals() {
        projection.on(issued(), T1, "admin");
        projection.on(item("18", null, 1, List.of(new PlannedFunding(FundingSource.RESIDENTS, "nhân dân",
                new Money(new BigDecimal("970000000"), "970 triệu"))), new Money(new BigDecimal("12800000000"),
                "12.8 tỷ đồng")), T1, "admin");
        projection.on(item("6.1", null, 1, List.of(), new Money(new BigDecimal("1150000000"), "1.150 tỷ đồng")), T1,
                "admin");
        projection.on(new PlanFundsRecordedEvent("p", "18", "f1", FundingSource.RESIDENTS, "nhân dân",
                FundingStage.MOBILISED, new Money(new BigDecimal("300000000"), "300 triệu"), LocalDate.of(2023, 8, 1),
                new BodyRef("UBND xã", null, null), null, "đạt 30.92 %", null), T2, "admin");
        var budget = plans.budget("p").orElseThrow();
        assertThat(budget.items().get(0).mobilisedPercent()).isEqualByComparingTo("30.93");
        assertThat(budget.items().get(0).sources().get(0).statedShares()).containsExactly("đạt 30.92 %");
        assertThat(budget.items().get(1).planned().vnd()).isEqualByComparingTo("1150000000");
        assertThat(budget.planned().vnd()).isEqualByComparingTo("2120000000");
        assertThat(budget.mobilisedPercent()).isEqualByComparingTo("14.15");
        assertThat(budget.disbursedPercent()).isEqualByComparingTo("0.00");
    }

    @Test
    void theProcessCompletesOnlyOpenTasksTargetingTheIndicatorJudgedMet() throws Exception {
        added(item("7.4", "7.4", 1, List.of(), null));
        added(item("7.8", "7.8", 1, List.of(), null));
        process.on(judged("7.4", Judgment.NOT_MET), GenericEventMessage.asEventMessage(judged("7.4", Judgment.NOT_MET)),
                "c0");
        assertThat(sent).isEmpty();
        var met = GenericEventMessage.asEventMessage(judged("7.4", Judgment.MET));
        process.on(judged("7.4", Judgment.MET), met, "c1");
        assertThat(sent).containsExactly(new PlanCommands.CompleteByJudgment("plan:p", "7.4", "872",
                met.getIdentifier(), "872@" + SET));
        // no longer open: a later judgment sends nothing; closed by decision, neither; reopened, again
        process.on(judged("7.4", Judgment.MET), GenericEventMessage.asEventMessage(judged("7.4", Judgment.MET)), "c2");
        assertThat(sent).hasSize(1);
        process.on(new PlanTaskClosedEvent("p", "7.8", "872", LocalDate.of(2024, 5, 1), "r", null));
        process.on(judged("7.8", Judgment.MET), GenericEventMessage.asEventMessage(judged("7.8", Judgment.MET)), "c3");
        assertThat(sent).hasSize(1);
        process.on(new PlanTaskReopenedEvent("p", "7.8", "872", LocalDate.of(2024, 5, 2), "r", null));
        process.on(judged("7.8", Judgment.MET), GenericEventMessage.asEventMessage(judged("7.8", Judgment.MET)), "c4");
        assertThat(sent).hasSize(2);
        // a reset forgets every task; the replay rebuilds the registry
        process.reset();
        process.on(judged("7.8", Judgment.MET), GenericEventMessage.asEventMessage(judged("7.8", Judgment.MET)), "c5");
        assertThat(sent).hasSize(2);
    }

    @Test
    void aTaskAddedForAnIndicatorAlreadyJudgedMetIsDoneAtOnceNamingThatJudgment() throws Exception {
        var notMet = GenericEventMessage.asEventMessage(judged("7.1", Judgment.NOT_MET));
        process.on(judged("7.1", Judgment.NOT_MET), notMet, "c0");
        added(item("7.1", "7.1", 1, List.of(), null));
        assertThat(sent).isEmpty();
        var met = GenericEventMessage.asEventMessage(judged("7.4", Judgment.MET));
        process.on(judged("7.4", Judgment.MET), met, "c1");
        assertThat(sent).isEmpty();
        added(item("7.4", "7.4", 1, List.of(), null));
        assertThat(sent).containsExactly(new PlanCommands.CompleteByJudgment("plan:p", "7.4", "872",
                met.getIdentifier(), "872@" + SET));
        // a later judgment not met replaces it: a row added then stays open
        process.on(judged("7.4", Judgment.NOT_MET), GenericEventMessage.asEventMessage(judged("7.4", Judgment.NOT_MET)),
                "c2");
        added(item("7.4-b", "7.4", 1, List.of(), null));
        assertThat(sent).hasSize(1);
    }

    private void added(PlanItemAddedEvent event) throws Exception {
        process.on(event, GenericEventMessage.asEventMessage(event), "c-item");
    }
}
