package org.ntmrecords.infra.export;

import org.ntmrecords.command.scorecard.ValueRules;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.api.scorecard.IndicatorPermissionQueries;
import org.ntmrecords.infra.security.AccessProbe;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.criteria.CriteriaSetReadRepository;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.overview.OverviewReader;
import org.ntmrecords.query.overview.OverviewRefusedException;
import org.ntmrecords.query.overview.OverviewViews.DistrictOverview;
import org.ntmrecords.query.overview.OverviewViews.UnitStanding;
import org.ntmrecords.query.scorecard.CriterionStandingView;
import org.ntmrecords.query.scorecard.IndicatorEntryView;
import org.ntmrecords.query.scorecard.IndicatorStandingView;
import org.ntmrecords.query.scorecard.StandingReadRepository;
import org.ntmrecords.query.scorecard.StandingView;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /templates/values.xlsx?unitCode=30049&setId=…}: a workbook a commune fills and sends back to
 * {@code import-values} ({@link ValueTemplateWorkbook}): one row per indicator of the unit's standing the account may
 * record, pre-filled with the codes, the value kind and a value id, beside the requirement and the value on record.
 * Only for an account that may record on the unit, as {@code mayRecord} decides it (the same {@link AccessProbe}
 * questions the command side would answer): an account that may record none of the indicators is refused with 403
 * {@code NOT_ALLOWED}; an unknown unit or set with 404 {@code UNKNOWN_UNIT} / {@code UNKNOWN_CRITERIA_SET}, a unit not
 * tracked against the set with 400 {@code NOT_TRACKED}, a missing argument with 400 {@code INVALID_INPUT}; each as a
 * JSON body {@code code}, {@code field}, {@code message} in the request's language.
 * <p>
 * {@code GET /templates/values.xlsx?districtCode=872&setId=…} (instead of {@code unitCode}): the same workbook for a
 * district office, one row per indicator it may record of every commune of the district tracked against the set, the
 * communes one after another in code order, in the same sheet with the same columns and drop-downs; the same import
 * reads it back.
 */
@RestController
public class ValueTemplateExport {
    private final StandingReadRepository standings;
    private final OverviewReader reader;
    private final UnitReadRepository units;
    private final CriteriaSetReadRepository sets;
    private final AccessProbe access;
    private final Clock clock;

    public ValueTemplateExport(StandingReadRepository standings, OverviewReader reader, UnitReadRepository units,
                               CriteriaSetReadRepository sets, AccessProbe access, Clock clock) {
        this.standings = standings;
        this.reader = reader;
        this.units = units;
        this.sets = sets;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/templates/values.xlsx")
    public ResponseEntity<?> values(@RequestParam(required = false) String unitCode,
                                    @RequestParam(required = false) String districtCode,
                                    @RequestParam(required = false) String setId,
                                    @RequestHeader HttpHeaders headers, Principal principal) throws IOException {
        Locale language = ApiText.language(headers);
        boolean forUnit = unitCode != null && !unitCode.isBlank();
        boolean forDistrict = districtCode != null && !districtCode.isBlank();
        if (forUnit == forDistrict) {
            return ExportAnswers.refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "unitCode",
                    ApiText.of("export.unitOrDistrict"), language);
        }
        Optional<? extends ResponseEntity<?>> missing = ExportAnswers.missing("setId", setId, language);
        if (missing.isPresent()) {
            return missing.get();
        }
        String code;
        String set;
        try {
            code = Args.text(forUnit ? "unitCode" : "districtCode", forUnit ? unitCode : districtCode);
            set = Args.text("setId", setId);
        } catch (InvalidArgumentException invalid) {
            return ExportAnswers.refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "", invalid.text(), language);
        }
        return forUnit ? unit(code, set, language, principal) : district(code, set, language, principal);
    }

    private ResponseEntity<?> unit(String unit, String set, Locale language, Principal principal) throws IOException {
        // the current values are the record as read from here on
        Instant readAt = clock.instant();
        Optional<UnitView> unitView = units.find(unit);
        if (unitView.isEmpty()) {
            return ExportAnswers.refusal(HttpStatus.NOT_FOUND, "UNKNOWN_UNIT", "unitCode",
                    ApiText.of("export.unknownUnit", unit), language);
        }
        if (sets.versions(set).isEmpty()) {
            return ExportAnswers.refusal(HttpStatus.NOT_FOUND, "UNKNOWN_CRITERIA_SET", "setId",
                    ApiText.of("export.unknownSet", set), language);
        }
        Optional<StandingView> standing = standings.find(ScorecardId.of(unit, set));
        if (standing.isEmpty()) {
            return ExportAnswers.refusal(HttpStatus.BAD_REQUEST, "NOT_TRACKED", "setId",
                    ApiText.of("scorecard.notTracked", unit, set), language);
        }
        List<ValueTemplateWorkbook.UnitRows> rows = recordable(Map.of(unit, unitView.get()), List.of(standing.get()),
                principal);
        if (rows.isEmpty()) {
            return ExportAnswers.refusal(HttpStatus.FORBIDDEN, "NOT_ALLOWED", "unitCode",
                    ApiText.of("template.notAllowed", unit, set), language);
        }
        byte[] workbook = write(unitView.get(), set, rows, readAt);
        return ExportAnswers.workbook(workbook, "mau-nhap-lieu-" + unit + "-" + set + ".xlsx");
    }

    /**
     * A district's template: the units of the district the set rates, as {@code districtOverview} lists them (the
     * same {@link OverviewReader} call, so the same units), those tracked against the set, each with the indicators
     * the account may record. Refused as {@code districtOverview} refuses, and 403 when the account may record none
     * of any unit's indicators.
     */
    private ResponseEntity<?> district(String district, String set, Locale language, Principal principal)
            throws IOException {
        Instant readAt = clock.instant();
        Optional<DistrictOverview> found;
        try {
            found = reader.districtOverview(district, set, LocalDate.ofInstant(readAt, clock.getZone()));
        } catch (OverviewRefusedException refused) {
            return ExportAnswers.refusal(HttpStatus.BAD_REQUEST, refused.code().name(), refused.field(), refused.text(),
                    language);
        }
        if (found.isEmpty()) {
            return units.find(district).isEmpty()
                    ? ExportAnswers.refusal(HttpStatus.NOT_FOUND, "UNKNOWN_UNIT", "districtCode",
                            ApiText.of("export.unknownUnit", district), language)
                    : ExportAnswers.refusal(HttpStatus.NOT_FOUND, "UNKNOWN_CRITERIA_SET", "setId",
                            ApiText.of("export.unknownSet", set), language);
        }
        Map<String, UnitView> byCode = new LinkedHashMap<>();
        List<StandingView> tracked = new ArrayList<>();
        for (UnitStanding u : found.get().units()) {
            if (u.standing() != null) {
                byCode.put(u.unit().code(), u.unit());
                tracked.add(u.standing());
            }
        }
        if (tracked.isEmpty()) {
            return ExportAnswers.refusal(HttpStatus.BAD_REQUEST, "NOT_TRACKED", "setId",
                    ApiText.of("export.noneTracked", district, set), language);
        }
        List<ValueTemplateWorkbook.UnitRows> rows = recordable(byCode, tracked, principal);
        if (rows.isEmpty()) {
            return ExportAnswers.refusal(HttpStatus.FORBIDDEN, "NOT_ALLOWED", "districtCode",
                    ApiText.of("export.districtTemplateNotAllowed", district, set), language);
        }
        byte[] workbook = write(found.get().district(), set, rows, readAt);
        return ExportAnswers.workbook(workbook, "mau-nhap-lieu-huyen-" + district + "-" + set + ".xlsx");
    }

    /**
     * Each standing's unit with the indicators the account may record, as {@code mayRecord} answers (the same
     * {@link AccessProbe} questions the command side would answer), in the set's order; units with none are left out.
     * The criteria and indicators of every standing are read in one batch each.
     */
    private List<ValueTemplateWorkbook.UnitRows> recordable(Map<String, UnitView> units, List<StandingView> tracked,
                                                            Principal principal) {
        Map<String, List<CriterionStandingView>> criteria =
                standings.criteria(tracked.stream().map(StandingView::scorecardId).toList());
        Map<CriterionStandingView.Key, List<IndicatorStandingView>> byCriterion = standings.indicators(
                criteria.values().stream().flatMap(List::stream).map(CriterionStandingView::key).toList());
        Map<CriteriaSetVersionView.Key, CriteriaSetVersionView> versions = sets.findAll(tracked.stream()
                .map(s -> new CriteriaSetVersionView.Key(s.setId(), s.setVersion())).distinct().toList());
        AccessProbe.Batch probe = access.batch(principal);
        List<ValueTemplateWorkbook.UnitRows> rows = new ArrayList<>();
        for (StandingView s : tracked) {
            List<IndicatorStandingView> recordable = new ArrayList<>();
            criteria.getOrDefault(s.scorecardId(), List.of()).stream()
                    .sorted(Comparator.comparingInt(CriterionStandingView::position))
                    .forEach(criterion -> byCriterion.getOrDefault(criterion.key(), List.of()).stream()
                            .sorted(Comparator.comparingInt(IndicatorStandingView::position))
                            .filter(i -> IndicatorPermissionQueries.mayRecord(probe, i.scorecardId(), i.code()))
                            // an itemised indicator takes no value, only an item-by-item assessment: no row
                            .filter(i -> !ValueRules.acceptedKinds(i.requirement().kind()).isEmpty())
                            .forEach(recordable::add));
            if (!recordable.isEmpty()) {
                rows.add(new ValueTemplateWorkbook.UnitRows(units.get(s.unitCode()), s,
                        versions.get(new CriteriaSetVersionView.Key(s.setId(), s.setVersion())), recordable));
            }
        }
        return rows;
    }

    private byte[] write(UnitView scope, String set, List<ValueTemplateWorkbook.UnitRows> rows, Instant readAt)
            throws IOException {
        Map<IndicatorEntryView.Key, IndicatorEntryView> latest = standings.entries(rows.stream()
                .flatMap(u -> u.indicators().stream())
                .filter(i -> i.latestEntryId() != null)
                .map(i -> new IndicatorEntryView.Key(i.scorecardId(), i.latestEntryId())).toList());
        // one token per download: the rows' value ids are new, and the same filled file imported twice records once
        String token = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        return ValueTemplateWorkbook.write(new ValueTemplateWorkbook.Template(scope, set, rows, latest, readAt,
                LocalDate.ofInstant(readAt, clock.getZone()), token));
    }
}
