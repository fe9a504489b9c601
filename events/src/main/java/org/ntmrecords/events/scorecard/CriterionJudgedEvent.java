package org.ntmrecords.events.scorecard;

import java.util.List;

/** The system judged a criterion from its indicators' judgments: met when all are met. */
public record CriterionJudgedEvent(String scorecardId, String unitCode, String setId, int setVersion,
                                   String criterionCode, Judgment result, int indicatorsMet, int indicatorsTotal,
                                   List<String> unmetIndicators, List<String> notAssessedIndicators,
                                   String causeId) {
    public CriterionJudgedEvent {
        unmetIndicators = List.copyOf(unmetIndicators);
        notAssessedIndicators = List.copyOf(notAssessedIndicators);
    }
}
