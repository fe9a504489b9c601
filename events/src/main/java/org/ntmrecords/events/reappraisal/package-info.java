/** Official reappraisals: a unit or district re-judged under another set or version, on a legal basis. */
package org.ntmrecords.events.reappraisal;
