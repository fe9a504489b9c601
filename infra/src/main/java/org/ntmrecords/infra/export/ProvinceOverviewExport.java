package org.ntmrecords.infra.export;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.overview.OverviewReader;
import org.ntmrecords.query.overview.OverviewRefusedException;
import org.ntmrecords.query.overview.OverviewViews.ProvinceOverview;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /exports/province-overview.xlsx?provinceCode=87&setId=…}: what {@code provinceOverview} answers, as a
 * workbook ({@link ProvinceOverviewWorkbook}: the province's counts, each district's units counted by result, and by
 * criteria met). Read by the same {@link OverviewReader} call as the query, on the same day, so the file and the API
 * cannot count differently; open to every signed-in account, as the query is (dashboards included: counts, no values).
 * Refused as the query refuses (a district or commune code: {@code UNIT_LEVEL_MISMATCH}; a ceased province:
 * {@code UNIT_CEASED}, both 400 with the query's message), where the query answers null with 404
 * {@code UNKNOWN_UNIT} or {@code UNKNOWN_CRITERIA_SET}, and a missing argument with 400 {@code INVALID_INPUT}.
 */
@RestController
public class ProvinceOverviewExport {
    private final OverviewReader reader;
    private final UnitReadRepository units;
    private final Clock clock;

    public ProvinceOverviewExport(OverviewReader reader, UnitReadRepository units, Clock clock) {
        this.reader = reader;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/exports/province-overview.xlsx")
    public ResponseEntity<?> provinceOverview(@RequestParam(required = false) String provinceCode,
                                              @RequestParam(required = false) String setId,
                                              @RequestHeader HttpHeaders headers) throws IOException {
        Locale language = ApiText.language(headers);
        Optional<? extends ResponseEntity<?>> missing = ExportAnswers.missing("provinceCode", provinceCode, language)
                .or(() -> ExportAnswers.missing("setId", setId, language));
        if (missing.isPresent()) {
            return missing.get();
        }
        // the figures reflect the record as read from here on; the date is the one provinceOverview counts on
        Instant readAt = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Optional<ProvinceOverview> found;
        String province;
        String set;
        try {
            province = Args.text("provinceCode", provinceCode);
            set = Args.text("setId", setId);
            found = reader.provinceOverview(province, set, today);
        } catch (OverviewRefusedException refused) {
            return ExportAnswers.refusal(HttpStatus.BAD_REQUEST, refused.code().name(), refused.field(), refused.text(),
                    language);
        } catch (InvalidArgumentException invalid) {
            return ExportAnswers.refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "", invalid.text(), language);
        }
        if (found.isEmpty()) {
            // provinceOverview's null: say which of the two is unknown
            return units.find(province).isEmpty()
                    ? ExportAnswers.refusal(HttpStatus.NOT_FOUND, "UNKNOWN_UNIT", "provinceCode",
                            ApiText.of("export.unknownUnit", province), language)
                    : ExportAnswers.refusal(HttpStatus.NOT_FOUND, "UNKNOWN_CRITERIA_SET", "setId",
                            ApiText.of("export.unknownSet", set), language);
        }
        ProvinceOverview overview = found.get();
        byte[] workbook = ProvinceOverviewWorkbook.write(overview, readAt);
        String filename = "tong-quan-tinh-" + overview.province().code() + "-" + overview.criteriaSet().id() + ".xlsx";
        return ExportAnswers.workbook(workbook, filename);
    }
}
