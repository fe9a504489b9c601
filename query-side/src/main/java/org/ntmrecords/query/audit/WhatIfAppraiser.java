package org.ntmrecords.query.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.common.QueryText;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.stereotype.Component;

/**
 * Judges records against another set or set version with the values known as of a date and instant, next to
 * their official computed judgment (the version in force then). Indicator codes are matched as they are between
 * versions of one set and between a province variant and its base set; between unrelated sets (another phase)
 * only through an explicit mapping, since a code means something else in another set.
 */
@Component
public class WhatIfAppraiser {
    /** The most records one what-if judges (a district has a few dozen communes). */
    public static final int MAX_UNITS = 500;

    private final AppraisalReader reader;
    private final UnitReadRepository units;
    private final Clock clock;

    public WhatIfAppraiser(AppraisalReader reader, UnitReadRepository units, Clock clock) {
        this.reader = reader;
        this.units = units;
        this.clock = clock;
    }

    public WhatIf evaluate(WhatIf.Request request) {
        String setId = required("setId", request.setId());
        String unitCode = Args.text("unitCode", request.unitCode());
        String districtCode = Args.text("districtCode", request.districtCode());
        if ((unitCode == null) == (districtCode == null)) {
            throw new InvalidArgumentException(QueryText.of("whatIf.unitOrDistrict"));
        }
        AsOf asOf = AsOf.of(request.date(), request.recordedAt(), clock);
        CriteriaSetVersionView official = reader.inForce(setId, asOf).orElseThrow(() -> new InvalidArgumentException(
                QueryText.of("whatIf.noVersionInForce", setId, asOf.date())));
        String againstId = request.againstSetId() == null ? setId : Args.text("againstSetId", request.againstSetId());
        CriteriaSetVersionView against = reader.version(againstId, request.againstVersion())
                .orElseThrow(() -> new InvalidArgumentException(request.againstVersion() == null
                        ? QueryText.of("whatIf.notPublished", againstId)
                        : QueryText.of("whatIf.versionNotPublished", againstId,
                                String.valueOf(request.againstVersion()))));
        if (against.level() != official.level()) {
            throw new InvalidArgumentException(QueryText.of("whatIf.levelMismatch", againstId,
                    QueryText.term(against.level()), setId, QueryText.term(official.level())));
        }
        boolean related = related(official, against);
        Map<String, String> codeMap = codeMap(request.indicatorMap(), official, against, related);

        List<String> unitCodes;
        if (unitCode != null) {
            unitCodes = List.of(unitCode);
        } else {
            unitCodes = units.childrenOf(List.of(districtCode)).getOrDefault(districtCode, List.of()).stream()
                    .filter(u -> official.level().rates(u.kind())).map(UnitView::code).toList();
            if (unitCodes.size() > MAX_UNITS) {
                throw new InvalidArgumentException(QueryText.of("whatIf.tooManyUnits", districtCode,
                        String.valueOf(unitCodes.size()), String.valueOf(MAX_UNITS)));
            }
        }
        List<String> ids = unitCodes.stream().map(code -> ScorecardId.of(code, setId)).toList();
        Map<String, Appraisal> officialByUnit = reader.appraise(ids, official, asOf, null).stream()
                .collect(Collectors.toMap(Appraisal::unitCode, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<Appraisal> whatIfs = reader.appraise(ids, against, asOf, codeMap);
        List<WhatIf.Unit> result = new ArrayList<>();
        for (Appraisal whatIf : whatIfs) {
            Appraisal base = officialByUnit.get(whatIf.unitCode());
            result.add(new WhatIf.Unit(whatIf.unitCode(), base, whatIf,
                    AppraisalDifferences.criteria(base, whatIf, codeMap, related)));
        }
        Set<String> recordCodes = codes(official);
        List<String> unmatched = new ArrayList<>();
        for (CriterionDefinition c : against.criteria()) {
            for (IndicatorDefinition i : c.indicators()) {
                String read = codeMap == null ? i.code() : codeMap.get(i.code());
                if (read == null || !recordCodes.contains(read)) {
                    unmatched.add(i.code());
                }
            }
        }
        return new WhatIf(official, against, asOf.date(), asOf.recordedAt(), unmatched, result);
    }

    /** Versions of one set, or a province variant and its base (or two variants of one base). */
    static boolean related(CriteriaSetVersionView a, CriteriaSetVersionView b) {
        return a.id().equals(b.id()) || a.id().equals(b.baseSetId()) || b.id().equals(a.baseSetId())
                || (a.baseSetId() != null && a.baseSetId().equals(b.baseSetId()));
    }

    private static Map<String, String> codeMap(List<WhatIf.Mapping> mappings, CriteriaSetVersionView official,
                                               CriteriaSetVersionView against, boolean related) {
        if (mappings == null || mappings.isEmpty()) {
            if (!related) {
                throw new InvalidArgumentException(QueryText.of("whatIf.mapNeeded", against.id(), official.id()));
            }
            return null;
        }
        Set<String> theirs = codes(against);
        Set<String> ours = codes(official);
        Map<String, String> map = new LinkedHashMap<>();
        for (WhatIf.Mapping m : mappings) {
            String code = required("indicatorMap.indicatorCode", m.indicatorCode());
            String recordCode = required("indicatorMap.recordIndicatorCode", m.recordIndicatorCode());
            if (!theirs.contains(code)) {
                throw new InvalidArgumentException(QueryText.of("whatIf.indicatorNotIn", code, against.id(),
                        String.valueOf(against.version())));
            }
            if (!ours.contains(recordCode)) {
                throw new InvalidArgumentException(QueryText.of("whatIf.indicatorNotIn", recordCode, official.id(),
                        String.valueOf(official.version())));
            }
            if (map.put(code, recordCode) != null) {
                throw new InvalidArgumentException(QueryText.of("whatIf.mappedTwice", code));
            }
        }
        if (related) {
            // between versions or variants of one set, what the mapping leaves out reads the same code
            theirs.stream().filter(ours::contains).forEach(code -> map.putIfAbsent(code, code));
        }
        return map;
    }

    private static Set<String> codes(CriteriaSetVersionView set) {
        Set<String> codes = new HashSet<>();
        for (CriterionDefinition c : set.criteria()) {
            for (IndicatorDefinition i : c.indicators()) {
                codes.add(i.code());
            }
        }
        return codes;
    }

    private static String required(String field, String value) {
        String text = Args.text(field, value);
        if (text == null || text.isEmpty()) {
            throw new InvalidArgumentException(QueryText.of("args.required", field));
        }
        return Objects.requireNonNull(text);
    }
}
