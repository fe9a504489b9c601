package org.ntmrecords.query.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.query.criteria.CriteriaSetVersionView;

/**
 * A what-if appraisal of one unit or a district's units, next to their official computed judgment.
 *
 * @param unmatchedIndicators indicators of the set judged against that read no indicator of the record (no data)
 */
public record WhatIf(CriteriaSetVersionView officialSet, CriteriaSetVersionView againstSet, LocalDate date,
                     Instant recordedAt, List<String> unmatchedIndicators, List<Unit> units) {

    /** One unit: official and what-if appraisals as of the same date and instant, and where they differ. */
    public record Unit(String unitCode, Appraisal official, Appraisal whatIf,
                       List<AppraisalDifferences.Criterion> differences) {
        public boolean changed() {
            return official.standing().result() != whatIf.standing().result()
                    || official.standing().met() != whatIf.standing().met();
        }
    }

    /** What the comparison asks: which records, which set (and version) to judge by, and when. */
    public record Request(String unitCode, String districtCode, String setId, String againstSetId,
                          Integer againstVersion, LocalDate date, Instant recordedAt, List<Mapping> indicatorMap) {
    }

    /** The record's indicator ({@code recordIndicatorCode}) that an indicator of the other set reads. */
    public record Mapping(String indicatorCode, String recordIndicatorCode) {
    }

    public int officialMet() {
        return (int) units.stream().filter(u -> u.official().standing().result() == Judgment.MET).count();
    }

    public int whatIfMet() {
        return (int) units.stream().filter(u -> u.whatIf().standing().result() == Judgment.MET).count();
    }

    public int changedUnits() {
        return (int) units.stream().filter(Unit::changed).count();
    }
}
