package org.ntmrecords.events.plan;

import java.util.List;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.Deadline;
import org.ntmrecords.events.common.Money;

/**
 * A row of a plan's annex: a task for each unit it concerns, about one unmet criterion or indicator (or a free row
 * such as "Các tiêu chí đã đạt của 12/12 xã").
 *
 * @param planId               the plan
 * @param unitCode             the plan's unit
 * @param itemId               the item's id within the plan
 * @param planVersion          the plan version that added it
 * @param row                  the row's number as the annex writes it ({@code 4.2}, {@code E.II.4.2})
 * @param setId                the criteria set it is about, or null for a free row
 * @param criterionCode        the criterion code, or null
 * @param indicatorCode        the indicator code, or null; a task closes itself when this indicator is judged met
 * @param content              the row's content as written
 * @param unitCodes            the units it concerns (one task each)
 * @param requirement          the requirement as written ({@code ≥ 70%})
 * @param stateAsWritten       the state when the plan was made, as written ({@code Chưa đạt 64,8/70%})
 * @param stateValueEventIds   the recorded value(s) of that day the state rests on (event ids), if the record has them
 * @param stateJudgmentEventId the judgment of that day (event id), if the record has one
 * @param solution             the solution (giải pháp) as written
 * @param lead                 the lead body (đơn vị chủ trì / thực hiện chính)
 * @param coordinating         the coordinating bodies (đơn vị phối hợp)
 * @param deadline             as written and its last day
 * @param cost                 the cost estimate (khái toán kinh phí), or null
 * @param funding              the planned amounts per source
 */
public record PlanItemAddedEvent(String planId, String unitCode, String itemId, int planVersion, String row,
                                 String setId, String criterionCode, String indicatorCode, String content,
                                 List<String> unitCodes, String requirement, String stateAsWritten,
                                 List<String> stateValueEventIds, String stateJudgmentEventId, String solution,
                                 BodyRef lead, List<BodyRef> coordinating, Deadline deadline, Money cost,
                                 List<PlannedFunding> funding) {
    public PlanItemAddedEvent {
        unitCodes = unitCodes == null ? List.of() : List.copyOf(unitCodes);
        stateValueEventIds = stateValueEventIds == null ? List.of() : List.copyOf(stateValueEventIds);
        coordinating = coordinating == null ? List.of() : List.copyOf(coordinating);
        funding = funding == null ? List.of() : List.copyOf(funding);
    }
}
