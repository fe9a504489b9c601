package org.ntmrecords.query.evidence;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.ntmrecords.events.EventMetadata;
import org.ntmrecords.events.evidence.EvidenceAttachedEvent;
import org.ntmrecords.events.evidence.EvidenceWithdrawnEvent;
import org.ntmrecords.query.common.ReadModel;
import org.ntmrecords.query.common.ReadModelWriter;
import org.ntmrecords.query.common.Sql;
import org.springframework.stereotype.Component;

/** Keeps {@code read_model.evidence_document}: every attached document, withdrawn ones marked. */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class EvidenceProjection {
    private final ReadModelWriter writer;

    public EvidenceProjection(ReadModelWriter writer) {
        this.writer = writer;
    }

    @ResetHandler
    public void reset() {
        ReadModel.truncate(writer.reading(), "read_model.evidence_document");
    }

    @EventHandler
    public void on(EvidenceAttachedEvent e, @Timestamp Instant at, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        var doc = e.document();
        var file = e.file();
        writer.update("""
                insert into read_model.evidence_document (document_id, target_kind, unit_code, set_id, code, case_id,
                    number, document_date, issuer, title, kind, file_sha256, file_size, media_type, file_name, note,
                    attached_at, attached_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", e.documentId(),
                e.target().kind().name(), e.target().unitCode(), e.target().setId(), e.target().code(),
                e.target().caseId(), doc.number(), Sql.date(doc.date()), doc.issuer(), doc.title(), e.kind(),
                file == null ? null : file.sha256(), file == null ? null : file.size(),
                file == null ? null : file.mediaType(), file == null ? null : file.fileName(), e.note(),
                Sql.timestamp(at), actor);
    }

    @EventHandler
    public void on(EvidenceWithdrawnEvent e) {
        writer.update("update read_model.evidence_document set withdrawn = true, withdrawn_reason = ? where document_id = ?",
                e.reason(), e.documentId());
    }
}
