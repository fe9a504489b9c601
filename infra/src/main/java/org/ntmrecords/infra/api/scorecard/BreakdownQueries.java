package org.ntmrecords.infra.api.scorecard;

import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ntmrecords.events.scorecard.Breakdown;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.query.scorecard.IndicatorEntryView.BreakdownCheck;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * A value's breakdown by sub-unit: the registered units its parts name (loaded in one batch), and its sum checked
 * against the unit's own figure in words (seed 004 line 141: 273 missing cards, split by village).
 */
@Controller
public class BreakdownQueries {
    private final UnitReadRepository units;

    public BreakdownQueries(UnitReadRepository units) {
        this.units = units;
    }

    @BatchMapping(typeName = "BreakdownPart", field = "unit")
    public Map<Breakdown, UnitView> unit(List<Breakdown> parts) {
        Map<String, UnitView> found = units.findAll(
                parts.stream().map(Breakdown::unitCode).filter(Objects::nonNull).distinct().toList());
        Map<Breakdown, UnitView> result = new LinkedHashMap<>();
        for (Breakdown part : parts) {
            UnitView unit = part.unitCode() == null ? null : found.get(part.unitCode());
            if (unit != null) {
                result.put(part, unit);
            }
        }
        return result;
    }

    @SchemaMapping(typeName = "BreakdownCheck", field = "explanation")
    public String explanation(BreakdownCheck check, DataFetchingEnvironment environment) {
        String measure = check.measure() == null ? "" : " " + check.measure();
        if (check.matches()) {
            return ApiText.say(environment.getLocale(), "breakdown.matches", check.partsTotal().toPlainString(),
                    check.statedTotal().toPlainString(), measure);
        }
        return ApiText.say(environment.getLocale(),
                check.difference().signum() > 0 ? "breakdown.above" : "breakdown.below",
                check.partsTotal().toPlainString(), check.statedTotal().toPlainString(), measure,
                check.difference().abs().toPlainString());
    }
}
