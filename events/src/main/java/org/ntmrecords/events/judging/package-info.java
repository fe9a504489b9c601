/**
 * The rules that judge an indicator, a criterion and a unit's standing from what is recorded.
 *
 * <p>They live beside the events, as pure functions of the published types, because two sides apply them: the
 * command side when it records the official judgments after every change, and the query side when it answers
 * "what was true on date D, as known at instant T", explains a judgment or evaluates a unit against other rules.
 * One implementation makes those answers agree with the recorded judgments by construction, and lets a consumer
 * of the event stream re-judge with the same code.
 */
package org.ntmrecords.events.judging;
