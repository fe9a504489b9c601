package org.ntmrecords.infra.api.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ntmrecords.infra.api.Connection;
import org.ntmrecords.infra.api.CursorKeys;
import org.ntmrecords.infra.api.Paging;
import org.ntmrecords.query.reporting.ReportingReadRepository;
import org.ntmrecords.query.reporting.ReportingReadRepository.ComplianceView;
import org.ntmrecords.query.reporting.ReportingReadRepository.DutyView;
import org.ntmrecords.query.reporting.ReportingReadRepository.SubmissionView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Reporting duties, submissions a page at a time, and compliance for a period. */
@Controller
public class ReportingQueries {
    private final ReportingReadRepository reporting;
    private final Paging paging;
    private final Clock clock;

    public ReportingQueries(ReportingReadRepository reporting, Paging paging, Clock clock) {
        this.reporting = reporting;
        this.paging = paging;
        this.clock = clock;
    }

    @QueryMapping
    public Connection<DutyView> reportingDuties(@Argument String unitCode, @Argument String agencyId,
                                                @Argument String bodyUnitCode, @Argument Integer first,
                                                @Argument String after, @Argument Integer last,
                                                @Argument String before) {
        Paging.PageRequest page = paging.request("reportingDuties", first, after, last, before);
        List<DutyView> rows = reporting.duties(unitCode, agencyId, bodyUnitCode, CursorKeys.keyset(page,
                "unitCode", CursorKeys.Type.TEXT, "dutyId", CursorKeys.Type.TEXT));
        return paging.connection(rows, page, d -> Map.of("unitCode", d.unitCode(), "dutyId", d.dutyId()),
                reporting.countDuties(unitCode, agencyId, bodyUnitCode));
    }

    @QueryMapping
    public DutyView reportingDuty(@Argument String unitCode, @Argument String dutyId) {
        return reporting.find(unitCode, dutyId).orElse(null);
    }

    @QueryMapping
    public ComplianceView reportingCompliance(@Argument String unitCode, @Argument String dutyId,
                                              @Argument String period, @Argument LocalDate asOf) {
        return reporting.compliance(unitCode, dutyId, period, asOf == null ? LocalDate.now(clock) : asOf)
                .orElse(null);
    }

    @QueryMapping
    public Connection<SubmissionView> reportSubmissions(@Argument String unitCode, @Argument String dutyId,
                                                        @Argument String agencyId, @Argument String bodyUnitCode,
                                                        @Argument String period, @Argument Integer first,
                                                        @Argument String after, @Argument Integer last,
                                                        @Argument String before) {
        Paging.PageRequest page = paging.request("reportSubmissions", first, after, last, before);
        List<SubmissionView> rows = reporting.submissions(unitCode, dutyId, agencyId, bodyUnitCode, period,
                CursorKeys.keyset(page, "submittedOn", CursorKeys.Type.DATE, "id", CursorKeys.Type.TEXT));
        return paging.connection(rows, page, s -> Map.of("submittedOn", s.submittedOn().toString(), "id",
                        s.submissionId()),
                reporting.countSubmissions(unitCode, dutyId, agencyId, bodyUnitCode, period));
    }
}
