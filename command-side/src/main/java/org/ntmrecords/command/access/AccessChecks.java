package org.ntmrecords.command.access;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.ntmrecords.command.access.AccessPolicy.Decision;
import org.ntmrecords.command.agency.AgencyDirectory;
import org.ntmrecords.command.agency.AgencyFacts;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.command.unit.UnitFacts;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.scorecard.ScorecardId;

/**
 * What the features' rules share: jurisdiction along the unit hierarchy (an account acts on its unit and the units
 * under it), reference data being the administrator's, and the roles that record values or attach evidence.
 */
public final class AccessChecks {
    /** Those who record values and not-assessed marks (and certify the standards an indicator rests on). */
    public static final Set<Role> RECORDERS = Collections.unmodifiableSet(
            EnumSet.of(Role.COMMUNE_OFFICER, Role.DISTRICT_COORDINATION_OFFICE, Role.DISTRICT_AGENCY));
    /** Every role that records or judges attaches and withdraws evidence (and renews certified standards). */
    public static final Set<Role> EVIDENCE_WRITERS = Collections.unmodifiableSet(EnumSet.of(Role.COMMUNE_OFFICER,
            Role.DISTRICT_AGENCY, Role.DISTRICT_COORDINATION_OFFICE, Role.VERIFIER, Role.APPRAISER,
            Role.DECISION_AUTHORITY));

    private final UnitDirectory units;
    private final AgencyDirectory agencies;
    private final CriteriaCatalog catalog;

    public AccessChecks(UnitDirectory units, AgencyDirectory agencies, CriteriaCatalog catalog) {
        this.units = units;
        this.agencies = agencies;
        this.catalog = catalog;
    }

    /** Reference data: the administrator's only. */
    public Decision administration(Acting acting, String unit) {
        return acting.role() == Role.ADMINISTRATOR
                ? Decision.allow(unit)
                : Decision.deny(unit, CommandText.of("access.administration", acting.name(),
                CommandText.term(acting.role())));
    }

    /**
     * One of {@code roles}, within its jurisdiction; refused as "{@code <role> may not <what>}", {@code what} being
     * an {@code access.do.*} message ("record values").
     */
    public Decision roleWithin(Acting acting, String unit, Set<Role> roles, Message what) {
        if (!roles.contains(acting.role())) {
            return Decision.deny(unit, mayNot(acting, what));
        }
        return within(acting, unit) ? Decision.allow(unit) : outside(acting, unit);
    }

    /** Evidence is attached (and withdrawn) by any role that records or judges, within its jurisdiction. */
    public Decision evidence(Acting acting, String unit, Message what) {
        return roleWithin(acting, unit, EVIDENCE_WRITERS, what);
    }

    /**
     * An entry about one indicator of a scorecard: one of {@code roles} within its jurisdiction, and a district
     * agency only for the indicators (or the criteria) assigned to it.
     */
    public Decision entry(Acting acting, String scorecardId, String indicatorCode, Set<Role> roles, Message what) {
        String unit = scorecardUnit(scorecardId);
        if (!roles.contains(acting.role())) {
            return Decision.deny(unit, mayNot(acting, what));
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
            return Decision.deny(unit, CommandText.of("access.agencyNotOfUnit", acting.agencyId(), acting.name(),
                    acting.unitCode()));
        }
        String criterion = catalog.latest(setId).flatMap(d -> d.criterionOf(indicatorCode))
                .map(c -> c.code()).orElse(null);
        if (!agency.get().isResponsibleFor(setId, criterion, indicatorCode)) {
            return Decision.deny(unit, CommandText.of("access.agencyNotResponsible", acting.agencyId(), indicatorCode,
                    setId));
        }
        return Decision.allow(unit);
    }

    /** The unit of a scorecard id ({@code <unit>@<set>}), or null when the id names none. */
    public static String scorecardUnit(String scorecardId) {
        return scorecardId == null || !scorecardId.contains("@") ? null : ScorecardId.unitCodeOf(scorecardId);
    }

    public Decision outside(Acting acting, String unit) {
        return Decision.deny(unit, CommandText.of("access.outside", unit, acting.name(), acting.unitCode()));
    }

    /** "{@code <role> may not <what>}". */
    private static Message mayNot(Acting acting, Message what) {
        return CommandText.of("access.mayNot", CommandText.term(acting.role()), what);
    }

    /** Whether the unit is the actor's unit or lies under it. */
    public boolean within(Acting acting, String unit) {
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

    /** A registered unit, by code (none for null). */
    public Optional<UnitFacts> unit(String code) {
        return units.find(code == null ? "" : code);
    }
}
