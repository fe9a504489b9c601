package org.ntmrecords.infra.projection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.query.common.ReadModel;
import org.springframework.stereotype.Component;

/**
 * Proves the served answers equal a replay of the events: every read table is copied aside (in temporary tables of
 * one session), the read model is rebuilt from the event store, and each table is compared row by row with its copy.
 * A row the service served that the replay does not produce — an edited standing, a deleted entry, an added case — is
 * reported with the table and the queries it answers. The read tables hold the replay afterwards.
 *
 * <p>Run with the service stopped ({@code java -jar ntm-records.jar verify-read-model}), or against a query replica's
 * database: while it runs the read tables are being rebuilt.
 */
@Component
public class ReadModelVerification {
    static final int ROWS_SHOWN = 20;

    /** Which GraphQL answers come from each read table. */
    static final Map<String, String> SERVES = Map.ofEntries(
            Map.entry("read_model.unit", "unit, units, districtOverview"),
            Map.entry("read_model.criteria_set_version", "criteriaSets, criteriaSetVersions"),
            Map.entry("read_model.criteria_set", "criteriaSets"),
            Map.entry("read_model.scorecard", "standing, districtOverview, recognitionsAtRisk"),
            Map.entry("read_model.criterion_standing", "standing.unmetCriteria, explainCriterion"),
            Map.entry("read_model.indicator_standing", "standing (indicators), explainIndicator"),
            Map.entry("read_model.indicator_entry", "indicatorEntries, standingAsOf, asOfComparison, whatIf"),
            Map.entry("read_model.indicator_decision", "standingAsOf, explainIndicator"),
            Map.entry("read_model.indicator_item", "itemAssessment"),
            Map.entry("read_model.account", "accounts"),
            Map.entry("read_model.agency", "agencies"),
            Map.entry("read_model.responsibility", "agencies (responsibilities)"),
            Map.entry("read_model.unit_succession", "Unit.successors, Unit.predecessors"),
            Map.entry("read_model.history_event", "history"),
            Map.entry("read_model.history_subject", "history, unitHistoryExport"),
            Map.entry("read_model.recognition_case", "recognitionCase(s), pendingActions, expiringSoon"),
            Map.entry("read_model.recognition_discrepancy", "recognitionDiscrepancies"),
            Map.entry("read_model.certification", "expiringSoon"),
            Map.entry("read_model.evidence_document", "evidenceDocuments"),
            Map.entry("read_model.reporting_duty", "reportingDuties, reportingDuty, reportingCompliance"),
            Map.entry("read_model.reporting_owed", "reportingDuties (agencyId, bodyUnitCode)"),
            Map.entry("read_model.report_submission", "reportSubmissions, reportingCompliance"),
            Map.entry("read_model.target", "targets, target, targetsAtRisk"),
            Map.entry("read_model.plan_version", "plan, plans"),
            Map.entry("read_model.plan_item", "plan (items), planTasks, planBudget"),
            Map.entry("read_model.plan_task", "planTasks, overdueTasks, tasksDue"),
            Map.entry("read_model.plan_task_note", "PlanTask.progress"),
            Map.entry("read_model.plan_funds", "planBudget"));

    private final DataSource dataSource;
    private final ReadModelRebuild rebuild;

    public ReadModelVerification(DataSource dataSource, ReadModelRebuild rebuild) {
        this.dataSource = dataSource;
        this.rebuild = rebuild;
    }

    /**
     * One table's differences.
     *
     * @param served rows the service held that the replay does not produce (at most {@value #ROWS_SHOWN}, as JSON)
     * @param replayed rows the replay produces that the service did not hold
     */
    public record TableDifference(String table, String answers, long rows, long servedOnly, long replayOnly,
                                  List<String> served, List<String> replayed) {
    }

    public record Result(boolean equal, boolean rebuilt, List<TableDifference> differences, long rowsCompared,
                         ReadModelRebuild.Result rebuild) {
        /** The summary in English (logs). */
        public String summary() {
            return summary(Locale.ENGLISH);
        }

        /** Equal, different or not checked, with what was compared: in a reader's language. */
        public String summary(Locale locale) {
            if (!rebuilt) {
                return ApiText.of("readModel.verify.notChecked", rebuild.text()).in(locale);
            }
            return ApiText.of("readModel.verify.summary", ApiText.of(equal ? "readModel.verify.equal"
                            : "readModel.verify.different"), String.valueOf(rowsCompared),
                    String.valueOf(ReadModel.TABLES.length), String.valueOf(rebuild.events()),
                    String.valueOf(differences.size())).in(locale);
        }
    }

    /** @param progress told what the verification is doing, in words for a reader */
    public Result verify(Consumer<Message> progress) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            List<String> copies = new ArrayList<>();
            for (int i = 0; i < ReadModel.TABLES.length; i++) {
                String copy = "ntm_served_" + i;
                statement.execute("drop table if exists pg_temp." + copy);
                statement.execute("create temporary table " + copy + " as select row_to_json(t)::text as r from "
                        + ReadModel.TABLES[i] + " t");
                copies.add(copy);
            }
            progress.accept(ApiText.of("readModel.verify.copied", String.valueOf(ReadModel.TABLES.length)));
            ReadModelRebuild.Result replay = rebuild.rebuild(progress);
            if (!replay.completed()) {
                return new Result(false, false, List.of(), 0, replay);
            }
            List<TableDifference> differences = new ArrayList<>();
            long compared = 0;
            for (int i = 0; i < ReadModel.TABLES.length; i++) {
                String table = ReadModel.TABLES[i];
                String live = "(select row_to_json(t)::text as r from " + table + " t)";
                long rows = count(statement, "select count(*) from " + copies.get(i));
                compared += rows;
                String servedOnly = "select r from " + copies.get(i) + " except all select r from " + live + " x";
                String replayOnly = "select r from " + live + " x except all select r from " + copies.get(i);
                long served = count(statement, "select count(*) from (" + servedOnly + ") d");
                long replayed = count(statement, "select count(*) from (" + replayOnly + ") d");
                if (served > 0 || replayed > 0) {
                    differences.add(new TableDifference(table, SERVES.getOrDefault(table, ""), rows, served, replayed,
                            texts(statement, servedOnly + " order by 1 limit " + ROWS_SHOWN),
                            texts(statement, replayOnly + " order by 1 limit " + ROWS_SHOWN)));
                }
                statement.execute("drop table " + copies.get(i));
            }
            return new Result(differences.isEmpty(), true, List.copyOf(differences), compared, replay);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compare the read tables with a replay: " + e.getMessage(), e);
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> texts(Statement statement, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
