/**
 * Exports for people who work in spreadsheets: plain HTTP downloads beside the GraphQL API, built from the same read
 * code as the queries they mirror (a district overview's workbook from {@code OverviewReader.districtOverview}), so
 * that a file never counts differently from the screen. Refusals are JSON bodies {@code code}, {@code field},
 * {@code message} in the request's language, as for evidence files.
 */
package org.ntmrecords.infra.export;
