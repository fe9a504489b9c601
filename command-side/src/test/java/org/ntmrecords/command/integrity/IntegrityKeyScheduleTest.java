package org.ntmrecords.command.integrity;

import java.time.Duration;
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
import org.ntmrecords.events.integrity.IntegrityKeysRotatedEvent;

/**
 * Key generations follow each other in order, each taking effect at least the notice ahead (on the record-time clock),
 * superseding those recorded earlier that are due at or after it.
 */
class IntegrityKeyScheduleTest {
    private static final Instant NOW = TestSets.CLOCK.instant();
    private static final Duration NOTICE = Duration.ofHours(1);
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String SEAL = "fedcba9876543210fedcba9876543210";
    private static final String PEM = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n";
    private static final DocumentRef BASIS = DocumentRef.of("12/QĐ-VPĐP", LocalDate.of(2024, 6, 28), null, null);

    private AggregateTestFixture<IntegrityKeySchedule> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IntegrityKeySchedule.class);
        fixture.registerInjectableResource(TestSets.CLOCK);
    }

    private static RotateIntegrityKeysCommand rotate(int generation, Instant from, String reason, DocumentRef basis) {
        return new RotateIntegrityKeysCommand(generation, from, NOTICE, KEY, PEM, SEAL, reason, basis);
    }

    private static IntegrityKeysRotatedEvent rotated(int generation, Instant from, Integer... supersedes) {
        return new IntegrityKeysRotatedEvent(generation, from, KEY, PEM, SEAL, "định kỳ", null, List.of(supersedes));
    }

    @Test
    void theFirstRotationBringsGenerationTwoWithItsReasonAndBasis() {
        Instant from = NOW.plus(Duration.ofDays(1));
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW).when(rotate(2, from, "  thay khóa định kỳ  ", BASIS))
                .expectEvents(new IntegrityKeysRotatedEvent(2, from, KEY, PEM, SEAL, "thay khóa định kỳ", BASIS,
                        List.of()));
    }

    @Test
    void generationsComeInOrder() {
        Instant from = NOW.plus(Duration.ofDays(1));
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW).when(rotate(3, from, "định kỳ", null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.OUT_OF_ORDER, "generation"));
        fixture.given(rotated(2, from)).andGivenCurrentTime(NOW).when(rotate(2, from.plusSeconds(60), "định kỳ", null))
                .expectNoEvents().expectException(Rejected.saying(RejectionCode.OUT_OF_ORDER, "generation", "3"));
        fixture.given(rotated(2, from)).andGivenCurrentTime(NOW).when(rotate(3, from.plusSeconds(60), "định kỳ", null))
                .expectEvents(rotated(3, from.plusSeconds(60)));
    }

    @Test
    void aRotationTakesEffectAtLeastTheNoticeAhead() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW).when(rotate(2, NOW.plus(NOTICE).minusMillis(1), "định kỳ", null))
                .expectNoEvents().expectException(Rejected.saying(RejectionCode.INVALID_INPUT, "effectiveFrom",
                        "2024-06-30T16:00+07:00", "60 min 0 s"));
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW).when(rotate(2, NOW.minusSeconds(1), "định kỳ", null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "effectiveFrom"));
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW).when(rotate(2, NOW.plus(NOTICE), "định kỳ", null))
                .expectEvents(rotated(2, NOW.plus(NOTICE)));
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW).when(rotate(2, null, "định kỳ", null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "effectiveFrom"));
    }

    @Test
    void aRotationDueBeforeGenerationsNotYetInForceSupersedesThemAndOneAfterThemLeavesThem() {
        Instant nextMonth = NOW.plus(Duration.ofDays(30));
        Instant inTwoMonths = NOW.plus(Duration.ofDays(60));
        // after a suspected leak: tomorrow, before the routine rotations recorded for next month and the one after
        fixture.given(rotated(2, nextMonth), rotated(3, inTwoMonths))
                .andGivenCurrentTime(NOW).when(rotate(4, NOW.plus(Duration.ofDays(1)), "nghi lộ khóa", null))
                .expectEvents(new IntegrityKeysRotatedEvent(4, NOW.plus(Duration.ofDays(1)), KEY, PEM, SEAL,
                        "nghi lộ khóa", null, List.of(2, 3)));
        // the same moment as a recorded one supersedes it too; a later one supersedes nothing
        fixture.given(rotated(2, nextMonth)).andGivenCurrentTime(NOW).when(rotate(3, nextMonth, "định kỳ", null))
                .expectEvents(rotated(3, nextMonth, 2));
        fixture.given(rotated(2, nextMonth)).andGivenCurrentTime(NOW).when(rotate(3, inTwoMonths, "định kỳ", null))
                .expectEvents(rotated(3, inTwoMonths));
        // one already superseded is not superseded again
        fixture.given(rotated(2, inTwoMonths), rotated(3, nextMonth, 2))
                .andGivenCurrentTime(NOW).when(rotate(4, NOW.plus(Duration.ofDays(1)), "nghi lộ khóa", null))
                .expectEvents(new IntegrityKeysRotatedEvent(4, NOW.plus(Duration.ofDays(1)), KEY, PEM, SEAL,
                        "nghi lộ khóa", null, List.of(3)));
        // one about to take effect (inside the notice) cannot be superseded: a moment before it is too soon
        fixture.given(rotated(2, NOW.plus(Duration.ofMinutes(30))))
                .andGivenCurrentTime(NOW).when(rotate(3, NOW.plus(Duration.ofMinutes(20)), "nghi lộ khóa", null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "effectiveFrom"));
    }

    @Test
    void aRotationSaysWhyAndItsBasisIsAValidDocument() {
        Instant from = NOW.plus(Duration.ofDays(1));
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW).when(rotate(2, from, "  ", null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "reason"));
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW).when(rotate(2, from, "định kỳ",
                        DocumentRef.of("12/QĐ-VPĐP", LocalDate.of(2024, 7, 1), null, null)))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.FUTURE_DATE, "basis.date"));
    }

    @Test
    void keysThatAreNotKeysAreRefused() {
        Instant from = NOW.plus(Duration.ofDays(1));
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW).when(new RotateIntegrityKeysCommand(2, from, NOTICE, "not-hex", PEM, SEAL,
                        "định kỳ", null))
                .expectNoEvents().expectException(Rejected.with(RejectionCode.INVALID_INPUT, "keyId"));
    }
}
