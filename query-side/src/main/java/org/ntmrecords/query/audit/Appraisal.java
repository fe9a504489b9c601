package org.ntmrecords.query.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.List;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.judging.Tally;
import org.ntmrecords.events.judging.Verdict;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.JudgmentBasis;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.scorecard.IndicatorDecisionView;
import org.ntmrecords.query.scorecard.IndicatorEntryView;

/**
 * A unit's standing under one version of a set, judged from the values and decisions that describe
 * {@code date} (their period starts on or before it) as the record knew them at {@code recordedAt}.
 *
 * @param scorecardId the record the values come from
 * @param set         the version whose rules were applied
 * @param entries     every entry of the record known at {@code recordedAt}, in record order (what explanations list)
 * @param decisions   every decision of the record known at {@code recordedAt}
 */
public record Appraisal(String scorecardId, String unitCode, CriteriaSetVersionView set, String region,
                        LocalDate date, Instant recordedAt, Tally standing, List<Criterion> criteria,
                        List<IndicatorEntryView> entries, List<IndicatorDecisionView> decisions) {

    public record Criterion(String code, String name, Tally tally, List<Indicator> indicators) {
        public Judgment result() {
            return tally.result();
        }

        public int indicatorsMet() {
            return tally.met();
        }

        public int indicatorsTotal() {
            return tally.total();
        }

        public List<String> unmetIndicators() {
            return tally.unmet();
        }

        public List<String> notAssessedIndicators() {
            return tally.notAssessed();
        }
    }

    /**
     * @param value    the entry the verdict used, if any
     * @param decision the human decision the verdict used, if any
     */
    public record Indicator(String code, String criterionCode, String text, Requirement requirement, Verdict verdict,
                            IndicatorEntryView value, IndicatorDecisionView decision) {
        public Judgment result() {
            return verdict.result();
        }

        /** For an itemised indicator: the items assessed met, in the requirement's order; empty otherwise. */
        public java.util.List<String> itemsMet() {
            return verdict.itemsMet();
        }

        public java.util.List<String> itemsNotMet() {
            return verdict.itemsNotMet();
        }

        public java.util.List<String> itemsNotAssessed() {
            return verdict.itemsNotAssessed();
        }

        public JudgmentBasis basis() {
            return verdict.basis();
        }

        public BigDecimal threshold() {
            return verdict.threshold();
        }

        public String requiredLevel() {
            return verdict.requiredLevel();
        }

        public BigDecimal measured() {
            return verdict.measured();
        }
    }

    public CriteriaSetVersionView criteriaSet() {
        return set;
    }

    public Judgment result() {
        return standing.result();
    }

    public int criteriaMet() {
        return standing.met();
    }

    public int criteriaTotal() {
        return standing.total();
    }

    public List<String> unmetCriteria() {
        return standing.unmet();
    }

    public List<String> notAssessedCriteria() {
        return standing.notAssessed();
    }

    public Criterion criterion(String code) {
        return criteria.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
    }

    public Indicator indicator(String code) {
        return criteria.stream().flatMap(c -> c.indicators().stream()).filter(i -> i.code().equals(code))
                .findFirst().orElse(null);
    }
}
