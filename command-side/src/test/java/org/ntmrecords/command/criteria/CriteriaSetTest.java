package org.ntmrecords.command.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.support.InMemoryCatalog;
import org.ntmrecords.command.support.Rejected;
import org.ntmrecords.command.support.TestSets;
import org.ntmrecords.events.common.LegalBasis;
import org.ntmrecords.events.criteria.CriteriaSetAmendedEvent;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriteriaSetPublishedEvent;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.criteria.IndicatorDefinition;
import org.ntmrecords.events.criteria.IndicatorStructureChange;
import org.ntmrecords.events.criteria.RecognitionRules;
import org.ntmrecords.events.criteria.StructureChangeKind;
import org.ntmrecords.events.criteria.Requirement;
import org.ntmrecords.events.criteria.RequirementKind;
import org.ntmrecords.events.criteria.SetLevel;

class CriteriaSetTest {
    private static final LegalBasis AMENDMENT = new LegalBasis("2/QĐ-TEST", LocalDate.of(2024, 1, 2), "Test issuer", null);
    private AggregateTestFixture<CriteriaSet> fixture;
    private InMemoryCatalog catalog;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CriteriaSet.class);
        catalog = new InMemoryCatalog();
        fixture.registerInjectableResource(catalog);
        fixture.registerInjectableResource(TestSets.CLOCK);
    }

    @Test
    void publishesVersionOneWhateverVersionTheDocumentCarries() {
        CriteriaSetDefinition set = TestSets.communeSet();
        CriteriaSetDefinition asSent = new CriteriaSetDefinition(set.id(), 7, set.title(), set.level(), set.grade(),
                set.phase(), set.legalBasis(), set.effectiveFrom(), null, null, null, set.criteria());
        fixture.givenNoPriorActivity()
                .when(new PublishCriteriaSetCommand(asSent))
                .expectEvents(new CriteriaSetPublishedEvent(set));
    }

    @Test
    void cannotPublishAnIdTwice() {
        catalog.with(TestSets.communeSet());
        fixture.givenNoPriorActivity()
                .when(new PublishCriteriaSetCommand(TestSets.communeSet()))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.ALREADY_EXISTS, "id"));
    }

    @Test
    void cannotPublishAVariantOfAnUnknownBaseSet() {
        CriteriaSetDefinition set = TestSets.communeSet();
        CriteriaSetDefinition variant = new CriteriaSetDefinition("variant", 1, "Variant", set.level(), set.grade(),
                set.phase(), set.legalBasis(), set.effectiveFrom(), "missing-base", "87", null, set.criteria());
        fixture.givenNoPriorActivity()
                .when(new PublishCriteriaSetCommand(variant))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.UNKNOWN_CRITERIA_SET, "baseSetId"));
    }

    @Test
    void aVariantRatesTheSameLevelAndGradeAsItsBase() {
        CriteriaSetDefinition base = TestSets.communeSet();
        catalog.with(base);
        CriteriaSetDefinition variant = new CriteriaSetDefinition("variant", 1, "Variant", SetLevel.DISTRICT,
                Grade.NTM, null, base.legalBasis(), base.effectiveFrom(), base.id(), "87", null, base.criteria());
        fixture.givenNoPriorActivity()
                .when(new PublishCriteriaSetCommand(variant))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_DEFINITION, "baseSetId"));
    }

    @Test
    void cannotPublishDuplicateIndicatorCodes() {
        CriteriaSetDefinition set = TestSets.communeSet();
        List<CriterionDefinition> criteria = new java.util.ArrayList<>(set.criteria());
        criteria.add(new CriterionDefinition("9", "Duplicate", null, null,
                List.of(TestSets.indicator("1.1", TestSets.requirement(RequirementKind.ACHIEVED, null)))));
        fixture.givenNoPriorActivity()
                .when(new PublishCriteriaSetCommand(withCriteria(set, criteria)))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_DEFINITION, "criteria[5].indicators[0].code"));
    }

    @Test
    void cannotPublishAPercentageThresholdAbove100() {
        CriteriaSetDefinition set = TestSets.communeSet();
        List<CriterionDefinition> criteria = List.of(new CriterionDefinition("1", "Bad", null, null,
                List.of(TestSets.indicator("1.1", TestSets.requirement(RequirementKind.PERCENT_AT_LEAST, "101")))));
        fixture.givenNoPriorActivity()
                .when(new PublishCriteriaSetCommand(withCriteria(set, criteria)))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_DEFINITION,
                        "criteria[0].indicators[0].requirement.threshold"));
    }

    @Test
    void cannotPublishACriterionWithoutIndicators() {
        CriteriaSetDefinition set = TestSets.communeSet();
        fixture.givenNoPriorActivity()
                .when(new PublishCriteriaSetCommand(withCriteria(set,
                        List.of(new CriterionDefinition("1", "Empty", null, null, List.of())))))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_DEFINITION, "criteria[0].indicators"));
    }

    @Test
    void amendingPublishesTheNextVersionAndLeavesTheFirstAsItWas() {
        CriteriaSetDefinition v1 = TestSets.communeSet();
        fixture.given(new CriteriaSetPublishedEvent(v1))
                .when(new AmendCriteriaSetCommand(v1.id(), AMENDMENT, LocalDate.of(2024, 1, 2), "raise 1.1",
                        List.of(new RequirementAmendment("1.1", "≥ 90%", new BigDecimal("90"), Map.of(), null))))
                .expectResultMessagePayload(2)
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(payload -> {
                            CriteriaSetAmendedEvent e = (CriteriaSetAmendedEvent) payload;
                            Requirement amended = e.definition().indicator("1.1").orElseThrow().requirement();
                            return e.version() == 2 && e.previousVersion() == 1
                                    && e.definition().version() == 2
                                    && e.definition().legalBasis().equals(AMENDMENT)
                                    && amended.threshold().compareTo(new BigDecimal("90")) == 0
                                    && amended.kind() == RequirementKind.PERCENT_AT_LEAST
                                    && e.changes().get(0).previous().threshold().compareTo(new BigDecimal("85")) == 0
                                    && e.definition().indicator("1.2").equals(v1.indicator("1.2"));
                        }),
                        Matchers.andNoMore())));
        assertThat(v1.indicator("1.1").orElseThrow().requirement().threshold()).isEqualByComparingTo("85");
    }

    @Test
    void cannotAmendAnUnknownIndicator() {
        CriteriaSetDefinition v1 = TestSets.communeSet();
        fixture.given(new CriteriaSetPublishedEvent(v1))
                .when(new AmendCriteriaSetCommand(v1.id(), AMENDMENT, LocalDate.of(2024, 1, 2), null,
                        List.of(new RequirementAmendment("9.9", null, BigDecimal.ONE, Map.of(), null))))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.UNKNOWN_INDICATOR, "changes[0].indicatorCode"));
    }

    @Test
    void cannotAmendWithNoChange() {
        CriteriaSetDefinition v1 = TestSets.communeSet();
        fixture.given(new CriteriaSetPublishedEvent(v1))
                .when(new AmendCriteriaSetCommand(v1.id(), AMENDMENT, LocalDate.of(2024, 1, 2), null,
                        List.of(new RequirementAmendment("1.1", null, new BigDecimal("85"), Map.of(), null))))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.NO_CHANGE, "changes[0]"));
    }

    @Test
    void cannotAmendFromBeforeTheCurrentVersionApplies() {
        CriteriaSetDefinition v1 = TestSets.communeSet();
        fixture.given(new CriteriaSetPublishedEvent(v1))
                .when(new AmendCriteriaSetCommand(v1.id(), AMENDMENT, LocalDate.of(2021, 1, 1), null,
                        List.of(new RequirementAmendment("1.1", null, new BigDecimal("90"), Map.of(), null))))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_PERIOD, "effectiveFrom"));
    }

    @Test
    void cannotAmendWithALegalBasisDatedInTheFuture() {
        CriteriaSetDefinition v1 = TestSets.communeSet();
        LegalBasis future = new LegalBasis("3/QĐ-TEST", LocalDate.of(2030, 1, 1), "Test issuer", null);
        fixture.given(new CriteriaSetPublishedEvent(v1))
                .when(new AmendCriteriaSetCommand(v1.id(), future, LocalDate.of(2024, 1, 2), null,
                        List.of(new RequirementAmendment("1.1", null, new BigDecimal("90"), Map.of(), null))))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.FUTURE_DATE, "legalBasis.date"));
    }

    private static final LocalDate FROM = LocalDate.of(2024, 1, 2);

    private AmendCriteriaSetCommand restructure(IndicatorStructureAmendment... changes) {
        return new AmendCriteriaSetCommand(TestSets.SET, AMENDMENT, FROM, "restructure", List.of(), List.of(changes));
    }

    private static IndicatorStructureAmendment add(String criterion, IndicatorDefinition indicator) {
        return new IndicatorStructureAmendment(StructureChangeKind.ADDED, criterion, null, List.of(indicator),
                "thêm chỉ tiêu");
    }

    private static IndicatorStructureAmendment remove(String code) {
        return new IndicatorStructureAmendment(StructureChangeKind.REMOVED, null, code, List.of(), "bỏ chỉ tiêu");
    }

    private static IndicatorStructureAmendment split(String code, IndicatorDefinition... parts) {
        return new IndicatorStructureAmendment(StructureChangeKind.SPLIT, null, code, List.of(parts), "tách chỉ tiêu");
    }

    private static IndicatorStructureAmendment changeKind(IndicatorDefinition indicator) {
        return new IndicatorStructureAmendment(StructureChangeKind.KIND_CHANGED, null, indicator.code(),
                List.of(indicator), "đổi loại chỉ tiêu");
    }

    private static List<String> codes(CriteriaSetDefinition set, String criterion) {
        return set.criterion(criterion).orElseThrow().indicators().stream().map(IndicatorDefinition::code).toList();
    }

    @Test
    void anAmendmentAddsRemovesSplitsAndChangesTheKindOfIndicatorsInANewVersion() {
        CriteriaSetDefinition v1 = TestSets.communeSet();
        IndicatorDefinition roads = TestSets.indicator("2.3", TestSets.requirement(RequirementKind.RATIO_AT_LEAST, null));
        IndicatorDefinition villageRoads = TestSets.indicator("1.3a", TestSets.requirement(RequirementKind.RATIO_AT_LEAST, "70"));
        IndicatorDefinition alleys = TestSets.indicator("1.3b", TestSets.requirement(RequirementKind.RATIO_AT_LEAST, null));
        IndicatorDefinition asRatio = TestSets.indicator("3.1", TestSets.requirement(RequirementKind.RATIO_AT_LEAST, null));
        fixture.given(new CriteriaSetPublishedEvent(v1))
                .when(restructure(add("2", roads), remove("1.2"), split("1.3", villageRoads, alleys), changeKind(asRatio)))
                .expectResultMessagePayload(2)
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(payload -> {
                            CriteriaSetAmendedEvent e = (CriteriaSetAmendedEvent) payload;
                            CriteriaSetDefinition v2 = e.definition();
                            List<IndicatorStructureChange> c = e.structureChanges();
                            return e.version() == 2 && v2.version() == 2 && e.changes().isEmpty()
                                    && codes(v2, "1").equals(List.of("1.1", "1.3a", "1.3b"))
                                    && codes(v2, "2").equals(List.of("2.1", "2.2", "2.3"))
                                    && v2.indicator("3.1").orElseThrow().requirement().kind() == RequirementKind.RATIO_AT_LEAST
                                    && c.size() == 4
                                    && c.get(0).kind() == StructureChangeKind.ADDED && c.get(0).previous() == null
                                    && c.get(0).criterionCode().equals("2") && c.get(0).reason().equals("thêm chỉ tiêu")
                                    && c.get(1).kind() == StructureChangeKind.REMOVED
                                    && c.get(1).previous().equals(v1.indicator("1.2").orElseThrow())
                                    && c.get(2).kind() == StructureChangeKind.SPLIT
                                    && c.get(2).replacedBy().equals(List.of("1.3a", "1.3b"))
                                    && c.get(3).kind() == StructureChangeKind.KIND_CHANGED
                                    && c.get(3).previous().requirement().kind() == RequirementKind.ACHIEVED;
                        }),
                        Matchers.andNoMore())));
        assertThat(codes(v1, "1")).containsExactly("1.1", "1.2", "1.3");
    }

    @Test
    void cannotAddAnIndicatorUnderACodeTheSetHas() {
        fixture.given(new CriteriaSetPublishedEvent(TestSets.communeSet()))
                .when(restructure(add("2", TestSets.indicator("1.1", TestSets.requirement(RequirementKind.ACHIEVED, null)))))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.ALREADY_EXISTS, "structureChanges[0].indicators[0].code"));
    }

    @Test
    void cannotAddAnIndicatorToACriterionTheSetLacks() {
        fixture.given(new CriteriaSetPublishedEvent(TestSets.communeSet()))
                .when(restructure(add("9", TestSets.indicator("9.1", TestSets.requirement(RequirementKind.ACHIEVED, null)))))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "structureChanges[0].criterionCode"));
    }

    @Test
    void cannotRemoveAnUnknownIndicatorNorTheLastOfACriterion() {
        fixture.given(new CriteriaSetPublishedEvent(TestSets.communeSet()))
                .when(restructure(remove("9.9")))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.UNKNOWN_INDICATOR, "structureChanges[0].indicatorCode"));
        fixture.given(new CriteriaSetPublishedEvent(TestSets.communeSet()))
                .when(restructure(remove("4.1")))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "structureChanges[0].indicatorCode"));
    }

    @Test
    void aSplitTakesNewCodesSoTheOldEntriesAreNeverCarriedOver() {
        IndicatorDefinition keepsOldCode = TestSets.indicator("1.3", TestSets.requirement(RequirementKind.RATIO_AT_LEAST, null));
        IndicatorDefinition part = TestSets.indicator("1.3b", TestSets.requirement(RequirementKind.RATIO_AT_LEAST, null));
        fixture.given(new CriteriaSetPublishedEvent(TestSets.communeSet()))
                .when(restructure(split("1.3", keepsOldCode, part)))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.ALREADY_EXISTS, "structureChanges[0].indicators[0].code"));
        fixture.given(new CriteriaSetPublishedEvent(TestSets.communeSet()))
                .when(restructure(split("1.3", part)))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "structureChanges[0].indicators"));
    }

    @Test
    void aChangeOfKindChangesTheKindAndKeepsTheCode() {
        fixture.given(new CriteriaSetPublishedEvent(TestSets.communeSet()))
                .when(restructure(changeKind(TestSets.indicator("3.1", TestSets.requirement(RequirementKind.ACHIEVED, null)))))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.NO_CHANGE, "structureChanges[0].indicators[0].requirement.kind"));
        fixture.given(new CriteriaSetPublishedEvent(TestSets.communeSet()))
                .when(restructure(new IndicatorStructureAmendment(StructureChangeKind.KIND_CHANGED, null, "3.1",
                        List.of(TestSets.indicator("3.9", TestSets.requirement(RequirementKind.RATIO_AT_LEAST, null))), "x")))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "structureChanges[0].indicators[0].code"));
    }

    @Test
    void anIndicatorIsChangedOnceInAnAmendment() {
        CriteriaSetDefinition v1 = TestSets.communeSet();
        fixture.given(new CriteriaSetPublishedEvent(v1))
                .when(new AmendCriteriaSetCommand(v1.id(), AMENDMENT, FROM, null,
                        List.of(new RequirementAmendment("1.2", null, new BigDecimal("5"), Map.of(), null)),
                        List.of(remove("1.2"))))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "structureChanges[0].indicatorCode"));
    }

    @Test
    void aStructuralChangeGivesItsReasonAndAnAmendmentChangesSomething() {
        fixture.given(new CriteriaSetPublishedEvent(TestSets.communeSet()))
                .when(restructure(new IndicatorStructureAmendment(StructureChangeKind.REMOVED, null, "1.2", List.of(), " ")))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "structureChanges[0].reason"));
        fixture.given(new CriteriaSetPublishedEvent(TestSets.communeSet()))
                .when(restructure())
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_INPUT, "changes"));
    }

    @Test
    void cannotRemoveAnIndicatorARecognitionRuleNames() {
        CriteriaSetDefinition base = TestSets.communeSet();
        CriteriaSetDefinition withLapse = new CriteriaSetDefinition(base.id(), 1, base.title(), base.level(),
                base.grade(), base.phase(), base.legalBasis(), base.effectiveFrom(), null, null, null, base.criteria(),
                new RecognitionRules(null, null, List.of(new RecognitionRules.LapseRule("1.2",
                        RecognitionRules.LapseEffect.RECHECK, "test"))));
        fixture.given(new CriteriaSetPublishedEvent(withLapse))
                .when(restructure(remove("1.2")))
                .expectNoEvents()
                .expectException(Rejected.with(RejectionCode.INVALID_DEFINITION, "recognition.lapses[0]"));
    }

    private static CriteriaSetDefinition withCriteria(CriteriaSetDefinition set, List<CriterionDefinition> criteria) {
        return new CriteriaSetDefinition(set.id(), 1, set.title(), set.level(), set.grade(), set.phase(),
                set.legalBasis(), set.effectiveFrom(), null, null, null, criteria);
    }
}
