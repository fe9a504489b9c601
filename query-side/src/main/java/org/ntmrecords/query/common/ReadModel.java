package org.ntmrecords.query.common;

import org.springframework.jdbc.core.JdbcTemplate;

/** Names shared by the projections that feed the read tables. */
public final class ReadModel {
    /**
     * The processing group for the read tables other than the history. These projections depend on each other's
     * rows (a tracked unit's standing rows are laid out from its criteria set's definition), so they share one
     * ordered stream and see events in store order.
     */
    public static final String PROCESSING_GROUP = "read-model";

    /**
     * The history tables: filled from the events alone (no other read table), so they are kept by a processor of
     * their own, in parallel with {@link #PROCESSING_GROUP} (on another core), in store order as well.
     */
    public static final String HISTORY_PROCESSING_GROUP = "read-model-history";

    /** Both read-model processors; a rebuild replays both. */
    public static final java.util.List<String> PROCESSING_GROUPS = java.util.List.of(PROCESSING_GROUP,
            HISTORY_PROCESSING_GROUP);

    /**
     * Every read table. Each projection empties its own in its reset handler (Axon calls reset handlers only on
     * components that also handle events); {@code RebuildIT} checks that a rebuild rewrites every row of these.
     */
    public static final String[] TABLES = {
        "read_model.unit", "read_model.criteria_set_version", "read_model.criteria_set", "read_model.scorecard",
        "read_model.criterion_standing", "read_model.indicator_standing", "read_model.indicator_entry",
        "read_model.indicator_decision", "read_model.indicator_item", "read_model.account", "read_model.agency", "read_model.responsibility",
        "read_model.unit_succession", "read_model.history_event", "read_model.history_subject",
        "read_model.recognition_case", "read_model.recognition_discrepancy", "read_model.certification",
        "read_model.evidence_document", "read_model.reporting_duty", "read_model.reporting_owed",
        "read_model.report_submission", "read_model.target",
        "read_model.plan_version", "read_model.plan_item", "read_model.plan_task",
        "read_model.plan_task_note", "read_model.plan_funds"
    };

    /** Empties the given read tables; called by the projections' reset handlers before a replay. */
    public static void truncate(JdbcTemplate jdbc, String... tables) {
        jdbc.execute("truncate " + String.join(", ", tables));
    }

    private ReadModel() {
    }
}
