package org.ntmrecords.command.criteria;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A new requirement for one indicator: its text as written in the amending decision and the threshold(s) it
 * sets. The requirement's kind and scale stay as they were.
 */
public record RequirementAmendment(String indicatorCode, String text, BigDecimal threshold,
                                   Map<String, BigDecimal> regionalThresholds, String requiredLevel) {
}
