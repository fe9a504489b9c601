package org.ntmrecords.events.recognition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.events.common.DocumentRef;

/**
 * The residents' satisfaction survey: who organised it (the Mặt trận Tổ quốc in practice), when, the overall rate,
 * the rate per content, and for a district the rate in each commune (percentages).
 */
public record SatisfactionSurveyRecordedEvent(String caseId, String organiser, LocalDate date, BigDecimal overallRate,
                                              List<Rate> contentRates, List<Rate> unitRates,
                                              List<DocumentRef> documents) {
    public SatisfactionSurveyRecordedEvent {
        contentRates = contentRates == null ? List.of() : List.copyOf(contentRates);
        unitRates = unitRates == null ? List.of() : List.copyOf(unitRates);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** A rate for a content (nội dung) or a commune. */
    public record Rate(String subject, BigDecimal rate) {
    }
}
