package org.ntmrecords.events.judging;

import java.util.List;
import org.ntmrecords.events.scorecard.Judgment;

/**
 * A judgment made of parts (a criterion from its indicators, a standing from its criteria): met when every part
 * is met, not met when any part is not met, otherwise not assessed.
 *
 * @param met         parts met
 * @param total       parts in all
 * @param unmet       codes of the parts not met, in definition order
 * @param notAssessed codes of the parts not assessed, in definition order
 */
public record Tally(Judgment result, int met, int total, List<String> unmet, List<String> notAssessed) {
    public Tally {
        unmet = List.copyOf(unmet);
        notAssessed = List.copyOf(notAssessed);
    }

    /** Tallies parts given as (code, judgment) in definition order. */
    public static Tally of(List<String> codes, java.util.function.Function<String, Judgment> judgmentOf) {
        int met = 0;
        List<String> unmet = new java.util.ArrayList<>();
        List<String> notAssessed = new java.util.ArrayList<>();
        for (String code : codes) {
            switch (judgmentOf.apply(code)) {
                case MET -> met++;
                case NOT_MET -> unmet.add(code);
                case NOT_ASSESSED -> notAssessed.add(code);
            }
        }
        Judgment result = !unmet.isEmpty() ? Judgment.NOT_MET
                : notAssessed.isEmpty() ? Judgment.MET : Judgment.NOT_ASSESSED;
        return new Tally(result, met, codes.size(), unmet, notAssessed);
    }
}
