package org.ntmrecords.command.agency;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.criteria.SetCoverage;
import org.ntmrecords.command.unit.Cessation;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.command.unit.UnitFacts;
import org.ntmrecords.events.agency.AgencyRegisteredEvent;
import org.ntmrecords.events.agency.ResponsibilityAssignedEvent;
import org.ntmrecords.events.agency.ResponsibilityWithdrawnEvent;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;

/**
 * An agency (phòng, ban) of a unit and the criteria and indicators it answers for. Assignments differ per
 * set (the NTM and advanced sets split responsibilities differently) and are recorded with their basis.
 */
@Aggregate
public class Agency {
    private static final String PREFIX = "agency:";

    @AggregateIdentifier
    private String streamId;
    private String agencyId;
    private String unitCode;
    private Map<String, Set<String>> criteria = new HashMap<>();
    private Map<String, Set<String>> indicators = new HashMap<>();

    protected Agency() {
    }

    /** The event stream of an agency: its id, prefixed so it cannot collide with units or sets. */
    public static String streamId(String agencyId) {
        return PREFIX + agencyId;
    }

    @CommandHandler
    public Agency(RegisterAgencyCommand command, UnitDirectory units, AgencyDirectory agencies, Clock clock) {
        String id = Inputs.requiredCode("agencyId", command.agencyId());
        String unit = Inputs.requiredCode("unitCode", command.unitCode());
        UnitFacts facts = units.find(unit).orElseThrow(() -> new CommandRejectedException(RejectionCode.UNKNOWN_UNIT,
                "unitCode", CommandText.of("unit.notRegistered", unit)));
        if (agencies.find(id).isPresent()) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "agencyId",
                    CommandText.of("agency.alreadyRegistered", id));
        }
        DocumentRef basis = Inputs.document("basis", command.basis(), LocalDate.now(clock));
        requireExisted(units, facts, basis, clock, false);
        apply(new AgencyRegisteredEvent(id, Inputs.requiredLine("name", command.name(), Inputs.NAME_MAX), unit,
                basis));
    }

    @CommandHandler
    public void handle(AssignResponsibilityCommand command, UnitDirectory units, CriteriaCatalog catalog,
                       Clock clock) {
        Scope scope = Scope.check(command.setId(), command.criterionCodes(), command.indicatorCodes(), catalog);
        // an agency answers for a set's indicators in its own unit: a province's variant only within that province
        UnitFacts unit = units.find(unitCode).orElse(null);
        if (unit != null) {
            SetCoverage.requireCovers(catalog.latest(scope.setId()).orElseThrow(), unit, units, "setId");
        }
        List<String> newCriteria = scope.criteria().stream()
                .filter(c -> !criteria.getOrDefault(scope.setId(), Set.of()).contains(c)).toList();
        List<String> newIndicators = scope.indicators().stream()
                .filter(i -> !indicators.getOrDefault(scope.setId(), Set.of()).contains(i)).toList();
        if (newCriteria.isEmpty() && newIndicators.isEmpty()) {
            throw new CommandRejectedException(RejectionCode.NO_CHANGE, "criterionCodes",
                    CommandText.of("agency.alreadyAnswers", agencyId));
        }
        DocumentRef basis = basis(command.basis(), clock);
        requireExisted(units, unit, basis, clock, true);
        apply(new ResponsibilityAssignedEvent(agencyId, scope.setId(), newCriteria, newIndicators, basis));
    }

    @CommandHandler
    public void handle(WithdrawResponsibilityCommand command, CriteriaCatalog catalog, Clock clock) {
        Scope scope = Scope.check(command.setId(), command.criterionCodes(), command.indicatorCodes(), catalog);
        List<String> held = scope.criteria().stream()
                .filter(c -> criteria.getOrDefault(scope.setId(), Set.of()).contains(c)).toList();
        List<String> heldIndicators = scope.indicators().stream()
                .filter(i -> indicators.getOrDefault(scope.setId(), Set.of()).contains(i)).toList();
        if (held.size() != scope.criteria().size() || heldIndicators.size() != scope.indicators().size()) {
            throw new CommandRejectedException(RejectionCode.NO_CHANGE, "criterionCodes",
                    CommandText.of("agency.doesNotAnswer", agencyId));
        }
        apply(new ResponsibilityWithdrawnEvent(agencyId, scope.setId(), held, heldIndicators,
                Inputs.requiredText("reason", command.reason(), Inputs.TEXT_MAX),
                Inputs.document("basis", command.basis(), LocalDate.now(clock))));
    }

    /** Refused for a unit that had ceased by the basis' date (or today, when it gives none). */
    private static void requireExisted(UnitDirectory units, UnitFacts unit, DocumentRef basis, Clock clock,
                                       boolean assignment) {
        boolean dated = basis != null && basis.date() != null;
        LocalDate day = dated ? basis.date() : LocalDate.now(clock);
        Message fact = assignment
                ? dated ? CommandText.of("agency.fact.assignedBy", day) : CommandText.of("agency.fact.assignedOn", day)
                : dated ? CommandText.of("agency.fact.registeredBy", day)
                : CommandText.of("agency.fact.registeredOn", day);
        Cessation.requireExisted(units, unit, day, dated ? "basis.date" : "unitCode", fact);
    }

    private static DocumentRef basis(DocumentRef basis, Clock clock) {
        DocumentRef checked = Inputs.document("basis", basis, LocalDate.now(clock));
        if (checked == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "basis",
                    CommandText.of("agency.basisRequired"));
        }
        return checked;
    }

    /** Codes checked against the latest version of the set. */
    private record Scope(String setId, List<String> criteria, List<String> indicators) {
        static Scope check(String setId, List<String> criterionCodes, List<String> indicatorCodes,
                           CriteriaCatalog catalog) {
            String set = Inputs.requiredCode("setId", setId);
            CriteriaSetDefinition definition = catalog.latest(set).orElseThrow(() -> new CommandRejectedException(
                    RejectionCode.UNKNOWN_CRITERIA_SET, "setId", CommandText.of("criteria.notPublished", set)));
            List<String> criteria = codes("criterionCodes", criterionCodes);
            List<String> indicators = codes("indicatorCodes", indicatorCodes);
            if (criteria.isEmpty() && indicators.isEmpty()) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "criterionCodes",
                        CommandText.of("agency.scopeEmpty"));
            }
            for (String c : criteria) {
                if (definition.criterion(c).isEmpty()) {
                    throw new CommandRejectedException(RejectionCode.UNKNOWN_INDICATOR, "criterionCodes",
                            CommandText.of("agency.noCriterion", set, c));
                }
            }
            for (String i : indicators) {
                if (definition.indicator(i).isEmpty()) {
                    throw new CommandRejectedException(RejectionCode.UNKNOWN_INDICATOR, "indicatorCodes",
                            CommandText.of("criteria.noIndicator", set, i));
                }
            }
            return new Scope(set, criteria, indicators);
        }

        private static List<String> codes(String field, List<String> codes) {
            if (codes == null) {
                return List.of();
            }
            if (codes.size() > 200) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, field,
                        CommandText.of("agency.tooManyCodes", CommandText.field(field), "200"));
            }
            Set<String> checked = new LinkedHashSet<>();
            for (String code : codes) {
                checked.add(Inputs.requiredCode(field, code));
            }
            return new ArrayList<>(checked);
        }
    }

    @EventSourcingHandler
    void on(AgencyRegisteredEvent event) {
        streamId = streamId(event.agencyId());
        agencyId = event.agencyId();
        unitCode = event.unitCode();
    }

    @EventSourcingHandler
    void on(ResponsibilityAssignedEvent event) {
        criteria.computeIfAbsent(event.setId(), s -> new HashSet<>()).addAll(event.criterionCodes());
        indicators.computeIfAbsent(event.setId(), s -> new HashSet<>()).addAll(event.indicatorCodes());
    }

    @EventSourcingHandler
    void on(ResponsibilityWithdrawnEvent event) {
        criteria.getOrDefault(event.setId(), new HashSet<>()).removeAll(event.criterionCodes());
        indicators.getOrDefault(event.setId(), new HashSet<>()).removeAll(event.indicatorCodes());
    }
}
