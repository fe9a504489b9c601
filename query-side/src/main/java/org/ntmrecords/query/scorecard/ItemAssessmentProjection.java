package org.ntmrecords.query.scorecard;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.ntmrecords.events.scorecard.IndicatorItemAssessedEvent;
import org.ntmrecords.query.common.Json;
import org.ntmrecords.query.common.ReadModel;
import org.ntmrecords.query.common.ReadModelWriter;
import org.ntmrecords.query.common.Sql;
import org.springframework.stereotype.Component;

/**
 * Keeps every item of every item-by-item assessment ({@code read_model.indicator_item}); a correcting assessment
 * marks the one it corrects. The indicator's judgment stays in {@link ScorecardProjection}'s standing rows.
 */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class ItemAssessmentProjection {
    private final ReadModelWriter writer;

    public ItemAssessmentProjection(ReadModelWriter writer) {
        this.writer = writer;
    }

    /** A replay rebuilds this projection's table from empty. */
    @ResetHandler
    public void reset() {
        ReadModel.truncate(writer.reading(), "read_model.indicator_item");
    }

    @EventHandler
    public void on(IndicatorItemAssessedEvent e, @Timestamp Instant recordedAt, @SequenceNumber long seq,
                   @MetaDataValue("actor") String actor, @MessageIdentifier String eventId) {
        writer.update("""
                insert into read_model.indicator_item (scorecard_id, assessment_id, item_code, indicator_code,
                    criterion_code, item_name, state, period_start, period_end, assessed_by, note, evidence,
                    corrects_assessment_id, reason, recorded_at, recorded_by, event_id, seq)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?)""",
                e.scorecardId(), e.assessmentId(), e.itemCode(), e.indicatorCode(), e.criterionCode(), e.itemName(),
                e.state().name(), Sql.date(e.period().start()), Sql.date(e.period().end()), e.assessedBy(), e.note(),
                Json.write(e.evidence()), e.correctsAssessmentId(), e.reason(), Sql.timestamp(recordedAt), actor,
                eventId, seq);
        if (e.correctsAssessmentId() != null) {
            writer.update("""
                    update read_model.indicator_item set corrected_by_assessment_id = ?
                    where scorecard_id = ? and assessment_id = ?""",
                    e.assessmentId(), e.scorecardId(), e.correctsAssessmentId());
        }
    }
}
