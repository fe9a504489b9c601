package org.ntmrecords.query.unit;

import java.sql.Date;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.ntmrecords.events.unit.UnitCeasedEvent;
import org.ntmrecords.events.unit.UnitParentChangedEvent;
import org.ntmrecords.events.unit.UnitRegisteredEvent;
import org.ntmrecords.events.unit.UnitRenamedEvent;
import org.ntmrecords.events.unit.UnitReorganizedEvent;
import org.ntmrecords.query.common.Json;
import org.ntmrecords.query.common.ReadModel;
import org.ntmrecords.query.common.ReadModelWriter;
import org.ntmrecords.query.common.Sql;
import org.ntmrecords.query.common.VietnameseText;
import org.springframework.stereotype.Component;

/** Keeps {@code read_model.unit}: one row per unit as it stands now. */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class UnitProjection {
    private final ReadModelWriter writer;

    public UnitProjection(ReadModelWriter writer) {
        this.writer = writer;
    }

    /** A replay rebuilds this projection's tables from empty. */
    @ResetHandler
    public void reset() {
        ReadModel.truncate(writer.reading(), "read_model.unit", "read_model.unit_succession");
    }

    @EventHandler
    public void on(UnitRegisteredEvent event, @Timestamp Instant recordedAt) {
        writer.update("""
                insert into read_model.unit (code, name, full_name, kind, level, parent_code, name_folded,
                                             full_name_folded, registered_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.code(), event.name(), event.fullName(), event.kind().name(), event.kind().level(),
                event.parentCode(), VietnameseText.fold(event.name()), VietnameseText.fold(event.fullName()),
                Sql.timestamp(recordedAt), Sql.timestamp(recordedAt));
    }

    @EventHandler
    public void on(UnitRenamedEvent event, @Timestamp Instant recordedAt) {
        writer.update("""
                update read_model.unit set name = ?, full_name = ?, name_folded = ?, full_name_folded = ?,
                                           updated_at = ?
                where code = ?""",
                event.name(), event.fullName(), VietnameseText.fold(event.name()),
                VietnameseText.fold(event.fullName()), Sql.timestamp(recordedAt), event.code());
    }

    @EventHandler
    public void on(UnitParentChangedEvent event, @Timestamp Instant recordedAt) {
        writer.update("update read_model.unit set parent_code = ?, updated_at = ? where code = ?",
                event.parentCode(), Sql.timestamp(recordedAt), event.code());
    }

    @EventHandler
    public void on(UnitReorganizedEvent event, @Timestamp Instant recordedAt) {
        writer.update("""
                update read_model.unit set name = ?, full_name = ?, name_folded = ?, full_name_folded = ?, kind = ?,
                                           level = ?, parent_code = ?, updated_at = ?
                where code = ?""",
                event.name(), event.fullName(), VietnameseText.fold(event.name()),
                VietnameseText.fold(event.fullName()), event.kind().name(), event.kind().level(), event.parentCode(),
                Sql.timestamp(recordedAt), event.code());
    }

    /** A ceased unit keeps its row (its records stay readable) and gains its successors. */
    @EventHandler
    public void on(UnitCeasedEvent event, @Timestamp Instant recordedAt) {
        writer.update("update read_model.unit set ceased_on = ?, updated_at = ? where code = ?",
                Date.valueOf(event.effectiveFrom()), Sql.timestamp(recordedAt), event.code());
        List<Object[]> rows = event.successors().stream()
                .map(s -> new Object[] {event.code(), s.code(), s.share().name(), Date.valueOf(event.effectiveFrom()),
                    Json.write(event.basis())})
                .toList();
        writer.batchUpdate("""
                insert into read_model.unit_succession (predecessor_code, successor_code, share, effective_from,
                                                        basis)
                values (?, ?, ?, ?, cast(? as jsonb))""", rows);
    }
}
