package org.ntmrecords.command.access;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.events.common.Message;

/**
 * Checks every command against the {@link AccessPolicy} before its handler runs, so a refused command stores
 * nothing. Refusals are written to the {@link SecurityLog} (in English, for operators), not to the event store, and
 * reach the client as NOT_ALLOWED in its language.
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
            Message reason = CommandText.of("access.unauthenticated");
            log.denied(unknown, name, null, reason.toString());
            throw new CommandRejectedException(RejectionCode.NOT_ALLOWED, null, reason);
        }
        AccessPolicy.Decision decision = policy.decide(acting, command.getPayload());
        if (!decision.allowed()) {
            // the log is for operators: in English
            log.denied(acting, name, decision.targetUnit(), decision.reason().toString());
            throw new CommandRejectedException(RejectionCode.NOT_ALLOWED, null, decision.reason());
        }
        return chain.proceed();
    }
}
