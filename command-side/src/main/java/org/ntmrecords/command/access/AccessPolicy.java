package org.ntmrecords.command.access;

import java.util.List;
import org.ntmrecords.command.account.AccountAccess;
import org.ntmrecords.command.agency.AgencyAccess;
import org.ntmrecords.command.agency.AgencyDirectory;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.criteria.CriteriaAccess;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.evidence.EvidenceAccess;
import org.ntmrecords.command.integrity.IntegrityAccess;
import org.ntmrecords.command.plan.PlanAccess;
import org.ntmrecords.command.reappraisal.ReappraisalAccess;
import org.ntmrecords.command.recognition.RecognitionAccess;
import org.ntmrecords.command.reporting.ReportingAccess;
import org.ntmrecords.command.scorecard.ScorecardAccess;
import org.ntmrecords.command.target.TargetAccess;
import org.ntmrecords.command.unit.UnitAccess;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.events.common.Message;

/**
 * Who may send which command for which unit: the rules each feature declares for its own commands
 * ({@link FeatureAccess}: {@code UnitAccess}, {@code ScorecardAccess}, …), composed. Reference data (units,
 * criteria sets, agencies and their assignments, accounts) is the administrator's; values and not-assessed marks
 * are recorded by the commune officer, the district coordination office and the agencies responsible for the
 * indicator, each within its jurisdiction (its unit and the units under it); human decisions by the coordination
 * office, verifiers (district), appraisers (province) and responsible agencies; official reappraisals by appraisers
 * and deciding authorities within their jurisdiction (and administrators); revocation cases opened by the district
 * or province; evidence attached by any role that records or judges; integrity key rotations by administrators;
 * auditors and dashboard viewers write nothing.
 * System tasks (demo loader, import, expiry) may send any command that has a rule. A command no feature has a rule
 * for is refused to everyone.
 */
public class AccessPolicy {
    /** The features whose commands are checked; a new feature's rules are added here. */
    public static final List<FeatureAccess> FEATURES = List.of(new UnitAccess(), new CriteriaAccess(),
            new ScorecardAccess(), new AgencyAccess(), new AccountAccess(), new ReappraisalAccess(),
            new RecognitionAccess(), new EvidenceAccess(), new ReportingAccess(), new TargetAccess(),
            new PlanAccess(), new IntegrityAccess());

    private final AccessRules rules;
    private final AccessChecks checks;

    public AccessPolicy(UnitDirectory units, AgencyDirectory agencies, CriteriaCatalog catalog) {
        this.rules = AccessRules.of(FEATURES);
        this.checks = new AccessChecks(units, agencies, catalog);
    }

    /**
     * The outcome of a check: allowed or not, the unit the command concerns, and why not — in words of the bundles,
     * said to the client in its language and written to the security log in English.
     */
    public record Decision(boolean allowed, String targetUnit, Message reason) {
        public static Decision allow(String unit) {
            return new Decision(true, unit, null);
        }

        public static Decision deny(String unit, Message reason) {
            return new Decision(false, unit, reason);
        }
    }

    public Decision decide(Acting acting, Object command) {
        var rule = rules.ruleFor(command.getClass());
        if (rule.isEmpty()) {
            // the command's class is in the security log's own column; the words name no Java type
            return Decision.deny(null, CommandText.of("access.noRule"));
        }
        if (acting.role() == Role.SYSTEM) {
            return Decision.allow(null);
        }
        return rule.get().decide(acting, command, checks);
    }

    /** The command classes that have a rule. */
    public java.util.Set<Class<?>> commandsWithRules() {
        return rules.commands();
    }
}
