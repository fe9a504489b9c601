package org.ntmrecords.query.plan;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.ntmrecords.events.EventMetadata;
import org.ntmrecords.events.plan.PlanAmendedEvent;
import org.ntmrecords.events.plan.PlanFundsRecordedEvent;
import org.ntmrecords.events.plan.PlanIssuedEvent;
import org.ntmrecords.events.plan.PlanItemAddedEvent;
import org.ntmrecords.events.plan.PlanTaskClosedEvent;
import org.ntmrecords.events.plan.PlanTaskCompletedEvent;
import org.ntmrecords.events.plan.PlanTaskProgressNotedEvent;
import org.ntmrecords.events.plan.PlanTaskReopenedEvent;
import org.ntmrecords.query.common.Json;
import org.ntmrecords.query.common.ReadModel;
import org.ntmrecords.query.common.ReadModelWriter;
import org.ntmrecords.query.common.Sql;
import org.springframework.stereotype.Component;

/**
 * Keeps the plan tables: {@code read_model.plan_version} (every version of every plan), {@code plan_item} (annex
 * rows), {@code plan_task} (a task per item and unit, its status as recorded), {@code plan_task_note} and
 * {@code plan_funds}.
 */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class PlanProjection {
    public static final String[] TABLES = {"read_model.plan_version", "read_model.plan_item", "read_model.plan_task",
        "read_model.plan_task_note", "read_model.plan_funds"};

    private final ReadModelWriter writer;

    public PlanProjection(ReadModelWriter writer) {
        this.writer = writer;
    }

    @ResetHandler
    public void reset() {
        ReadModel.truncate(writer.reading(), TABLES);
    }

    @EventHandler
    public void on(PlanIssuedEvent e, @Timestamp Instant at, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        writer.update("""
                insert into read_model.plan_version (plan_id, version, unit_code, number, annex_number, plan_date,
                    date_as_written, issuer, year, title, aims, legal_bases, version_date, changes, reason, document,
                    recorded_at, recorded_by)
                values (?, 1, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb), cast(? as jsonb), ?, null, null,
                    null, ?, ?)""", e.planId(), e.unitCode(), e.number(), e.annexNumber(), Sql.date(e.date()),
                e.dateAsWritten(),
                Json.write(e.issuer()), e.year(), e.title(), Json.write(e.aims()), Json.write(e.legalBases()),
                Sql.date(e.date()), Sql.timestamp(at), actor);
    }

    @EventHandler
    public void on(PlanAmendedEvent e, @Timestamp Instant at, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        writer.update("""
                insert into read_model.plan_version (plan_id, version, unit_code, number, annex_number, plan_date,
                    date_as_written, issuer, year, title, aims, legal_bases, version_date, changes, reason, document,
                    recorded_at, recorded_by)
                select plan_id, ?, unit_code, number, annex_number, plan_date, date_as_written, issuer, year, ?,
                    cast(? as jsonb),
                    cast(? as jsonb), ?, ?, ?, cast(? as jsonb), ?, ?
                from read_model.plan_version where plan_id = ? and version = 1""", e.version(), e.title(),
                Json.write(e.aims()), Json.write(e.legalBases()), Sql.date(e.date()), e.changes(), e.reason(),
                Json.write(e.document()), Sql.timestamp(at), actor, e.planId());
    }

    @EventHandler
    public void on(PlanItemAddedEvent e, @Timestamp Instant at, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        writer.update("""
                insert into read_model.plan_item (plan_id, item_id, plan_version, row_label, set_id, criterion_code,
                    indicator_code, content, unit_codes, requirement, state_as_written, state_value_event_ids,
                    state_judgment_event_id, solution, lead, coordinating, deadline_as_written, deadline_last_day,
                    cost_vnd, cost_as_written, funding, added_at, added_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?,
                    cast(? as jsonb), ?, ?)""", e.planId(), e.itemId(), e.planVersion(), e.row(), e.setId(),
                e.criterionCode(), e.indicatorCode(), e.content(), Sql.array(e.unitCodes()), e.requirement(),
                e.stateAsWritten(), Sql.array(e.stateValueEventIds()), e.stateJudgmentEventId(), e.solution(),
                Json.write(e.lead()), Json.write(e.coordinating()), e.deadline().asWritten(),
                Sql.date(e.deadline().lastDay()), e.cost() == null ? null : e.cost().vnd(),
                e.cost() == null ? null : e.cost().asWritten(), Json.write(e.funding()), Sql.timestamp(at), actor);
        for (String unit : e.unitCodes()) {
            writer.update("""
                    insert into read_model.plan_task (plan_id, item_id, unit_code, plan_unit_code, set_id,
                        indicator_code, lead_name, lead_agency_id, lead_unit_code, deadline_last_day, status,
                        changed_at, changed_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""", e.planId(), e.itemId(), unit, e.unitCode(),
                    e.setId(), e.indicatorCode(), e.lead().name(), e.lead().agencyId(), e.lead().unitCode(),
                    Sql.date(e.deadline().lastDay()), Sql.timestamp(at), actor);
        }
    }

    @EventHandler
    public void on(PlanTaskProgressNotedEvent e, @Timestamp Instant at,
                   @MetaDataValue(EventMetadata.ACTOR) String actor) {
        writer.update("""
                insert into read_model.plan_task_note (plan_id, item_id, unit_code, note_id, note_date, noted_by_body,
                    note, evidence, evidence_document_ids, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), ?, ?, ?)""", e.planId(), e.itemId(),
                e.taskUnitCode(), e.noteId(), Sql.date(e.date()), Json.write(e.by()), e.note(),
                Json.write(e.evidence()), Sql.array(e.evidenceDocumentIds()), Sql.timestamp(at), actor);
    }

    @EventHandler
    public void on(PlanTaskCompletedEvent e, @Timestamp Instant at, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        writer.update("""
                update read_model.plan_task set status = 'DONE', status_date = null, status_reason = null,
                    status_decision = null, completed_by_event_id = ?, completed_scorecard_id = ?, changed_at = ?,
                    changed_by = ?
                where plan_id = ? and item_id = ? and unit_code = ?""", e.judgmentEventId(), e.scorecardId(),
                Sql.timestamp(at), actor, e.planId(), e.itemId(), e.taskUnitCode());
    }

    @EventHandler
    public void on(PlanTaskClosedEvent e, @Timestamp Instant at, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        status(e.planId(), e.itemId(), e.taskUnitCode(), "CLOSED", e.date(), e.reason(), Json.write(e.decision()), at,
                actor);
    }

    @EventHandler
    public void on(PlanTaskReopenedEvent e, @Timestamp Instant at, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        status(e.planId(), e.itemId(), e.taskUnitCode(), "OPEN", e.date(), e.reason(), Json.write(e.decision()), at,
                actor);
    }

    private void status(String planId, String itemId, String unit, String status, java.time.LocalDate date,
                        String reason, String decision, Instant at, String actor) {
        writer.update("""
                update read_model.plan_task set status = ?, status_date = ?, status_reason = ?,
                    status_decision = cast(? as jsonb), completed_by_event_id = null, completed_scorecard_id = null,
                    changed_at = ?, changed_by = ?
                where plan_id = ? and item_id = ? and unit_code = ?""", status, Sql.date(date), reason, decision,
                Sql.timestamp(at), actor, planId, itemId, unit);
    }

    @EventHandler
    public void on(PlanFundsRecordedEvent e, @Timestamp Instant at, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        writer.update("""
                insert into read_model.plan_funds (plan_id, funds_id, item_id, source, source_as_written, stage,
                    amount_vnd, amount_as_written, funds_date, recorded_by_body, document, stated_share, note,
                    recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?)""", e.planId(),
                e.fundsId(), e.itemId(), e.source().name(), e.sourceAsWritten(), e.stage().name(), e.amount().vnd(),
                e.amount().asWritten(), Sql.date(e.date()), Json.write(e.by()), Json.write(e.document()),
                e.statedShare(), e.note(), Sql.timestamp(at), actor);
    }
}
