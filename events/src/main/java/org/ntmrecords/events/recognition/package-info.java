/**
 * Recognition cases (QĐ 18/2022/QĐ-TTg): a unit's case for a title (criteria set) and year, step by step —
 * self-assessment, satisfaction survey, dossier, verification (thẩm tra), appraisal (thẩm định), decision and
 * announcement — each an event with who, when and the documents. See reference/criteria/recognition-procedure.md.
 */
package org.ntmrecords.events.recognition;
