package org.ntmrecords.command.recognition;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.ntmrecords.command.access.AccessChecks;
import org.ntmrecords.command.access.AccessPolicy.Decision;
import org.ntmrecords.command.access.AccessRule;
import org.ntmrecords.command.access.AccessRules;
import org.ntmrecords.command.access.Acting;
import org.ntmrecords.command.access.FeatureAccess;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.events.scorecard.ScorecardId;

/**
 * The steps of recognition and revocation cases by who takes them (QĐ 18/2022), revocation cases opened by the
 * level that watches the title, decisions made before the record was kept imported by system tasks only; certified
 * standards recorded by those who may record the indicator resting on them and renewed by any role that records or
 * judges.
 */
public class RecognitionAccess implements FeatureAccess {
    /** Besides administrators: who records a title decided before the record was kept (the province's appraisers). */
    private static final Set<Role> PRIOR_RECORDERS = Collections.unmodifiableSet(EnumSet.of(Role.APPRAISER));
    private static final Set<Role> REVOCATION_OPENERS = Collections.unmodifiableSet(EnumSet.of(
            Role.DISTRICT_COORDINATION_OFFICE, Role.VERIFIER, Role.APPRAISER, Role.DECISION_AUTHORITY));

    /** The steps of a recognition case, by who takes them. */
    private enum Step { LOCAL, VERIFY, APPRAISE, DECIDE, ANNOUNCE }

    @Override
    public void register(AccessRules rules) {
        rules.on(RecognitionCommands.RecordPriorDecision.class, (acting, c, checks) ->
                        acting.role() == Role.ADMINISTRATOR ? Decision.allow(caseUnit(c.streamId()))
                                : checks.roleWithin(acting, caseUnit(c.streamId()), PRIOR_RECORDERS,
                                CommandText.of("access.do.recordPriorDecision")))
                .on(RecognitionCommands.OpenRevocation.class, (acting, c, checks) ->
                        checks.roleWithin(acting, caseUnit(c.streamId()), REVOCATION_OPENERS,
                                CommandText.of("access.do.openRevocation")))
                .on(RecognitionCommands.OpenCase.class, step(Step.LOCAL))
                .on(RecognitionCommands.SelfAssess.class, step(Step.LOCAL))
                .on(RecognitionCommands.RecordSurvey.class, step(Step.LOCAL))
                .on(RecognitionCommands.SubmitDossier.class, step(Step.LOCAL))
                .on(RecognitionCommands.Verify.class, step(Step.VERIFY))
                .on(RecognitionCommands.Appraise.class, step(Step.APPRAISE))
                .on(RecognitionCommands.Decide.class, step(Step.DECIDE))
                .on(RecognitionCommands.Announce.class, step(Step.ANNOUNCE))
                .on(CertificationCommands.CertifyStandard.class, (acting, c, checks) ->
                        checks.entry(acting, ScorecardId.of(c.unitCode(), c.setId()), c.indicatorCode(),
                                AccessChecks.RECORDERS,
                                CommandText.of("access.do.certifyStandards")))
                .on(CertificationCommands.RenewStandard.class, (acting, c, checks) ->
                        checks.evidence(acting, c.unitCode(), CommandText.of("access.do.renewStandards")));
    }

    private static AccessRule<RecognitionCommands.CaseCommand> step(Step step) {
        return (acting, c, checks) -> recognition(acting, caseUnit(c.streamId()), step, checks);
    }

    /** The unit of a case's stream, {@code recognition:<unit>@…}; null when the id names none. */
    private static String caseUnit(String streamId) {
        if (streamId == null) {
            return null;
        }
        String caseId = streamId.substring(streamId.indexOf(':') + 1);
        return caseId.contains("@") ? caseId.substring(0, caseId.indexOf('@')) : null;
    }

    /**
     * QĐ 18/2022 for commune titles: the commune (its officer or the district's coordination office) assesses,
     * surveys and submits; the district verifies (VERIFIER); the province appraises (APPRAISER) and its chairperson
     * decides and announces (DECISION_AUTHORITY of the province). For district titles the district's coordination
     * office prepares, the province verifies, the central appraisal council appraises (CENTRAL_APPRAISER) and the
     * Prime Minister decides (CENTRAL_AUTHORITY), nationwide; the province announces.
     */
    private static Decision recognition(Acting acting, String unit, Step step, AccessChecks checks) {
        int level = checks.unit(unit).map(f -> f.kind().level()).orElse(3);
        Set<Role> roles;
        int actorLevel;
        switch (step) {
            case LOCAL -> {
                roles = level == 3 ? EnumSet.of(Role.COMMUNE_OFFICER, Role.DISTRICT_COORDINATION_OFFICE)
                        : EnumSet.of(Role.DISTRICT_COORDINATION_OFFICE);
                actorLevel = 0;
            }
            case VERIFY -> {
                roles = level == 3 ? EnumSet.of(Role.VERIFIER) : EnumSet.of(Role.VERIFIER, Role.APPRAISER);
                actorLevel = level - 1;
            }
            case APPRAISE -> {
                roles = level == 3 ? EnumSet.of(Role.APPRAISER) : EnumSet.of(Role.CENTRAL_APPRAISER);
                actorLevel = level == 3 ? 1 : 0;
            }
            case DECIDE -> {
                roles = level == 3 ? EnumSet.of(Role.DECISION_AUTHORITY) : EnumSet.of(Role.CENTRAL_AUTHORITY);
                actorLevel = level == 3 ? 1 : 0;
            }
            default -> {
                roles = EnumSet.of(Role.DECISION_AUTHORITY);
                actorLevel = 1;
            }
        }
        if (!roles.contains(acting.role())) {
            return Decision.deny(unit, level < 3 && (step == Step.APPRAISE || step == Step.DECIDE)
                    ? CommandText.of("access.stepCentral", CommandText.term(acting.role()),
                    CommandText.term(roles.iterator().next()))
                    : CommandText.of("access.stepNotYours", CommandText.term(acting.role())));
        }
        if (!acting.role().needsUnit()) {
            return Decision.allow(unit);
        }
        if (actorLevel > 0) {
            int actual = checks.unit(acting.unitCode()).map(f -> f.kind().level()).orElse(-1);
            if (actual != actorLevel) {
                return Decision.deny(unit, CommandText.of("access.stepLevel", String.valueOf(actorLevel), acting.name(),
                        String.valueOf(actual)));
            }
        }
        return checks.within(acting, unit) ? Decision.allow(unit) : checks.outside(acting, unit);
    }
}
