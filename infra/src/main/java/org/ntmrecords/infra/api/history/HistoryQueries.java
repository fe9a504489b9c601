package org.ntmrecords.infra.api.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.api.Connection;
import org.ntmrecords.infra.api.Paging;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.ntmrecords.query.history.HistoryEntryView;
import org.ntmrecords.query.history.HistoryFacts;
import org.ntmrecords.query.history.HistoryReadRepository;
import org.ntmrecords.query.history.HistorySummaries;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The history of a unit, its record under a set, a criterion or indicator of it, a criteria set or an agency. */
@Controller
public class HistoryQueries {
    private final HistoryReadRepository history;
    private final UnitReadRepository units;
    private final Paging paging;
    private final java.time.Clock clock;

    public HistoryQueries(HistoryReadRepository history, UnitReadRepository units, Paging paging,
                          java.time.Clock clock) {
        this.clock = clock;
        this.history = history;
        this.units = units;
        this.paging = paging;
    }

    public record HistorySubjectInput(String unitCode, String setId, String criterionCode, String indicatorCode,
                                      String agencyId, Boolean includePredecessors) {
    }

    public record HistoryFilterInput(Instant recordedFrom, Instant recordedTo, LocalDate businessFrom,
                                     LocalDate businessTo, String actor, List<String> types, String correlationId) {
    }

    @QueryMapping
    public Connection<HistoryEntryView> history(@Argument HistorySubjectInput subject, @Argument HistoryFilterInput filter,
                                                @Argument Integer first, @Argument String after, @Argument Integer last,
                                                @Argument String before) {
        Map<String, String> subjects = subjects(subject);
        HistoryReadRepository.Filter checked = filter(filter, clock);
        Paging.PageRequest page = paging.request("history", first, after, last, before);
        if (page.keys() != null && !(page.key("position") instanceof Number)) {
            throw new InvalidArgumentException(ApiText.of("cursor.foreign"));
        }
        return paging.connection(history.page(subjects, checked, page.longKey("position"), page.forward(), page.size() + 1),
                page, row -> Map.of("position", row.position()), history.count(subjects, checked));
    }

    /**
     * The kind of a history entry as the API names it ({@code INDICATOR_VALUE_RECORDED}); the read model keeps the
     * stored event's name ({@code IndicatorValueRecorded}). Every list of entries goes through here: histories,
     * explanations' judgments, recognition case timelines.
     */
    @SchemaMapping(typeName = "HistoryEntry", field = "type")
    public String type(HistoryEntryView entry) {
        return HistoryEventTypes.served(entry.type());
    }

    /**
     * An entry's one-line summary in the request's language (Vietnamese unless English is asked for), said again
     * from the stored event; the stored English summary for an event this version cannot read back.
     */
    @SchemaMapping(typeName = "HistoryEntry", field = "summary")
    public String summary(HistoryEntryView entry, Locale locale) {
        return HistorySummaries.of(entry).map(message -> message.in(locale)).orElse(entry.summary());
    }

    /**
     * The subject keys to read, each with the unit its entries are attributed to when it is a predecessor's. Also how
     * the history workbook ({@code GET /exports/unit-history.xlsx}) reads its subject, so the two cannot differ.
     */
    public Map<String, String> subjects(HistorySubjectInput subject) {
        if (subject == null) {
            throw new InvalidArgumentException(ApiText.of("history.noSubject"));
        }
        String unit = optional("subject.unitCode", subject.unitCode());
        String set = optional("subject.setId", subject.setId());
        String criterion = optional("subject.criterionCode", subject.criterionCode());
        String indicator = optional("subject.indicatorCode", subject.indicatorCode());
        String agency = optional("subject.agencyId", subject.agencyId());
        boolean predecessors = Boolean.TRUE.equals(subject.includePredecessors());
        if (criterion != null && indicator != null) {
            throw new InvalidArgumentException(ApiText.of("history.criterionOrIndicator"));
        }
        if ((criterion != null || indicator != null) && set == null) {
            throw new InvalidArgumentException(ApiText.of("history.withinSet"));
        }
        Map<String, String> keys = new LinkedHashMap<>();
        if (agency != null) {
            if (unit != null || set != null || predecessors) {
                throw new InvalidArgumentException(ApiText.of("history.agencyAlone"));
            }
            keys.put(HistoryFacts.agency(agency), null);
            return keys;
        }
        if (unit == null) {
            if (set == null) {
                throw new InvalidArgumentException(ApiText.of("history.noSubject"));
            }
            if (predecessors) {
                throw new InvalidArgumentException(ApiText.of("history.predecessorsOfUnit"));
            }
            keys.put(criterion != null ? HistoryFacts.criterion(set, criterion)
                    : indicator != null ? HistoryFacts.indicator(set, indicator) : HistoryFacts.set(set), null);
            return keys;
        }
        List<String> lineage = predecessors ? units.lineage(unit) : List.of(unit);
        for (String code : lineage) {
            String key = set == null ? HistoryFacts.unit(code)
                    : criterion != null ? HistoryFacts.unitCriterion(code, set, criterion)
                    : indicator != null ? HistoryFacts.unitIndicator(code, set, indicator)
                    : HistoryFacts.scorecard(code, set);
            keys.put(key, code.equals(unit) ? null : code);
        }
        return keys;
    }

    private static String optional(String name, String value) {
        String text = Args.text(name, value);
        return text == null || text.isEmpty() ? null : text;
    }

    /** The filter checked and in the read model's terms; also the history workbook's. */
    public static HistoryReadRepository.Filter filter(HistoryFilterInput filter, java.time.Clock clock) {
        if (filter == null) {
            return new HistoryReadRepository.Filter(null, null, null, null, null, null, null);
        }
        // bounds the record can be asked about (PostgreSQL holds no year -999999999)
        Args.instant("filter.recordedFrom", filter.recordedFrom(), clock);
        Args.instant("filter.recordedTo", filter.recordedTo(), clock);
        Args.date("filter.businessFrom", filter.businessFrom(), clock);
        Args.date("filter.businessTo", filter.businessTo(), clock);
        if (filter.recordedFrom() != null && filter.recordedTo() != null
                && filter.recordedFrom().isAfter(filter.recordedTo())) {
            throw new InvalidArgumentException(ApiText.of("history.afterEnd", "recordedFrom", "recordedTo"));
        }
        if (filter.businessFrom() != null && filter.businessTo() != null
                && filter.businessFrom().isAfter(filter.businessTo())) {
            throw new InvalidArgumentException(ApiText.of("history.afterEnd", "businessFrom", "businessTo"));
        }
        return new HistoryReadRepository.Filter(filter.recordedFrom(), filter.recordedTo(), filter.businessFrom(),
                filter.businessTo(), optional("filter.actor", filter.actor()), HistoryEventTypes.stored(filter.types()),
                optional("filter.correlationId", filter.correlationId()));
    }
}
