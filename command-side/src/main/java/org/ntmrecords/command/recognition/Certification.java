package org.ntmrecords.command.recognition;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.criteria.SetCoverage;
import org.ntmrecords.command.unit.Cessation;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.command.unit.UnitFacts;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.RecognitionRules.LapseEffect;
import org.ntmrecords.events.criteria.RecognitionRules;
import org.ntmrecords.events.recognition.StandardCertifiedEvent;
import org.ntmrecords.events.recognition.StandardLapsedEvent;
import org.ntmrecords.events.recognition.StandardRenewedEvent;

/**
 * A standard with a validity period held by something in a unit, and the indicator of a set that rests on it. A
 * deadline at the start of the day after its last valid day lapses it unless it was renewed; the lapse says what
 * the set defines for that indicator ({@link LapseEffect}).
 */
@Aggregate
public class Certification {
    private static final String PREFIX = "certification:";
    /** The deadline that lapses a certified standard. */
    public static final String LAPSE = "standard-lapse";

    @AggregateIdentifier
    private String streamId;
    private String certificationId;
    private String unitCode;
    private String subject;
    private String standard;
    private String setId;
    private String indicatorCode;
    private LapseEffect effect;
    private LocalDate validUntil;
    private boolean lapsed;

    protected Certification() {
    }

    public static String streamId(String certificationId) {
        return PREFIX + certificationId;
    }

    @CommandHandler
    public Certification(CertificationCommands.CertifyStandard command, UnitDirectory units, CriteriaCatalog catalog,
                         DeadlineManager deadlines, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        String id = Inputs.requiredCode("certificationId", command.certificationId());
        if (!streamId(id).equals(command.streamId())) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "certificationId",
                    CommandText.of("recognition.certification.streamId", id, streamId(id)));
        }
        String unitCode = Inputs.requiredCode("unitCode", command.unitCode());
        UnitFacts unit = RecognitionCase.registered(units, unitCode, "unitCode");
        requireExisted(units, unit, command.document(), today, false);
        String setId = Inputs.requiredCode("setId", command.setId());
        CriteriaSetDefinition set = catalog.latest(setId).orElseThrow(() -> new CommandRejectedException(
                RejectionCode.UNKNOWN_CRITERIA_SET, "setId", CommandText.of("criteria.notPublished", setId)));
        SetCoverage.requireCovers(set, unit, units, "setId");
        String indicator = Inputs.requiredLine("indicatorCode", command.indicatorCode(), Inputs.CODE_MAX);
        if (set.indicator(indicator).isEmpty()) {
            throw new CommandRejectedException(RejectionCode.UNKNOWN_INDICATOR, "indicatorCode",
                    CommandText.of("recognition.certification.indicatorNotInSet", indicator, setId));
        }
        LocalDate validUntil = validUntil(command.validUntil());
        RecognitionRules rules = set.recognition();
        LapseEffect effect = rules == null ? null : rules.lapse(indicator).map(RecognitionRules.LapseRule::effect)
                .orElse(null);
        deadlines.schedule(RecognitionCase.lapseInstant(validUntil), LAPSE, new RecognitionCase.LapseDue(validUntil));
        apply(new StandardCertifiedEvent(id, unitCode,
                Inputs.requiredLine("subject", command.subject(), Inputs.NAME_MAX),
                Inputs.requiredLine("standard", command.standard(), Inputs.NAME_MAX), validUntil, setId, indicator,
                effect, Inputs.document("document", command.document(), today),
                Inputs.optionalText("note", command.note(), Inputs.TEXT_MAX)));
    }

    @CommandHandler
    public void handle(CertificationCommands.RenewStandard command, UnitDirectory units, DeadlineManager deadlines,
                       Clock clock) {
        if (!unitCode.equals(command.unitCode())) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "unitCode",
                    CommandText.of("recognition.certification.otherUnit", certificationId, unitCode));
        }
        requireExisted(units, units.find(unitCode).orElse(null), command.document(), LocalDate.now(clock), true);
        LocalDate renewed = validUntil(command.validUntil());
        if (!renewed.isAfter(validUntil)) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "validUntil",
                    CommandText.of("recognition.certification.renewalExtends", validUntil));
        }
        deadlines.cancelAllWithinScope(LAPSE);
        deadlines.schedule(RecognitionCase.lapseInstant(renewed), LAPSE, new RecognitionCase.LapseDue(renewed));
        apply(new StandardRenewedEvent(certificationId, unitCode, renewed,
                Inputs.document("document", command.document(), LocalDate.now(clock))));
    }

    @DeadlineHandler(deadlineName = LAPSE)
    void lapse(RecognitionCase.LapseDue due) {
        if (!lapsed && due.validUntil().equals(validUntil)) {
            apply(new StandardLapsedEvent(certificationId, unitCode, subject, standard, validUntil, setId,
                    indicatorCode, effect));
        }
    }

    /**
     * A certification or renewal is a fact about its unit on its document's date (the day it is recorded when the
     * document gives none): refused for a unit that had ceased by then.
     */
    private static void requireExisted(UnitDirectory units, UnitFacts unit, DocumentRef document, LocalDate today,
                                       boolean renewal) {
        boolean dated = document != null && document.date() != null;
        LocalDate day = dated ? document.date() : today;
        Message fact = renewal
                ? dated ? CommandText.of("recognition.certification.fact.renewalDated", day)
                : CommandText.of("recognition.certification.fact.renewalRecorded", day)
                : dated ? CommandText.of("recognition.certification.fact.dated", day)
                : CommandText.of("recognition.certification.fact.recorded", day);
        Cessation.requireExisted(units, unit, day, dated ? "document.date" : "unitCode", fact);
    }

    private static LocalDate validUntil(LocalDate date) {
        if (date == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "validUntil",
                    CommandText.of("recognition.certification.validUntilRequired"));
        }
        if (date.isBefore(Inputs.EARLIEST_DATE) || date.getYear() > 2200) {
            throw new CommandRejectedException(RejectionCode.OUT_OF_RANGE, "validUntil",
                    CommandText.of("recognition.certification.validUntilImplausible"));
        }
        return date;
    }

    @EventSourcingHandler
    void on(StandardCertifiedEvent event) {
        streamId = streamId(event.certificationId());
        certificationId = event.certificationId();
        unitCode = event.unitCode();
        subject = event.subject();
        standard = event.standard();
        setId = event.setId();
        indicatorCode = event.indicatorCode();
        effect = event.effect();
        validUntil = event.validUntil();
    }

    @EventSourcingHandler
    void on(StandardRenewedEvent event) {
        validUntil = event.validUntil();
        lapsed = false;
    }

    @EventSourcingHandler
    void on(StandardLapsedEvent event) {
        lapsed = true;
    }
}
