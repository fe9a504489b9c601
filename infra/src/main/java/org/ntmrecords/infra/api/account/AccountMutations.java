package org.ntmrecords.infra.api.account;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.account.Account;
import org.ntmrecords.command.account.ChangeAccountRoleCommand;
import org.ntmrecords.command.account.DisableAccountCommand;
import org.ntmrecords.command.account.EnableAccountCommand;
import org.ntmrecords.command.account.RegisterAccountCommand;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandRunner;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.Outcome;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.common.UserError;
import org.ntmrecords.events.common.Message;
import org.ntmrecords.infra.api.ApiText;
import org.ntmrecords.infra.api.PayloadReads;
import org.ntmrecords.infra.security.AccountLookup;
import org.ntmrecords.infra.security.Credentials;
import org.ntmrecords.infra.security.NtmPrincipal;
import org.ntmrecords.query.account.AccountReadRepository;
import org.ntmrecords.query.account.AccountView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts through GraphQL. Role and jurisdiction are events (through the account's commands, checked like
 * any other); a password is only ever stored as a hash, in the same transaction as the account's event.
 */
@Controller
public class AccountMutations {
    private final CommandRunner commands;
    private final Credentials credentials;
    private final AccountLookup accounts;
    private final TransactionTemplate transaction;
    private final org.ntmrecords.command.access.SecurityLog log;
    private final AccountReadRepository readModel;
    private final PayloadReads payloads;

    public AccountMutations(CommandRunner commands, Credentials credentials, AccountLookup accounts,
                            TransactionTemplate transaction, org.ntmrecords.command.access.SecurityLog log,
                            AccountReadRepository readModel, PayloadReads payloads) {
        this.commands = commands;
        this.credentials = credentials;
        this.accounts = accounts;
        this.transaction = transaction;
        this.log = log;
        this.readModel = readModel;
        this.payloads = payloads;
    }

    public record RegisterAccountInput(String username, String displayName, Role role, String unitCode,
                                       String agencyId, String password) {
    }

    public record ChangeAccountRoleInput(String username, Role role, String unitCode, String agencyId, String reason) {
    }

    public record AccountStateInput(String username, String reason) {
    }

    public record SetPasswordInput(String username, String password) {
    }

    /**
     * What an account mutation answers.
     *
     * @param storeHead the event store's head before the command: its account is read once the projections are past it
     */
    public record AccountPayload(String username, List<UserError> errors, long storeHead) {
        /** The answer to a change that stores no event (a password, a refusal): there is nothing to wait for. */
        AccountPayload(String username, List<UserError> errors) {
            this(username, errors, Long.MAX_VALUE);
        }

        static AccountPayload of(String username, Outcome<?> outcome, long storeHead) {
            return new AccountPayload(outcome.succeeded() ? Inputs.normalize(username) : null, outcome.errors(),
                    storeHead);
        }
    }

    /**
     * The account as the read model holds it after the mutation: one lookup, once this process has projected it
     * (administrators and auditors, as every account's fields).
     */
    @SchemaMapping(typeName = "AccountPayload", field = "account")
    public AccountView account(AccountPayload payload) {
        if (payload.username() == null) {
            return null;
        }
        return payloads.read(payload.storeHead(), () -> readModel.find(payload.username()).orElse(null));
    }

    @QueryMapping
    public NtmPrincipal me(@AuthenticationPrincipal NtmPrincipal principal) {
        return principal;
    }

    @MutationMapping
    public AccountPayload registerAccount(@Argument RegisterAccountInput input) {
        long head = payloads.mark();
        Outcome<Object> outcome = transaction.execute(status -> {
            Outcome<Object> sent = commands.send(() -> {
                        if (input.password() != null) {
                            Credentials.check(input.password());
                        }
                        return new RegisterAccountCommand(input.username(), input.displayName(), input.role(),
                                input.unitCode(), input.agencyId());
                    },
                    id -> unknown(input.username()),
                    () -> new UserError(RejectionCode.ALREADY_EXISTS, "username",
                            CommandText.of("account.exists", input.username())));
            if (sent.succeeded() && input.password() != null) {
                credentials.set(input.username(), input.password());
            }
            if (!sent.succeeded()) {
                status.setRollbackOnly();
            }
            return sent;
        });
        return AccountPayload.of(input.username(), outcome, head);
    }

    @MutationMapping
    public AccountPayload changeAccountRole(@Argument ChangeAccountRoleInput input) {
        long head = payloads.mark();
        return AccountPayload.of(input.username(), commands.send(() -> new ChangeAccountRoleCommand(Account.checkUsername(input.username()),
                input.role(), input.unitCode(), input.agencyId(), input.reason()), id -> unknown(input.username()), () -> unknown(input.username())), head);
    }

    @MutationMapping
    public AccountPayload disableAccount(@Argument AccountStateInput input) {
        long head = payloads.mark();
        return AccountPayload.of(input.username(), commands.send(
                () -> new DisableAccountCommand(Account.checkUsername(input.username()), input.reason()), id -> unknown(input.username()), () -> unknown(input.username())), head);
    }

    @MutationMapping
    public AccountPayload enableAccount(@Argument AccountStateInput input) {
        long head = payloads.mark();
        return AccountPayload.of(input.username(), commands.send(
                () -> new EnableAccountCommand(Account.checkUsername(input.username()), input.reason()), id -> unknown(input.username()), () -> unknown(input.username())), head);
    }

    /** Administrators set any local account's password; every account may set its own. */
    @MutationMapping
    public AccountPayload setAccountPassword(@Argument SetPasswordInput input,
                                             @AuthenticationPrincipal NtmPrincipal principal) {
        if (principal.role() != Role.ADMINISTRATOR && !principal.username().equals(input.username())) {
            Message reason = ApiText.of("account.passwordOfOther");
            // the log is for operators: in English
            log.denied(new org.ntmrecords.command.access.Acting(principal.username(), principal.role(),
                    principal.unitCode(), principal.agencyId()), "SetAccountPassword", null,
                    reason + " (tried: " + (org.ntmrecords.command.account.Account.isUsername(input.username())
                            ? input.username() : "not a user name") + ")");
            return new AccountPayload(null, List.of(new UserError(RejectionCode.NOT_ALLOWED, "username", reason)));
        }
        if (accounts.find(input.username()).isEmpty()) {
            return new AccountPayload(null, List.of(unknown(input.username())));
        }
        try {
            credentials.set(input.username(), input.password());
        } catch (CommandRejectedException e) {
            return new AccountPayload(null, List.of(UserError.of(e)));
        }
        return new AccountPayload(input.username(), List.of());
    }

    private static UserError unknown(String username) {
        return new UserError(RejectionCode.UNKNOWN_ACCOUNT, "username", ApiText.of("account.unknown", username));
    }
}
