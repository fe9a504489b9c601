package org.ntmrecords.query.recognition;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The ids of recognition cases whose read row changed, published once the change is committed (so a subscriber
 * that reads the case sees it). Subscribers that fall behind lose ids rather than hold the projection up.
 */
@Component
public class CaseChangeFeed {
    private final Sinks.Many<String> changes = Sinks.many().multicast().directBestEffort();

    /** Publishes the case after the current transaction commits (at once outside a transaction). */
    void changed(String caseId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish(caseId);
                }
            });
        } else {
            publish(caseId);
        }
    }

    private void publish(String caseId) {
        changes.tryEmitNext(caseId);
    }

    public Flux<String> changes() {
        return changes.asFlux();
    }
}
