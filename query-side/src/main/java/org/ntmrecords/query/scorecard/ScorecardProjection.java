package org.ntmrecords.query.scorecard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.scorecard.CriterionJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorDecisionRecordedEvent;
import org.ntmrecords.events.scorecard.IndicatorJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorMarkedNotAssessedEvent;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.IndicatorValueCorrectedEvent;
import org.ntmrecords.events.scorecard.IndicatorValueRecordedEvent;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.JudgmentBasis;
import org.ntmrecords.events.scorecard.StandingComputedEvent;
import org.ntmrecords.events.scorecard.CriteriaSetVersionAdoptedEvent;
import org.ntmrecords.events.scorecard.UnitTrackedEvent;
import org.ntmrecords.query.common.Json;
import org.ntmrecords.query.common.ReadModel;
import org.ntmrecords.query.common.ReadModelWriter;
import org.ntmrecords.query.common.Sql;
import org.springframework.stereotype.Component;

/**
 * Keeps each tracked unit's standing under its set: the scorecard row, one row per criterion and per
 * indicator (laid out from the set definition when tracking starts), and every value, mark and decision. Each
 * handler that writes a standing row (the scorecard, a criterion, an indicator) tells the {@link StandingChangeFeed}.
 */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class ScorecardProjection {
    private final ReadModelWriter writer;
    private final StandingChangeFeed feed;
    /** Set definitions by set and version: a published version never changes, so each is read and parsed once. */
    private final Map<String, CriteriaSetDefinition> definitions = new ConcurrentHashMap<>();

    public ScorecardProjection(ReadModelWriter writer, StandingChangeFeed feed) {
        this.writer = writer;
        this.feed = feed;
    }

    private CriteriaSetDefinition definition(String setId, int version) {
        return definitions.computeIfAbsent(setId + "@" + version, key -> Json.read(writer.reading().queryForObject(
                "select definition::text from read_model.criteria_set_version where set_id = ? and version = ?",
                String.class, setId, version), CriteriaSetDefinition.class));
    }

    /** A replay rebuilds this projection's tables from empty. */
    @ResetHandler
    public void reset() {
        definitions.clear();
        ReadModel.truncate(writer.reading(), "read_model.scorecard", "read_model.criterion_standing", "read_model.indicator_standing", "read_model.indicator_entry", "read_model.indicator_decision");
    }

    @EventHandler
    public void on(UnitTrackedEvent event, @Timestamp Instant recordedAt, @MetaDataValue("actor") String actor) {
        CriteriaSetDefinition definition = definition(event.setId(), event.setVersion());
        List<String> codes = definition.criteria().stream().map(CriterionDefinition::code).toList();
        writer.update("""
                insert into read_model.scorecard (scorecard_id, unit_code, set_id, set_version, region, result,
                    criteria_met, criteria_total, unmet_criteria, not_assessed_criteria, tracked_at, tracked_by,
                    last_changed_at)
                values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)""",
                event.scorecardId(), event.unitCode(), event.setId(), event.setVersion(), event.region(),
                Judgment.NOT_ASSESSED.name(), codes.size(), new String[0], Sql.array(codes),
                Sql.timestamp(recordedAt), actor, Sql.timestamp(recordedAt));
        List<Object[]> criteria = new ArrayList<>();
        List<Object[]> indicators = new ArrayList<>();
        int position = 0;
        for (CriterionDefinition criterion : definition.criteria()) {
            List<String> indicatorCodes = criterion.indicators().stream().map(IndicatorDefinition::code).toList();
            criteria.add(new Object[] {event.scorecardId(), criterion.code(), position++, criterion.name(),
                Judgment.NOT_ASSESSED.name(), 0, indicatorCodes.size(), new String[0], Sql.array(indicatorCodes)});
            for (IndicatorDefinition indicator : criterion.indicators()) {
                indicators.add(new Object[] {event.scorecardId(), indicator.code(), criterion.code(), position++,
                    indicator.text(), Json.write(indicator.requirement()), Judgment.NOT_ASSESSED.name(),
                    JudgmentBasis.NO_DATA.name(), event.region(), event.setVersion()});
            }
        }
        writer.batchUpdate("""
                insert into read_model.criterion_standing (scorecard_id, criterion_code, position, name, result,
                    indicators_met, indicators_total, unmet_indicators, not_assessed_indicators)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", criteria);
        writer.batchUpdate("""
                insert into read_model.indicator_standing (scorecard_id, indicator_code, criterion_code, position,
                    text, requirement, result, basis, region, set_version)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)""", indicators);
        feed.changed(event.scorecardId());
    }

    /**
     * The record now judges by a newer version: the changed indicators' requirements come from it, indicators it
     * added (or split off) get their rows, indicators it no longer has lose theirs (their entries stay), and every
     * row takes its place in the new order. The judgments that follow fill in the results.
     */
    @EventHandler
    public void on(CriteriaSetVersionAdoptedEvent event, @Timestamp Instant recordedAt) {
        CriteriaSetDefinition definition = definition(event.setId(), event.version());
        if (!event.removedIndicators().isEmpty()) {
            writer.update("delete from read_model.indicator_standing where scorecard_id = ? and indicator_code = any(?)",
                    event.scorecardId(), Sql.array(event.removedIndicators()));
        }
        List<Object[]> changed = new ArrayList<>();
        List<Object[]> criteria = new ArrayList<>();
        List<Object[]> placed = new ArrayList<>();
        int position = 0;
        for (CriterionDefinition criterion : definition.criteria()) {
            criteria.add(new Object[] {position++, criterion.indicators().size(), event.scorecardId(), criterion.code()});
            for (IndicatorDefinition indicator : criterion.indicators()) {
                int at = position++;
                if (event.changedIndicators().contains(indicator.code())) {
                    changed.add(new Object[] {event.scorecardId(), indicator.code(), criterion.code(), at,
                        indicator.text(), Json.write(indicator.requirement()), Judgment.NOT_ASSESSED.name(),
                        JudgmentBasis.NO_DATA.name(), event.scorecardId(), event.version(), Sql.timestamp(recordedAt)});
                } else {
                    placed.add(new Object[] {criterion.code(), at, event.scorecardId(), indicator.code()});
                }
            }
        }
        writer.batchUpdate("""
                insert into read_model.indicator_standing (scorecard_id, indicator_code, criterion_code, position,
                    text, requirement, result, basis, region, set_version, last_changed_at)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?,
                    (select region from read_model.scorecard where scorecard_id = ?), ?, ?)
                on conflict (scorecard_id, indicator_code) do update set criterion_code = excluded.criterion_code,
                    position = excluded.position, text = excluded.text, requirement = excluded.requirement,
                    set_version = excluded.set_version, last_changed_at = excluded.last_changed_at""", changed);
        writer.batchUpdate("""
                update read_model.indicator_standing set criterion_code = ?, position = ?
                where scorecard_id = ? and indicator_code = ?""", placed);
        writer.batchUpdate("""
                update read_model.criterion_standing set position = ?, indicators_total = ?
                where scorecard_id = ? and criterion_code = ?""", criteria);
        writer.update("update read_model.scorecard set set_version = ?, last_changed_at = ? where scorecard_id = ?",
                event.version(), Sql.timestamp(recordedAt), event.scorecardId());
        feed.changed(event.scorecardId());
    }

    @EventHandler
    public void on(IndicatorValueRecordedEvent e, @Timestamp Instant recordedAt, @SequenceNumber long seq,
                   @MetaDataValue("actor") String actor, @MessageIdentifier String eventId) {
        insertEntry(e.scorecardId(), e.valueId(), e.indicatorCode(), e.criterionCode(), "VALUE", e.value(),
                e.period().start(), e.period().end(), e.sourceAgency(), Json.write(e.evidence()), e.note(),
                Json.write(e.breakdown()), Json.write(e.breakdownTotal()), null, null, recordedAt, seq, actor, eventId);
    }

    @EventHandler
    public void on(IndicatorValueCorrectedEvent e, @Timestamp Instant recordedAt, @SequenceNumber long seq,
                   @MetaDataValue("actor") String actor, @MessageIdentifier String eventId) {
        insertEntry(e.scorecardId(), e.valueId(), e.indicatorCode(), e.criterionCode(), "CORRECTION", e.value(),
                e.period().start(), e.period().end(), e.sourceAgency(), Json.write(e.evidence()), e.note(),
                Json.write(e.breakdown()), Json.write(e.breakdownTotal()), e.correctsValueId(), e.reason(), recordedAt,
                seq, actor, eventId);
        writer.update("""
                update read_model.indicator_entry set corrected_by_entry_id = ?
                where scorecard_id = ? and entry_id = ?""", e.valueId(), e.scorecardId(), e.correctsValueId());
    }

    @EventHandler
    public void on(IndicatorMarkedNotAssessedEvent e, @Timestamp Instant recordedAt, @SequenceNumber long seq,
                   @MetaDataValue("actor") String actor, @MessageIdentifier String eventId) {
        insertEntry(e.scorecardId(), e.valueId(), e.indicatorCode(), e.criterionCode(), "NOT_ASSESSED", null,
                e.period().start(), e.period().end(), null, Json.write(e.evidence()), e.reason(), "[]", null, null,
                null, recordedAt, seq, actor, eventId);
    }

    @EventHandler
    public void on(IndicatorDecisionRecordedEvent e, @Timestamp Instant recordedAt, @SequenceNumber long seq,
                   @MetaDataValue("actor") String actor, @MessageIdentifier String eventId) {
        writer.update("""
                insert into read_model.indicator_decision (scorecard_id, decision_id, indicator_code, criterion_code,
                    result, period_start, period_end, decided_by, basis, note, recorded_at, recorded_by, event_id, seq)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)""",
                e.scorecardId(), e.decisionId(), e.indicatorCode(), e.criterionCode(), e.result().name(),
                Sql.date(e.period().start()), Sql.date(e.period().end()), e.decidedBy(), Json.write(e.basis()),
                e.note(), Sql.timestamp(recordedAt), actor, eventId, seq);
    }

    @EventHandler
    public void on(IndicatorJudgedEvent e, @Timestamp Instant recordedAt) {
        writer.update("""
                update read_model.indicator_standing set result = ?, basis = ?, threshold = ?, required_level = ?,
                    measured = ?, region = ?, set_version = ?, latest_entry_id = ?, decision_id = ?,
                    last_changed_at = ?
                where scorecard_id = ? and indicator_code = ?""",
                e.result().name(), e.basis().name(), e.threshold(), e.requiredLevel(), e.measured(), e.region(),
                e.setVersion(), e.valueIdsUsed().isEmpty() ? null : e.valueIdsUsed().get(0), e.decisionId(),
                Sql.timestamp(recordedAt), e.scorecardId(), e.indicatorCode());
        // the criterion was judged again and the standing looked at again, even where neither changed (and so no
        // judgment of theirs was recorded): their times follow every judgment
        writer.update("""
                update read_model.criterion_standing set last_changed_at = ?
                where scorecard_id = ? and criterion_code = ?""",
                Sql.timestamp(recordedAt), e.scorecardId(), e.criterionCode());
        writer.update("""
                update read_model.scorecard set last_changed_at = ? where scorecard_id = ?""",
                Sql.timestamp(recordedAt), e.scorecardId());
        feed.changed(e.scorecardId());
    }

    @EventHandler
    public void on(CriterionJudgedEvent e, @Timestamp Instant recordedAt) {
        writer.update("""
                update read_model.criterion_standing set result = ?, indicators_met = ?, indicators_total = ?,
                    unmet_indicators = ?, not_assessed_indicators = ?, last_changed_at = ?
                where scorecard_id = ? and criterion_code = ?""",
                e.result().name(), e.indicatorsMet(), e.indicatorsTotal(), Sql.array(e.unmetIndicators()),
                Sql.array(e.notAssessedIndicators()), Sql.timestamp(recordedAt), e.scorecardId(), e.criterionCode());
        feed.changed(e.scorecardId());
    }

    @EventHandler
    public void on(StandingComputedEvent e, @Timestamp Instant recordedAt) {
        writer.update("""
                update read_model.scorecard set set_version = ?, result = ?, criteria_met = ?, criteria_total = ?,
                    unmet_criteria = ?, not_assessed_criteria = ?, last_changed_at = ?
                where scorecard_id = ?""",
                e.setVersion(), e.result().name(), e.criteriaMet(), e.criteriaTotal(), Sql.array(e.unmetCriteria()),
                Sql.array(e.notAssessedCriteria()), Sql.timestamp(recordedAt), e.scorecardId());
        feed.changed(e.scorecardId());
    }

    private void insertEntry(String scorecardId, String entryId, String indicatorCode, String criterionCode,
                             String type, IndicatorValue value, java.time.LocalDate start, java.time.LocalDate end,
                             String sourceAgency, String evidence, String note, String breakdown,
                             String breakdownTotal, String correctsEntryId, String reason, Instant recordedAt, long seq,
                             String actor, String eventId) {
        writer.update("""
                insert into read_model.indicator_entry (scorecard_id, entry_id, indicator_code, criterion_code,
                    entry_type, value_kind, value, display, share, period_start, period_end, source_agency,
                    evidence, note, breakdown, breakdown_total, corrects_entry_id, correction_reason, recorded_at,
                    recorded_by, event_id, seq)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb),
                        cast(? as jsonb), ?, ?, ?, ?, ?, ?)""",
                scorecardId, entryId, indicatorCode, criterionCode, type,
                value == null ? null : value.kind().name(), Json.write(value),
                value == null ? null : value.display(), value == null ? null : value.share(),
                Sql.date(start), Sql.date(end), sourceAgency, evidence, note, breakdown, breakdownTotal,
                correctsEntryId, reason,
                Sql.timestamp(recordedAt), actor, eventId, seq);
    }
}
