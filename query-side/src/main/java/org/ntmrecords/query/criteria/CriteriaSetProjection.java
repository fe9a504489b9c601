package org.ntmrecords.query.criteria;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.ntmrecords.events.criteria.CriteriaSetAmendedEvent;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriteriaSetPublishedEvent;
import org.ntmrecords.query.common.Json;
import org.ntmrecords.query.common.ReadModel;
import org.ntmrecords.query.common.ReadModelWriter;
import org.ntmrecords.query.common.Sql;
import org.springframework.stereotype.Component;

/** Keeps every published version of every criteria set, and which version is the latest. */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class CriteriaSetProjection {
    private final ReadModelWriter writer;

    public CriteriaSetProjection(ReadModelWriter writer) {
        this.writer = writer;
    }

    /** A replay rebuilds this projection's tables from empty. */
    @ResetHandler
    public void reset() {
        ReadModel.truncate(writer.reading(), "read_model.criteria_set", "read_model.criteria_set_version");
    }

    @EventHandler
    public void on(CriteriaSetPublishedEvent event, @Timestamp Instant recordedAt,
                   @MetaDataValue("actor") String actor) {
        insert(event.definition(), null, recordedAt, actor);
        writer.update("insert into read_model.criteria_set (set_id, latest_version) values (?, ?)",
                event.definition().id(), event.definition().version());
    }

    @EventHandler
    public void on(CriteriaSetAmendedEvent event, @Timestamp Instant recordedAt,
                   @MetaDataValue("actor") String actor) {
        Map<String, Object> amendment = new LinkedHashMap<>();
        amendment.put("previousVersion", event.previousVersion());
        amendment.put("reason", event.reason());
        amendment.put("changes", event.changes());
        amendment.put("structureChanges", event.structureChanges());
        insert(event.definition(), Json.write(amendment), recordedAt, actor);
        writer.update("update read_model.criteria_set set latest_version = ? where set_id = ?",
                event.version(), event.setId());
    }

    private void insert(CriteriaSetDefinition d, String amendment, Instant recordedAt, String actor) {
        writer.update("""
                insert into read_model.criteria_set_version
                    (set_id, version, title, level, grade, phase, legal_basis, effective_from, base_set_id,
                     province_code, provenance, criteria_count, indicator_count, definition, amendment,
                     published_at, published_by)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?)""",
                d.id(), d.version(), d.title(), d.level().name(), d.grade().name(), d.phase(),
                Json.write(d.legalBasis()), Sql.date(d.effectiveFrom()), d.baseSetId(), d.provinceCode(),
                d.provenance(), d.criteria().size(),
                d.criteria().stream().mapToInt(c -> c.indicators().size()).sum(),
                Json.write(d), amendment, Sql.timestamp(recordedAt), actor);
    }
}
