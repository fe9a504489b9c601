/**
 * Tamper evidence: every event sealed with the service's HMAC key when it is stored, linked into a SHA-256 hash
 * chain, and covered by checkpoints signed with its Ed25519 key; verification of the store, and exports of a
 * unit's history an auditor verifies offline (docs/audit.md).
 */
package org.ntmrecords.infra.integrity;
