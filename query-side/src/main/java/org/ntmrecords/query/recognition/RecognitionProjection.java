package org.ntmrecords.query.recognition;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.ntmrecords.events.recognition.AppraisalRecordedEvent;
import org.ntmrecords.events.recognition.CriterionAssessment;
import org.ntmrecords.events.recognition.DossierSubmittedEvent;
import org.ntmrecords.events.recognition.RecognitionAnnouncedEvent;
import org.ntmrecords.events.recognition.RecognitionCaseOpenedEvent;
import org.ntmrecords.events.recognition.RecognitionDecidedEvent;
import org.ntmrecords.events.recognition.RecognitionLapsedEvent;
import org.ntmrecords.events.recognition.RevocationCaseOpenedEvent;
import org.ntmrecords.events.recognition.RevocationDecidedEvent;
import org.ntmrecords.events.recognition.SatisfactionSurveyRecordedEvent;
import org.ntmrecords.events.recognition.SelfAssessmentRecordedEvent;
import org.ntmrecords.events.recognition.VerificationRecordedEvent;
import org.ntmrecords.query.common.Json;
import org.ntmrecords.query.common.ReadModel;
import org.ntmrecords.query.common.ReadModelWriter;
import org.ntmrecords.query.common.Sql;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code read_model.recognition_case} (each case's status, round, survey, decision and validity; revocation
 * cases too, and a revoked or lapsed title on its recognition's row; whose step is next is derived when read) and
 * {@code read_model.recognition_discrepancy}.
 */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class RecognitionProjection {
    private final ReadModelWriter writer;
    private final CaseChangeFeed feed;

    public RecognitionProjection(ReadModelWriter writer, CaseChangeFeed feed) {
        this.writer = writer;
        this.feed = feed;
    }

    /** A replay rebuilds this projection's tables from empty. */
    @ResetHandler
    public void reset() {
        ReadModel.truncate(writer.reading(), "read_model.recognition_case", "read_model.recognition_discrepancy");
    }

    @EventHandler
    public void on(RecognitionCaseOpenedEvent e, @Timestamp Instant at) {
        writer.update("""
                insert into read_model.recognition_case (case_id, unit_code, unit_kind, set_id, set_version, grade, year,
                    status, round, renewal, recorded_afterwards, year_stated, opened_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'OPENED', 1, ?, ?, ?, ?, ?)""", e.caseId(), e.unitCode(),
                e.unitKind() == null ? null : e.unitKind().name(), e.setId(), e.setVersion(), e.grade().name(),
                e.year(), e.renewal(), Boolean.TRUE.equals(e.recordedAfterwards()),
                !Boolean.FALSE.equals(e.yearStated()), Sql.timestamp(at), Sql.timestamp(at));
        feed.changed(e.caseId());
    }

    @EventHandler
    public void on(RevocationCaseOpenedEvent e, @Timestamp Instant at) {
        writer.update("""
                insert into read_model.recognition_case (case_id, kind, recognition_case_id, decision_number,
                    unit_code, unit_kind, set_id, set_version, grade, year, status, round, trigger_met, trigger_reason,
                    opened_at, updated_at)
                values (?, 'REVOCATION', ?, null, ?, ?, ?, ?, ?, ?, 'OPENED', 1, ?, ?, ?, ?)""",
                e.caseId(), e.recognitionCaseId(), e.unitCode(), e.unitKind() == null ? null : e.unitKind().name(),
                e.setId(), e.setVersion(), e.grade().name(), e.year(), e.trigger().triggered(), e.trigger().reason(),
                Sql.timestamp(at), Sql.timestamp(at));
        feed.changed(e.caseId());
    }

    @EventHandler
    public void on(RevocationDecidedEvent e, @Timestamp Instant at) {
        writer.update("""
                update read_model.recognition_case set status = ?, granted = ?, decision_number = ?, decision_date = ?,
                    overridden = overridden or ?, trigger_met = ?, trigger_reason = ?, updated_at = ? where case_id = ?""",
                e.revoked() ? "REVOKED" : "KEPT", e.revoked(), e.decisionNumber(), Sql.date(e.decisionDate()),
                e.overridden(), e.trigger().triggered(), e.trigger().reason(), Sql.timestamp(at), e.caseId());
        feed.changed(e.caseId());
        if (e.revoked()) {
            writer.update("""
                    update read_model.recognition_case set status = 'REVOKED', revoked_by = ?,
                        updated_at = ? where case_id = ?""", e.caseId(), Sql.timestamp(at), e.recognitionCaseId());
        } else {
            writer.update("""
                    update read_model.recognition_case set status = 'GRANTED', revoked_by = null, updated_at = ?
                    where case_id = ? and revoked_by = ?""", Sql.timestamp(at), e.recognitionCaseId(), e.caseId());
        }
        feed.changed(e.recognitionCaseId());
    }

    @EventHandler
    public void on(RecognitionLapsedEvent e, @Timestamp Instant at) {
        writer.update("""
                update read_model.recognition_case set status = 'LAPSED', lapsed = true,
                    updated_at = ? where case_id = ?""", Sql.timestamp(at), e.caseId());
        feed.changed(e.caseId());
    }

    @EventHandler
    public void on(SelfAssessmentRecordedEvent e, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        discrepancies(e.caseId(), "SELF_ASSESSMENT", e.round(), e.assessments(), at, actor);
        writer.update("""
                update read_model.recognition_case set status = 'SELF_ASSESSED', round = ?,
                    discrepancies = discrepancies + ?, updated_at = ? where case_id = ?""",
                e.round(), (int) e.assessments().stream().filter(CriterionAssessment::discrepant).count(),
                Sql.timestamp(at), e.caseId());
        feed.changed(e.caseId());
    }

    @EventHandler
    public void on(SatisfactionSurveyRecordedEvent e, @Timestamp Instant at) {
        writer.update("""
                update read_model.recognition_case set survey_rate = ?, survey_shortfalls = ?, updated_at = ?
                where case_id = ?""", e.overallRate(), e.shortfalls().toArray(String[]::new), Sql.timestamp(at),
                e.caseId());
        feed.changed(e.caseId());
    }

    @EventHandler
    public void on(DossierSubmittedEvent e, @Timestamp Instant at) {
        status(e.caseId(), "SUBMITTED", at);
    }

    @EventHandler
    public void on(VerificationRecordedEvent e, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        discrepancies(e.caseId(), "VERIFICATION", e.round(), e.findings(), at, actor);
        writer.update("""
                update read_model.recognition_case set status = ?, round = round + ?,
                    discrepancies = discrepancies + ?, no_construction_debt = ?, updated_at = ? where case_id = ?""",
                e.forwarded() ? "VERIFIED" : "RETURNED", e.forwarded() ? 0 : 1,
                (int) e.findings().stream().filter(CriterionAssessment::discrepant).count(),
                e.noConstructionDebt(), Sql.timestamp(at), e.caseId());
        feed.changed(e.caseId());
    }

    @EventHandler
    public void on(AppraisalRecordedEvent e, @Timestamp Instant at) {
        writer.update("update read_model.recognition_case set status = ?, round = round + ?, updated_at = ? where case_id = ?",
                e.proposed() ? "PROPOSED" : "RETURNED", e.proposed() ? 0 : 1, Sql.timestamp(at), e.caseId());
        feed.changed(e.caseId());
    }

    @EventHandler
    public void on(RecognitionDecidedEvent e, @Timestamp Instant at) {
        writer.update("""
                update read_model.recognition_case set status = ?, granted = ?, decision_number = ?, decision_date = ?,
                    overridden = overridden or ?, valid_until = ?, lapsed = false,
                    decided_conditions = cast(? as jsonb), updated_at = ? where case_id = ?""",
                e.granted() ? "GRANTED" : "REFUSED", e.granted(), e.decisionNumber(), Sql.date(e.decisionDate()),
                e.overridden(), Sql.date(e.validUntil()), Json.write(e.conditions()), Sql.timestamp(at), e.caseId());
        feed.changed(e.caseId());
    }

    @EventHandler
    public void on(RecognitionAnnouncedEvent e, @Timestamp Instant at) {
        status(e.caseId(), "ANNOUNCED", at);
    }

    private void status(String caseId, String status, Instant at) {
        writer.update("update read_model.recognition_case set status = ?, updated_at = ? where case_id = ?",
                status, Sql.timestamp(at), caseId);
        feed.changed(caseId);
    }

    private void discrepancies(String caseId, String step, int round, java.util.List<CriterionAssessment> assessments,
                               Instant at, String actor) {
        String unit = caseId.substring(0, caseId.indexOf('@'));
        writer.batchUpdate("""
                insert into read_model.recognition_discrepancy (case_id, unit_code, step, round, criterion_code,
                    assessed, computed, note, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", assessments.stream().filter(CriterionAssessment::discrepant)
                .map(a -> new Object[] {caseId, unit, step, round, a.criterionCode(), a.assessed().name(),
                    a.computed().name(), a.note(), Sql.timestamp(at), actor}).toList());
    }
}
