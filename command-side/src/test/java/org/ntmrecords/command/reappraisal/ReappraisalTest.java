package org.ntmrecords.command.reappraisal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.support.Rejected;
import org.ntmrecords.command.support.TestSets;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.reappraisal.ReappraisalOrderedEvent;
import org.ntmrecords.events.reappraisal.ReappraisalOutcome;
import org.ntmrecords.events.reappraisal.UnitReappraisedEvent;
import org.ntmrecords.events.scorecard.Judgment;

class ReappraisalTest {
    private static final DocumentRef BASIS = new DocumentRef("12/KH-UBND", LocalDate.of(2024, 3, 1), "UBND tỉnh", null);
    private static final LocalDate DATE = LocalDate.of(2024, 1, 26);
    private static final Instant AS_OF = Instant.parse("2024-03-01T02:00:00Z");
    private static final ReappraisalOutcome OUTCOME = new ReappraisalOutcome("30049", Judgment.NOT_MET, 17,
            Judgment.NOT_MET, 16, 19, List.of("13", "14", "17"), List.of(),
            List.of(new ReappraisalOutcome.CriterionOutcome("14", Judgment.MET, Judgment.NOT_MET)));

    private AggregateTestFixture<Reappraisal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Reappraisal.class);
        fixture.registerInjectableResource(TestSets.CLOCK);
    }

    private static OrderReappraisalCommand order(DocumentRef basis, String reason, LocalDate date,
                                                 List<ReappraisalOutcome> outcomes) {
        return new OrderReappraisalCommand(Reappraisal.streamId("r1"), "872", "set-a", 1, "set-a", 2, date, AS_OF,
                basis, reason, outcomes);
    }

    @Test
    void recordsTheOrderAndEachUnitsResult() {
        fixture.givenNoPriorActivity()
                .when(order(BASIS, "rà soát", DATE, List.of(OUTCOME)))
                .expectEvents(new ReappraisalOrderedEvent("r1", "872", "set-a", 1, "set-a", 2, DATE, AS_OF, BASIS,
                                "rà soát", List.of("30049")),
                        new UnitReappraisedEvent("r1", "set-a", 1, "set-a", 2, DATE, OUTCOME));
    }

    @Test
    void needsALegalBasisAReasonAPastDateAndSomethingToReappraise() {
        fixture.givenNoPriorActivity().when(order(null, "rà soát", DATE, List.of(OUTCOME)))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "basis"));
        fixture.givenNoPriorActivity().when(order(BASIS, " ", DATE, List.of(OUTCOME)))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "reason"));
        fixture.givenNoPriorActivity().when(order(BASIS, "rà soát", LocalDate.of(2099, 1, 1), List.of(OUTCOME)))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.FUTURE_DATE, "date"));
        fixture.givenNoPriorActivity().when(order(BASIS, "rà soát", DATE, List.of()))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.NOT_TRACKED, "unitCode"));
    }
}
