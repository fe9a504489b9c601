package org.ntmrecords.command.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ntmrecords.command.account.ChangeAccountRoleCommand;
import org.ntmrecords.command.account.DisableAccountCommand;
import org.ntmrecords.command.account.EnableAccountCommand;
import org.ntmrecords.command.account.RegisterAccountCommand;
import org.ntmrecords.command.agency.AgencyDirectory;
import org.ntmrecords.command.agency.AgencyFacts;
import org.ntmrecords.command.agency.AssignResponsibilityCommand;
import org.ntmrecords.command.agency.RegisterAgencyCommand;
import org.ntmrecords.command.agency.WithdrawResponsibilityCommand;
import org.ntmrecords.command.criteria.AmendCriteriaSetCommand;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.criteria.PublishCriteriaSetCommand;
import org.ntmrecords.command.scorecard.AdoptCriteriaSetVersionCommand;
import org.ntmrecords.command.scorecard.CorrectIndicatorValueCommand;
import org.ntmrecords.command.scorecard.MarkIndicatorNotAssessedCommand;
import org.ntmrecords.command.scorecard.RecordIndicatorDecisionCommand;
import org.ntmrecords.command.scorecard.RecordIndicatorValueCommand;
import org.ntmrecords.command.scorecard.RecordIndicatorValuesCommand;
import org.ntmrecords.command.scorecard.TrackUnitCommand;
import org.ntmrecords.command.reappraisal.OrderReappraisalCommand;
import org.ntmrecords.command.evidence.EvidenceCommands;
import org.ntmrecords.command.evidence.EvidenceDocument;
import org.ntmrecords.command.recognition.CertificationCommands;
import org.ntmrecords.command.recognition.RecognitionCommands;
import org.ntmrecords.command.unit.CeaseUnitCommand;
import org.ntmrecords.command.unit.ChangeUnitParentCommand;
import org.ntmrecords.command.unit.ReorganizeUnitCommand;
import org.ntmrecords.command.unit.ImportUnitCommand;
import org.ntmrecords.command.unit.RegisterUnitCommand;
import org.ntmrecords.command.unit.RenameUnitCommand;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.command.unit.UnitFacts;
import org.ntmrecords.events.scorecard.ScorecardId;

/**
 * Who may send which command for which unit. Reference data (units, criteria sets, agencies and their
 * assignments, accounts) is the administrator's; values and not-assessed marks are recorded by the commune
 * officer, the district coordination office and the agencies responsible for the indicator, each within its
 * jurisdiction (its unit and the units under it); human decisions by the coordination office, verifiers
 * (district), appraisers (province) and responsible agencies; official reappraisals by appraisers and deciding
 * authorities within their jurisdiction (and administrators); revocation cases opened by the district or province;
 * evidence attached by any role that records or judges; auditors and dashboard viewers write nothing. System tasks
 * (demo loader, import, expiry) may do anything.
 */
public class AccessPolicy {
    private static final Set<Role> RECORDERS =
            EnumSet.of(Role.COMMUNE_OFFICER, Role.DISTRICT_COORDINATION_OFFICE, Role.DISTRICT_AGENCY);
    private static final Set<Role> DECIDERS =
            EnumSet.of(Role.DISTRICT_COORDINATION_OFFICE, Role.VERIFIER, Role.APPRAISER, Role.DISTRICT_AGENCY);
    private static final Set<Role> REAPPRAISERS =
            EnumSet.of(Role.APPRAISER, Role.DECISION_AUTHORITY, Role.ADMINISTRATOR);
    private static final Set<Role> TRACKERS =
            EnumSet.of(Role.ADMINISTRATOR, Role.COMMUNE_OFFICER, Role.DISTRICT_COORDINATION_OFFICE);
    private static final Set<Role> REVOCATION_OPENERS = EnumSet.of(Role.DISTRICT_COORDINATION_OFFICE, Role.VERIFIER,
            Role.APPRAISER, Role.DECISION_AUTHORITY);
    private static final Set<Role> EVIDENCE_WRITERS = EnumSet.of(Role.COMMUNE_OFFICER, Role.DISTRICT_AGENCY,
            Role.DISTRICT_COORDINATION_OFFICE, Role.VERIFIER, Role.APPRAISER, Role.DECISION_AUTHORITY);

    private final UnitDirectory units;
    private final AgencyDirectory agencies;
    private final CriteriaCatalog catalog;

    public AccessPolicy(UnitDirectory units, AgencyDirectory agencies, CriteriaCatalog catalog) {
        this.units = units;
        this.agencies = agencies;
        this.catalog = catalog;
    }

    /** The outcome of a check: allowed or not, the unit the command concerns, and why not. */
    public record Decision(boolean allowed, String targetUnit, String reason) {
        static Decision allow(String unit) {
            return new Decision(true, unit, null);
        }

        static Decision deny(String unit, String reason) {
            return new Decision(false, unit, reason);
        }
    }

    public Decision decide(Acting acting, Object command) {
        if (acting.role() == Role.SYSTEM) {
            return Decision.allow(null);
        }
        if (command instanceof RegisterUnitCommand c) {
            return administration(acting, c.code());
        } else if (command instanceof RenameUnitCommand c) {
            return administration(acting, c.code());
        } else if (command instanceof ChangeUnitParentCommand c) {
            return administration(acting, c.code());
        } else if (command instanceof ImportUnitCommand c) {
            return administration(acting, c.code());
        } else if (command instanceof ReorganizeUnitCommand c) {
            return administration(acting, c.code());
        } else if (command instanceof CeaseUnitCommand c) {
            return administration(acting, c.code());
        } else if (command instanceof AdoptCriteriaSetVersionCommand c) {
            return Decision.deny(null,
                    "criteria set versions are adopted by the service on their effective date, not by " + acting.name());
        } else if (command instanceof PublishCriteriaSetCommand || command instanceof AmendCriteriaSetCommand) {
            return administration(acting, null);
        } else if (command instanceof RegisterAgencyCommand c) {
            return administration(acting, c.unitCode());
        } else if (command instanceof AssignResponsibilityCommand || command instanceof WithdrawResponsibilityCommand) {
            return administration(acting, null);
        } else if (command instanceof RegisterAccountCommand c) {
            return administration(acting, c.unitCode());
        } else if (command instanceof ChangeAccountRoleCommand c) {
            return administration(acting, c.unitCode());
        } else if (command instanceof DisableAccountCommand || command instanceof EnableAccountCommand) {
            return administration(acting, null);
        } else if (command instanceof OrderReappraisalCommand c) {
            return reappraisal(acting, c.scopeUnitCode());
        } else if (command instanceof RecognitionCommands.RecordPriorDecision c) {
            return Decision.deny(caseUnit(c.streamId()), "decisions made before the record was kept are imported by "
                    + "system tasks, not entered by " + acting.name());
        } else if (command instanceof RecognitionCommands.OpenRevocation c) {
            return revocation(acting, caseUnit(c.streamId()));
        } else if (command instanceof RecognitionCommands.CaseCommand c) {
            Step step = c instanceof RecognitionCommands.Verify ? Step.VERIFY
                    : c instanceof RecognitionCommands.Appraise ? Step.APPRAISE
                    : c instanceof RecognitionCommands.Decide || c instanceof RecognitionCommands.Announce ? Step.DECIDE
                    : Step.LOCAL;
            return recognition(acting, caseUnit(c.streamId()), step);
        } else if (command instanceof CertificationCommands.CertifyStandard c) {
            return entry(acting, ScorecardId.of(c.unitCode(), c.setId()), c.indicatorCode(), RECORDERS,
                    "certify standards");
        } else if (command instanceof CertificationCommands.RenewStandard c) {
            return evidence(acting, c.unitCode(), "renew certified standards");
        } else if (command instanceof EvidenceCommands.Attach c) {
            return evidence(acting, EvidenceDocument.unitOf(c.target()), "attach evidence");
        } else if (command instanceof EvidenceCommands.Withdraw c) {
            return evidence(acting, c.unitCode(), "withdraw evidence");
        } else if (command instanceof TrackUnitCommand c) {
            return tracking(acting, c.unitCode());
        } else if (command instanceof RecordIndicatorValueCommand c) {
            return entry(acting, c.scorecardId(), c.indicatorCode(), RECORDERS, "record values");
        } else if (command instanceof RecordIndicatorValuesCommand c) {
            return entries(acting, c);
        } else if (command instanceof CorrectIndicatorValueCommand c) {
            return entry(acting, c.scorecardId(), c.indicatorCode(), RECORDERS, "correct values");
        } else if (command instanceof MarkIndicatorNotAssessedCommand c) {
            return entry(acting, c.scorecardId(), c.indicatorCode(), RECORDERS, "mark indicators not assessed");
        } else if (command instanceof RecordIndicatorDecisionCommand c) {
            return entry(acting, c.scorecardId(), c.indicatorCode(), DECIDERS, "record decisions");
        }
        return Decision.deny(null, "no access rule covers " + command.getClass().getSimpleName());
    }

    private static Decision administration(Acting acting, String unit) {
        return acting.role() == Role.ADMINISTRATOR
                ? Decision.allow(unit)
                : Decision.deny(unit, "only an administrator may change reference data; " + acting.name()
                + " is " + acting.role());
    }

    /** The steps of a recognition case, by who takes them. */
    private enum Step { LOCAL, VERIFY, APPRAISE, DECIDE }

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
     * decides (DECISION_AUTHORITY of the province). For district titles the district's coordination office prepares,
     * the province verifies; the central appraisal and the Prime Minister's decision are not modelled yet.
     */
    private Decision recognition(Acting acting, String unit, Step step) {
        int level = units.find(unit == null ? "" : unit).map(f -> f.kind().level()).orElse(3);
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
                roles = level == 3 ? EnumSet.of(Role.APPRAISER) : EnumSet.noneOf(Role.class);
                actorLevel = 1;
            }
            default -> {
                roles = level == 3 ? EnumSet.of(Role.DECISION_AUTHORITY) : EnumSet.noneOf(Role.class);
                actorLevel = 1;
            }
        }
        if (!roles.contains(acting.role())) {
            return Decision.deny(unit, acting.role() + " does not take this step of a recognition case"
                    + (roles.isEmpty() ? " (for district titles it is taken at central level, not modelled yet)" : ""));
        }
        if (actorLevel > 0) {
            int actual = units.find(acting.unitCode() == null ? "" : acting.unitCode())
                    .map(f -> f.kind().level()).orElse(-1);
            if (actual != actorLevel) {
                return Decision.deny(unit, "this step is taken at level " + actorLevel + "; " + acting.name()
                        + " acts for a unit of level " + actual);
            }
        }
        return within(acting, unit) ? Decision.allow(unit) : outside(acting, unit);
    }

    /**
     * A revocation case is opened by the level that watches the title: the district (coordination office or
     * verifier) for its communes, the province (appraiser, deciding authority) within its jurisdiction.
     */
    private Decision revocation(Acting acting, String unit) {
        if (!REVOCATION_OPENERS.contains(acting.role())) {
            return Decision.deny(unit, acting.role() + " may not open a revocation case");
        }
        return within(acting, unit) ? Decision.allow(unit) : outside(acting, unit);
    }

    /** Evidence is attached (and withdrawn) by any role that records or judges, within its jurisdiction. */
    private Decision evidence(Acting acting, String unit, String what) {
        if (!EVIDENCE_WRITERS.contains(acting.role())) {
            return Decision.deny(unit, acting.role() + " may not " + what);
        }
        return within(acting, unit) ? Decision.allow(unit) : outside(acting, unit);
    }

    /** Appraisers and deciding authorities order reappraisals within their jurisdiction; administrators anywhere. */
    private Decision reappraisal(Acting acting, String unit) {
        if (!REAPPRAISERS.contains(acting.role())) {
            return Decision.deny(unit, acting.role() + " may not order reappraisals");
        }
        if (acting.role() == Role.ADMINISTRATOR) {
            return Decision.allow(unit);
        }
        return within(acting, unit) ? Decision.allow(unit) : outside(acting, unit);
    }

    private Decision tracking(Acting acting, String unit) {
        if (!TRACKERS.contains(acting.role())) {
            return Decision.deny(unit, acting.role() + " may not track units");
        }
        if (acting.role() == Role.ADMINISTRATOR) {
            return Decision.allow(unit);
        }
        return within(acting, unit) ? Decision.allow(unit) : outside(acting, unit);
    }

    /** A batch of values is allowed when every value in it is; the first value refused names the reason. */
    private Decision entries(Acting acting, RecordIndicatorValuesCommand batch) {
        Decision decision = null;
        for (RecordIndicatorValueCommand value : batch.values() == null ? List.<RecordIndicatorValueCommand>of()
                : batch.values()) {
            if (value != null) {
                decision = entry(acting, batch.scorecardId(), value.indicatorCode(), RECORDERS, "record values");
                if (!decision.allowed()) {
                    return decision;
                }
            }
        }
        if (decision != null) {
            return decision;
        }
        // no value to check by indicator: the role and the jurisdiction still decide
        String unit = batch.scorecardId() == null || !batch.scorecardId().contains("@") ? null
                : ScorecardId.unitCodeOf(batch.scorecardId());
        if (!RECORDERS.contains(acting.role())) {
            return Decision.deny(unit, acting.role() + " may not record values");
        }
        return within(acting, unit) ? Decision.allow(unit) : outside(acting, unit);
    }

    private Decision entry(Acting acting, String scorecardId, String indicatorCode, Set<Role> roles, String what) {
        String unit = scorecardId == null || !scorecardId.contains("@") ? null : ScorecardId.unitCodeOf(scorecardId);
        if (!roles.contains(acting.role())) {
            return Decision.deny(unit, acting.role() + " may not " + what);
        }
        if (!within(acting, unit)) {
            return outside(acting, unit);
        }
        if (acting.role() != Role.DISTRICT_AGENCY) {
            return Decision.allow(unit);
        }
        String setId = ScorecardId.setIdOf(scorecardId);
        Optional<AgencyFacts> agency = agencies.find(acting.agencyId());
        if (agency.isEmpty() || !agency.get().unitCode().equals(acting.unitCode())) {
            return Decision.deny(unit, "agency " + acting.agencyId() + " of " + acting.name() + " is not registered for unit "
                    + acting.unitCode());
        }
        String criterion = catalog.latest(setId).flatMap(d -> d.criterionOf(indicatorCode))
                .map(c -> c.code()).orElse(null);
        if (!agency.get().isResponsibleFor(setId, criterion, indicatorCode)) {
            return Decision.deny(unit, "agency " + acting.agencyId() + " does not answer for indicator " + indicatorCode
                    + " of " + setId);
        }
        return Decision.allow(unit);
    }

    private static Decision outside(Acting acting, String unit) {
        return Decision.deny(unit, "unit " + unit + " is outside the jurisdiction of " + acting.name()
                + " (unit " + acting.unitCode() + ")");
    }

    /** Whether the unit is the actor's unit or lies under it. */
    private boolean within(Acting acting, String unit) {
        if (acting.unitCode() == null || unit == null) {
            return false;
        }
        String current = unit;
        for (int depth = 0; current != null && depth < 5; depth++) {
            if (current.equals(acting.unitCode())) {
                return true;
            }
            current = units.find(current).map(UnitFacts::parentCode).orElse(null);
        }
        return false;
    }
}
