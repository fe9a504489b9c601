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

    private static CriteriaSetDefinition withCriteria(CriteriaSetDefinition set, List<CriterionDefinition> criteria) {
        return new CriteriaSetDefinition(set.id(), 1, set.title(), set.level(), set.grade(), set.phase(),
                set.legalBasis(), set.effectiveFrom(), null, null, null, criteria);
    }
}
