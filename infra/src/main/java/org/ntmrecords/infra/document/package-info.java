/**
 * Documents a coordination office files, as .docx and PDF: a district's quarterly report and a plan's annex. Each is
 * built once as {@link org.ntmrecords.infra.document.DocumentText} from the same query-side readers the GraphQL API
 * answers with (never from figures of its own), then written by {@code Docx} and {@code Pdf}. Every document states the
 * record time it was read at and its as-of date, and where a section's reader has no record-time variant it says so.
 * Refusals are those of the exports ({@code ExportAnswers}): JSON {@code code}, {@code field}, {@code message} in the
 * request's language.
 */
package org.ntmrecords.infra.document;
