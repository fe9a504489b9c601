/**
 * Exports for people who work in spreadsheets: plain HTTP downloads beside the GraphQL API, built from the same read
 * code as the queries they mirror (a district overview's workbook from {@code OverviewReader.districtOverview}, a
 * unit's history from {@code HistoryReadRepository.page} with {@code HistoryQueries}' own subject and filter), so
 * that a file never counts differently from the screen, and open to whom the query's fields are: {@link
 * org.ntmrecords.infra.export.ExportAccess} asks the read policy the API enforces, so a dashboard never gets through a
 * file a value the API hides from it. Refusals are JSON bodies {@code code}, {@code field}, {@code message} in the
 * request's language, as for evidence files. The endpoints are described in {@code docs/exports.md}.
 */
package org.ntmrecords.infra.export;
