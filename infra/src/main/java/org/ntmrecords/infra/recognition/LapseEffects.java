package org.ntmrecords.infra.recognition;

import org.ntmrecords.command.common.WriteSide;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.scorecard.MarkIndicatorNotAssessedCommand;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.criteria.RecognitionRules.LapseEffect;
import org.ntmrecords.events.recognition.StandardLapsedEvent;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies what a set says a lapsed standard does to the indicator resting on it: {@link LapseEffect#RECHECK}
 * marks the indicator not assessed from the day after the last valid day, as the lapse's actor
 * ({@code system:expiry}). The mark's id is derived from the lapse, so handling the same lapse again records nothing
 * new. A unit not tracked under the set has no indicator to change, nor has a unit that ceased before the lapse.
 */
@Component
@WriteSide
@ProcessingGroup(LapseEffects.PROCESSING_GROUP)
public class LapseEffects {
    public static final String PROCESSING_GROUP = "lapse-effects";
    private static final Logger log = LoggerFactory.getLogger(LapseEffects.class);

    private final CommandGateway commands;

    public LapseEffects(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    public void on(StandardLapsedEvent event) {
        if (event.effect() != LapseEffect.RECHECK) {
            return;
        }
        String mark = "lapse-" + event.certificationId() + "-" + event.validUntil();
        MarkIndicatorNotAssessedCommand command = new MarkIndicatorNotAssessedCommand(
                ScorecardId.of(event.unitCode(), event.setId()), mark, event.indicatorCode(),
                Period.on(event.validUntil().plusDays(1)), event.subject() + ": " + event.standard()
                + " lapsed after " + event.validUntil() + "; the indicator needs checking again",
                List.<DocumentRef>of());
        try {
            // stamped with the lapse's actor (system:expiry) and correlation by CommandMetadataInterceptor
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            log.info("{} is not tracked under {}: no indicator to mark after {} lapsed", event.unitCode(),
                    event.setId(), event.certificationId());
        } catch (CommandRejectedException e) {
            if (e.code() == RejectionCode.UNIT_CEASED) {
                // the unit ceased before its standard lapsed: the lapse changes nothing on its record
                log.info("{} ceased before {} lapsed: no indicator to mark ({})", event.unitCode(),
                        event.certificationId(), e.getMessage());
            } else if (e.code() != RejectionCode.ALREADY_EXISTS) {
                throw e;
            }
        }
    }
}
