package org.ntmrecords.infra.integrity;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Stops every event processor at an event the storage engine refused by its seal
 * ({@link SealedEventStorageEngine#TAMPERED}): the handler fails, the batch rolls back, the processor keeps its position
 * before the event and retries with back-off, in error state for all to see. Nothing reads past it, nothing projects
 * or links it, nothing publishes it.
 */
public class TamperedEventGuard implements MessageHandlerInterceptor<EventMessage<?>> {
    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object refusal = unitOfWork.getMessage().getMetaData().get(SealedEventStorageEngine.TAMPERED);
        if (refusal != null) {
            throw new SealedEventStorageEngine.TamperedEventException(String.valueOf(refusal));
        }
        return chain.proceed();
    }
}
