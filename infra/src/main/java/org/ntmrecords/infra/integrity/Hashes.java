package org.ntmrecords.infra.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 and the chain step. */
public final class Hashes {
    /** The hash before the first link: 32 zero bytes. */
    public static final byte[] GENESIS = new byte[32];

    private Hashes() {
    }

    public static byte[] sha256(byte[] data) {
        return digest().digest(data);
    }

    /** The next link: SHA-256(previous || content). */
    public static byte[] link(byte[] previous, byte[] content) {
        MessageDigest digest = digest();
        digest.update(previous);
        digest.update(content);
        return digest.digest();
    }

    /**
     * A link of the second scheme: SHA-256(previous || content || SHA-256(UTF-8 stream key) || key sequence as 8
     * bytes, big-endian), the key sequence counting the links of that stream key from 1.
     */
    public static byte[] link(byte[] previous, byte[] content, String streamKey, long keySeq) {
        MessageDigest digest = digest();
        digest.update(previous);
        digest.update(content);
        digest.update(sha256(streamKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        digest.update(java.nio.ByteBuffer.allocate(8).putLong(keySeq).array());
        return digest.digest();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
