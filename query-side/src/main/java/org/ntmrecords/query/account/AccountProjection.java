package org.ntmrecords.query.account;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.ntmrecords.events.account.AccountDisabledEvent;
import org.ntmrecords.events.account.AccountEnabledEvent;
import org.ntmrecords.events.account.AccountRegisteredEvent;
import org.ntmrecords.events.account.AccountRoleChangedEvent;
import org.ntmrecords.query.common.ReadModel;
import org.ntmrecords.query.common.ReadModelWriter;
import org.ntmrecords.query.common.Sql;
import org.springframework.stereotype.Component;

/** Keeps {@code read_model.account}: each account's current role, jurisdiction and state. */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class AccountProjection {
    private final ReadModelWriter writer;

    public AccountProjection(ReadModelWriter writer) {
        this.writer = writer;
    }

    /** A replay rebuilds this projection's tables from empty. */
    @ResetHandler
    public void reset() {
        ReadModel.truncate(writer.reading(), "read_model.account");
    }

    @EventHandler
    public void on(AccountRegisteredEvent e, @Timestamp Instant at) {
        writer.update("""
                insert into read_model.account (username, display_name, role, unit_code, agency_id, enabled,
                    registered_at, updated_at) values (?, ?, ?, ?, ?, true, ?, ?)""",
                e.username(), e.displayName(), e.role(), e.unitCode(), e.agencyId(), Sql.timestamp(at), Sql.timestamp(at));
    }

    @EventHandler
    public void on(AccountRoleChangedEvent e, @Timestamp Instant at) {
        writer.update("update read_model.account set role = ?, unit_code = ?, agency_id = ?, updated_at = ? where username = ?",
                e.role(), e.unitCode(), e.agencyId(), Sql.timestamp(at), e.username());
    }

    @EventHandler
    public void on(AccountDisabledEvent e, @Timestamp Instant at) {
        writer.update("update read_model.account set enabled = false, updated_at = ? where username = ?",
                Sql.timestamp(at), e.username());
    }

    @EventHandler
    public void on(AccountEnabledEvent e, @Timestamp Instant at) {
        writer.update("update read_model.account set enabled = true, updated_at = ? where username = ?",
                Sql.timestamp(at), e.username());
    }
}
