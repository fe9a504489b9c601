package org.ntmrecords.query.common;

/** Names shared by the projections that feed the read tables. */
public final class ReadModel {
    /**
     * The one processing group for all read tables. Projections depend on each other's rows (a tracked unit's
     * standing rows are laid out from its criteria set's definition), so they see events in store order.
     */
    public static final String PROCESSING_GROUP = "read-model";

    /** The tables a rebuild empties, in an order that respects no foreign keys (there are none). */
    public static final String[] TABLES = {
        "read_model.unit", "read_model.criteria_set_version", "read_model.criteria_set", "read_model.scorecard",
        "read_model.criterion_standing", "read_model.indicator_standing", "read_model.indicator_entry",
        "read_model.indicator_decision", "read_model.account", "read_model.agency", "read_model.responsibility",
        "read_model.unit_succession", "read_model.history_event", "read_model.history_subject"
    };

    private ReadModel() {
    }
}
