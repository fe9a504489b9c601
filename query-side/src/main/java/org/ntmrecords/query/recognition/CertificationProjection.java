package org.ntmrecords.query.recognition;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.ntmrecords.events.recognition.StandardCertifiedEvent;
import org.ntmrecords.events.recognition.StandardLapsedEvent;
import org.ntmrecords.events.recognition.StandardRenewedEvent;
import org.ntmrecords.query.common.ReadModel;
import org.ntmrecords.query.common.ReadModelWriter;
import org.ntmrecords.query.common.Sql;
import org.springframework.stereotype.Component;

/** Keeps {@code read_model.certification}: each certified standard, its validity and whether it lapsed. */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class CertificationProjection {
    private final ReadModelWriter writer;

    public CertificationProjection(ReadModelWriter writer) {
        this.writer = writer;
    }

    @ResetHandler
    public void reset() {
        ReadModel.truncate(writer.reading(), "read_model.certification");
    }

    @EventHandler
    public void on(StandardCertifiedEvent e, @Timestamp Instant at) {
        writer.update("""
                insert into read_model.certification (certification_id, unit_code, subject, standard, valid_until,
                    set_id, indicator_code, effect, document_number, recorded_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", e.certificationId(), e.unitCode(), e.subject(),
                e.standard(), Sql.date(e.validUntil()), e.setId(), e.indicatorCode(),
                e.effect() == null ? null : e.effect().name(), e.document() == null ? null : e.document().number(),
                Sql.timestamp(at), Sql.timestamp(at));
    }

    @EventHandler
    public void on(StandardRenewedEvent e, @Timestamp Instant at) {
        writer.update("""
                update read_model.certification set valid_until = ?, lapsed = false, document_number =
                    coalesce(?, document_number), updated_at = ? where certification_id = ?""",
                Sql.date(e.validUntil()), e.document() == null ? null : e.document().number(), Sql.timestamp(at),
                e.certificationId());
    }

    @EventHandler
    public void on(StandardLapsedEvent e, @Timestamp Instant at) {
        writer.update("update read_model.certification set lapsed = true, updated_at = ? where certification_id = ?",
                Sql.timestamp(at), e.certificationId());
    }
}
