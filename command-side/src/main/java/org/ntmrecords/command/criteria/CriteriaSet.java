package org.ntmrecords.command.criteria;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.ntmrecords.events.criteria.IndicatorStructureChange;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.criteria.RequirementChange;
import org.ntmrecords.events.criteria.StructureChangeKind;

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
        List<RequirementAmendment> requirementChanges = command.changes() == null ? List.of() : command.changes();
        List<IndicatorStructureAmendment> structureChanges =
                command.structureChanges() == null ? List.of() : command.structureChanges();
        if (requirementChanges.isEmpty() && structureChanges.isEmpty()) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "changes",
                    CommandText.of("criteria.amendmentEmpty"));
        }
        Map<String, Requirement> replaced = new HashMap<>();
        List<RequirementChange> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requirementChanges.size(); i++) {
            String path = "changes[" + i + "]";
            RequirementAmendment change = requirementChanges.get(i);
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
        // the indicators of each criterion, in order, as the requirement changes leave them
        Map<String, List<IndicatorDefinition>> layout = new LinkedHashMap<>();
        for (CriterionDefinition c : current.criteria()) {
            layout.put(c.code(), new ArrayList<>(c.indicators().stream()
                    .map(i -> replaced.containsKey(i.code())
                            ? new IndicatorDefinition(i.code(), i.text(), replaced.get(i.code()), i.provenance())
                            : i)
                    .toList()));
        }
        List<IndicatorStructureChange> restructured = new ArrayList<>();
        for (int i = 0; i < structureChanges.size(); i++) {
            restructured.add(restructure("structureChanges[" + i + "]", structureChanges.get(i), layout, seen));
        }
        List<CriterionDefinition> criteria = CriteriaSetRules.checkCriteria(current.criteria().stream()
                .map(c -> new CriterionDefinition(c.code(), c.name(), c.group(), c.provenance(), layout.get(c.code())))
                .toList());
        int version = current.version() + 1;
        CriteriaSetDefinition next = current.withVersion(version, basis, effectiveFrom, criteria);
        // a recognition rule may not name an indicator the amendment took out
        CriteriaSetRules.checkRecognition(next.recognition(), criteria);
        apply(new CriteriaSetAmendedEvent(setId, version, current.version(), effectiveFrom, basis,
                Inputs.optionalText("reason", command.reason(), Inputs.TEXT_MAX), changes, next, restructured));
        return version;
    }

    /**
     * Applies one structural change to the layout, checking it: the indicator it names exists (an added or split-off
     * one does not), no indicator is changed twice in one amendment, no criterion is left without indicators, a
     * split's parts carry new codes (the old code's entries are never carried to them), a change of kind changes the
     * kind and keeps the code.
     */
    private IndicatorStructureChange restructure(String path, IndicatorStructureAmendment change,
                                                 Map<String, List<IndicatorDefinition>> layout, Set<String> seen) {
        if (change == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path, CommandText.of("input.itemEmpty", path));
        }
        if (change.kind() == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path + ".change",
                    CommandText.of("criteria.structure.kindRequired"));
        }
        String reason = Inputs.requiredText(path + ".reason", change.reason(), Inputs.TEXT_MAX);
        List<IndicatorDefinition> given = change.indicators() == null ? List.of() : change.indicators();
        List<IndicatorDefinition> indicators = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            indicators.add(CriteriaSetRules.checkIndicator(path + ".indicators[" + i + "]", given.get(i)));
        }
        int expected = switch (change.kind()) {
            case ADDED, KIND_CHANGED -> 1;
            case REMOVED -> 0;
            case SPLIT -> -2;
        };
        if (expected >= 0 ? indicators.size() != expected : indicators.size() < -expected) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path + ".indicators",
                    switch (change.kind()) {
                        case ADDED -> CommandText.of("criteria.structure.indicatorCount.ADDED");
                        case REMOVED -> CommandText.of("criteria.structure.indicatorCount.REMOVED");
                        case SPLIT -> CommandText.of("criteria.structure.indicatorCount.SPLIT");
                        case KIND_CHANGED -> CommandText.of("criteria.structure.indicatorCount.KIND_CHANGED");
                    });
        }
        if (change.kind() == StructureChangeKind.ADDED) {
            String criterion = Inputs.requiredCode(path + ".criterionCode", change.criterionCode());
            List<IndicatorDefinition> into = layout.get(criterion);
            if (into == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path + ".criterionCode",
                        CommandText.of("criteria.structure.noCriterion", setId, criterion));
            }
            IndicatorDefinition added = indicators.get(0);
            requireNew(path + ".indicators[0].code", added.code(), layout, seen);
            into.add(added);
            return new IndicatorStructureChange(StructureChangeKind.ADDED, criterion, added.code(), null,
                    List.of(added), List.of(), reason);
        }
        String code = Inputs.requiredCode(path + ".indicatorCode", change.indicatorCode());
        String criterion = layout.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(i -> i.code().equals(code)))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new CommandRejectedException(RejectionCode.UNKNOWN_INDICATOR,
                        path + ".indicatorCode", CommandText.of("criteria.noIndicator", setId, code)));
        if (!seen.add(code)) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path + ".indicatorCode",
                    CommandText.of("criteria.changedTwice", code));
        }
        List<IndicatorDefinition> in = layout.get(criterion);
        int position = java.util.stream.IntStream.range(0, in.size())
                .filter(i -> in.get(i).code().equals(code)).findFirst().orElseThrow();
        IndicatorDefinition previous = in.get(position);
        switch (change.kind()) {
            case REMOVED -> {
                if (in.size() == 1) {
                    throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path + ".indicatorCode",
                            CommandText.of("criteria.structure.lastIndicator", code, criterion));
                }
                in.remove(position);
                return new IndicatorStructureChange(StructureChangeKind.REMOVED, criterion, code, previous,
                        List.of(), List.of(), reason);
            }
            case SPLIT -> {
                for (int i = 0; i < indicators.size(); i++) {
                    requireNew(path + ".indicators[" + i + "].code", indicators.get(i).code(), layout, seen);
                }
                in.remove(position);
                in.addAll(position, indicators);
                return new IndicatorStructureChange(StructureChangeKind.SPLIT, criterion, code, previous, indicators,
                        indicators.stream().map(IndicatorDefinition::code).toList(), reason);
            }
            default -> {
                IndicatorDefinition changed = indicators.get(0);
                if (!changed.code().equals(code)) {
                    throw new CommandRejectedException(RejectionCode.INVALID_INPUT, path + ".indicators[0].code",
                            CommandText.of("criteria.structure.kindSameCode", code, changed.code()));
                }
                if (changed.requirement().kind() == previous.requirement().kind()) {
                    throw new CommandRejectedException(RejectionCode.NO_CHANGE, path + ".indicators[0].requirement.kind",
                            CommandText.of("criteria.structure.sameKind", code, previous.requirement().kind().name()));
                }
                in.set(position, changed);
                return new IndicatorStructureChange(StructureChangeKind.KIND_CHANGED, criterion, code, previous,
                        List.of(changed), List.of(), reason);
            }
        }
    }

    /** A code the amendment brings in must be new to the set and to the amendment. */
    private static void requireNew(String field, String code, Map<String, List<IndicatorDefinition>> layout,
                                   Set<String> seen) {
        boolean inSet = layout.values().stream().flatMap(List::stream).anyMatch(i -> i.code().equals(code));
        if (inSet || !seen.add(code)) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, field,
                    CommandText.of("criteria.structure.codeTaken", code));
        }
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
