package org.ntmrecords.infra.api.criteria;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandRunner;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.Outcome;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.common.UserError;
import org.ntmrecords.command.criteria.AmendCriteriaSetCommand;
import org.ntmrecords.command.criteria.CriteriaSetDocuments;
import org.ntmrecords.command.criteria.IndicatorStructureAmendment;
import org.ntmrecords.command.criteria.PublishCriteriaSetCommand;
import org.ntmrecords.command.criteria.RequirementAmendment;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.criteria.StructureChangeKind;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.api.GraphQlInputs.LegalBasisInput;
import org.ntmrecords.infra.api.PayloadReads;
import org.ntmrecords.query.criteria.CriteriaSetReadRepository;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL mutations that publish and amend criteria sets. Each answers the version it published as the read model
 * holds it, read only when the client asks for it.
 */
@Controller
public class CriteriaMutations {
    private final CommandRunner commands;
    private final CriteriaSetReadRepository sets;
    private final PayloadReads payloads;

    public CriteriaMutations(CommandRunner commands, CriteriaSetReadRepository sets, PayloadReads payloads) {
        this.commands = commands;
        this.sets = sets;
        this.payloads = payloads;
    }

    public record PublishCriteriaSetInput(String document) {
    }

    public record RegionalThresholdInput(String region, BigDecimal threshold) {
    }

    public record RequirementChangeInput(String indicatorCode, String text, BigDecimal threshold,
                                         List<RegionalThresholdInput> regionalThresholds, String requiredLevel) {
    }

    public record IndicatorStructureChangeInput(StructureChangeKind change, String criterionCode,
                                                String indicatorCode, List<String> indicators, String reason) {
    }

    public record AmendCriteriaSetInput(String setId, LegalBasisInput legalBasis, LocalDate effectiveFrom,
                                        String reason, List<RequirementChangeInput> changes,
                                        List<IndicatorStructureChangeInput> structureChanges) {
    }

    /**
     * What a criteria set mutation answers.
     *
     * @param storeHead the event store's head before the command: its version is read once the projections are past it
     */
    public record CriteriaSetPayload(String setId, Integer version, List<UserError> errors, long storeHead) {
    }

    /** The version published, as the read model holds it: one lookup, once this process has projected it. */
    @SchemaMapping(typeName = "CriteriaSetPayload", field = "criteriaSet")
    public CriteriaSetVersionView criteriaSet(CriteriaSetPayload payload) {
        if (payload.setId() == null || payload.version() == null) {
            return null;
        }
        return payloads.read(payload.storeHead(), () -> sets.find(payload.setId(), payload.version()).orElse(null));
    }

    @MutationMapping
    public CriteriaSetPayload publishCriteriaSet(@Argument PublishCriteriaSetInput input) {
        long head = payloads.mark();
        String[] setId = new String[1];
        Outcome<Object> outcome = commands.send(() -> {
                    var definition = CriteriaSetDocuments.parse(input.document());
                    setId[0] = Inputs.normalize(definition.id());
                    return new PublishCriteriaSetCommand(definition);
                },
                id -> new UserError(RejectionCode.UNKNOWN_CRITERIA_SET, "id", CommandText.of("criteria.notPublished", id)),
                () -> new UserError(RejectionCode.ALREADY_EXISTS, "id",
                        CommandText.of("criteria.alreadyPublished", setId[0])));
        return outcome.succeeded()
                ? new CriteriaSetPayload(setId[0], 1, List.of(), head)
                : new CriteriaSetPayload(null, null, outcome.errors(), head);
    }

    @MutationMapping
    public CriteriaSetPayload amendCriteriaSet(@Argument AmendCriteriaSetInput input) {
        long head = payloads.mark();
        Outcome<Integer> outcome = commands.send(() -> new AmendCriteriaSetCommand(
                        Inputs.requiredCode("setId", input.setId()),
                        input.legalBasis() == null ? null : input.legalBasis().toBasis(),
                        input.effectiveFrom(), input.reason(),
                        input.changes() == null ? List.of() : input.changes().stream()
                                .map(CriteriaMutations::toAmendment).toList(),
                        structure(input.structureChanges())),
                id -> new UserError(RejectionCode.UNKNOWN_CRITERIA_SET, "setId",
                        CommandText.of("criteria.notPublished", input.setId())),
                () -> new UserError(RejectionCode.ALREADY_EXISTS, "setId", ApiText.of("criteria.conflictingAmendment")));
        return outcome.succeeded()
                ? new CriteriaSetPayload(Inputs.normalize(input.setId()), outcome.result(), List.of(), head)
                : new CriteriaSetPayload(null, null, outcome.errors(), head);
    }

    /** Each structural change with its indicators read from their documents; a problem names its path. */
    private static List<IndicatorStructureAmendment> structure(List<IndicatorStructureChangeInput> changes) {
        if (changes == null) {
            return List.of();
        }
        List<IndicatorStructureAmendment> read = new java.util.ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            IndicatorStructureChangeInput change = changes.get(i);
            if (change == null) {
                read.add(null);
                continue;
            }
            List<IndicatorDefinition> indicators = new java.util.ArrayList<>();
            List<String> documents = change.indicators() == null ? List.of() : change.indicators();
            for (int d = 0; d < documents.size(); d++) {
                indicators.add(CriteriaSetDocuments.parseIndicator(documents.get(d),
                        "structureChanges[" + i + "].indicators[" + d + "]"));
            }
            read.add(new IndicatorStructureAmendment(change.change(), change.criterionCode(), change.indicatorCode(),
                    indicators, change.reason()));
        }
        return read;
    }

    private static RequirementAmendment toAmendment(RequirementChangeInput change) {
        if (change == null) {
            return null;
        }
        Map<String, BigDecimal> regional = new LinkedHashMap<>();
        if (change.regionalThresholds() != null) {
            for (RegionalThresholdInput r : change.regionalThresholds()) {
                String region = Inputs.requiredCode("regionalThresholds.region", r == null ? null : r.region());
                if (r.threshold() == null) {
                    throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "regionalThresholds",
                            ApiText.of("criteria.regionThreshold", region));
                }
                if (regional.put(region, r.threshold()) != null) {
                    throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "regionalThresholds",
                            ApiText.of("criteria.regionTwice", region));
                }
            }
        }
        return new RequirementAmendment(change.indicatorCode(), change.text(), change.threshold(), regional,
                change.requiredLevel());
    }
}
