package org.ntmrecords.events.plan;

import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.events.common.BodyRef;
import org.ntmrecords.events.common.DocumentRef;

/**
 * A plan (kế hoạch) was issued: version 1 of its record.
 *
 * @param planId      the plan's id
 * @param unitCode    the unit the plan is for
 * @param number      the number as the plan writes it ({@code 317/KH-UBND})
 * @param annexNumber the number as its annex heading writes it when it differs ({@code 316/KH-UBND} in seed 000),
 *                    or null
 * @param date        the plan's date, or null when the source leaves its day blank ("ngày tháng 8 năm 2023")
 * @param issuer      the issuing body (a people's committee or its coordination office)
 * @param year        the year the plan is for
 * @param title       the plan's title as written
 * @param aims        the sets and titles it aims at
 * @param legalBases  its legal bases (căn cứ), in its order
 * @param dateAsWritten the date line as the source writes it, when given (always when {@code date} is null)
 */
public record PlanIssuedEvent(String planId, String unitCode, String number, String annexNumber, LocalDate date,
                              BodyRef issuer, int year, String title, List<PlanAim> aims,
                              List<DocumentRef> legalBases, String dateAsWritten) {
    public PlanIssuedEvent {
        aims = aims == null ? List.of() : List.copyOf(aims);
        legalBases = legalBases == null ? List.of() : List.copyOf(legalBases);
    }
}
