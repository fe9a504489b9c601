package org.ntmrecords.query.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.reporting.Bodies;
import org.ntmrecords.events.reporting.ReportSubmissionCorrectedEvent;
import org.ntmrecords.events.reporting.ReportSubmittedEvent;
import org.ntmrecords.events.reporting.ReportingDutyEstablishedEvent;
import org.ntmrecords.query.common.Json;
import org.ntmrecords.query.common.ReadModel;
import org.ntmrecords.query.common.ReadModelWriter;
import org.ntmrecords.query.common.Sql;
import org.springframework.stereotype.Component;

/** Keeps {@code read_model.reporting_duty}, the bodies owing each duty, and every submission recorded. */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class ReportingProjection {
    private final ReadModelWriter writer;

    public ReportingProjection(ReadModelWriter writer) {
        this.writer = writer;
    }

    /** A replay rebuilds this projection's tables from empty. */
    @ResetHandler
    public void reset() {
        ReadModel.truncate(writer.reading(), "read_model.reporting_duty", "read_model.reporting_owed",
                "read_model.report_submission");
    }

    @EventHandler
    public void on(ReportingDutyEstablishedEvent e, @Timestamp Instant at) {
        writer.update("insert into read_model.reporting_duty (unit_code, duty_id, title, recipient, owed_by,"
                        + " schedule_as_written, schedule, due_as_written, due_last_day, basis, source, established_at)"
                        + " values (?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, cast(? as jsonb), ?, ?,"
                        + " cast(? as jsonb), ?, ?)",
                e.unitCode(), e.dutyId(), e.title(), Json.write(e.recipient()), Json.write(e.owedBy()),
                e.scheduleAsWritten(), Json.write(e.schedule()), e.due() == null ? null : e.due().asWritten(),
                e.due() == null ? null : Sql.date(e.due().lastDay()), Json.write(e.basis()), e.source(),
                Sql.timestamp(at));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < e.owedBy().size(); i++) {
            BodyRef b = e.owedBy().get(i);
            rows.add(new Object[] {e.unitCode(), e.dutyId(), i, Bodies.key(b), b.name(), b.agencyId(), b.unitCode()});
        }
        writer.batchUpdate("insert into read_model.reporting_owed (unit_code, duty_id, body_order, body_key, name,"
                + " agency_id, body_unit_code) values (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    @EventHandler
    public void on(ReportSubmittedEvent e, @Timestamp Instant at) {
        insert(e.unitCode(), e.dutyId(), e.submissionId(), e.body(), e.period(), e.submittedOn(),
                Json.write(e.document()), e.note(), null, null, at);
    }

    @EventHandler
    public void on(ReportSubmissionCorrectedEvent e, @Timestamp Instant at) {
        insert(e.unitCode(), e.dutyId(), e.submissionId(), e.body(), e.period(), e.submittedOn(),
                Json.write(e.document()), null, e.correctsSubmissionId(), e.reason(), at);
        writer.update("update read_model.report_submission set corrected_by = ? where unit_code = ? and duty_id = ?"
                + " and submission_id = ?", e.submissionId(), e.unitCode(), e.dutyId(), e.correctsSubmissionId());
    }

    private void insert(String unit, String duty, String id, BodyRef body, String period, java.time.LocalDate on,
                        String document, String note, String corrects, String reason, Instant at) {
        writer.update("insert into read_model.report_submission (submission_id, unit_code, duty_id, body_key, body,"
                        + " period, submitted_on, document, note, corrects_id, reason, recorded_at)"
                        + " values (?, ?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb), ?, ?, ?, ?)",
                id, unit, duty, Bodies.key(body), Json.write(body), period, Sql.date(on), document, note, corrects,
                reason, Sql.timestamp(at));
    }
}
