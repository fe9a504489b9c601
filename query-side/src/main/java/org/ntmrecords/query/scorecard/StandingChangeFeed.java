package org.ntmrecords.query.scorecard;

import java.util.LinkedHashSet;
import java.util.Set;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The scorecards (unit and set) whose standing rows changed, published once the change is committed (so a
 * subscriber that reads the standing sees it). A scorecard changed several times in one transaction (a value, then
 * the indicator, criterion and standing judgments it caused) is published once. Subscribers that fall behind lose
 * changes rather than hold the projection up.
 */
@Component
public class StandingChangeFeed {
    /** A unit's standing under a set changed. */
    public record StandingChange(String unitCode, String setId) {
        static StandingChange of(String scorecardId) {
            return new StandingChange(ScorecardId.unitCodeOf(scorecardId), ScorecardId.setIdOf(scorecardId));
        }
    }

    private final Sinks.Many<StandingChange> changes = Sinks.many().multicast().directBestEffort();

    /** Publishes the scorecard after the current transaction commits (at once outside a transaction). */
    void changed(String scorecardId) {
        StandingChange change = StandingChange.of(scorecardId);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publish(change);
            return;
        }
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof AfterCommit pending && pending.feed() == this) {
                pending.changes().add(change);
                return;
            }
        }
        AfterCommit pending = new AfterCommit(this, new LinkedHashSet<>());
        pending.changes().add(change);
        TransactionSynchronizationManager.registerSynchronization(pending);
    }

    /** One at a time: the sink refuses concurrent emissions, and the processor's segments commit on threads of their own. */
    private synchronized void publish(StandingChange change) {
        changes.tryEmitNext(change);
    }

    public Flux<StandingChange> changes() {
        return changes.asFlux();
    }

    /** The changes of one transaction, published in the order first made once it commits (none on rollback). */
    private record AfterCommit(StandingChangeFeed feed, Set<StandingChange> changes) implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            changes.forEach(feed::publish);
        }
    }
}
