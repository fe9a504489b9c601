package org.ntmrecords.query.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.common.Keyset;
import org.ntmrecords.query.common.QueryText;
import org.ntmrecords.query.recognition.RecognitionReadRepository.CaseView;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Evidence dossiers: the documents attached to a unit, a criterion or indicator, or a case. */
@Repository
public class EvidenceReadRepository {
    private final NamedParameterJdbcTemplate jdbc;

    public EvidenceReadRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record EvidenceView(String documentId, String targetKind, String unitCode, String setId, String code,
                               String caseId, String number, LocalDate date, String issuer, String title, String kind,
                               String fileSha256, Long fileSize, String mediaType, String fileName, String note,
                               boolean withdrawn, String withdrawnReason, Instant attachedAt, String attachedBy) {
        /** Where the file is downloaded (its hash re-checked on the way out), or null without a file. */
        public String downloadPath() {
            return fileSha256 == null ? null : "/evidence/files/" + fileSha256;
        }
    }

    private static final RowMapper<EvidenceView> ROW = (rs, n) -> new EvidenceView(rs.getString("document_id"),
            rs.getString("target_kind"), rs.getString("unit_code"), rs.getString("set_id"), rs.getString("code"),
            rs.getString("case_id"), rs.getString("number"),
            rs.getDate("document_date") == null ? null : rs.getDate("document_date").toLocalDate(),
            rs.getString("issuer"), rs.getString("title"), rs.getString("kind"), rs.getString("file_sha256"),
            (Long) rs.getObject("file_size"), rs.getString("media_type"), rs.getString("file_name"),
            rs.getString("note"), rs.getBoolean("withdrawn"), rs.getString("withdrawn_reason"),
            rs.getTimestamp("attached_at").toInstant(), rs.getString("attached_by"));

    /** The order of a dossier: the documents in the order they were attached, then by id. */
    public static final List<String> DOCUMENT_ORDER = List.of("d.attached_at", "d.document_id");

    /**
     * A page of the documents attached under a unit (all targets), narrowed to a set and a criterion or indicator
     * code, or of those of a case; withdrawn ones only when asked. In {@link #DOCUMENT_ORDER} (keys: attached
     * instant, document id).
     */
    public List<EvidenceView> evidenceDocuments(String unitCode, String setId, String code, String caseId,
                                                Boolean includeWithdrawn, Keyset page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = documents(unitCode, setId, code, caseId, includeWithdrawn, params);
        return page.inListOrder(jdbc.query("select * from read_model.evidence_document d where " + where
                + page.condition(DOCUMENT_ORDER, params) + page.orderAndLimit(DOCUMENT_ORDER, params), params, ROW));
    }

    /** How many documents the filters keep (every page of {@link #evidenceDocuments} together). */
    public long countEvidenceDocuments(String unitCode, String setId, String code, String caseId,
                                       Boolean includeWithdrawn) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Long count = jdbc.queryForObject("select count(*) from read_model.evidence_document d where "
                + documents(unitCode, setId, code, caseId, includeWithdrawn, params), params, Long.class);
        return count == null ? 0 : count;
    }

    private static String documents(String unitCode, String setId, String code, String caseId,
                                    Boolean includeWithdrawn, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder("true");
        if (unitCode == null && caseId == null) {
            throw new InvalidArgumentException(QueryText.of("evidence.filterNeeded"));
        }
        if (unitCode != null) {
            where.append(" and d.unit_code = :unit");
            params.addValue("unit", Args.text("unitCode", unitCode));
        }
        if (setId != null) {
            where.append(" and d.set_id = :set");
            params.addValue("set", Args.text("setId", setId));
        }
        if (code != null) {
            where.append(" and d.code = :code");
            params.addValue("code", Args.text("code", code));
        }
        if (caseId != null) {
            where.append(" and d.case_id = :case");
            params.addValue("case", Args.text("caseId", caseId));
        }
        if (!Boolean.TRUE.equals(includeWithdrawn)) {
            where.append(" and not d.withdrawn");
        }
        return where.toString();
    }

    /** One document by id, withdrawn or not (a mutation's payload reads back what it attached or withdrew). */
    public Optional<EvidenceView> document(String documentId) {
        return jdbc.query("select * from read_model.evidence_document d where d.document_id = :id",
                Map.of("id", documentId), ROW).stream().findFirst();
    }

    /** The documents attached to each case, in one query for the whole list. */
    public Map<CaseView, List<EvidenceView>> documents(List<CaseView> cases) {
        List<String> ids = cases.stream().map(CaseView::caseId).distinct().toList();
        Map<String, List<EvidenceView>> found = jdbc.query("""
                        select * from read_model.evidence_document d where d.case_id in (:ids) and not d.withdrawn
                        order by d.attached_at, d.document_id""", Map.of("ids", ids), ROW).stream()
                .collect(Collectors.groupingBy(EvidenceView::caseId));
        Map<CaseView, List<EvidenceView>> result = new LinkedHashMap<>();
        cases.forEach(c -> result.put(c, found.getOrDefault(c.caseId(), List.of())));
        return result;
    }
}
