package org.ntmrecords.events.scorecard;

import java.math.BigDecimal;
import java.util.List;

/**
 * The system judged an indicator after a change, and says how.
 *
 * @param setVersion      the set version whose rule was applied
 * @param region          the region whose threshold was applied, if any
 * @param basis           what the judgment rests on
 * @param requirementText the requirement as written
 * @param threshold       the threshold applied (percent, count, amount or n), when computed
 * @param requiredLevel   the level required, for level requirements
 * @param measured        the measured figure compared (share in percent, count, amount, sub-indicators met)
 * @param valueIdsUsed    the value entries the judgment used
 * @param decisionId      the human decision used, when the basis is a decision
 * @param causeId         the entry, decision or amendment whose arrival triggered this judgment
 * @param itemsMet        for an itemised indicator: the codes of the items assessed met, in the requirement's order
 *                        (empty for other indicators); {@code measured} is then their number
 * @param itemsNotMet     for an itemised indicator: the codes of the items assessed not met
 * @param itemsNotAssessed for an itemised indicator: the codes of the items not assessed (or never assessed)
 */
public record IndicatorJudgedEvent(String scorecardId, String unitCode, String setId, int setVersion,
                                   String region, String criterionCode, String indicatorCode, Judgment result,
                                   JudgmentBasis basis, String requirementText, BigDecimal threshold,
                                   String requiredLevel, BigDecimal measured, List<String> valueIdsUsed,
                                   String decisionId, String causeId, List<String> itemsMet,
                                   List<String> itemsNotMet, List<String> itemsNotAssessed) {
    public IndicatorJudgedEvent {
        valueIdsUsed = valueIdsUsed == null ? List.of() : List.copyOf(valueIdsUsed);
        itemsMet = itemsMet == null ? List.of() : List.copyOf(itemsMet);
        itemsNotMet = itemsNotMet == null ? List.of() : List.copyOf(itemsNotMet);
        itemsNotAssessed = itemsNotAssessed == null ? List.of() : List.copyOf(itemsNotAssessed);
    }

    /** A judgment of an indicator without items. */
    public IndicatorJudgedEvent(String scorecardId, String unitCode, String setId, int setVersion, String region,
                                String criterionCode, String indicatorCode, Judgment result, JudgmentBasis basis,
                                String requirementText, BigDecimal threshold, String requiredLevel,
                                BigDecimal measured, List<String> valueIdsUsed, String decisionId, String causeId) {
        this(scorecardId, unitCode, setId, setVersion, region, criterionCode, indicatorCode, result, basis,
                requirementText, threshold, requiredLevel, measured, valueIdsUsed, decisionId, causeId, List.of(),
                List.of(), List.of());
    }
}
