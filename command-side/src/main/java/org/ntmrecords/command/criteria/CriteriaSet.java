package org.ntmrecords.command.criteria;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import org.ntmrecords.events.common.LegalBasis;
import org.ntmrecords.events.criteria.CriteriaSetAmendedEvent;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriteriaSetPublishedEvent;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.criteria.RequirementChange;

/**
 * A criteria set and its versions. Publishing creates version 1; every amendment appends the next version
 * with its own legal basis and effective date. No version is ever changed in place.
 */
@Aggregate
public class CriteriaSet {
    @AggregateIdentifier
    private String setId;
    private CriteriaSetDefinition current;

    protected CriteriaSet() {
    }

    @CommandHandler
    public CriteriaSet(PublishCriteriaSetCommand command, CriteriaCatalog catalog, Clock clock) {
        CriteriaSetDefinition definition =
                CriteriaSetRules.checkForPublication(command.definition(), catalog, LocalDate.now(clock));
        if (catalog.latest(definition.id()).isPresent()) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "id",
                    CommandText.of("criteria.alreadyPublished", definition.id()));
        }
        apply(new CriteriaSetPublishedEvent(definition));
    }

    @CommandHandler
    public int handle(AmendCriteriaSetCommand command, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LegalBasis basis = Inputs.legalBasis("legalBasis", command.legalBasis(), today);
        LocalDate effectiveFrom = command.effectiveFrom();
        if (effectiveFrom == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "effectiveFrom",
                    CommandText.of("criteria.amendmentDate"));
        }
        if (effectiveFrom.isBefore(current.effectiveFrom())) {
            throw new CommandRejectedException(RejectionCode.INVALID_PERIOD, "effectiveFrom",
                    CommandText.of("criteria.amendmentBefore", String.valueOf(current.version()),
                            current.effectiveFrom(), effectiveFrom));
        }
        if (command.changes() == null || command.changes().isEmpty()) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "changes",
                    CommandText.of("criteria.amendmentEmpty"));
        }
        Map<String, Requirement> replaced = new HashMap<>();
        List<RequirementChange> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < command.changes().size(); i++) {
            String path = "changes[" + i + "]";
            RequirementAmendment change = command.changes().get(i);
            if (change == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path,
                        CommandText.of("input.itemEmpty", path));
            }
            String code = Inputs.requiredCode(path + ".indicatorCode", change.indicatorCode());
            if (!seen.add(code)) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path + ".indicatorCode",
                        CommandText.of("criteria.changedTwice", code));
            }
            IndicatorDefinition indicator = current.indicator(code).orElseThrow(() -> new CommandRejectedException(
                    RejectionCode.UNKNOWN_INDICATOR, path + ".indicatorCode",
                    CommandText.of("criteria.noIndicator", setId, code)));
            Requirement previous = indicator.requirement();
            Requirement amended = CriteriaSetRules.checkRequirement(path, previous.withThresholds(
                    change.text() == null ? previous.text() : change.text(),
                    change.threshold(), change.regionalThresholds(), change.requiredLevel()));
            if (amended.equals(previous)) {
                throw new CommandRejectedException(RejectionCode.NO_CHANGE, path,
                        CommandText.of("criteria.requirementUnchanged", code, describe(previous)));
            }
            replaced.put(code, amended);
            changes.add(new RequirementChange(code, previous, amended));
        }
        List<CriterionDefinition> criteria = current.criteria().stream()
                .map(c -> new CriterionDefinition(c.code(), c.name(), c.group(), c.provenance(),
                        c.indicators().stream()
                                .map(i -> replaced.containsKey(i.code())
                                        ? new IndicatorDefinition(i.code(), i.text(), replaced.get(i.code()), i.provenance())
                                        : i)
                                .toList()))
                .toList();
        int version = current.version() + 1;
        apply(new CriteriaSetAmendedEvent(setId, version, current.version(), effectiveFrom, basis,
                Inputs.optionalText("reason", command.reason(), Inputs.TEXT_MAX), changes,
                current.withVersion(version, basis, effectiveFrom, criteria)));
        return version;
    }

    /** The requirement as written in the set, else its kind and threshold. */
    private static Object describe(Requirement requirement) {
        if (requirement.text() != null) {
            return requirement.text();
        }
        return requirement.threshold() == null
                ? CommandText.of("criteria.requirementNoThreshold", requirement.kind().name())
                : CommandText.of("criteria.requirementThreshold", requirement.kind().name(), requirement.threshold());
    }

    @EventSourcingHandler
    void on(CriteriaSetPublishedEvent event) {
        setId = event.definition().id();
        current = event.definition();
    }

    @EventSourcingHandler
    void on(CriteriaSetAmendedEvent event) {
        current = event.definition();
    }
}
