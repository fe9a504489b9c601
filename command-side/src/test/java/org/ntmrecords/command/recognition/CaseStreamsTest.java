package org.ntmrecords.command.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ntmrecords.command.recognition.RecognitionCaseTest.CASE;
import static org.ntmrecords.command.recognition.RecognitionCaseTest.CRITERIA;
import static org.ntmrecords.command.recognition.RecognitionCaseTest.DAY;
import static org.ntmrecords.command.recognition.RecognitionCaseTest.KNOWN;
import static org.ntmrecords.command.recognition.RecognitionCaseTest.POLICY;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.junit.jupiter.api.Test;
import org.ntmrecords.command.support.InMemoryUnitDirectory;
import org.ntmrecords.command.support.TestSets;
import org.ntmrecords.events.criteria.Grade;
import org.ntmrecords.events.recognition.AppraisalRecordedEvent;
import org.ntmrecords.events.recognition.CriterionAssessment;
import org.ntmrecords.events.recognition.DossierSubmittedEvent;
import org.ntmrecords.events.recognition.RecognitionCaseOpenedEvent;
import org.ntmrecords.events.recognition.RevocationCaseOpenedEvent;
import org.ntmrecords.events.recognition.RevocationDecidedEvent;
import org.ntmrecords.events.recognition.RevocationTrigger;
import org.ntmrecords.events.recognition.SatisfactionSurveyRecordedEvent;
import org.ntmrecords.events.recognition.SelfAssessmentRecordedEvent;
import org.ntmrecords.events.recognition.VerificationRecordedEvent;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.unit.UnitKind;

/**
 * The streams of the two kinds of case in an event store: a revocation case stored as the one class that carried
 * both kinds wrote it (aggregate type {@code RecognitionCase}, stream {@code recognition:<case>@R<year>}) loads as a
 * {@link RevocationCase} and takes its next step under the same names; each stream is loaded by its own class only.
 */
class CaseStreamsTest {
    private static final String REVOCATION = RecognitionCase.revocationCaseId(CASE, 2025);
    private static final String REVOCATION_STREAM = RecognitionCase.streamId(REVOCATION);
    private static final String RECOGNITION_STREAM = RecognitionCase.streamId(CASE);
    private static final RevocationTrigger TRIGGERED = POLICY.revocation().evaluate(TestSets.SET, 5,
            List.of("1", "2", "3"));
    private static final List<CriterionAssessment> FAILING = CRITERIA.stream()
            .map(c -> new CriterionAssessment(c, Integer.parseInt(c) <= 3 ? Judgment.NOT_MET : Judgment.MET, null, null))
            .toList();

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final CaseRepository<RecognitionCase> recognitions = CaseRepository.recognitions(
            EventSourcingRepository.builder(RecognitionCase.class).eventStore(store));
    private final CaseRepository<RevocationCase> revocations = CaseRepository.revocations(
            EventSourcingRepository.builder(RevocationCase.class).eventStore(store));
    private final InMemoryUnitDirectory units = new InMemoryUnitDirectory()
            .with("872", "Tháp Mười", UnitKind.DISTRICT, "87")
            .with("30049", "Tân Kiều", UnitKind.COMMUNE, "872");

    /** Events as the single class wrote them, before the split. */
    private void storedBeforeTheSplit(String stream, Object... payloads) {
        for (int i = 0; i < payloads.length; i++) {
            store.publish(new GenericDomainEventMessage<>("RecognitionCase", stream, i, payloads[i]));
        }
    }

    private void inUnitOfWork(Object command, Runnable work) {
        DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(command)).execute(work);
    }

    @Test
    void aRevocationCaseStoredBeforeTheSplitLoadsAsARevocationCaseAndTakesItsNextStep() {
        storedBeforeTheSplit(REVOCATION_STREAM,
                new RevocationCaseOpenedEvent(REVOCATION, CASE, "100/QĐ-TEST", "30049", UnitKind.COMMUNE,
                        TestSets.SET, 1, Grade.NTM, 2025, CRITERIA, TRIGGERED, null),
                new SelfAssessmentRecordedEvent(REVOCATION, 1, FAILING, KNOWN, List.of()),
                new SatisfactionSurveyRecordedEvent(REVOCATION, "MTTQ", DAY, new BigDecimal("40"), List.of(),
                        List.of(), List.of(), null, List.of()),
                new DossierSubmittedEvent(REVOCATION, 1, List.of()),
                new VerificationRecordedEvent(REVOCATION, 1, FAILING, true, null, List.of()),
                new AppraisalRecordedEvent(REVOCATION, 1, 7, 1, 0, true, null, List.of()));
        RecognitionCommands.Decide revoke = new RecognitionCommands.Decide(REVOCATION_STREAM, true, "9/QĐ", DAY,
                "Chủ tịch", "UBND tỉnh", null, null, null, null, TRIGGERED);

        inUnitOfWork(revoke, () -> new CaseSteps(recognitions, revocations).handle(revoke, units, null,
                TestSets.CLOCK));

        List<? extends DomainEventMessage<?>> stream = store.readEvents(REVOCATION_STREAM).asStream().toList();
        assertThat(stream).hasSize(7);
        DomainEventMessage<?> decided = stream.get(6);
        assertThat(decided.getPayload()).isEqualTo(new RevocationDecidedEvent(REVOCATION, CASE, true, "9/QĐ", DAY,
                "Chủ tịch", "UBND tỉnh", null, TRIGGERED, null, null));
        assertThat(decided.getSequenceNumber()).isEqualTo(6);
        assertThat(stream).extracting(DomainEventMessage::getType).containsOnly(RecognitionCase.TYPE)
                .containsOnly("RecognitionCase");
    }

    @Test
    void eachStreamIsLoadedByItsOwnClassOnly() {
        storedBeforeTheSplit(RECOGNITION_STREAM, new RecognitionCaseOpenedEvent(CASE, "30049", UnitKind.COMMUNE,
                TestSets.SET, 1, Grade.NTM, 2024, CRITERIA, TestSets.PLAN, false, null, null));
        storedBeforeTheSplit(REVOCATION_STREAM, new RevocationCaseOpenedEvent(REVOCATION, CASE, "100/QĐ-TEST",
                "30049", UnitKind.COMMUNE, TestSets.SET, 1, Grade.NTM, 2025, CRITERIA, TRIGGERED, null));
        inUnitOfWork("load", () -> {
            assertThat(recognitions.load(RECOGNITION_STREAM).rootType()).isEqualTo(RecognitionCase.class);
            assertThat(revocations.load(REVOCATION_STREAM).rootType()).isEqualTo(RevocationCase.class);
            assertThatThrownBy(() -> recognitions.load(REVOCATION_STREAM))
                    .isInstanceOf(AggregateNotFoundException.class).hasMessageContaining("recognition case");
            assertThatThrownBy(() -> revocations.load(RECOGNITION_STREAM))
                    .isInstanceOf(AggregateNotFoundException.class).hasMessageContaining("revocation case");
        });
        // a recognition's lapse deadline is offered to the recognition cases only
        AggregateScopeDescriptor lapse = new AggregateScopeDescriptor(RecognitionCase.TYPE, RECOGNITION_STREAM);
        assertThat(recognitions.canResolve(lapse)).isTrue();
        assertThat(revocations.canResolve(lapse)).isFalse();
        AggregateScopeDescriptor revocation = new AggregateScopeDescriptor(RecognitionCase.TYPE, REVOCATION_STREAM);
        assertThat(revocations.canResolve(revocation)).isTrue();
        assertThat(recognitions.canResolve(revocation)).isFalse();
    }
}
