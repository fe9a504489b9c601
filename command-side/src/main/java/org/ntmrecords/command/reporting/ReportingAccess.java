package org.ntmrecords.command.reporting;

import java.util.EnumSet;
import java.util.Set;
import org.ntmrecords.command.access.AccessChecks;
import org.ntmrecords.command.access.AccessPolicy.Decision;
import org.ntmrecords.command.access.AccessRules;
import org.ntmrecords.command.access.Acting;
import org.ntmrecords.command.access.FeatureAccess;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.reporting.ReportingCommands.CorrectReportSubmissionCommand;
import org.ntmrecords.command.reporting.ReportingCommands.EstablishReportingDutyCommand;
import org.ntmrecords.command.reporting.ReportingCommands.SubmitReportCommand;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.Message;

/**
 * Duties are established by the coordination office within its jurisdiction (and administrators); a submission is
 * recorded by the body that reports — a district agency for its own agency, a commune officer for its own commune — or
 * by the coordination office that receives it.
 */
public class ReportingAccess implements FeatureAccess {
    private static final Set<Role> ESTABLISHERS = EnumSet.of(Role.DISTRICT_COORDINATION_OFFICE);
    private static final Set<Role> SUBMITTERS =
            EnumSet.of(Role.DISTRICT_COORDINATION_OFFICE, Role.DISTRICT_AGENCY, Role.COMMUNE_OFFICER);

    @Override
    public void register(AccessRules rules) {
        rules.on(EstablishReportingDutyCommand.class, (acting, c, checks) -> acting.role() == Role.ADMINISTRATOR
                        ? Decision.allow(c.unitCode())
                        : checks.roleWithin(acting, c.unitCode(), ESTABLISHERS,
                        CommandText.of("access.do.establishReportingDuties")))
                .on(SubmitReportCommand.class, (acting, c, checks) -> submission(acting, c.unitCode(), c.body(), checks))
                .on(CorrectReportSubmissionCommand.class,
                        (acting, c, checks) -> submission(acting, c.unitCode(), c.body(), checks));
    }

    private static Decision submission(Acting acting, String unitCode, BodyRef body, AccessChecks checks) {
        Message what = CommandText.of("access.do.recordReportSubmissions");
        if (acting.role() == Role.DISTRICT_AGENCY) {
            if (body == null || acting.agencyId() == null || !acting.agencyId().equals(body.agencyId())) {
                return Decision.deny(unitCode, CommandText.of("access.notOwnReport", acting.name(),
                        String.valueOf(acting.agencyId())));
            }
            return checks.roleWithin(acting, unitCode, SUBMITTERS, what);
        }
        if (acting.role() == Role.COMMUNE_OFFICER) {
            String bodyUnit = body == null ? null : body.unitCode();
            if (bodyUnit == null) {
                return Decision.deny(unitCode, CommandText.of("access.notOwnReport", acting.name(),
                        String.valueOf(acting.unitCode())));
            }
            return checks.roleWithin(acting, bodyUnit, SUBMITTERS, what);
        }
        return checks.roleWithin(acting, unitCode, SUBMITTERS, what);
    }
}
