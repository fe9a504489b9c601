/**
 * Plans (kế hoạch) and their annex rows: what a unit plans to do about its unmet criteria and indicators, who leads
 * and who coordinates each task, by when, at what estimated cost from which sources; the tasks' progress, their
 * completion when the indicator they target is judged met, closure and reopening by decision; and the money
 * mobilised and disbursed against the plan.
 */
package org.ntmrecords.events.plan;
