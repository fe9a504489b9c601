package org.ntmrecords.events.evidence;

/** A file kept in the evidence store under its SHA-256 (hex), with its size, media type and name as uploaded. */
public record StoredFile(String sha256, long size, String mediaType, String fileName) {
}
