package org.ntmrecords.query.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.ntmrecords.events.EventMetadata;
import org.ntmrecords.events.account.AccountDisabledEvent;
import org.ntmrecords.events.account.AccountEnabledEvent;
import org.ntmrecords.events.account.AccountRegisteredEvent;
import org.ntmrecords.events.account.AccountRoleChangedEvent;
import org.ntmrecords.events.agency.AgencyRegisteredEvent;
import org.ntmrecords.events.agency.ResponsibilityAssignedEvent;
import org.ntmrecords.events.agency.ResponsibilityWithdrawnEvent;
import org.ntmrecords.events.criteria.CriteriaSetAmendedEvent;
import org.ntmrecords.events.criteria.CriteriaSetPublishedEvent;
import org.ntmrecords.events.scorecard.CriteriaSetVersionAdoptedEvent;
import org.ntmrecords.events.scorecard.CriterionJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorDecisionRecordedEvent;
import org.ntmrecords.events.scorecard.IndicatorItemAssessedEvent;
import org.ntmrecords.events.scorecard.IndicatorJudgedEvent;
import org.ntmrecords.events.scorecard.IndicatorMarkedNotAssessedEvent;
import org.ntmrecords.events.scorecard.IndicatorValueCorrectedEvent;
import org.ntmrecords.events.scorecard.IndicatorValueRecordedEvent;
import org.ntmrecords.events.scorecard.StandingComputedEvent;
import org.ntmrecords.events.scorecard.UnitTrackedEvent;
import org.ntmrecords.events.recognition.RecognitionCaseOpenedEvent;
import org.ntmrecords.events.recognition.SelfAssessmentRecordedEvent;
import org.ntmrecords.events.recognition.RevocationCaseOpenedEvent;
import org.ntmrecords.events.recognition.RevocationDecidedEvent;
import org.ntmrecords.events.recognition.RecognitionLapsedEvent;
import org.ntmrecords.events.recognition.StandardCertifiedEvent;
import org.ntmrecords.events.recognition.StandardRenewedEvent;
import org.ntmrecords.events.recognition.StandardLapsedEvent;
import org.ntmrecords.events.evidence.EvidenceAttachedEvent;
import org.ntmrecords.events.evidence.EvidenceWithdrawnEvent;
import org.ntmrecords.events.integrity.IntegrityKeysRotatedEvent;
import org.ntmrecords.events.plan.PlanAmendedEvent;
import org.ntmrecords.events.plan.PlanFundsRecordedEvent;
import org.ntmrecords.events.plan.PlanIssuedEvent;
import org.ntmrecords.events.plan.PlanItemAddedEvent;
import org.ntmrecords.events.plan.PlanTaskClosedEvent;
import org.ntmrecords.events.plan.PlanTaskCompletedEvent;
import org.ntmrecords.events.plan.PlanTaskProgressNotedEvent;
import org.ntmrecords.events.plan.PlanTaskReopenedEvent;
import org.ntmrecords.events.recognition.SatisfactionSurveyRecordedEvent;
import org.ntmrecords.events.recognition.DossierSubmittedEvent;
import org.ntmrecords.events.recognition.VerificationRecordedEvent;
import org.ntmrecords.events.recognition.AppraisalRecordedEvent;
import org.ntmrecords.events.recognition.RecognitionDecidedEvent;
import org.ntmrecords.events.recognition.RecognitionAnnouncedEvent;
import org.ntmrecords.events.reappraisal.ReappraisalOrderedEvent;
import org.ntmrecords.events.reporting.ReportSubmissionCorrectedEvent;
import org.ntmrecords.events.reporting.ReportSubmittedEvent;
import org.ntmrecords.events.reporting.ReportingDutyEstablishedEvent;
import org.ntmrecords.events.target.TargetAmendedEvent;
import org.ntmrecords.events.target.TargetSetEvent;
import org.ntmrecords.events.target.TargetWithdrawnEvent;
import org.ntmrecords.events.reappraisal.UnitReappraisedEvent;
import org.ntmrecords.events.unit.UnitCeasedEvent;
import org.ntmrecords.events.unit.UnitParentChangedEvent;
import org.ntmrecords.events.unit.UnitRegisteredEvent;
import org.ntmrecords.events.unit.UnitRenamedEvent;
import org.ntmrecords.events.unit.UnitReorganizedEvent;
import org.ntmrecords.query.common.Json;
import org.ntmrecords.query.common.ReadModel;
import org.ntmrecords.query.common.ReadModelWriter;
import org.ntmrecords.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the history of every unit, scorecard, criterion, indicator, criteria set, agency and account: one row
 * per stored event at its position in the store (the global index), and the histories it belongs to. Reading
 * a history is then one indexed query, never a replay.
 */
@Component
@ProcessingGroup(ReadModel.HISTORY_PROCESSING_GROUP)
public class HistoryProjection {
    private final ReadModelWriter writer;

    public HistoryProjection(ReadModelWriter writer) {
        this.writer = writer;
    }

    /** A replay rebuilds this projection's tables from empty. */
    @ResetHandler
    public void reset() {
        ReadModel.truncate(writer.reading(), "read_model.history_event", "read_model.history_subject");
    }

    // One handler per event type of the catalogue (HistoryFacts maps each); HistoryProjectionTest checks that
    // every event class is covered.
    @EventHandler
    public void on(UnitRegisteredEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(UnitRenamedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(UnitParentChangedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(UnitReorganizedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(UnitCeasedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(RecognitionCaseOpenedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(SelfAssessmentRecordedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(SatisfactionSurveyRecordedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(DossierSubmittedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(VerificationRecordedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(AppraisalRecordedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(RecognitionDecidedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(RecognitionAnnouncedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(RevocationCaseOpenedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(RevocationDecidedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(RecognitionLapsedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(StandardCertifiedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(StandardRenewedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(StandardLapsedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(EvidenceAttachedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(EvidenceWithdrawnEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(TargetSetEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(TargetAmendedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(TargetWithdrawnEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(ReportingDutyEstablishedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(ReportSubmittedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(ReportSubmissionCorrectedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(ReappraisalOrderedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(UnitReappraisedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(CriteriaSetPublishedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(CriteriaSetAmendedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(AgencyRegisteredEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(ResponsibilityAssignedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(ResponsibilityWithdrawnEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(AccountRegisteredEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(AccountRoleChangedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(AccountDisabledEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(AccountEnabledEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(IntegrityKeysRotatedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(UnitTrackedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(IndicatorValueRecordedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(IndicatorValueCorrectedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(IndicatorMarkedNotAssessedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(IndicatorItemAssessedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(IndicatorDecisionRecordedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(IndicatorJudgedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(CriterionJudgedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(StandingComputedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(CriteriaSetVersionAdoptedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(PlanIssuedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(PlanAmendedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(PlanItemAddedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(PlanTaskProgressNotedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(PlanTaskCompletedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(PlanTaskClosedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(PlanTaskReopenedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    @EventHandler
    public void on(PlanFundsRecordedEvent event, EventMessage<?> message) {
        record(event, message);
    }

    private void record(Object payload, EventMessage<?> message) {
        String stream = null;
        Long streamSeq = null;
        if (message instanceof DomainEventMessage<?> domain) {
            stream = domain.getAggregateIdentifier();
            streamSeq = domain.getSequenceNumber();
        }
        HistoryFacts facts = HistoryFacts.of(payload, stream);
        MetaData meta = message.getMetaData();
        Object[] row = {message.getIdentifier(), type(payload), stream, streamSeq,
            Sql.timestamp(message.getTimestamp()), text(meta, EventMetadata.ACTOR),
            text(meta, EventMetadata.ACTOR_ROLE), text(meta, EventMetadata.ACTOR_UNIT),
            text(meta, EventMetadata.ACTOR_AGENCY), text(meta, EventMetadata.CORRELATION_ID),
            text(meta, EventMetadata.CAUSATION_ID), Sql.date(facts.businessStart()),
            Sql.date(facts.businessEnd()), facts.unitCode(), facts.setId(), facts.summary().in(Locale.ENGLISH),
            Json.write(facts.documents()), Json.write(payload)};
        writer.defer(HistoryRows.class, HistoryRows::new,
                rows -> rows.add(message.getIdentifier(), row, List.copyOf(facts.subjects())));
    }

    /**
     * A batch's history rows, written when the batch commits. Each row's position is the event's own global
     * index, read from the event table for the whole batch in one query: a tracking token's index is the highest
     * index seen, which for an event that fills a gap (concurrent writers) is a later event's. An event handled
     * again after a retry keeps its row (its position is taken).
     */
    static final class HistoryRows implements ReadModelWriter.Deferred {
        private final Map<String, Object[]> rows = new LinkedHashMap<>();
        private final Map<String, List<String>> subjects = new LinkedHashMap<>();

        void add(String eventId, Object[] row, List<String> eventSubjects) {
            rows.put(eventId, row);
            subjects.put(eventId, eventSubjects);
        }

        @Override
        public void flush(JdbcTemplate jdbc) {
            if (rows.isEmpty()) {
                return;
            }
            Map<String, Long> positions = new HashMap<>();
            jdbc.query(org.ntmrecords.query.common.CustomPlan.of(
                            "select event_identifier, global_index from event_store.domain_event_entry "
                                    + "where event_identifier = any(?)", (Object) rows.keySet().toArray(String[]::new)),
                    (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                        positions.put(rs.getString(1), rs.getLong(2));
                    });
            List<Object[]> events = new ArrayList<>(rows.size());
            List<Object[]> subjectRows = new ArrayList<>();
            for (Map.Entry<String, Object[]> row : rows.entrySet()) {
                Long position = positions.get(row.getKey());
                if (position == null) {
                    throw new IllegalStateException("event " + row.getKey() + " is not in the event store");
                }
                Object[] values = new Object[row.getValue().length + 1];
                values[0] = position;
                System.arraycopy(row.getValue(), 0, values, 1, row.getValue().length);
                events.add(values);
                for (String subject : subjects.get(row.getKey())) {
                    subjectRows.add(new Object[] {subject, position});
                }
            }
            jdbc.batchUpdate("""
                    insert into read_model.history_event (position, event_id, event_type, stream, stream_seq,
                        recorded_at, actor, actor_role, actor_unit, actor_agency, correlation_id, causation_id,
                        business_start, business_end, unit_code, set_id, summary, documents, payload)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
                    on conflict (position) do nothing""", events);
            jdbc.batchUpdate("insert into read_model.history_subject (subject, position) values (?, ?) "
                    + "on conflict do nothing", subjectRows);
            rows.clear();
            subjects.clear();
        }
    }

    /** The event's type as the history shows it: its class name without the {@code Event} suffix. */
    static String type(Object payload) {
        String name = payload.getClass().getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
