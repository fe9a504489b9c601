package org.ntmrecords.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.LegalBasis;
import org.ntmrecords.events.criteria.CriteriaSetAmendedEvent;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.criteria.IndicatorStructureChange;
import org.ntmrecords.events.criteria.SetLevel;
import org.ntmrecords.events.criteria.StructureChangeKind;
import org.ntmrecords.events.scorecard.CriteriaSetVersionAdoptedEvent;
import org.ntmrecords.events.scorecard.IndicatorValue;
import org.ntmrecords.events.scorecard.IndicatorValueRecordedEvent;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.events.scorecard.UnitTrackedEvent;

/** Stored event JSON as the store's mappers write and read it: old shapes still read, decimals keep their scale. */
class StoredEventShapesTest {
    private final ObjectMapper events = Mappers.events();

    @Test
    void aUnitTrackedEventStoredBeforeRegionBasisExistedStillReads() throws Exception {
        // the shape stored until regionBasis was added (additive field: no revision, no upcaster)
        String old = """
                {"scorecardId":"30049@dongthap-commune-ntm-2021-2025","unitCode":"30049",\
                "setId":"dongthap-commune-ntm-2021-2025","setVersion":1,"region":"dbscl",\
                "basis":{"number":"317/KH-UBND","date":"2024-01-26","issuer":"UBND huyện Tháp Mười","title":null}}""";
        UnitTrackedEvent event = events.readValue(old, UnitTrackedEvent.class);
        assertThat(event).isEqualTo(new UnitTrackedEvent("30049@dongthap-commune-ntm-2021-2025", "30049",
                "dongthap-commune-ntm-2021-2025", 1, "dbscl",
                new DocumentRef("317/KH-UBND", LocalDate.of(2024, 1, 26), "UBND huyện Tháp Mười", null)));
        assertThat(event.regionBasis()).isNull();
    }

    @Test
    void aUnitTrackedEventKeepsItsRegionBasis() throws Exception {
        DocumentRef listing = new DocumentRef("TEST-ĐBKK/QĐ", LocalDate.of(2021, 6, 4), "Test issuer", null);
        UnitTrackedEvent event = new UnitTrackedEvent("30049@s", "30049", "s", 1, "tdmnpb", null, listing);
        String json = events.writeValueAsString(event);
        assertThat(json).contains("\"regionBasis\":{").contains("\"number\":\"TEST-ĐBKK/QĐ\"");
        assertThat(events.readValue(json, UnitTrackedEvent.class)).isEqualTo(event);
    }

    @Test
    void eventsStoredBeforeStructuralAmendmentsStillReadWithNothingRestructured() throws Exception {
        // the shapes stored until structureChanges and removedIndicators were added (additive: no upcaster)
        String adopted = """
                {"scorecardId":"30049@s","unitCode":"30049","setId":"s","previousVersion":1,"version":2,\
                "effectiveFrom":"2024-06-01","legalBasis":{"decision":"2/QĐ","date":"2024-05-20","issuer":null,\
                "signer":null},"changedIndicators":["1.1"]}""";
        CriteriaSetVersionAdoptedEvent read = events.readValue(adopted, CriteriaSetVersionAdoptedEvent.class);
        assertThat(read.changedIndicators()).containsExactly("1.1");
        assertThat(read.removedIndicators()).isEmpty();
        String amended = """
                {"setId":"s","version":2,"previousVersion":1,"effectiveFrom":"2024-06-01",\
                "legalBasis":{"decision":"2/QĐ","date":"2024-05-20","issuer":null,"signer":null},"reason":"r",\
                "changes":[],"definition":{"id":"s","version":2,"title":"S","level":"COMMUNE","grade":"NTM",\
                "phase":null,"legalBasis":{"decision":"2/QĐ","date":"2024-05-20","issuer":null,"signer":null},\
                "effectiveFrom":"2024-06-01","baseSetId":null,"provinceCode":null,"provenance":null,"criteria":[],\
                "recognition":null}}""";
        CriteriaSetAmendedEvent amendment = events.readValue(amended, CriteriaSetAmendedEvent.class);
        assertThat(amendment.version()).isEqualTo(2);
        assertThat(amendment.structureChanges()).isEmpty();
    }

    @Test
    void aStructuralAmendmentKeepsItsChangesInTheStore() throws Exception {
        CriteriaSetAmendedEvent amended = new CriteriaSetAmendedEvent("s", 2, 1, LocalDate.of(2024, 6, 1),
                new LegalBasis("2/QĐ", LocalDate.of(2024, 5, 20), null, null), "r", List.of(),
                new CriteriaSetDefinition("s", 2, "S", SetLevel.COMMUNE, Grade.NTM, null,
                        new LegalBasis("2/QĐ", LocalDate.of(2024, 5, 20), null, null), LocalDate.of(2024, 6, 1),
                        null, null, null, List.of()),
                List.of(new IndicatorStructureChange(StructureChangeKind.REMOVED, "1", "1.2", null, List.of(),
                        List.of(), "bãi bỏ")));
        String json = events.writeValueAsString(amended);
        assertThat(json).contains("\"structureChanges\":[{\"kind\":\"REMOVED\"");
        assertThat(events.readValue(json, CriteriaSetAmendedEvent.class)).isEqualTo(amended);
    }

    @Test
    void decimalsKeepTheirScaleInStoredEventsAndSnapshots() throws Exception {
        IndicatorValueRecordedEvent recorded = new IndicatorValueRecordedEvent("15169@s", "15169", "s", "v1", "2",
                "2.2", IndicatorValue.ratio(new BigDecimal("15.20"), new BigDecimal("21.0")),
                Period.on(LocalDate.of(2023, 8, 1)), null, List.of(), null, List.of());
        for (ObjectMapper mapper : List.of(events, Mappers.snapshots())) {
            String json = mapper.writeValueAsString(recorded);
            assertThat(json).contains("\"numerator\":15.20").contains("\"denominator\":21.0");
            IndicatorValue back = mapper.readValue(json, IndicatorValueRecordedEvent.class).value();
            assertThat(back.numerator()).hasToString("15.20");
            assertThat(back.denominator()).hasToString("21.0");
        }
    }

    @Test
    void judgmentsAndRequirementsStoredBeforeItemsExistedStillReadWithNoItems() throws Exception {
        // the shape stored until itemsMet / itemsNotMet / itemsNotAssessed were added (additive: no upcaster)
        String judged = """
                {"scorecardId":"30049@s","unitCode":"30049","setId":"s","setVersion":1,"region":"dbscl",\
                "criterionCode":"17","indicatorCode":"17.7","result":"NOT_MET","basis":"COMPUTED",\
                "requirementText":"85%","threshold":85,"requiredLevel":null,"measured":71.32,\
                "valueIdsUsed":["v1"],"decisionId":null,"causeId":"v1"}""";
        org.ntmrecords.events.scorecard.IndicatorJudgedEvent read =
                events.readValue(judged, org.ntmrecords.events.scorecard.IndicatorJudgedEvent.class);
        assertThat(read.itemsMet()).isEmpty();
        assertThat(read.itemsNotMet()).isEmpty();
        assertThat(read.itemsNotAssessed()).isEmpty();
        String requirement = """
                {"kind":"N_OF_M","text":"Đạt","threshold":null,"regionalThresholds":{},"levels":[],\
                "requiredLevel":null,"subIndicatorTotal":27,"unit":null,"decidedByHuman":false,"note":null}""";
        assertThat(events.readValue(requirement, org.ntmrecords.events.criteria.Requirement.class).items()).isEmpty();
    }

    @Test
    void aScorecardSnapshotKeepsItsItemByItemAssessments() throws Exception {
        var constructor = org.ntmrecords.command.scorecard.Scorecard.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        org.ntmrecords.command.scorecard.Scorecard scorecard = constructor.newInstance();
        java.lang.reflect.Method tracked = org.ntmrecords.command.scorecard.Scorecard.class
                .getDeclaredMethod("on", UnitTrackedEvent.class);
        java.lang.reflect.Method item = org.ntmrecords.command.scorecard.Scorecard.class
                .getDeclaredMethod("on", org.ntmrecords.events.scorecard.IndicatorItemAssessedEvent.class);
        tracked.setAccessible(true);
        item.setAccessible(true);
        tracked.invoke(scorecard, new UnitTrackedEvent("30199@m", "30199", "m", 1, "dbscl", null));
        for (String code : List.of("1", "2", "3", "4")) {
            item.invoke(scorecard, new org.ntmrecords.events.scorecard.IndicatorItemAssessedEvent("30199@m", "30199",
                    "m", "a1", "dk", "dk", code, "điều kiện " + code,
                    code.equals("1") ? org.ntmrecords.events.scorecard.Judgment.MET
                            : org.ntmrecords.events.scorecard.Judgment.NOT_MET,
                    Period.on(LocalDate.of(2024, 3, 31)), "UBND xã", null, List.of(), null, null));
        }
        ObjectMapper snapshots = Mappers.snapshots();
        String json = snapshots.writeValueAsString(scorecard);
        assertThat(json).contains("\"itemised\"").contains("\"a1\"");
        Object back = snapshots.readValue(json, org.ntmrecords.command.scorecard.Scorecard.class);
        for (String field : List.of("itemised", "assessmentIndicators", "order")) {
            java.lang.reflect.Field f = org.ntmrecords.command.scorecard.Scorecard.class.getDeclaredField(field);
            f.setAccessible(true);
            assertThat(f.get(back)).as(field).isEqualTo(f.get(scorecard));
        }
    }
}
