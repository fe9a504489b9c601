package org.ntmrecords.query.scorecard;

import java.time.Instant;
import java.util.List;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.Period;

/** A human decision recorded for an indicator; {@code seq} as for {@link IndicatorEntryView}. */
public record IndicatorDecisionView(String scorecardId, String id, String indicatorCode, Judgment result,
                                    Period period, String decidedBy, List<DocumentRef> basis, String note,
                                    Instant recordedAt, String recordedBy, long seq) {
}
