package org.ntmrecords.infra.export;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.criteria.CriteriaSetReadRepository;
import org.ntmrecords.query.overview.OverviewReader;
import org.ntmrecords.query.overview.OverviewRefusedException;
import org.ntmrecords.query.overview.OverviewViews.DistrictOverview;
import org.ntmrecords.query.overview.OverviewViews.UnitStanding;
import org.ntmrecords.query.scorecard.StandingReadRepository;
import org.ntmrecords.query.scorecard.StandingView;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /exports/district-overview.xlsx?districtCode=872&setId=…}: what {@code districtOverview} answers, as a
 * workbook (the counts, the units, the criteria × units matrix). Read by the same {@link OverviewReader} call as the
 * query, so the file and the API cannot count differently; open to every signed-in account, as the query is
 * (dashboards included: counts and results, no values). Refused as the query refuses (a province or commune code:
 * {@code UNIT_LEVEL_MISMATCH}; a ceased district: {@code UNIT_CEASED}, both 400 with the query's message), where the
 * query answers null with 404 {@code UNKNOWN_UNIT} or {@code UNKNOWN_CRITERIA_SET}, and a missing argument with 400
 * {@code INVALID_INPUT}; each as a JSON body {@code code}, {@code field}, {@code message} in the request's language.
 */
@RestController
public class DistrictOverviewExport {

    private final OverviewReader reader;
    private final StandingReadRepository standings;
    private final UnitReadRepository units;
    private final CriteriaSetReadRepository sets;
    private final Clock clock;

    public DistrictOverviewExport(OverviewReader reader, StandingReadRepository standings, UnitReadRepository units,
                                  CriteriaSetReadRepository sets, Clock clock) {
        this.reader = reader;
        this.standings = standings;
        this.units = units;
        this.sets = sets;
        this.clock = clock;
    }

    @GetMapping("/exports/district-overview.xlsx")
    public ResponseEntity<?> districtOverview(@RequestParam(required = false) String districtCode,
                                              @RequestParam(required = false) String setId,
                                              @RequestHeader HttpHeaders headers) throws IOException {
        Locale language = ApiText.language(headers);
        Optional<? extends ResponseEntity<?>> missing = ExportAnswers.missing("districtCode", districtCode, language)
                .or(() -> ExportAnswers.missing("setId", setId, language));
        if (missing.isPresent()) {
            return missing.get();
        }
        // the figures reflect the record as read from here on; the date is the one districtOverview counts on
        Instant readAt = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Optional<DistrictOverview> found;
        String district;
        String set;
        try {
            district = Args.text("districtCode", districtCode);
            set = Args.text("setId", setId);
            found = reader.districtOverview(district, set, today);
        } catch (OverviewRefusedException refused) {
            return ExportAnswers.refusal(HttpStatus.BAD_REQUEST, refused.code().name(), refused.field(), refused.text(),
                    language);
        } catch (InvalidArgumentException invalid) {
            return ExportAnswers.refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "", invalid.text(), language);
        }
        if (found.isEmpty()) {
            // districtOverview's null: say which of the two is unknown
            return units.find(district).isEmpty()
                    ? ExportAnswers.refusal(HttpStatus.NOT_FOUND, "UNKNOWN_UNIT", "districtCode",
                            ApiText.of("export.unknownUnit", district), language)
                    : ExportAnswers.refusal(HttpStatus.NOT_FOUND, "UNKNOWN_CRITERIA_SET", "setId",
                            ApiText.of("export.unknownSet", set), language);
        }
        DistrictOverview overview = found.get();
        List<String> scorecards = overview.units().stream().map(UnitStanding::standing).filter(Objects::nonNull)
                .map(StandingView::scorecardId).toList();
        byte[] workbook = DistrictOverviewWorkbook.write(overview, standings.criteria(scorecards), readAt, today);
        String filename = "tong-quan-" + overview.district().code() + "-" + overview.criteriaSet().id() + ".xlsx";
        return ExportAnswers.workbook(workbook, filename);
    }
}
