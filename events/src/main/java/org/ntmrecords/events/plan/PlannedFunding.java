package org.ntmrecords.events.plan;

import org.ntmrecords.events.common.Money;

/**
 * A planned amount from one source for a plan item.
 *
 * @param source    the kind of source
 * @param asWritten the source as the document names it ("nhân dân đóng góp", "ngân sách xã")
 * @param amount    the planned amount, or null when the document names the source without an amount
 */
public record PlannedFunding(FundingSource source, String asWritten, Money amount) {
}
