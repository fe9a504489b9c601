package org.ntmrecords.infra.integrity;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Links every stored event into the hash chain, in its own processor ({@value #PROCESSING_GROUP}): one ordered
 * stream, never reset (a read-model rebuild leaves the chain alone), halting on failure like every processor.
 * The events of a processor batch are linked together when the batch commits, in the order they were handled.
 */
@ProcessingGroup(ChainProjection.PROCESSING_GROUP)
public class ChainProjection {
    public static final String PROCESSING_GROUP = "integrity-chain";
    private static final String PENDING = ChainProjection.class.getName() + ".pending";

    private final HashChain chain;

    public ChainProjection(HashChain chain) {
        this.chain = chain;
    }

    @EventHandler
    public void on(Object event, @MessageIdentifier String eventId) {
        if (!CurrentUnitOfWork.isStarted()) {
            chain.append(eventId);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<String> pending = batch.getResource(PENDING);
        if (pending == null) {
            List<String> ids = new ArrayList<>();
            batch.resources().put(PENDING, ids);
            batch.onPrepareCommit(uow -> chain.appendAll(ids));
            pending = ids;
        }
        pending.add(eventId);
    }
}
