/**
 * The command side: aggregates that decide what may be recorded, the rules that judge criteria, and the
 * GraphQL mutations that send commands. It never reads the query side's tables.
 */
package org.ntmrecords.command;
