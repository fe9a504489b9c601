package org.ntmrecords.command.common;

import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;

/**
 * Sends commands and turns the ways they are refused into typed errors. A command that is refused has
 * stored nothing: handlers check before they apply, and the unit of work rolls back on any exception.
 */
public class CommandRunner {
    private final CommandGateway gateway;

    public CommandRunner(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * Sends a command.
     *
     * @param command      the command, built lazily so that input that cannot even form a command is
     *                     reported the same way
     * @param notFound     the error to report when the target record does not exist
     * @param alreadyThere the error to report when a record the command creates already exists
     */
    public <R> Outcome<R> send(Supplier<Object> command, Function<String, UserError> notFound,
                               Supplier<UserError> alreadyThere) {
        try {
            R result = gateway.sendAndWait(command.get());
            return Outcome.ok(result);
        } catch (CommandRejectedException e) {
            return Outcome.rejected(UserError.of(e));
        } catch (AggregateNotFoundException e) {
            return Outcome.rejected(notFound.apply(String.valueOf(e.getAggregateIdentifier())));
        } catch (IncompatibleAggregateException e) {
            // the id names a record of another kind (a unit code given as a set id): no record of this kind has it
            return Outcome.rejected(notFound.apply(null));
        } catch (AggregateStreamCreationException e) {
            return Outcome.rejected(alreadyThere.get());
        } catch (EventStoreException e) {
            if (e.getCause() instanceof AggregateStreamCreationException) {
                return Outcome.rejected(alreadyThere.get());
            }
            throw e;
        }
    }
}
