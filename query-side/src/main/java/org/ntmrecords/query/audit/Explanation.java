package org.ntmrecords.query.audit;

import java.util.List;
import org.ntmrecords.events.criteria.RequirementChange;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.history.HistoryEntryView;
import org.ntmrecords.query.scorecard.IndicatorDecisionView;
import org.ntmrecords.query.scorecard.IndicatorEntryView;

/** Why an indicator of a record is judged as it is, as of a date and instant. */
public record Explanation(Appraisal appraisal, Appraisal.Indicator indicator, Rule rule, List<ExplainedEntry> entries,
                          List<IndicatorDecisionView> decisions, List<HistoryEntryView> judgments) {

    /**
     * The rule applied: the set version, its legal basis, the requirement in the unit's region, and the amendment
     * that set this requirement when the version is an amendment that changed it.
     */
    public record Rule(CriteriaSetVersionView criteriaSet, String region, RequirementChange amendedBy, String amendmentReason) {
    }

    /** An entry known at the instant, whether it counted on the date, and why (not). */
    public record ExplainedEntry(IndicatorEntryView entry, boolean counted, String why) {
    }

    /** A criterion: its tally and every indicator's explanation. */
    public record OfCriterion(Appraisal appraisal, Appraisal.Criterion criterion, List<Explanation> indicators,
                              List<HistoryEntryView> judgments) {
    }
}
