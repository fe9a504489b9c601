package org.ntmrecords.events.judging;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.criteria.RequirementItem;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.JudgmentBasis;
import org.ntmrecords.events.scorecard.Period;

/**
 * Judges an itemised requirement ("at least n of the m named items") from its effective item-by-item assessment:
 * <ol>
 *   <li>n is known (and the requirement is not decided by people): at least n items met → met; fewer than n met even
 *       if every item not assessed were met → not met; otherwise → not assessed ({@link JudgmentBasis#ITEMS_UNDECIDED}),
 *       unless a human decision at least as recent decides;</li>
 *   <li>no n stated: a recorded human decision decides; without one → not assessed, awaiting a decision;</li>
 *   <li>no assessment: a decision decides, or nothing is recorded.</li>
 * </ol>
 * Every verdict lists the items by state, in the requirement's order; an item the assessment does not name (none,
 * since an assessment covers every item) or with no assessment at all counts as not assessed.
 */
public final class ItemsJudge {

    private ItemsJudge() {
    }

    /**
     * The effective assessment of an itemised indicator: the states by item code, its period and record order.
     *
     * @param order record order within the scorecard, as {@link Entry#order()}
     */
    public record Assessment(String id, Map<String, Judgment> states, Period period, long order) {
        boolean isAtLeastAsRecentAs(Decision decision) {
            int byPeriod = period.end().compareTo(decision.period().end());
            return byPeriod > 0 || (byPeriod == 0 && order > decision.order());
        }
    }

    /**
     * @param assessment the effective assessment, or {@code null}
     * @param decision   the latest decision, or {@code null}
     */
    public static Verdict judge(Requirement requirement, String region, Assessment assessment, Decision decision) {
        List<String> met = new ArrayList<>();
        List<String> notMet = new ArrayList<>();
        List<String> notAssessed = new ArrayList<>();
        for (RequirementItem item : requirement.items()) {
            Judgment state = assessment == null ? null : assessment.states().get(item.code());
            switch (state == null ? Judgment.NOT_ASSESSED : state) {
                case MET -> met.add(item.code());
                case NOT_MET -> notMet.add(item.code());
                case NOT_ASSESSED -> notAssessed.add(item.code());
            }
        }
        BigDecimal threshold = requirement.thresholdFor(region);
        BigDecimal measured = assessment == null ? null : BigDecimal.valueOf(met.size());
        List<String> used = assessment == null ? List.of() : List.of(assessment.id());
        if (assessment != null && requirement.computableIn(region)) {
            if (BigDecimal.valueOf(met.size()).compareTo(threshold) >= 0) {
                return new Verdict(Judgment.MET, JudgmentBasis.COMPUTED, threshold, null, measured, used, null, met,
                        notMet, notAssessed);
            }
            if (BigDecimal.valueOf(met.size() + notAssessed.size()).compareTo(threshold) < 0) {
                return new Verdict(Judgment.NOT_MET, JudgmentBasis.COMPUTED, threshold, null, measured, used, null,
                        met, notMet, notAssessed);
            }
            if (decision == null || assessment.isAtLeastAsRecentAs(decision)) {
                return new Verdict(Judgment.NOT_ASSESSED, JudgmentBasis.ITEMS_UNDECIDED, threshold, null, measured,
                        used, null, met, notMet, notAssessed);
            }
        }
        if (decision != null) {
            return new Verdict(decision.result(), JudgmentBasis.HUMAN_DECISION, threshold, null, measured, used,
                    decision.id(), met, notMet, notAssessed);
        }
        if (assessment != null) {
            return new Verdict(Judgment.NOT_ASSESSED, JudgmentBasis.AWAITING_DECISION, threshold, null, measured, used,
                    null, met, notMet, notAssessed);
        }
        return new Verdict(Judgment.NOT_ASSESSED, JudgmentBasis.NO_DATA, null, null, null, List.of(), null, met,
                notMet, notAssessed);
    }
}
