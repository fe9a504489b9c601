package org.ntmrecords.query.agency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.ntmrecords.events.agency.AgencyRegisteredEvent;
import org.ntmrecords.events.agency.ResponsibilityAssignedEvent;
import org.ntmrecords.events.agency.ResponsibilityWithdrawnEvent;
import org.ntmrecords.query.common.Json;
import org.ntmrecords.query.common.ReadModel;
import org.ntmrecords.query.common.ReadModelWriter;
import org.ntmrecords.query.common.Sql;
import org.springframework.stereotype.Component;

/** Keeps {@code read_model.agency} and the criteria and indicators each agency currently answers for. */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class AgencyProjection {
    static final String CRITERION = "CRITERION";
    static final String INDICATOR = "INDICATOR";
    private final ReadModelWriter writer;

    public AgencyProjection(ReadModelWriter writer) {
        this.writer = writer;
    }

    /** A replay rebuilds this projection's tables from empty. */
    @ResetHandler
    public void reset() {
        ReadModel.truncate(writer.reading(), "read_model.agency", "read_model.responsibility");
    }

    @EventHandler
    public void on(AgencyRegisteredEvent e, @Timestamp Instant at) {
        writer.update("insert into read_model.agency (agency_id, name, unit_code, basis, registered_at)"
                        + " values (?, ?, ?, cast(? as jsonb), ?)",
                e.agencyId(), e.name(), e.unitCode(), Json.write(e.basis()), Sql.timestamp(at));
    }

    @EventHandler
    public void on(ResponsibilityAssignedEvent e, @Timestamp Instant at) {
        List<Object[]> rows = new ArrayList<>();
        String basis = Json.write(e.basis());
        e.criterionCodes().forEach(c -> rows.add(new Object[] {e.agencyId(), e.setId(), CRITERION, c, basis, Sql.timestamp(at)}));
        e.indicatorCodes().forEach(i -> rows.add(new Object[] {e.agencyId(), e.setId(), INDICATOR, i, basis, Sql.timestamp(at)}));
        writer.batchUpdate("insert into read_model.responsibility (agency_id, set_id, kind, code, basis, assigned_at)"
                + " values (?, ?, ?, ?, cast(? as jsonb), ?)", rows);
    }

    @EventHandler
    public void on(ResponsibilityWithdrawnEvent e) {
        List<Object[]> rows = new ArrayList<>();
        e.criterionCodes().forEach(c -> rows.add(new Object[] {e.agencyId(), e.setId(), CRITERION, c}));
        e.indicatorCodes().forEach(i -> rows.add(new Object[] {e.agencyId(), e.setId(), INDICATOR, i}));
        writer.batchUpdate("delete from read_model.responsibility where agency_id = ? and set_id = ? and kind = ? and code = ?",
                rows);
    }
}
