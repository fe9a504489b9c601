package org.ntmrecords.events.recognition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.criteria.RecognitionRules.SatisfactionRule;

/**
 * The residents' satisfaction survey: who organised it (the Mặt trận Tổ quốc in practice), when, the overall rate,
 * the rate per content, and for a district the rate in each commune (percentages). {@code threshold}: the rule
 * the case is held to (null when none); {@code shortfalls}: each rate below it, in words. A decision granting the
 * title despite a shortfall is an override.
 */
public record SatisfactionSurveyRecordedEvent(String caseId, String organiser, LocalDate date, BigDecimal overallRate,
                                              List<Rate> contentRates, List<Rate> unitRates,
                                              List<DocumentRef> documents, SatisfactionRule threshold,
                                              List<String> shortfalls) {
    public SatisfactionSurveyRecordedEvent {
        contentRates = contentRates == null ? List.of() : List.copyOf(contentRates);
        unitRates = unitRates == null ? List.of() : List.copyOf(unitRates);
        documents = documents == null ? List.of() : List.copyOf(documents);
        shortfalls = shortfalls == null ? List.of() : List.copyOf(shortfalls);
    }

    public boolean meetsThreshold() {
        return shortfalls.isEmpty();
    }

    /** A rate for a content (nội dung) or a commune. */
    public record Rate(String subject, BigDecimal rate) {
    }
}
