package org.ntmrecords.infra.export;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 */
@RestController
public class ValueTemplateExport {
    private final StandingReadRepository standings;
    private final UnitReadRepository units;
    private final CriteriaSetReadRepository sets;
    private final AccessProbe access;
    private final Clock clock;

    public ValueTemplateExport(StandingReadRepository standings, UnitReadRepository units,
                               CriteriaSetReadRepository sets, AccessProbe access, Clock clock) {
        this.standings = standings;
        this.units = units;
        this.sets = sets;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/templates/values.xlsx")
    public ResponseEntity<?> values(@RequestParam(required = false) String unitCode,
                                    @RequestParam(required = false) String setId,
                                    @RequestHeader HttpHeaders headers, Principal principal) throws IOException {
        Locale language = ApiText.language(headers);
        Optional<? extends ResponseEntity<?>> missing = ExportAnswers.missing("unitCode", unitCode, language)
                .or(() -> ExportAnswers.missing("setId", setId, language));
        if (missing.isPresent()) {
            return missing.get();
        }
        String unit;
        String set;
        try {
            unit = Args.text("unitCode", unitCode);
            set = Args.text("setId", setId);
        } catch (InvalidArgumentException invalid) {
            return ExportAnswers.refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "", invalid.text(), language);
        }
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
        StandingView s = standing.get();
        List<CriterionStandingView> criteria = standings.criteria(List.of(s.scorecardId()))
                .getOrDefault(s.scorecardId(), List.of()).stream()
                .sorted(Comparator.comparingInt(CriterionStandingView::position)).toList();
        Map<CriterionStandingView.Key, List<IndicatorStandingView>> byCriterion =
                standings.indicators(criteria.stream().map(CriterionStandingView::key).toList());
        AccessProbe.Batch probe = access.batch(principal);
        List<IndicatorStandingView> recordable = new ArrayList<>();
        for (CriterionStandingView criterion : criteria) {
            byCriterion.getOrDefault(criterion.key(), List.of()).stream()
                    .sorted(Comparator.comparingInt(IndicatorStandingView::position))
                    .filter(i -> IndicatorPermissionQueries.mayRecord(probe, i.scorecardId(), i.code()))
                    .forEach(recordable::add);
        }
        if (recordable.isEmpty()) {
            return ExportAnswers.refusal(HttpStatus.FORBIDDEN, "NOT_ALLOWED", "unitCode",
                    ApiText.of("template.notAllowed", unit, set), language);
        }
        Map<IndicatorEntryView.Key, IndicatorEntryView> latest = standings.entries(recordable.stream()
                .filter(i -> i.latestEntryId() != null)
                .map(i -> new IndicatorEntryView.Key(i.scorecardId(), i.latestEntryId())).toList());
        CriteriaSetVersionView version = sets.find(set, s.setVersion()).orElse(null);
        // one token per download: the rows' value ids are new, and the same filled file imported twice records once
        String token = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        byte[] workbook = ValueTemplateWorkbook.write(new ValueTemplateWorkbook.Template(unitView.get(), s, version,
                recordable, latest, readAt, token));
        String filename = "mau-nhap-lieu-" + unit + "-" + set + ".xlsx";
        return ExportAnswers.workbook(workbook, filename);
    }
}
