package org.ntmrecords.infra.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.common.DateTimeUtils;
import org.ntmrecords.events.integrity.IntegrityKeysRotatedEvent;

/**
 * The service's integrity keys, in a directory of their own, by generation. Generation 1 is {@code seal.key} (the
 * HMAC-SHA256 key that seals each event when it is stored), {@code checkpoint-ed25519.pem} (the private key that
 * signs checkpoints) and {@code checkpoint-ed25519.pub.pem} (its public key, which auditors verify with), created on
 * first use. Each rotation ({@link IntegrityKeysRotatedEvent}, docs/operations.md "Key rotation") adds generation
 * {@code n}: {@code seal-n.key}, {@code checkpoint-ed25519-n.pem} and {@code checkpoint-ed25519-n.pub.pem}, in force
 * from the moment the rotation states.
 *
 * <p>The key for an event is the generation in force at its record time, for a checkpoint the one in force when it
 * was signed; both are a function of the stored time alone, so sealing and every later check agree. The schedule is
 * read from the store's rotation events and read again before it is used for a time past what it is known to be
 * complete for: a rotation takes effect at least the notice after it is recorded, so a schedule read at {@code t} is
 * complete up to {@code t} plus the notice; it is read again after half of it, at most five minutes. A rotation due
 * before generations recorded earlier and not yet in force supersedes them: they never take effect.
 */
public final class IntegrityKeys {
    static final String SEAL_FILE = "seal.key";
    static final String PRIVATE_FILE = "checkpoint-ed25519.pem";
    static final String PUBLIC_FILE = "checkpoint-ed25519.pub.pem";
    private static final String PENDING_PREFIX = "pending-";
    private static final Duration MAX_REFRESH = Duration.ofMinutes(5);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IntegrityKeys.class);

    /** A generation's key material as read from its files. */
    private record Material(byte[] sealKey, PrivateKey privateKey, PublicKey publicKey) {
        String keyId() {
            return IntegrityKeys.keyId(publicKey);
        }

        String sealKeyId() {
            return IntegrityKeys.sealKeyId(sealKey);
        }
    }

    /**
     * One generation of keys: its number, from when it is in force, its signing key's id and public key, its sealing
     * key's fingerprint, and the rotation that brought it (null for generation 1).
     *
     * @param usable whether this process holds its key files (a query replica holds none; a restore may lack some)
     */
    public record Generation(int number, Instant effectiveFrom, String keyId, PublicKey publicKey, String sealKeyId,
                             Rotation rotation, boolean usable, Integer supersededBy) {
        public String publicKeyPem() {
            return pem("PUBLIC KEY", publicKey.getEncoded());
        }

        /** Whether it seals and signs in its period: not superseded before it took effect. */
        public boolean active() {
            return supersededBy == null;
        }

        Generation supersededBy(int generation) {
            return new Generation(number, effectiveFrom, keyId, publicKey, sealKeyId, rotation, usable, generation);
        }
    }

    /** A rotation as stored: the event, when and by whom it was recorded, and its position in the store. */
    public record Rotation(IntegrityKeysRotatedEvent event, Instant recordedAt, String recordedBy, long position) {
    }

    /** Reads the store's rotation events, oldest first, with the rows they are stored in. */
    public interface RotationSource {
        List<StoredRotation> read();
    }

    /** A rotation event's row and what it says. */
    public record StoredRotation(StoredForm row, IntegrityKeysRotatedEvent event, String actor) {
    }

    /** The generations known, oldest first, and the time up to which that list is complete. */
    private record Schedule(List<Generation> generations, Map<Integer, Material> material, Instant knownUntil,
                            List<String> problems, String knownUntilText) {
        /** {@code knownUntilText}: the same as record times are stored; null when it is no time (never, always). */
        Schedule(List<Generation> generations, Map<Integer, Material> material, Instant knownUntil,
                 List<String> problems) {
            this(generations, material, knownUntil, problems, knownUntil == Instant.MAX || knownUntil == Instant.MIN
                    ? null : DateTimeUtils.formatInstant(knownUntil));
        }

        /** The generation in force at a time; superseded ones never are. */
        Generation at(Instant time) {
            for (int i = generations.size() - 1; i > 0; i--) {
                Generation generation = generations.get(i);
                if (generation.active() && !time.isBefore(generation.effectiveFrom())) {
                    return generation;
                }
            }
            return generations.get(0);
        }
    }

    private final Path directory;
    private final RotationSource source;
    private final Clock clock;
    private final Duration refreshAfter;
    private final boolean checkRotationSeals;
    private volatile Schedule schedule;
    /** When the schedule was last read (guarded by this). */
    private Instant lastRead;

    private IntegrityKeys(Path directory, Material first, RotationSource source, Clock clock, Duration notice,
                          boolean checkRotationSeals) {
        this.directory = directory;
        this.source = source;
        this.clock = clock;
        // at most every five minutes whatever the notice, so a process configured with a longer notice than the one
        // that records a rotation still learns of it in time (the notice must be at least ten minutes in production;
        // docs/operations.md)
        this.refreshAfter = notice.compareTo(MAX_REFRESH.multipliedBy(2)) > 0 ? MAX_REFRESH : notice.dividedBy(2);
        this.checkRotationSeals = checkRotationSeals;
        Generation one = new Generation(1, Instant.MIN, first.keyId(), first.publicKey(), first.sealKeyId(), null, true,
                null);
        this.schedule = new Schedule(List.of(one), Map.of(1, first), source == null ? Instant.MAX : Instant.MIN,
                List.of());
    }

    /** Loads generation 1 from the directory, creating what is missing; no rotations (tests, tools). */
    public static IntegrityKeys loadOrCreate(Path directory) {
        return new IntegrityKeys(directory, loadOrCreateFirst(directory), null, Clock.systemUTC(), Duration.ZERO, false);
    }

    /**
     * Loads generation 1 from the directory, creating what is missing, and the generations the store's rotations
     * name.
     *
     * @param notice             how far ahead a rotation takes effect at least ({@code ntm.integrity.rotation-notice})
     * @param checkRotationSeals whether a rotation must match its seal to count (off on a query replica)
     */
    public static IntegrityKeys load(Path directory, RotationSource source, Clock clock, Duration notice,
                                     boolean checkRotationSeals) {
        IntegrityKeys keys = new IntegrityKeys(directory, loadOrCreateFirst(directory), source, clock, notice,
                checkRotationSeals);
        keys.reload();
        return keys;
    }

    private static synchronized Material loadOrCreateFirst(Path directory) {
        try {
            Files.createDirectories(directory);
            Path seal = directory.resolve(SEAL_FILE);
            if (!Files.exists(seal)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                writePrivate(seal, Base64.getEncoder().encodeToString(key) + "\n");
            }
            Path privatePem = directory.resolve(PRIVATE_FILE);
            Path publicPem = directory.resolve(PUBLIC_FILE);
            if (!Files.exists(privatePem)) {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                writePrivate(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            return read(seal, privatePem, publicPem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the integrity keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unusable integrity keys in " + directory, e);
        }
    }

    private static Material read(Path seal, Path privatePem, Path publicPem) throws IOException,
            GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(privatePem))));
        PublicKey publicKey = publicKey(Files.readString(publicPem));
        return new Material(Base64.getDecoder().decode(Files.readString(seal).strip()), privateKey, publicKey);
    }

    static String sealFile(int generation) {
        return generation == 1 ? SEAL_FILE : "seal-" + generation + ".key";
    }

    static String privateFile(int generation) {
        return generation == 1 ? PRIVATE_FILE : "checkpoint-ed25519-" + generation + ".pem";
    }

    static String publicFile(int generation) {
        return generation == 1 ? PUBLIC_FILE : "checkpoint-ed25519-" + generation + ".pub.pem";
    }

    /**
     * Reads the rotations again and the key files of the generations they name. A rotation whose row does not match
     * its seal is left out (and logged): the events after it then fail their seals, which is what verification
     * reports.
     */
    public synchronized void reload() {
        if (source == null) {
            return;
        }
        Instant readAt = clock.instant();
        Schedule current = schedule;
        Material first = current.material().get(1);
        List<Generation> generations = new ArrayList<>(List.of(current.generations().get(0)));
        Map<Integer, Material> material = new HashMap<>(Map.of(1, first));
        Map<Integer, String> missing = new HashMap<>();
        for (StoredRotation stored : source.read()) {
            String refused = add(stored, generations, material, missing);
            if (refused != null) {
                log.error("The key rotation stored at position {} is left out of the key schedule: {}; run "
                        + "verify-store (docs/audit.md)", stored.row().globalIndex(), refused);
            }
        }
        if (generations.size() < current.generations().size()) {
            // a generation once read is never forgotten (a read that saw less is not the newer one)
            log.error("The key schedule read from the store has {} generations, {} were known: the known ones are kept",
                    generations.size(), current.generations().size());
            return;
        }
        lastRead = readAt;
        // the files of a superseded generation are never needed
        List<String> problems = generations.stream().filter(Generation::active).map(g -> missing.get(g.number()))
                .filter(java.util.Objects::nonNull).toList();
        schedule = new Schedule(List.copyOf(generations), Map.copyOf(material), readAt.plus(refreshAfter), problems);
    }

    /** Adds a stored rotation's generation; why not, when it is left out. */
    private String add(StoredRotation stored, List<Generation> generations, Map<Integer, Material> material,
                       Map<Integer, String> missing) {
        IntegrityKeysRotatedEvent event = stored.event();
        Instant recordedAt;
        PublicKey publicKey;
        try {
            recordedAt = DateTimeUtils.parseInstant(stored.row().timestamp());
            publicKey = publicKey(event.publicKeyPem());
        } catch (RuntimeException e) {
            return "its record time or public key cannot be read";
        }
        if (checkRotationSeals) {
            Schedule sofar = new Schedule(generations, material, Instant.MAX, List.of());
            Material sealedWith = material.get(sofar.at(recordedAt).number());
            if (sealedWith != null && !sealMatches(sealedWith, stored.row().sealedForm(), stored.row().seal())) {
                return "it does not match its seal";
            }
        }
        if (event.generation() != generations.size() + 1 || event.effectiveFrom() == null || event.keyId() == null
                || event.sealKeyId() == null || !event.effectiveFrom().isAfter(recordedAt)) {
            return "it does not follow the generations before it (generation " + event.generation() + ", in force from "
                    + event.effectiveFrom() + ")";
        }
        // what it supersedes, listed exactly when: recorded before it, active, due at or after its moment, not in force
        // when it was recorded
        if (event.supersedes().stream().distinct().count() != event.supersedes().size()
                || event.supersedes().stream().anyMatch(n -> n < 2 || n >= event.generation())) {
            return "it supersedes a generation twice, or one not recorded before it";
        }
        for (Generation earlier : generations) {
            boolean listed = event.supersedes().contains(earlier.number());
            boolean due = earlier.number() > 1 && earlier.active()
                    && !earlier.effectiveFrom().isBefore(event.effectiveFrom());
            if (listed != due || listed && !earlier.effectiveFrom().isAfter(recordedAt)) {
                return "generation " + earlier.number() + " cannot be superseded by it, or must be";
            }
        }
        for (int n : event.supersedes()) {
            generations.set(n - 1, generations.get(n - 1).supersededBy(event.generation()));
        }
        Material files = material(event, missing);
        if (files != null) {
            material.put(event.generation(), files);
        }
        generations.add(new Generation(event.generation(), event.effectiveFrom(), event.keyId(), publicKey,
                event.sealKeyId(), new Rotation(event, recordedAt, stored.actor(), stored.row().globalIndex()),
                files != null, null));
        return null;
    }

    /** The key files of a rotation's generation, moved into place from where a rotation left them; null if absent. */
    private Material material(IntegrityKeysRotatedEvent event, Map<Integer, String> problems) {
        int n = event.generation();
        Path seal = directory.resolve(sealFile(n));
        Path privatePem = directory.resolve(privateFile(n));
        Path publicPem = directory.resolve(publicFile(n));
        try {
            Path pending = directory.resolve(PENDING_PREFIX + event.keyId());
            if (Files.isDirectory(pending)) {
                // the rotation was recorded, the process stopped before its files were (all) moved: move them now
                movePending(pending, n);
            }
            if (!Files.exists(seal) || !Files.exists(privatePem) || !Files.exists(publicPem)) {
                problems.put(n, "key generation " + n + " (key " + event.keyId() + ", in force from "
                        + event.effectiveFrom() + ") has no files in " + directory.toAbsolutePath() + " ("
                        + sealFile(n) + ", " + privateFile(n) + ", " + publicFile(n) + ")");
                return null;
            }
            Material files = read(seal, privatePem, publicPem);
            if (!files.keyId().equals(event.keyId()) || !files.sealKeyId().equals(event.sealKeyId())) {
                problems.put(n, "the files of key generation " + n + " in " + directory.toAbsolutePath()
                        + " are not the keys its rotation names (signing key " + files.keyId() + ", not "
                        + event.keyId() + "; sealing key " + files.sealKeyId() + ", not " + event.sealKeyId() + ")");
                return null;
            }
            return files;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            problems.put(n, "the files of key generation " + n + " in " + directory.toAbsolutePath()
                    + " cannot be read: " + e.getMessage());
            return null;
        }
    }

    /**
     * The next generation's keys, written to a directory of their own in the key directory ({@code pending-<keyId>})
     * until the rotation naming them is stored ({@link #install}); {@link #discard} removes them when it is not.
     */
    public synchronized Prepared prepareNext() {
        reload();
        int next = schedule.generations().size() + 1;
        for (String file : List.of(sealFile(next), privateFile(next), publicFile(next))) {
            if (Files.exists(directory.resolve(file))) {
                // keys of another store, or of a rotation this store's events do not hold (a database restored to
                // before it): never replaced, and no rotation is recorded that could not get its keys
                throw new IllegalStateException("the key directory " + directory.toAbsolutePath() + " already holds "
                        + file + " for key generation " + next + ", which this store's rotations do not name; move it "
                        + "away after checking where it comes from (docs/operations.md, \"Key rotation\")");
            }
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] sealKey = new byte[32];
            new SecureRandom().nextBytes(sealKey);
            Material material = new Material(sealKey, pair.getPrivate(), pair.getPublic());
            Path pending = directory.resolve(PENDING_PREFIX + material.keyId());
            try {
                Files.createDirectory(pending,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectory(pending);
            }
            writePrivate(pending.resolve(SEAL_FILE), Base64.getEncoder().encodeToString(sealKey) + "\n");
            writePrivate(pending.resolve(PRIVATE_FILE), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(pending.resolve(PUBLIC_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return new Prepared(next, material.keyId(), material.sealKeyId(),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write new integrity keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** New keys made for a rotation, not yet in force. */
    public record Prepared(int generation, String keyId, String sealKeyId, String publicKeyPem) {
    }

    /** Moves a stored rotation's keys into place and reads the schedule again. */
    public synchronized void install(Prepared prepared) {
        try {
            Path pending = directory.resolve(PENDING_PREFIX + prepared.keyId());
            // a reload in between (another thread, a process sharing the directory) may have moved them already
            if (Files.isDirectory(pending)) {
                movePending(pending, prepared.generation());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the new integrity keys into place in " + directory
                    + " (they are kept in " + PENDING_PREFIX + prepared.keyId() + " and moved at the next start)", e);
        }
        reload();
    }

    /** Removes keys made for a rotation that was not stored. */
    public synchronized void discard(Prepared prepared) {
        Path pending = directory.resolve(PENDING_PREFIX + prepared.keyId());
        try {
            for (String file : List.of(SEAL_FILE, PRIVATE_FILE, PUBLIC_FILE)) {
                Files.deleteIfExists(pending.resolve(file));
            }
            Files.deleteIfExists(pending);
        } catch (IOException e) {
            log.warn("Could not remove the unused keys in {}: {}", pending, e.getMessage());
        }
    }

    /**
     * Moves a rotation's keys into place, each file not moved yet (a stop between two moves is finished at the next
     * start), never over a file of other content; removes the pending directory once empty.
     */
    private void movePending(Path pending, int generation) throws IOException {
        String[][] moves = {{SEAL_FILE, sealFile(generation)}, {PRIVATE_FILE, privateFile(generation)},
            {PUBLIC_FILE, publicFile(generation)}};
        for (String[] move : moves) {
            Path from = pending.resolve(move[0]);
            Path to = directory.resolve(move[1]);
            if (!Files.exists(from)) {
                continue;
            }
            if (Files.exists(to)) {
                if (Files.mismatch(from, to) != -1) {
                    // never over another generation's keys (two stores sharing a key directory, a file put there by
                    // hand)
                    throw new java.nio.file.FileAlreadyExistsException(to.toString(), null, "key generation "
                            + generation + " already has other files; the new keys stay in " + pending);
                }
                Files.delete(from);
                continue;
            }
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.delete(pending);
    }

    /** The schedule, read again first when it is not known to be complete up to {@code time}. */
    private Schedule scheduleFor(Instant time) {
        Schedule known = schedule;
        if (time.isBefore(known.knownUntil())) {
            return known;
        }
        synchronized (this) {
            known = schedule;
            // read again once: by another thread meanwhile, or just now for a time past any horizon (a checkpoint
            // dated in the future): a second read would know no more
            if (time.isBefore(known.knownUntil()) || lastRead != null && clock.instant().isBefore(lastRead.plusSeconds(1))) {
                return known;
            }
            reload();
            return schedule;
        }
    }

    private Material materialAt(Instant time, String what) {
        Schedule known = scheduleFor(time);
        Generation generation = known.at(time);
        Material material = known.material().get(generation.number());
        if (material == null) {
            throw new MissingKeysException("cannot " + what + ": the key generation in force at " + time + " ("
                    + generation.number() + ", key " + generation.keyId() + ") has no key files in "
                    + directory.toAbsolutePath() + "; restore them (docs/operations.md, \"Key rotation\")");
        }
        return material;
    }

    /** HMAC-SHA256 of the bytes with the sealing key in force at the record time. */
    public byte[] seal(Instant recordedAt, byte[] data) {
        return seal(materialAt(recordedAt, "seal an event").sealKey(), data);
    }

    /** HMAC-SHA256 of the bytes with the sealing key in force at a stored record time ({@code time_stamp}). */
    public byte[] seal(String recordedAt, byte[] data) {
        return seal(time(recordedAt), data);
    }

    private static byte[] seal(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sealMatches(Material material, byte[] data, byte[] seal) {
        return seal != null && java.security.MessageDigest.isEqual(seal(material.sealKey(), data), seal);
    }

    /**
     * Whether a seal is the HMAC of these bytes under the sealing key in force at the stored record time (compared
     * in constant time); false when this process lacks that key.
     */
    public boolean sealMatches(String recordedAt, byte[] data, byte[] seal) {
        if (seal == null || recordedAt == null) {
            return false;
        }
        Instant time;
        try {
            time = time(recordedAt);
        } catch (RuntimeException e) {
            // a record time that is no time: no key was in force then, and nothing the service stored has one
            return false;
        }
        Schedule known = scheduleFor(time);
        Material material = known.material().get(known.at(time).number());
        return material != null && sealMatches(material, data, seal);
    }

    /**
     * A stored record time. With one generation only (no rotation yet) and a time the schedule is known for, it does
     * not matter and is not parsed (verification reads every event's): stored times are written in one fixed ISO
     * format, so comparing the text orders them, up to a fraction of a second at most, far inside the half notice
     * the schedule is read again before it is needed.
     */
    private Instant time(String recordedAt) {
        Schedule known = schedule;
        if (known.generations().size() == 1 && (known.knownUntil() == Instant.MAX
                || known.knownUntilText() != null && recordedAt.compareTo(known.knownUntilText()) < 0)) {
            return Instant.MIN;
        }
        return DateTimeUtils.parseInstant(recordedAt);
    }

    /** The id of the signing key in force at a time (what a checkpoint signed then names). */
    public String keyIdAt(Instant time) {
        return scheduleFor(time).at(time).keyId();
    }

    /** Signs with the signing key in force at a time. */
    public byte[] sign(Instant time, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(materialAt(time, "sign a checkpoint").privateKey());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether a signature made at {@code signedAt} and naming {@code keyId} holds: the key must be the one in force
     * at that time (a retired key signs nothing after its successor took effect) and the signature must verify.
     */
    public boolean signatureHolds(Instant signedAt, String keyId, byte[] message, byte[] signature) {
        Generation generation = scheduleFor(signedAt).at(signedAt);
        return generation.keyId().equals(keyId) && verify(generation.publicKey(), message, signature);
    }

    /** The public key with this id, of any generation. */
    public Optional<PublicKey> publicKeyOf(String keyId) {
        return schedule.generations().stream().filter(g -> g.keyId().equals(keyId)).map(Generation::publicKey)
                .findFirst();
    }

    /** The signing key in force now. */
    public PublicKey publicKey() {
        return current().publicKey();
    }

    public String publicKeyPem() {
        return current().publicKeyPem();
    }

    /** The id of the signing key in force now. */
    public String keyId() {
        return current().keyId();
    }

    /** The generation in force now. */
    public Generation current() {
        Instant now = clock.instant();
        return scheduleFor(now).at(now);
    }

    /** Every generation known, oldest first. */
    public List<Generation> generations() {
        return schedule.generations();
    }

    /** What is wrong with the key files of the generations the rotations name (empty: nothing). */
    public List<String> problems() {
        return schedule.problems();
    }

    /** The fingerprint of a sealing key: the first 16 bytes (hex) of its HMAC over a fixed text; reveals nothing of it. */
    static String sealKeyId(byte[] sealKey) {
        return HexFormat.of().formatHex(seal(sealKey, "ntm-records seal key id".getBytes(StandardCharsets.US_ASCII)),
                0, 16);
    }

    /** Sealing or signing needs a key generation this process has no files for. */
    public static final class MissingKeysException extends IllegalStateException {
        MissingKeysException(String message) {
            super(message);
        }
    }

    /** The first 16 bytes (hex) of the SHA-256 of the public key's X.509 encoding. */
    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(Hashes.sha256(key.getEncoded()), 0, 16);
    }

    public static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(unpem(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /**
     * Whether the signature over the message holds under the key. An Ed25519 check takes the JDK about a millisecond,
     * and verifying a store checks each checkpoint several times (its row, each witness's copy, the summary): a
     * result is kept, keyed by SHA-256 of key, message and signature, so the same three are checked once
     * (docs/benchmarks/README.md, finding 13). The result of a check is a function of those three alone.
     */
    public static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        if (signatureBytes == null) {
            return false;
        }
        String checked = checkedKey(key, message, signatureBytes);
        Boolean known = VERIFIED.get(checked);
        if (known != null) {
            return known;
        }
        boolean valid;
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            valid = signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (VERIFIED.size() >= VERIFIED_KEPT) {
            VERIFIED.clear();
        }
        VERIFIED.put(checked, valid);
        return valid;
    }

    /** SHA-256 over the three, each preceded by its length, so no two different triples share the bytes hashed. */
    private static String checkedKey(PublicKey key, byte[] message, byte[] signature) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (byte[] part : new byte[][] {key.getEncoded(), message, signature}) {
                digest.update(java.nio.ByteBuffer.allocate(4).putInt(part.length).array());
                digest.update(part);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final int VERIFIED_KEPT = 100_000;
    private static final java.util.Map<String, Boolean> VERIFIED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Writes a secret key file, readable by its owner only from the moment it exists. */
    private static void writePrivate(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions protect it
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }
}
