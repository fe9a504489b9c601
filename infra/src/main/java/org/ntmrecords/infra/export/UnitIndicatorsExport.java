package org.ntmrecords.infra.export;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.export.UnitIndicatorsWorkbook.CriterionRow;
import org.ntmrecords.infra.export.UnitIndicatorsWorkbook.IndicatorRow;
import org.ntmrecords.query.audit.Appraisal;
import org.ntmrecords.query.audit.AppraisalReader;
import org.ntmrecords.query.audit.AsOf;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.common.Keyset;
import org.ntmrecords.query.criteria.CriteriaSetReadRepository;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;
import org.ntmrecords.query.evidence.EvidenceReadRepository;
import org.ntmrecords.query.evidence.EvidenceReadRepository.EvidenceView;
import org.ntmrecords.query.scorecard.CriterionStandingView;
import org.ntmrecords.query.scorecard.IndicatorDecisionView;
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
 * {@code GET /exports/unit-indicators.xlsx?unitCode=30049&setId=…[&date=2024-06-30][&recordedAt=…]}: a unit's
 * indicator table under a set as the unit page shows it ({@link UnitIndicatorsWorkbook}). Without {@code date} and
 * {@code recordedAt} it is the live {@code standing} with each indicator's {@code latestValue} and {@code decision},
 * read from the same repository calls as those fields; with either it is {@code standingAsOf} for those arguments (the
 * same {@link AppraisalReader} call), each indicator with the value and decision its judgment used. The evidence
 * documents are {@code evidenceDocuments} of the unit under the set (as of an instant: those attached by then).
 * <p>
 * Access is the queries': every signed-in account reads the standing; the values, decisions and evidence only an
 * account the read policy lets read {@code IndicatorStanding.latestValue} (dashboards get the judgments alone);
 * {@code standingAsOf} is not for dashboards (403 {@code NOT_ALLOWED}). An unknown unit or set: 404
 * {@code UNKNOWN_UNIT} / {@code UNKNOWN_CRITERIA_SET}; a unit not tracked against the set (then): 400
 * {@code NOT_TRACKED}; no version in force, a future instant, an unreadable date or a missing argument: 400
 * {@code INVALID_INPUT}.
 */
@RestController
public class UnitIndicatorsExport {
    /** Documents read per statement: a dossier is read a page at a time, never at once. */
    private static final int DOCUMENTS_PAGE = 200;

    private final StandingReadRepository standings;
    private final AppraisalReader appraisals;
    private final EvidenceReadRepository evidence;
    private final UnitReadRepository units;
    private final CriteriaSetReadRepository sets;
    private final ExportAccess access;
    private final Clock clock;

    public UnitIndicatorsExport(StandingReadRepository standings, AppraisalReader appraisals,
                                EvidenceReadRepository evidence, UnitReadRepository units,
                                CriteriaSetReadRepository sets, ExportAccess access, Clock clock) {
        this.standings = standings;
        this.appraisals = appraisals;
        this.evidence = evidence;
        this.units = units;
        this.sets = sets;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/exports/unit-indicators.xlsx")
    public ResponseEntity<?> unitIndicators(@RequestParam(required = false) String unitCode,
                                            @RequestParam(required = false) String setId,
                                            @RequestParam(required = false) String date,
                                            @RequestParam(required = false) String recordedAt,
                                            @RequestHeader HttpHeaders headers, Principal principal)
            throws IOException {
        Locale language = ApiText.language(headers);
        Optional<? extends ResponseEntity<?>> missing = ExportAnswers.missing("unitCode", unitCode, language)
                .or(() -> ExportAnswers.missing("setId", setId, language));
        if (missing.isPresent()) {
            return missing.get();
        }
        String unit;
        String set;
        LocalDate day;
        Instant at;
        try {
            unit = Args.text("unitCode", unitCode);
            set = Args.text("setId", setId);
            day = ExportAnswers.date("date", date, clock, language);
            at = ExportAnswers.instant("recordedAt", recordedAt, clock, language);
        } catch (ExportAnswers.Unreadable unreadable) {
            return unreadable.answer();
        } catch (InvalidArgumentException invalid) {
            return ExportAnswers.refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "", invalid.text(), language);
        }
        boolean asOf = day != null || at != null;
        AsOf times = null;
        if (asOf) {
            Optional<ResponseEntity<Map<String, Object>>> refused =
                    access.refusedUnless(principal, "Query", "standingAsOf", "recordedAt", language);
            if (refused.isPresent()) {
                return refused.get();
            }
            try {
                times = AsOf.of(day, at, clock);
            } catch (InvalidArgumentException future) {
                return ExportAnswers.refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "recordedAt", future.text(),
                        language);
            }
        }
        // the table is the record as read from here on
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
        boolean withValues = access.reads(principal, "IndicatorStanding", "latestValue")
                && access.reads(principal, "Query", "evidenceDocuments");
        UnitIndicatorsWorkbook.Table table;
        try {
            table = asOf ? asOf(unitView.get(), set, times, readAt, withValues)
                    : live(unitView.get(), set, readAt, withValues);
        } catch (InvalidArgumentException noVersion) {
            // no version of the set was in force on the date, as the record knew it then
            return ExportAnswers.refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", asOf ? "date" : "",
                    noVersion.text(), language);
        }
        if (table == null) {
            return ExportAnswers.refusal(HttpStatus.BAD_REQUEST, "NOT_TRACKED", "setId",
                    ApiText.of("scorecard.notTracked", unit, set), language);
        }
        String filename = "chi-tieu-" + unit + "-" + set + (asOf ? "-" + table.date() : "") + ".xlsx";
        return ExportAnswers.workbook(UnitIndicatorsWorkbook.write(table), filename);
    }

    /** What {@code standing} answers with its criteria, indicators, latest values and decisions; null if untracked. */
    private UnitIndicatorsWorkbook.Table live(UnitView unit, String set, Instant readAt, boolean withValues) {
        Optional<StandingView> found = standings.find(ScorecardId.of(unit.code(), set));
        if (found.isEmpty()) {
            return null;
        }
        StandingView s = found.get();
        List<CriterionStandingView> criteria = standings.criteria(List.of(s.scorecardId()))
                .getOrDefault(s.scorecardId(), List.of()).stream()
                .sorted(Comparator.comparingInt(CriterionStandingView::position)).toList();
        Map<CriterionStandingView.Key, List<IndicatorStandingView>> byCriterion =
                standings.indicators(criteria.stream().map(CriterionStandingView::key).toList());
        List<IndicatorStandingView> all = criteria.stream()
                .flatMap(c -> byCriterion.getOrDefault(c.key(), List.of()).stream()).toList();
        Map<IndicatorEntryView.Key, IndicatorEntryView> latest = withValues ? standings.entries(all.stream()
                .filter(i -> i.latestEntryId() != null)
                .map(i -> new IndicatorEntryView.Key(i.scorecardId(), i.latestEntryId())).toList()) : Map.of();
        Map<IndicatorEntryView.Key, IndicatorDecisionView> decisions = withValues ? standings.decisions(all.stream()
                .filter(i -> i.decisionId() != null)
                .map(i -> new IndicatorEntryView.Key(i.scorecardId(), i.decisionId())).toList()) : Map.of();
        List<CriterionRow> rows = new ArrayList<>();
        for (CriterionStandingView c : criteria) {
            List<IndicatorRow> indicators = byCriterion.getOrDefault(c.key(), List.of()).stream()
                    .sorted(Comparator.comparingInt(IndicatorStandingView::position))
                    .map(i -> new IndicatorRow(i.code(), i.text(), i.requirement(), i.threshold(), i.requiredLevel(),
                            i.result(), i.basis(),
                            i.latestEntryId() == null ? null
                                    : latest.get(new IndicatorEntryView.Key(i.scorecardId(), i.latestEntryId())),
                            i.decisionId() == null ? null
                                    : decisions.get(new IndicatorEntryView.Key(i.scorecardId(), i.decisionId()))))
                    .toList();
            rows.add(new CriterionRow(c.code(), c.name(), c.result(), c.indicatorsMet(), c.indicatorsTotal(),
                    indicators));
        }
        CriteriaSetVersionView version = sets.find(set, s.setVersion()).orElse(null);
        return new UnitIndicatorsWorkbook.Table(unit, version == null ? null : version.title(), set, s.setVersion(),
                s.result(), s.criteriaMet(), s.criteriaTotal(), rows, readAt, LocalDate.ofInstant(readAt,
                clock.getZone()), null, withValues ? documents(unit.code(), set, null) : null);
    }

    /** What {@code standingAsOf} answers for the same arguments; null when the unit was not tracked then. */
    private UnitIndicatorsWorkbook.Table asOf(UnitView unit, String set, AsOf asOf, Instant readAt,
                                              boolean withValues) {
        CriteriaSetVersionView version = appraisals.inForce(set, asOf).orElseThrow(() -> new InvalidArgumentException(
                ApiText.of("audit.noVersionInForce", set, asOf.date(), asOf.recordedAt().toString())));
        List<Appraisal> found = appraisals.appraise(List.of(ScorecardId.of(unit.code(), set)), version, asOf, null);
        if (found.isEmpty()) {
            return null;
        }
        Appraisal a = found.get(0);
        List<CriterionRow> rows = a.criteria().stream().map(c -> new CriterionRow(c.code(), c.name(), c.result(),
                c.indicatorsMet(), c.indicatorsTotal(), c.indicators().stream()
                .map(i -> new IndicatorRow(i.code(), i.text(), i.requirement(), i.threshold(), i.requiredLevel(),
                        i.result(), i.basis(), i.value(), i.decision()))
                .toList())).toList();
        return new UnitIndicatorsWorkbook.Table(unit, a.set().title(), set, a.set().version(), a.result(),
                a.criteriaMet(), a.criteriaTotal(), rows, readAt, a.date(), a.recordedAt(),
                withValues ? documents(unit.code(), set, a.recordedAt()) : null);
    }

    /** {@code evidenceDocuments(unitCode, setId)}, every page of it, attached by {@code by} when given. */
    private List<EvidenceView> documents(String unit, String set, Instant by) {
        List<EvidenceView> all = new ArrayList<>();
        Keyset page = Keyset.first(DOCUMENTS_PAGE);
        while (true) {
            List<EvidenceView> rows = evidence.evidenceDocuments(unit, set, null, null, false, page);
            rows.stream().filter(d -> by == null || !d.attachedAt().isAfter(by)).forEach(all::add);
            if (rows.size() < DOCUMENTS_PAGE) {
                return all;
            }
            EvidenceView last = rows.get(rows.size() - 1);
            page = new Keyset(List.of(last.attachedAt(), last.documentId()), true, DOCUMENTS_PAGE);
        }
    }
}
