package org.ntmrecords.command.evidence;

import org.ntmrecords.command.access.AccessRules;
import org.ntmrecords.command.access.FeatureAccess;

/** Evidence is attached and withdrawn by any role that records or judges, within its jurisdiction. */
public class EvidenceAccess implements FeatureAccess {
    @Override
    public void register(AccessRules rules) {
        rules.on(EvidenceCommands.Attach.class, (acting, c, checks) ->
                        checks.evidence(acting, EvidenceDocument.unitOf(c.target()), "attach evidence"))
                .on(EvidenceCommands.Withdraw.class, (acting, c, checks) ->
                        checks.evidence(acting, c.unitCode(), "withdraw evidence"));
    }
}
