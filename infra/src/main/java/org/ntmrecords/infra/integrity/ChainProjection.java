package org.ntmrecords.infra.integrity;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;

/**
 * Links every stored event into the hash chain, in its own processor ({@value #PROCESSING_GROUP}): one ordered
 * stream, never reset (a read-model rebuild leaves the chain alone), halting on failure like every processor.
 */
@ProcessingGroup(ChainProjection.PROCESSING_GROUP)
public class ChainProjection {
    public static final String PROCESSING_GROUP = "integrity-chain";

    private final HashChain chain;

    public ChainProjection(HashChain chain) {
        this.chain = chain;
    }

    @EventHandler
    public void on(Object event, @MessageIdentifier String eventId) {
        chain.append(eventId);
    }
}
