package org.ntmrecords.command.evidence;

import org.ntmrecords.command.access.AccessRules;
import org.ntmrecords.command.access.FeatureAccess;
import org.ntmrecords.command.common.CommandText;

/** Evidence is attached and withdrawn by any role that records or judges, within its jurisdiction. */
public class EvidenceAccess implements FeatureAccess {
    @Override
    public void register(AccessRules rules) {
        rules.on(EvidenceCommands.Attach.class, (acting, c, checks) ->
                        checks.evidence(acting, EvidenceDocument.unitOf(c.target()),
                                CommandText.of("access.do.attachEvidence")))
                .on(EvidenceCommands.Withdraw.class, (acting, c, checks) ->
                        checks.evidence(acting, c.unitCode(), CommandText.of("access.do.withdrawEvidence")));
    }
}
