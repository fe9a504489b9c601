package org.ntmrecords.infra.api.scorecard;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ntmrecords.command.scorecard.CorrectIndicatorValueCommand;
import org.ntmrecords.command.scorecard.MarkIndicatorNotAssessedCommand;
import org.ntmrecords.command.scorecard.RecordIndicatorDecisionCommand;
import org.ntmrecords.command.scorecard.RecordIndicatorValueCommand;
import org.ntmrecords.infra.security.AccessProbe;
import org.ntmrecords.query.scorecard.IndicatorStandingView;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * What the signed-in account may enter for an indicator of a standing, as the command side would decide it: a page
 * shows the data-entry form where the mutation would be accepted, and nowhere else. The answer says something about
 * the viewer, not about the record; it reads no read table.
 */
@Controller
public class IndicatorPermissionQueries {
    private final AccessProbe access;

    public IndicatorPermissionQueries(AccessProbe access) {
        this.access = access;
    }

    /**
     * A value, a correction and a not-assessed mark: probed with the commands of recordIndicatorValue,
     * correctIndicatorValue and markIndicatorNotAssessed (one rule today; all three must allow).
     */
    @BatchMapping(typeName = "IndicatorStanding", field = "mayRecord")
    public Map<IndicatorStandingView, Boolean> mayRecord(List<IndicatorStandingView> indicators, Principal principal) {
        AccessProbe.Batch probe = access.batch(principal);
        return each(indicators, i -> mayRecord(probe, i.scorecardId(), i.code()));
    }

    /**
     * Whether the probe's account may record, correct and mark not assessed this indicator: {@code mayRecord}'s
     * answer, also asked by the value template ({@code GET /templates/values.xlsx}).
     */
    public static boolean mayRecord(AccessProbe.Batch probe, String scorecardId, String indicatorCode) {
        return probe.allows(new RecordIndicatorValueCommand(scorecardId, null, indicatorCode,
                null, null, null, List.of(), null, List.of()))
                && probe.allows(new CorrectIndicatorValueCommand(scorecardId, null, null, indicatorCode, null, null,
                null, null, List.of(), null, List.of()))
                && probe.allows(new MarkIndicatorNotAssessedCommand(scorecardId, null, indicatorCode, null, null,
                List.of()));
    }

    /** A human decision: probed with the command of recordIndicatorDecision. */
    @BatchMapping(typeName = "IndicatorStanding", field = "mayDecide")
    public Map<IndicatorStandingView, Boolean> mayDecide(List<IndicatorStandingView> indicators, Principal principal) {
        AccessProbe.Batch probe = access.batch(principal);
        return each(indicators, i -> probe.allows(new RecordIndicatorDecisionCommand(i.scorecardId(), null, i.code(),
                null, null, null, List.of(), null)));
    }

    private static Map<IndicatorStandingView, Boolean> each(List<IndicatorStandingView> indicators,
                                                            Function<IndicatorStandingView, Boolean> answer) {
        Map<IndicatorStandingView, Boolean> result = new LinkedHashMap<>();
        indicators.forEach(i -> result.computeIfAbsent(i, answer));
        return result;
    }
}
