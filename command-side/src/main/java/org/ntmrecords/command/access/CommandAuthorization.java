package org.ntmrecords.command.access;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.RejectionCode;

/**
 * Checks every command against the {@link AccessPolicy} before its handler runs, so a refused command stores
 * nothing. Refusals are written to the {@link SecurityLog}, not to the event store.
 */
public class CommandAuthorization implements MessageHandlerInterceptor<CommandMessage<?>> {
    private final AccessPolicy policy;
    private final SecurityLog log;

    public CommandAuthorization(AccessPolicy policy, SecurityLog log) {
        this.policy = policy;
        this.log = log;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        String name = command.getPayloadType().getSimpleName();
        Acting acting = Acting.from(command.getMetaData()).orElse(null);
        if (acting == null) {
            Acting unknown = new Acting("(unauthenticated)", Role.DASHBOARD_VIEWER, null, null);
            log.denied(unknown, name, null, "no authenticated actor");
            throw new CommandRejectedException(RejectionCode.NOT_ALLOWED, null, "no authenticated actor");
        }
        AccessPolicy.Decision decision = policy.decide(acting, command.getPayload());
        if (!decision.allowed()) {
            log.denied(acting, name, decision.targetUnit(), decision.reason());
            throw new CommandRejectedException(RejectionCode.NOT_ALLOWED, null, decision.reason());
        }
        return chain.proceed();
    }
}
