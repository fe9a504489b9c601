package org.ntmrecords.command.criteria;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.criteria.RecognitionRules;
import org.ntmrecords.events.criteria.Region;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.criteria.RequirementItem;
import org.ntmrecords.events.criteria.RequirementKind;

/**
 * What makes a criteria set definition publishable. Every problem names the path of the offending field
 * (e.g. {@code criteria[12].indicators[0].requirement.threshold}).
 */
public final class CriteriaSetRules {
    static final int MAX_CRITERIA = 100;
    static final int MAX_INDICATORS = 100;
    static final int MAX_LEVELS = 20;
    static final int MAX_ITEMS = 200;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private CriteriaSetRules() {
    }

    /** Checks and normalises a definition for publication as version 1. */
    public static CriteriaSetDefinition checkForPublication(CriteriaSetDefinition raw, CriteriaCatalog catalog,
                                                            LocalDate today) {
        if (raw == null) {
            throw invalid("definition", CommandText.of("criteria.definitionRequired"));
        }
        String id = Inputs.requiredCode("id", raw.id());
        if (!Character.isLetter(id.charAt(0))) {
            // unit codes are digits: a set id that begins with a letter can never name a unit's record
            throw invalid("id", CommandText.of("criteria.idLetter", id));
        }
        if (raw.level() == null) {
            throw invalid("level", CommandText.of("input.required", "level"));
        }
        if (raw.grade() == null) {
            throw invalid("grade", CommandText.of("input.required", "grade"));
        }
        if (raw.effectiveFrom() == null) {
            throw invalid("effectiveFrom", CommandText.of("input.required", "effectiveFrom"));
        }
        String baseSetId = Inputs.optionalLine("baseSetId", raw.baseSetId(), Inputs.CODE_MAX);
        if (baseSetId != null) {
            CriteriaSetDefinition base = catalog.latest(baseSetId).orElseThrow(() -> new CommandRejectedException(
                    RejectionCode.UNKNOWN_CRITERIA_SET, "baseSetId",
                    CommandText.of("criteria.baseNotPublished", baseSetId)));
            if (base.level() != raw.level() || base.grade() != raw.grade()) {
                throw invalid("baseSetId", CommandText.of("criteria.variantOfBase", baseSetId,
                        CommandText.term(base.level()), CommandText.term(base.grade())));
            }
        }
        List<CriterionDefinition> criteria = checkCriteria(raw.criteria());
        return new CriteriaSetDefinition(id, 1,
                Inputs.requiredLine("title", raw.title(), Inputs.TEXT_MAX),
                raw.level(), raw.grade(),
                Inputs.optionalLine("phase", raw.phase(), Inputs.CODE_MAX),
                Inputs.legalBasis("legalBasis", raw.legalBasis(), today),
                raw.effectiveFrom(), baseSetId,
                Inputs.optionalLine("provinceCode", raw.provinceCode(), Inputs.CODE_MAX),
                Inputs.optionalText("provenance", raw.provenance(), Inputs.TEXT_MAX * 4),
                criteria, checkRecognition(raw.recognition(), criteria));
    }

    /** Recognition rules: percentages from 0 to 100, validity in whole years, lapses naming the set's indicators. */
    static RecognitionRules checkRecognition(RecognitionRules rules, List<CriterionDefinition> criteria) {
        if (rules == null) {
            return null;
        }
        RecognitionRules.SatisfactionRule satisfaction = rules.satisfaction();
        if (satisfaction != null) {
            for (BigDecimal min : java.util.Arrays.asList(satisfaction.overallMin(), satisfaction.perUnitMin())) {
                if (min != null && (min.signum() < 0 || min.compareTo(BigDecimal.valueOf(100)) > 0)) {
                    throw invalid("recognition.satisfaction", CommandText.of("criteria.satisfactionRange"));
                }
            }
            satisfaction = new RecognitionRules.SatisfactionRule(satisfaction.overallMin(), satisfaction.perUnitMin(),
                    Inputs.requiredText("recognition.satisfaction.provenance", satisfaction.provenance(),
                            Inputs.TEXT_MAX));
        }
        RecognitionRules.ValidityRule validity = rules.validity();
        if (validity != null) {
            if (validity.firstYears() < 1 || validity.firstYears() > 50 || validity.renewalYears() < 1
                    || validity.renewalYears() > 50) {
                throw invalid("recognition.validity", CommandText.of("criteria.validityRange"));
            }
            validity = new RecognitionRules.ValidityRule(validity.firstYears(), validity.renewalYears(),
                    Inputs.requiredText("recognition.validity.provenance", validity.provenance(), Inputs.TEXT_MAX));
        }
        Set<String> indicators = new HashSet<>();
        criteria.forEach(c -> c.indicators().forEach(i -> indicators.add(i.code())));
        List<RecognitionRules.LapseRule> lapses = new ArrayList<>();
        for (int i = 0; i < rules.lapses().size(); i++) {
            RecognitionRules.LapseRule lapse = rules.lapses().get(i);
            String path = "recognition.lapses[" + i + "]";
            if (lapse == null || lapse.effect() == null || !indicators.contains(lapse.indicatorCode())) {
                throw invalid(path, CommandText.of("criteria.lapseRule"));
            }
            lapses.add(new RecognitionRules.LapseRule(lapse.indicatorCode(), lapse.effect(),
                    Inputs.requiredText(path + ".provenance", lapse.provenance(), Inputs.TEXT_MAX)));
        }
        List<RecognitionRules.UnitCondition> conditions = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < rules.conditions().size(); i++) {
            RecognitionRules.UnitCondition condition = rules.conditions().get(i);
            String path = "recognition.conditions[" + i + "]";
            if (condition == null || condition.kind() == null) {
                throw invalid(path, CommandText.of("criteria.conditionRule"));
            }
            String code = Inputs.requiredLine(path + ".code", condition.code(), Inputs.CODE_MAX);
            if (!codes.add(code)) {
                throw invalid(path + ".code", CommandText.of("criteria.conditionTwice", code));
            }
            boolean counts = condition.kind() == RecognitionRules.ConditionKind.TITLES_HELD;
            BigDecimal min = condition.minPercent();
            if (counts != (min != null) || counts && (condition.unitKinds().isEmpty() || condition.grades().isEmpty())
                    || min != null && (min.signum() <= 0 || min.compareTo(BigDecimal.valueOf(100)) > 0)) {
                throw invalid(path, CommandText.of("criteria.conditionRule"));
            }
            conditions.add(new RecognitionRules.UnitCondition(code,
                    Inputs.requiredText(path + ".text", condition.text(), Inputs.TEXT_MAX), condition.kind(),
                    condition.unitKinds(), condition.grades(), min,
                    Inputs.requiredText(path + ".provenance", condition.provenance(), Inputs.TEXT_MAX)));
        }
        Set<String> criterionCodes = new HashSet<>();
        criteria.forEach(c -> criterionCodes.add(c.code()));
        List<RecognitionRules.SetReplacement> replaces = new ArrayList<>();
        Set<String> replaced = new HashSet<>();
        for (int i = 0; i < rules.replaces().size(); i++) {
            RecognitionRules.SetReplacement replacement = rules.replaces().get(i);
            String path = "recognition.replaces[" + i + "]";
            if (replacement == null) {
                throw invalid(path, CommandText.of("criteria.replacementRule"));
            }
            String older = Inputs.requiredCode(path + ".setId", replacement.setId());
            if (!replaced.add(older)) {
                throw invalid(path + ".setId", CommandText.of("criteria.replacementTwice", older));
            }
            List<RecognitionRules.CriterionMapping> mapping = new ArrayList<>();
            for (int j = 0; j < replacement.criteria().size(); j++) {
                RecognitionRules.CriterionMapping m = replacement.criteria().get(j);
                String mpath = path + ".criteria[" + j + "]";
                if (m == null || m.to().isEmpty() || !criterionCodes.containsAll(m.to())) {
                    throw invalid(mpath, CommandText.of("criteria.replacementRule"));
                }
                mapping.add(new RecognitionRules.CriterionMapping(
                        Inputs.requiredLine(mpath + ".from", m.from(), Inputs.CODE_MAX), m.to()));
            }
            replaces.add(new RecognitionRules.SetReplacement(older, mapping,
                    Inputs.requiredText(path + ".provenance", replacement.provenance(), Inputs.TEXT_MAX)));
        }
        return new RecognitionRules(satisfaction, validity, lapses, conditions, replaces);
    }

    static List<CriterionDefinition> checkCriteria(List<CriterionDefinition> criteria) {
        if (criteria == null || criteria.isEmpty()) {
            throw invalid("criteria", CommandText.of("criteria.noCriteria"));
        }
        if (criteria.size() > MAX_CRITERIA) {
            throw invalid("criteria", CommandText.of("criteria.tooManyCriteria", String.valueOf(MAX_CRITERIA)));
        }
        Set<String> criterionCodes = new HashSet<>();
        Set<String> indicatorCodes = new HashSet<>();
        List<CriterionDefinition> checked = new ArrayList<>();
        for (int c = 0; c < criteria.size(); c++) {
            String path = "criteria[" + c + "]";
            CriterionDefinition criterion = criteria.get(c);
            if (criterion == null) {
                throw invalid(path, CommandText.of("input.itemEmpty", path));
            }
            String code = Inputs.requiredCode(path + ".code", criterion.code());
            if (!criterionCodes.add(code)) {
                throw invalid(path + ".code", CommandText.of("criteria.criterionTwice", code));
            }
            List<IndicatorDefinition> indicators = criterion.indicators();
            if (indicators.isEmpty()) {
                throw invalid(path + ".indicators", CommandText.of("criteria.noIndicators", code));
            }
            if (indicators.size() > MAX_INDICATORS) {
                throw invalid(path + ".indicators",
                        CommandText.of("criteria.tooManyIndicators", String.valueOf(MAX_INDICATORS)));
            }
            List<IndicatorDefinition> checkedIndicators = new ArrayList<>();
            for (int i = 0; i < indicators.size(); i++) {
                String indicatorPath = path + ".indicators[" + i + "]";
                IndicatorDefinition indicator = indicators.get(i);
                if (indicator == null) {
                    throw invalid(indicatorPath, CommandText.of("input.itemEmpty", indicatorPath));
                }
                IndicatorDefinition checkedIndicator = checkIndicator(indicatorPath, indicator);
                if (!indicatorCodes.add(checkedIndicator.code())) {
                    throw invalid(indicatorPath + ".code",
                            CommandText.of("criteria.indicatorTwice", checkedIndicator.code()));
                }
                checkedIndicators.add(checkedIndicator);
            }
            checked.add(new CriterionDefinition(code,
                    Inputs.requiredLine(path + ".name", criterion.name(), Inputs.NAME_MAX),
                    Inputs.optionalLine(path + ".group", criterion.group(), Inputs.NAME_MAX),
                    Inputs.optionalText(path + ".provenance", criterion.provenance(), Inputs.TEXT_MAX),
                    checkedIndicators));
        }
        return List.copyOf(checked);
    }

    /** Checks one indicator on its own: its code, text, requirement and provenance. */
    static IndicatorDefinition checkIndicator(String path, IndicatorDefinition indicator) {
        if (indicator == null) {
            throw invalid(path, CommandText.of("input.itemEmpty", path));
        }
        return new IndicatorDefinition(Inputs.requiredCode(path + ".code", indicator.code()),
                Inputs.requiredText(path + ".text", indicator.text(), Inputs.TEXT_MAX),
                checkRequirement(path + ".requirement", indicator.requirement()),
                Inputs.optionalText(path + ".provenance", indicator.provenance(), Inputs.TEXT_MAX));
    }

    /** Checks a requirement on its own: kind, scale and threshold ranges. */
    public static Requirement checkRequirement(String path, Requirement requirement) {
        if (requirement == null || requirement.kind() == null) {
            throw invalid(path + ".kind", CommandText.of("criteria.requirementKind"));
        }
        RequirementKind kind = requirement.kind();
        List<String> levels = new ArrayList<>();
        for (int l = 0; l < requirement.levels().size(); l++) {
            levels.add(Inputs.requiredLine(path + ".levels[" + l + "]", requirement.levels().get(l), Inputs.NAME_MAX));
        }
        if (levels.size() > MAX_LEVELS || new HashSet<>(levels).size() != levels.size()) {
            throw invalid(path + ".levels", CommandText.of("criteria.levelsDistinct", String.valueOf(MAX_LEVELS)));
        }
        String requiredLevel = Inputs.optionalLine(path + ".requiredLevel", requirement.requiredLevel(), Inputs.NAME_MAX);
        Integer total = requirement.subIndicatorTotal();
        switch (kind) {
            case LEVEL_AT_LEAST -> {
                if (levels.isEmpty()) {
                    throw invalid(path + ".levels", CommandText.of("criteria.levelsListed"));
                }
                if (requiredLevel != null && !levels.contains(requiredLevel)) {
                    throw invalid(path + ".requiredLevel",
                            CommandText.of("criteria.requiredLevel", requiredLevel, levels.toString()));
                }
            }
            case N_OF_M -> {
                if (total == null || total < 1 || total > 1000) {
                    throw invalid(path + ".subIndicatorTotal", CommandText.of("criteria.nOfMTotal"));
                }
            }
            case ITEMS_AT_LEAST -> {
                if (requirement.items().isEmpty() || requirement.items().size() > MAX_ITEMS) {
                    throw invalid(path + ".items", CommandText.of("criteria.itemsListed", String.valueOf(MAX_ITEMS)));
                }
                if (!levels.isEmpty() || requiredLevel != null) {
                    throw invalid(path + ".levels", CommandText.of("criteria.levelsOnlyForLevel"));
                }
            }
            default -> {
                if (!levels.isEmpty() || requiredLevel != null) {
                    throw invalid(path + ".levels", CommandText.of("criteria.levelsOnlyForLevel"));
                }
            }
        }
        if (kind != RequirementKind.N_OF_M && total != null) {
            throw invalid(path + ".subIndicatorTotal", CommandText.of("criteria.totalOnlyForNOfM"));
        }
        if (kind != RequirementKind.ITEMS_AT_LEAST && !requirement.items().isEmpty()) {
            throw invalid(path + ".items", CommandText.of("criteria.itemsOnlyForItems"));
        }
        List<RequirementItem> items = new ArrayList<>();
        java.util.Set<String> itemCodes = new HashSet<>();
        for (int i = 0; i < requirement.items().size(); i++) {
            String itemPath = path + ".items[" + i + "]";
            RequirementItem item = requirement.items().get(i);
            if (item == null) {
                throw invalid(itemPath, CommandText.of("input.itemEmpty", itemPath));
            }
            String code = Inputs.requiredCode(itemPath + ".code", item.code());
            if (!itemCodes.add(code)) {
                throw invalid(itemPath + ".code", CommandText.of("criteria.itemTwice", code));
            }
            items.add(new RequirementItem(code, Inputs.requiredText(itemPath + ".name", item.name(), Inputs.TEXT_MAX),
                    item.namedInSource(),
                    Inputs.optionalText(itemPath + ".provenance", item.provenance(), Inputs.TEXT_MAX)));
        }
        // n of an itemised requirement is at most its number of items
        Integer m = kind == RequirementKind.ITEMS_AT_LEAST ? Integer.valueOf(items.size()) : total;
        checkThreshold(path + ".threshold", kind, requirement.threshold(), m);
        Map<String, BigDecimal> regional = new LinkedHashMap<>();
        requirement.regionalThresholds().forEach((region, threshold) -> {
            String key = Inputs.requiredCode(path + ".regionalThresholds", region);
            if (Region.byKey(key).isEmpty()) {
                throw invalid(path + ".regionalThresholds." + key, CommandText.of("criteria.notARegion", key));
            }
            checkThreshold(path + ".regionalThresholds." + key, kind, threshold, m);
            if (threshold == null) {
                throw invalid(path + ".regionalThresholds." + key, CommandText.of("criteria.regionalValue"));
            }
            regional.put(key, threshold);
        });
        return new Requirement(kind,
                Inputs.optionalText(path + ".text", requirement.text(), Inputs.TEXT_MAX),
                requirement.threshold(), regional, levels, requiredLevel,
                kind == RequirementKind.ITEMS_AT_LEAST ? null : total,
                Inputs.optionalLine(path + ".unit", requirement.unit(), Inputs.NAME_MAX),
                requirement.decidedByHuman(),
                Inputs.optionalText(path + ".note", requirement.note(), Inputs.TEXT_MAX), items);
    }

    private static void checkThreshold(String path, RequirementKind kind, BigDecimal threshold, Integer total) {
        if (threshold == null) {
            return;
        }
        switch (kind) {
            case PERCENT_AT_LEAST, PERCENT_AT_MOST, RATIO_AT_LEAST -> {
                if (threshold.signum() < 0 || threshold.compareTo(HUNDRED) > 0) {
                    throw invalid(path, CommandText.of("criteria.percentThreshold", threshold));
                }
            }
            case COUNT_AT_LEAST -> {
                if (threshold.signum() < 0 || threshold.stripTrailingZeros().scale() > 0) {
                    throw invalid(path, CommandText.of("criteria.countThreshold", threshold));
                }
            }
            case AMOUNT_AT_LEAST -> {
                if (threshold.signum() < 0 || threshold.compareTo(MAX_AMOUNT) > 0) {
                    throw invalid(path, CommandText.of("criteria.amountThreshold", MAX_AMOUNT));
                }
            }
            case N_OF_M, ITEMS_AT_LEAST -> {
                if (threshold.signum() < 0 || threshold.stripTrailingZeros().scale() > 0
                        || (total != null && threshold.compareTo(BigDecimal.valueOf(total)) > 0)) {
                    throw invalid(path, CommandText.of("criteria.nThreshold", String.valueOf(total)));
                }
            }
            case ACHIEVED, LEVEL_AT_LEAST ->
                    throw invalid(path, CommandText.of("criteria.noThreshold", kind.name()));
        }
    }

    static CommandRejectedException invalid(String field, Message message) {
        return new CommandRejectedException(RejectionCode.INVALID_DEFINITION, field, message);
    }
}
