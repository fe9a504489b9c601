package org.ntmrecords.infra.api.target;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.ntmrecords.infra.api.Connection;
import org.ntmrecords.infra.api.CursorKeys;
import org.ntmrecords.infra.api.Paging;
import org.ntmrecords.query.common.Keyset;
import org.ntmrecords.query.target.TargetReadRepository;
import org.ntmrecords.query.target.TargetReadRepository.TargetView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** A unit's targets and the targets at risk in an area, with progress computed per page in three lookups. */
@Controller
public class TargetQueries {
    private static final Comparator<TargetView> AT_RISK_ORDER = Comparator
            .comparing((TargetView t) -> t.deadline().lastDay()).thenComparing(TargetView::unitCode)
            .thenComparing(TargetView::targetId);
    private final TargetReadRepository targets;
    private final Paging paging;
    private final Clock clock;

    public TargetQueries(TargetReadRepository targets, Paging paging, Clock clock) {
        this.targets = targets;
        this.paging = paging;
        this.clock = clock;
    }

    @QueryMapping
    public Connection<TargetView> targets(@Argument String unitCode, @Argument Integer year,
                                          @Argument Boolean includeWithdrawn, @Argument LocalDate asOf,
                                          @Argument Integer withinDays, @Argument Integer first,
                                          @Argument String after, @Argument Integer last, @Argument String before) {
        Paging.PageRequest page = paging.request("targets", first, after, last, before);
        List<TargetView> rows = targets.targets(unitCode, year, includeWithdrawn, day(asOf), withinDays,
                CursorKeys.keyset(page, "deadline", CursorKeys.Type.DATE, "id", CursorKeys.Type.TEXT));
        return paging.connection(rows, page, t -> Map.of("deadline", t.deadline().lastDay().toString(),
                "id", t.targetId()), targets.countTargets(unitCode, year, includeWithdrawn));
    }

    @QueryMapping
    public TargetView target(@Argument String unitCode, @Argument String targetId) {
        return targets.find(unitCode, targetId, LocalDate.now(clock)).orElse(null);
    }

    /** Targets at risk: judged for the whole area (progress is computed, not stored), then paged. */
    @QueryMapping
    public Connection<TargetView> targetsAtRisk(@Argument String areaCode, @Argument LocalDate asOf,
                                                @Argument Integer withinDays, @Argument Integer first,
                                                @Argument String after, @Argument Integer last,
                                                @Argument String before) {
        Paging.PageRequest page = paging.request("targetsAtRisk", first, after, last, before);
        Keyset keyset = CursorKeys.keyset(page, "deadline", CursorKeys.Type.DATE, "unit", CursorKeys.Type.TEXT,
                "id", CursorKeys.Type.TEXT);
        List<TargetView> all = targets.atRisk(areaCode, day(asOf), withinDays);
        List<TargetView> rows = new ArrayList<>();
        if (keyset.forward()) {
            for (TargetView t : all) {
                if (keyset.after() == null || compare(t, keyset.after()) > 0) {
                    rows.add(t);
                }
                if (rows.size() == keyset.limit()) {
                    break;
                }
            }
        } else {
            for (int i = all.size() - 1; i >= 0 && rows.size() < keyset.limit(); i--) {
                if (keyset.after() == null || compare(all.get(i), keyset.after()) < 0) {
                    rows.add(0, all.get(i));
                }
            }
        }
        return paging.connection(rows, page, t -> Map.of("deadline", t.deadline().lastDay().toString(),
                "unit", t.unitCode(), "id", t.targetId()), all.size());
    }

    private static int compare(TargetView t, List<Object> keys) {
        int c = t.deadline().lastDay().compareTo((LocalDate) keys.get(0));
        if (c == 0) {
            c = t.unitCode().compareTo((String) keys.get(1));
        }
        return c != 0 ? c : t.targetId().compareTo((String) keys.get(2));
    }

    private LocalDate day(LocalDate asOf) {
        return asOf == null ? LocalDate.now(clock) : asOf;
    }
}
