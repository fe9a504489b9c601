package org.ntmrecords.infra.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntmrecords.events.integrity.IntegrityKeysRotatedEvent;

/**
 * Key generations: the key for an event is the one in force at its record time, for a checkpoint the one in force
 * when it was signed; the schedule is read again before it is used past what it is known for; a rotation's keys are
 * moved into place once it is stored, also after a stop in between; missing or other files are named.
 */
class IntegrityKeysTest {
    private static final Duration NOTICE = Duration.ofHours(1);
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    /** How often the schedule is read again: half the notice, at most five minutes. */
    private static final Duration REFRESH = Duration.ofMinutes(5);

    @TempDir
    Path directory;

    private final MovableClock clock = new MovableClock(START);
    private final List<IntegrityKeys.StoredRotation> stored = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final IntegrityKeys.RotationSource source = () -> {
        reads.incrementAndGet();
        return List.copyOf(stored);
    };
    private IntegrityKeys keys;

    private ch.qos.logback.classic.Level logged;

    @BeforeEach
    void load() {
        // the rows these tests break on purpose are logged as ERRORs: what an operator must see, not a test run
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(IntegrityKeys.class);
        logged = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.OFF);
        keys = IntegrityKeys.load(directory, source, clock, NOTICE, true);
    }

    @org.junit.jupiter.api.AfterEach
    void logAgain() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(IntegrityKeys.class)).setLevel(logged);
    }

    /** Records a rotation as the service does: new keys, the event sealed at its record time, the keys installed. */
    private IntegrityKeys.Prepared rotate(Instant effectiveFrom, boolean install, Integer... supersedes) {
        IntegrityKeys.Prepared prepared = keys.prepareNext();
        stored.add(rotation(prepared, effectiveFrom, clock.instant(), supersedes));
        if (install) {
            keys.install(prepared);
        }
        return prepared;
    }

    private IntegrityKeys.StoredRotation rotation(IntegrityKeys.Prepared prepared, Instant effectiveFrom,
                                                  Instant recordedAt, Integer... supersedesGenerations) {
        List<Integer> supersedes = List.of(supersedesGenerations);
        IntegrityKeysRotatedEvent event = new IntegrityKeysRotatedEvent(prepared.generation(), effectiveFrom,
                prepared.keyId(), prepared.publicKeyPem(), prepared.sealKeyId(), "định kỳ", null, supersedes);
        StoredForm row = row(stored.size() + 1L, recordedAt, "{\"generation\":" + prepared.generation() + "}");
        return new IntegrityKeys.StoredRotation(sealed(row), event, "admin");
    }

    private static StoredForm row(long position, Instant recordedAt, String payload) {
        return new StoredForm(position, "event-" + position, "integrity-keys", position - 1, "IntegrityKeySchedule",
                DateTimeUtils.formatInstant(recordedAt), IntegrityKeysRotatedEvent.class.getName(), null,
                payload.getBytes(StandardCharsets.UTF_8), "{\"actor\":\"admin\"}".getBytes(StandardCharsets.UTF_8),
                null);
    }

    private StoredForm sealed(StoredForm row) {
        return new StoredForm(row.globalIndex(), row.eventId(), row.aggregateId(), row.sequenceNumber(), row.type(),
                row.timestamp(), row.payloadType(), row.payloadRevision(), row.payload(), row.metaData(),
                keys.seal(row.timestamp(), row.sealedForm()));
    }

    private static String at(Instant time) {
        return DateTimeUtils.formatInstant(time);
    }

    @Test
    void eventsAreSealedWithTheKeyInForceAtTheirRecordTime() {
        byte[] data = "an event".getBytes(StandardCharsets.UTF_8);
        byte[] before = keys.seal(at(START), data);
        Instant from = START.plus(Duration.ofDays(1));
        rotate(from, true);

        assertThat(keys.generations()).extracting(IntegrityKeys.Generation::number).containsExactly(1, 2);
        assertThat(keys.seal(at(from.minusMillis(1)), data)).isEqualTo(before);
        byte[] after = keys.seal(at(from), data);
        assertThat(after).isNotEqualTo(before);
        assertThat(keys.sealMatches(at(from), data, after)).isTrue();
        // the same seal under another record time (a row whose time was moved across the rotation) does not hold
        assertThat(keys.sealMatches(at(from.minusMillis(1)), data, after)).isFalse();
        assertThat(keys.sealMatches(at(START), data, before)).isTrue();
        assertThat(keys.sealMatches(at(from), data, before)).isFalse();
    }

    @Test
    void checkpointsAreSignedWithTheKeyInForceAndARetiredKeySignsNothingAfterItsSuccessorTookEffect() {
        String first = keys.keyId();
        Instant from = START.plus(Duration.ofDays(1));
        IntegrityKeys.Prepared second = rotate(from, true);
        byte[] message = "checkpoint".getBytes(StandardCharsets.UTF_8);

        assertThat(keys.keyIdAt(from.minusSeconds(1))).isEqualTo(first);
        assertThat(keys.keyIdAt(from)).isEqualTo(second.keyId());
        byte[] old = keys.sign(from.minusSeconds(1), message);
        byte[] fresh = keys.sign(from, message);
        assertThat(keys.signatureHolds(from.minusSeconds(1), first, message, old)).isTrue();
        assertThat(keys.signatureHolds(from, second.keyId(), message, fresh)).isTrue();
        // the old key's signature dated after the rotation: refused, though the signature itself is sound
        assertThat(keys.signatureHolds(from.plusSeconds(1), first, message, old)).isFalse();
        assertThat(IntegrityKeys.verify(keys.publicKeyOf(first).orElseThrow(), message, old)).isTrue();
        assertThat(keys.signatureHolds(from.minusSeconds(1), second.keyId(), message, fresh)).isFalse();
        // now is before the rotation takes effect
        assertThat(keys.keyId()).isEqualTo(first);
        clock.set(from);
        assertThat(keys.keyId()).isEqualTo(second.keyId());
        assertThat(keys.current().number()).isEqualTo(2);
    }

    @Test
    void theScheduleIsReadAgainOnlyPastWhatItIsKnownFor() {
        int afterLoad = reads.get();
        keys.seal(at(START.plus(REFRESH).minusMillis(1)), new byte[1]);
        keys.seal(at(START.minus(Duration.ofDays(300))), new byte[1]);
        assertThat(reads.get()).isEqualTo(afterLoad);

        // another process records a rotation: this one learns of it before it takes effect
        IntegrityKeys other = IntegrityKeys.load(directory, () -> List.copyOf(stored), clock, NOTICE, true);
        IntegrityKeys.Prepared prepared = other.prepareNext();
        Instant from = START.plus(NOTICE);
        stored.add(rotation(prepared, from, START));
        other.install(prepared);
        clock.set(START.plus(REFRESH));
        keys.seal(at(clock.instant()), new byte[1]);
        assertThat(reads.get()).isEqualTo(afterLoad + 1);
        assertThat(keys.keyIdAt(from)).isEqualTo(prepared.keyId());
        // a time past any horizon (a checkpoint dated in the future) reads the schedule once, not at every check
        clock.set(START.plus(REFRESH).plusSeconds(60));
        keys.keyIdAt(START.plus(Duration.ofDays(365)));
        keys.keyIdAt(START.plus(Duration.ofDays(366)));
        assertThat(reads.get()).isEqualTo(afterLoad + 2);
    }

    @Test
    void aLongerNoticeStillReadsTheScheduleEveryFiveMinutes() {
        IntegrityKeys patient = IntegrityKeys.load(directory, source, clock, Duration.ofDays(1), true);
        int afterLoad = reads.get();
        patient.seal(at(START.plus(REFRESH).minusMillis(1)), new byte[1]);
        assertThat(reads.get()).isEqualTo(afterLoad);
        clock.set(START.plus(REFRESH));
        patient.seal(at(START.plus(REFRESH)), new byte[1]);
        assertThat(reads.get()).isEqualTo(afterLoad + 1);
    }

    @Test
    void aGenerationOnceKnownIsNotForgottenAndARowThatIsNoRotationIsLeftOut() {
        Instant from = START.plus(Duration.ofDays(1));
        rotate(from, true);
        List<IntegrityKeys.StoredRotation> kept = List.copyOf(stored);
        // a read that sees less (an old snapshot) does not take the generation away
        stored.clear();
        keys.reload();
        assertThat(keys.generations()).hasSize(2);
        // a row whose record time is no time is left out, nothing thrown; so is a second rotation dated before the
        // first
        stored.addAll(kept);
        StoredForm row = kept.get(0).row();
        stored.add(new IntegrityKeys.StoredRotation(new StoredForm(9, "e9", row.aggregateId(), 1, row.type(),
                "not a time", row.payloadType(), null, row.payload(), row.metaData(), row.seal()),
                kept.get(0).event(), "admin"));
        IntegrityKeys.Prepared third = keys.prepareNext();
        keys.discard(third);
        stored.add(rotation(new IntegrityKeys.Prepared(3, third.keyId(), third.sealKeyId(), third.publicKeyPem()),
                from.minusSeconds(1), START));
        IntegrityKeys reloaded = IntegrityKeys.load(directory, source, clock, NOTICE, false);
        assertThat(reloaded.generations()).hasSize(2);
        assertThat(reloaded.sealMatches("not a time", new byte[1], new byte[32])).isFalse();
    }

    @Test
    void aSupersededGenerationNeverSealsNorSignsAndItsFilesAreNotNeeded() throws Exception {
        Instant nextMonth = START.plus(Duration.ofDays(30));
        Instant tomorrow = START.plus(Duration.ofDays(1));
        IntegrityKeys.Prepared routine = rotate(nextMonth, true);
        IntegrityKeys.Prepared urgent = rotate(tomorrow, true, 2);
        assertThat(keys.generations()).extracting(IntegrityKeys.Generation::supersededBy).containsExactly(null, 3, null);
        assertThat(keys.keyIdAt(nextMonth.plusSeconds(1))).isEqualTo(urgent.keyId()).isNotEqualTo(routine.keyId());
        assertThat(keys.keyIdAt(tomorrow)).isEqualTo(urgent.keyId());
        byte[] message = "checkpoint".getBytes(StandardCharsets.UTF_8);
        assertThat(keys.signatureHolds(nextMonth, routine.keyId(), message, keys.sign(nextMonth, message))).isFalse();
        Files.delete(directory.resolve("seal-2.key"));
        assertThat(IntegrityKeys.load(directory, source, clock, NOTICE, true).problems()).isEmpty();

        // a rotation that would leave an active generation due after it, or supersede one already in force: left out
        IntegrityKeys.Prepared wrong = keys.prepareNext();
        keys.discard(wrong);
        stored.add(rotation(new IntegrityKeys.Prepared(4, wrong.keyId(), wrong.sealKeyId(), wrong.publicKeyPem()),
                START.plus(Duration.ofHours(12)), START));
        assertThat(IntegrityKeys.load(directory, source, clock, NOTICE, false).generations()).hasSize(3);
        stored.set(2, rotation(new IntegrityKeys.Prepared(4, wrong.keyId(), wrong.sealKeyId(), wrong.publicKeyPem()),
                tomorrow.plusSeconds(10), tomorrow.plusSeconds(5), 3));
        assertThat(IntegrityKeys.load(directory, source, clock, NOTICE, false).generations()).hasSize(3);
    }

    @Test
    void keysAreNeverMadeOverFilesAGenerationAlreadyHas() throws Exception {
        Files.writeString(directory.resolve("seal-2.key"), "a file of another store\n");
        assertThatThrownBy(keys::prepareNext).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("seal-2.key");
        try (var files = Files.list(directory)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.startsWith("pending-"));
        }
    }

    @Test
    void aStopBetweenTwoMovesIsFinishedAtTheNextStartAndAnInstallAfterAnotherProcessMovedThemIsDone()
            throws Exception {
        Instant from = START.plus(Duration.ofDays(1));
        IntegrityKeys.Prepared prepared = rotate(from, false);
        Path pending = directory.resolve("pending-" + prepared.keyId());
        Files.move(pending.resolve("seal.key"), directory.resolve("seal-2.key"));
        IntegrityKeys restarted = IntegrityKeys.load(directory, source, clock, NOTICE, true);
        assertThat(restarted.problems()).isEmpty();
        assertThat(pending).doesNotExist();
        assertThat(directory.resolve("checkpoint-ed25519-2.pem")).exists();
        // the process that recorded it installs after the restart moved them: nothing to do, no error
        keys.install(prepared);
        assertThat(keys.keyIdAt(from)).isEqualTo(prepared.keyId());
        // the private keys are the owner's alone
        assertThat(Files.getPosixFilePermissions(directory.resolve("checkpoint-ed25519-2.pem")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aRotationRefusedLeavesNoKeysAndOneStoppedBeforeItsKeysMovedFindsThemAtTheNextStart() throws Exception {
        IntegrityKeys.Prepared refused = keys.prepareNext();
        assertThat(directory.resolve("pending-" + refused.keyId())).isDirectory();
        keys.discard(refused);
        assertThat(directory.resolve("pending-" + refused.keyId())).doesNotExist();

        Instant from = START.plus(Duration.ofDays(1));
        IntegrityKeys.Prepared recorded = rotate(from, false);
        assertThat(directory.resolve("seal-2.key")).doesNotExist();
        IntegrityKeys restarted = IntegrityKeys.load(directory, source, clock, NOTICE, true);
        assertThat(restarted.problems()).isEmpty();
        assertThat(directory.resolve("seal-2.key")).exists();
        assertThat(directory.resolve("checkpoint-ed25519-2.pub.pem")).exists();
        assertThat(directory.resolve("pending-" + recorded.keyId())).doesNotExist();
        assertThat(restarted.keyIdAt(from)).isEqualTo(recorded.keyId());
        assertThat(restarted.generations().get(1).usable()).isTrue();
        assertThat(restarted.generations().get(1).rotation().recordedBy()).isEqualTo("admin");
    }

    @Test
    void missingOrOtherFilesOfAGenerationAreNamedAndNothingIsSealedWithoutThem() throws Exception {
        Instant from = START.plus(Duration.ofDays(1));
        rotate(from, true);
        Path seal = directory.resolve("seal-2.key");
        byte[] kept = Files.readAllBytes(seal);
        Files.delete(seal);
        IntegrityKeys restored = IntegrityKeys.load(directory, source, clock, NOTICE, true);
        assertThat(restored.problems()).singleElement().asString().contains("key generation 2", "seal-2.key");
        assertThatThrownBy(() -> restored.seal(at(from), new byte[1]))
                .isInstanceOf(IntegrityKeys.MissingKeysException.class).hasMessageContaining("generation");
        assertThat(restored.sealMatches(at(from), new byte[1], new byte[32])).isFalse();
        // events before the rotation are still sealed and checked
        assertThat(restored.seal(at(START), new byte[1])).hasSize(32);

        Files.write(seal, "c29tZSBvdGhlciBrZXkgb2YgMzIgYnl0ZXMgZm9yIHRlc3Q=\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(IntegrityKeys.load(directory, source, clock, NOTICE, true).problems()).singleElement().asString()
                .contains("not the keys its rotation names");
        Files.write(seal, kept);
        assertThat(IntegrityKeys.load(directory, source, clock, NOTICE, true).problems()).isEmpty();
    }

    @Test
    void aRotationThatDoesNotMatchItsSealIsLeftOut() {
        Instant from = START.plus(Duration.ofDays(1));
        rotate(from, true);
        IntegrityKeys.StoredRotation genuine = stored.get(0);
        StoredForm row = genuine.row();
        // the effective time moved a day earlier in the row: its seal no longer holds
        StoredForm changed = new StoredForm(row.globalIndex(), row.eventId(), row.aggregateId(), row.sequenceNumber(),
                row.type(), row.timestamp(), row.payloadType(), row.payloadRevision(),
                "{\"generation\":2,\"changed\":true}".getBytes(StandardCharsets.UTF_8), row.metaData(), row.seal());
        stored.set(0, new IntegrityKeys.StoredRotation(changed, genuine.event(), genuine.actor()));
        IntegrityKeys reloaded = IntegrityKeys.load(directory, source, clock, NOTICE, true);
        assertThat(reloaded.generations()).hasSize(1);
        // a query replica, which holds no sealing key of the store, does not check
        assertThat(IntegrityKeys.load(directory, source, clock, NOTICE, false).generations()).hasSize(2);
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
