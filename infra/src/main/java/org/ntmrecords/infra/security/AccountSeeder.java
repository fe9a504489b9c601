package org.ntmrecords.infra.security;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ntmrecords.command.account.RegisterAccountCommand;
import org.ntmrecords.infra.axon.ActingAs;
import org.ntmrecords.infra.axon.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the configured seed accounts that do not exist yet (the demo accounts, or a first administrator)
 * and sets their passwords from configuration on every start, stored as hashes.
 */
public class AccountSeeder {
    public static final Actor ACTOR = Actor.system("account-seed");
    private static final Logger log = LoggerFactory.getLogger(AccountSeeder.class);

    private final SecurityProperties.Seed seed;
    private final CommandGateway commands;
    private final AccountLookup accounts;
    private final Credentials credentials;

    public AccountSeeder(SecurityProperties.Seed seed, CommandGateway commands, AccountLookup accounts,
                         Credentials credentials) {
        this.seed = seed;
        this.commands = commands;
        this.accounts = accounts;
        this.credentials = credentials;
    }

    /**
     * On a query replica: only the seed accounts' password hashes (the accounts themselves arrive with the events).
     */
    public void seedCredentials() {
        for (SecurityProperties.SeedAccount account : seed.accounts()) {
            String password = account.password() != null ? account.password() : seed.password();
            if (password != null) {
                credentials.set(account.username(), password);
            }
        }
    }

    public void seed() throws Exception {
        ActingAs.call(ACTOR, () -> {
            for (SecurityProperties.SeedAccount account : seed.accounts()) {
                if (accounts.find(account.username()).isEmpty()) {
                    commands.sendAndWait(new RegisterAccountCommand(account.username(), account.displayName(),
                            account.role(), account.unitCode(), account.agencyId()));
                    log.info("Seeded account {} ({})", account.username(), account.role());
                }
                String password = account.password() != null ? account.password() : seed.password();
                if (password != null) {
                    credentials.set(account.username(), password);
                }
            }
            return null;
        });
    }
}
