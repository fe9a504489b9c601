package org.ntmrecords.query.target;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.ntmrecords.events.target.TargetAmendedEvent;
import org.ntmrecords.events.target.TargetDefinition;
import org.ntmrecords.events.target.TargetSetEvent;
import org.ntmrecords.events.target.TargetWithdrawnEvent;
import org.ntmrecords.query.common.Json;
import org.ntmrecords.query.common.ReadModel;
import org.ntmrecords.query.common.ReadModelWriter;
import org.ntmrecords.query.common.Sql;
import org.springframework.stereotype.Component;

/** Keeps {@code read_model.target}: each target's current version, and whether it was withdrawn. */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class TargetProjection {
    private final ReadModelWriter writer;

    public TargetProjection(ReadModelWriter writer) {
        this.writer = writer;
    }

    /** A replay rebuilds this projection's table from empty. */
    @ResetHandler
    public void reset() {
        ReadModel.truncate(writer.reading(), "read_model.target");
    }

    @EventHandler
    public void on(TargetSetEvent e, @Timestamp Instant at) {
        TargetDefinition d = e.definition();
        writer.update("insert into read_model.target (unit_code, target_id, version, kind, year, set_id,"
                        + " indicator_code, deadline_last_day, definition, set_at, changed_at)"
                        + " values (?, ?, 1, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)",
                e.unitCode(), e.targetId(), d.kind().name(), d.year(), d.setId(), d.indicatorCode(),
                Sql.date(d.deadline().lastDay()), Json.write(d), Sql.timestamp(at), Sql.timestamp(at));
    }

    @EventHandler
    public void on(TargetAmendedEvent e, @Timestamp Instant at) {
        TargetDefinition d = e.definition();
        writer.update("update read_model.target set version = ?, kind = ?, year = ?, set_id = ?, indicator_code = ?,"
                        + " deadline_last_day = ?, definition = cast(? as jsonb), amend_reason = ?, changed_at = ?"
                        + " where unit_code = ? and target_id = ?",
                e.version(), d.kind().name(), d.year(), d.setId(), d.indicatorCode(), Sql.date(d.deadline().lastDay()),
                Json.write(d), e.reason(), Sql.timestamp(at), e.unitCode(), e.targetId());
    }

    @EventHandler
    public void on(TargetWithdrawnEvent e, @Timestamp Instant at) {
        writer.update("update read_model.target set withdrawn = true, withdrawn_reason = ?,"
                        + " withdrawn_basis = cast(? as jsonb), changed_at = ? where unit_code = ? and target_id = ?",
                e.reason(), Json.write(e.basis()), Sql.timestamp(at), e.unitCode(), e.targetId());
    }
}
