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
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The service's integrity keys, in a directory of their own: {@code seal.key} (HMAC-SHA256 key that seals each
 * event when it is stored), {@code checkpoint-ed25519.pem} (the private key that signs checkpoints) and
 * {@code checkpoint-ed25519.pub.pem} (its public key, which auditors verify with). Created on first use.
 */
public final class IntegrityKeys {
    static final String SEAL_FILE = "seal.key";
    static final String PRIVATE_FILE = "checkpoint-ed25519.pem";
    static final String PUBLIC_FILE = "checkpoint-ed25519.pub.pem";

    private final byte[] sealKey;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private IntegrityKeys(byte[] sealKey, PrivateKey privateKey, PublicKey publicKey) {
        this.sealKey = sealKey;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Loads the keys from the directory, creating any that are missing. */
    public static synchronized IntegrityKeys loadOrCreate(Path directory) {
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
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(privatePem))));
            PublicKey publicKey = publicKey(Files.readString(publicPem));
            return new IntegrityKeys(Base64.getDecoder().decode(Files.readString(seal).strip()), privateKey, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the integrity keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unusable integrity keys in " + directory, e);
        }
    }

    /** HMAC-SHA256 of the bytes with the sealing key. */
    public byte[] seal(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sealKey, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a seal is the HMAC of these bytes (compared in constant time). */
    public boolean sealMatches(byte[] data, byte[] seal) {
        return seal != null && java.security.MessageDigest.isEqual(seal(data), seal);
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    public String keyId() {
        return keyId(publicKey);
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

    private static void writePrivate(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions protect it
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }
}
