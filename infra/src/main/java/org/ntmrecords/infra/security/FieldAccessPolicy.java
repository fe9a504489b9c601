package org.ntmrecords.infra.security;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.ntmrecords.command.access.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which roles may read which fields. Everything not listed is readable by every signed-in account. A
 * dashboard viewer sees standings only — not values, their evidence and authors, nor decisions, nor
 * explanations; accounts, the security log, store verifications and history exports are for administrators and
 * auditors. A refused field comes back as a FORBIDDEN error on that field, the rest of the response unaffected.
 */
@Component
public class FieldAccessPolicy extends SimplePerformantInstrumentation {
    private final org.ntmrecords.command.access.SecurityLog log;

    public FieldAccessPolicy(org.ntmrecords.command.access.SecurityLog log) {
        this.log = log;
    }

    private static final Set<Role> EVERYONE_BUT_DASHBOARDS = EnumSet.complementOf(EnumSet.of(Role.DASHBOARD_VIEWER));
    private static final Set<Role> OVERSIGHT = EnumSet.of(Role.ADMINISTRATOR, Role.AUDITOR);

    static final Map<String, Set<Role>> RESTRICTED = Map.ofEntries(
            Map.entry("Query.indicatorEntries", EVERYONE_BUT_DASHBOARDS),
            Map.entry("Query.history", EVERYONE_BUT_DASHBOARDS),
            Map.entry("IndicatorStanding.latestValue", EVERYONE_BUT_DASHBOARDS),
            Map.entry("IndicatorStanding.decision", EVERYONE_BUT_DASHBOARDS),
            Map.entry("AppraisedIndicator.value", EVERYONE_BUT_DASHBOARDS),
            Map.entry("AppraisedIndicator.decision", EVERYONE_BUT_DASHBOARDS),
            Map.entry("Query.explainIndicator", EVERYONE_BUT_DASHBOARDS),
            Map.entry("Query.explainCriterion", EVERYONE_BUT_DASHBOARDS),
            Map.entry("Query.evidenceDocuments", EVERYONE_BUT_DASHBOARDS),
            Map.entry("RecognitionCase.documents", EVERYONE_BUT_DASHBOARDS),
            Map.entry("Query.pendingActions", EVERYONE_BUT_DASHBOARDS),
            Map.entry("Query.accounts", OVERSIGHT),
            Map.entry("Query.securityLog", OVERSIGHT),
            Map.entry("Query.storeVerification", OVERSIGHT),
            Map.entry("Mutation.startStoreVerification", OVERSIGHT),
            Map.entry("Query.unitHistoryExport", OVERSIGHT));

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        GraphQLObjectType parent = parameters.getExecutionStepInfo().getObjectType();
        if (parent == null) {
            return dataFetcher;
        }
        String coordinate = parent.getName() + "." + parameters.getExecutionStepInfo().getFieldDefinition().getName();
        Set<Role> allowed = RESTRICTED.get(coordinate);
        if (allowed == null) {
            return dataFetcher;
        }
        return environment -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !(authentication.getPrincipal() instanceof NtmPrincipal principal)
                    || !allowed.contains(principal.role())) {
                if (authentication != null && authentication.getPrincipal() instanceof NtmPrincipal p) {
                    log.denied(new org.ntmrecords.command.access.Acting(p.username(), p.role(), p.unitCode(), p.agencyId()),
                            "READ " + coordinate, null, coordinate + " is not readable by " + p.role());
                }
                throw new AccessDeniedException(coordinate + " is not readable in this role");
            }
            return dataFetcher.get(environment);
        };
    }
}
