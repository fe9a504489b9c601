package org.ntmrecords.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ntmrecords.command.access.Role;
import org.ntmrecords.command.agency.AgencyDirectory;
import org.ntmrecords.command.agency.AgencyFacts;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.CommandText;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.events.account.AccountDisabledEvent;
import org.ntmrecords.events.account.AccountEnabledEvent;
import org.ntmrecords.events.account.AccountRegisteredEvent;
import org.ntmrecords.events.account.AccountRoleChangedEvent;

/**
 * A user account: its role and the jurisdiction it acts in. A role with a unit acts on that unit and the
 * units under it; a district agency account also names its agency, whose assignments limit what it may
 * record. Credentials are not part of the record.
 */
@Aggregate
public class Account {
    private static final String PREFIX = "account:";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    @AggregateIdentifier
    private String streamId;
    private String username;
    private Role role;
    private String unitCode;
    private String agencyId;
    private boolean enabled;

    protected Account() {
    }

    public static String streamId(String username) {
        return PREFIX + username;
    }

    /** A well-formed username (3 to 64 lower-case letters, digits, '.', '_' or '-'), or a typed refusal. */
    public static String checkUsername(String username) {
        String name = Inputs.requiredLine("username", username, 64);
        if (!USERNAME.matcher(name).matches()) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "username",
                    CommandText.of("account.username"));
        }
        return name;
    }

    public static boolean isUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    @CommandHandler
    public Account(RegisterAccountCommand command, UnitDirectory units, AgencyDirectory agencies,
                   AccountDirectory accounts) {
        String name = checkUsername(command.username());
        if (accounts.exists(name)) {
            throw new CommandRejectedException(RejectionCode.ALREADY_EXISTS, "username",
                    CommandText.of("account.exists", name));
        }
        Jurisdiction j = Jurisdiction.check(command.role(), command.unitCode(), command.agencyId(), units, agencies);
        apply(new AccountRegisteredEvent(name, Inputs.requiredLine("displayName", command.displayName(), Inputs.NAME_MAX),
                j.role().name(), j.unitCode(), j.agencyId()));
    }

    @CommandHandler
    public void handle(ChangeAccountRoleCommand command, UnitDirectory units, AgencyDirectory agencies) {
        Jurisdiction j = Jurisdiction.check(command.role(), command.unitCode(), command.agencyId(), units, agencies);
        if (j.role() == role && Objects.equals(j.unitCode(), unitCode) && Objects.equals(j.agencyId(), agencyId)) {
            throw new CommandRejectedException(RejectionCode.NO_CHANGE, "role",
                    CommandText.of("account.sameRole", username));
        }
        apply(new AccountRoleChangedEvent(username, role.name(), unitCode, agencyId, j.role().name(), j.unitCode(),
                j.agencyId(), Inputs.optionalText("reason", command.reason(), Inputs.TEXT_MAX)));
    }

    @CommandHandler
    public void handle(DisableAccountCommand command) {
        if (!enabled) {
            throw new CommandRejectedException(RejectionCode.NO_CHANGE, "username",
                    CommandText.of("account.alreadyDisabled", username));
        }
        apply(new AccountDisabledEvent(username, Inputs.requiredText("reason", command.reason(), Inputs.TEXT_MAX)));
    }

    @CommandHandler
    public void handle(EnableAccountCommand command) {
        if (enabled) {
            throw new CommandRejectedException(RejectionCode.NO_CHANGE, "username",
                    CommandText.of("account.alreadyEnabled", username));
        }
        apply(new AccountEnabledEvent(username, Inputs.requiredText("reason", command.reason(), Inputs.TEXT_MAX)));
    }

    /** A role with the unit and agency it needs, and nothing it does not. */
    private record Jurisdiction(Role role, String unitCode, String agencyId) {
        static Jurisdiction check(Role role, String unitCode, String agencyId, UnitDirectory units,
                                  AgencyDirectory agencies) {
            if (role == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "role",
                        CommandText.of("account.roleRequired"));
            }
            if (role == Role.SYSTEM) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "role",
                        CommandText.of("account.systemRole"));
            }
            String unit = Inputs.optionalLine("unitCode", unitCode, Inputs.CODE_MAX);
            String agency = Inputs.optionalLine("agencyId", agencyId, Inputs.CODE_MAX);
            if (role.needsUnit() && unit == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "unitCode",
                        CommandText.of("account.unitNeeded", CommandText.term(role)));
            }
            if (!role.needsUnit() && unit != null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "unitCode",
                        CommandText.of("account.noUnit", CommandText.term(role)));
            }
            if (unit != null && units.find(unit).isEmpty()) {
                throw new CommandRejectedException(RejectionCode.UNKNOWN_UNIT, "unitCode",
                        CommandText.of("unit.notRegistered", unit));
            }
            if (role == Role.DISTRICT_AGENCY) {
                if (agency == null) {
                    throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "agencyId",
                            CommandText.of("account.agencyNeeded"));
                }
                AgencyFacts facts = agencies.find(agency).orElseThrow(() -> new CommandRejectedException(
                        RejectionCode.UNKNOWN_AGENCY, "agencyId", CommandText.of("agency.notRegistered", agency)));
                if (!facts.unitCode().equals(unit)) {
                    throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "unitCode",
                            CommandText.of("account.agencyOfOtherUnit", agency, facts.unitCode(), unit));
                }
            } else if (agency != null) {
                throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "agencyId",
                        CommandText.of("account.agencyOnlyForAgencies"));
            }
            return new Jurisdiction(role, unit, agency);
        }
    }

    @EventSourcingHandler
    void on(AccountRegisteredEvent event) {
        streamId = streamId(event.username());
        username = event.username();
        role = Role.valueOf(event.role());
        unitCode = event.unitCode();
        agencyId = event.agencyId();
        enabled = true;
    }

    @EventSourcingHandler
    void on(AccountRoleChangedEvent event) {
        role = Role.valueOf(event.role());
        unitCode = event.unitCode();
        agencyId = event.agencyId();
    }

    @EventSourcingHandler
    void on(AccountDisabledEvent event) {
        enabled = false;
    }

    @EventSourcingHandler
    void on(AccountEnabledEvent event) {
        enabled = true;
    }
}
