package org.ntmrecords.events.plan;

import java.time.LocalDate;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.Money;

/**
 * Money mobilised or disbursed for a plan item from one source, as recorded later: by whom, as of when, on which
 * document. Amounts add up per item, source and stage.
 *
 * @param sourceAsWritten the source as the document names it
 * @param date            the day the amount stands at
 * @param statedShare     the share the document itself states, as written ("đạt 30.92 % so với KH"), or null
 */
public record PlanFundsRecordedEvent(String planId, String itemId, String fundsId, FundingSource source,
                                     String sourceAsWritten, FundingStage stage, Money amount, LocalDate date,
                                     BodyRef by, DocumentRef document, String statedShare, String note) {
}
