/**
 * The query side: projections that turn events into read tables, and the GraphQL queries over those tables.
 * Projections only ever write from events, so the tables can be dropped and rebuilt from the event store.
 */
package org.ntmrecords.query;
