/**
 * Roll-ups a dashboard needs, read from the standings and the as-of tables, never stored a second time: a district's
 * units with their standings, a province's districts and communes counted by criteria met and by result, the units
 * of a district or province that fail a criterion, and the same counts as of each quarter end.
 *
 * <p>Units are reached through the hierarchy as it stands ({@code read_model.unit}): the units under an area, and the
 * units those took over when they merged ({@code read_model.unit_succession}), so that a province formed on 1 July
 * 2025 is counted with its predecessors' communes for the quarters before. A unit counts on a date when it had not
 * ceased by then. Since the district level was abolished on 1 July 2025, communes sit directly under their province:
 * they are counted outside any district.
 */
package org.ntmrecords.query.overview;
