/**
 * The auditor's questions answered from the read tables: a unit's standing as of a business date and a record
 * instant, the explanation of a judgment, and what-if appraisals under another set or version.
 */
package org.ntmrecords.query.audit;
