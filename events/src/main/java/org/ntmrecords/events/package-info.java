/**
 * The published language of NTM Records: what happened, as immutable records, and the value types they carry.
 *
 * <p>Everything in this module is stored in the event store and may be read by other processes (the query
 * side, Kafka consumers, auditors' tools). Class names and JSON shapes are therefore part of the stored data:
 * additive changes only; a breaking change bumps {@link org.ntmrecords.events.EventRevision} and ships an
 * upcaster tested against a stored sample of the old shape. No Spring, no persistence, no framework types.
 */
package org.ntmrecords.events;
