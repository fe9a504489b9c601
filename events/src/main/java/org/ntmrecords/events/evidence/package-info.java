/**
 * Evidence dossiers: documents attached to a unit, a criterion, an indicator or a recognition case, each with its
 * number, date, issuer, title and kind, and optionally a file kept content-addressed by its SHA-256.
 */
package org.ntmrecords.events.evidence;
