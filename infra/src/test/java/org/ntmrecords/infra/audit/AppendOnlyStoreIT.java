package org.ntmrecords.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.dao.DataAccessException;

/**
 * Stored events cannot be changed or removed through SQL: the service's sessions lack the privilege, and the
 * triggers refuse even the owner.
 */
class AppendOnlyStoreIT extends IntegrationTest {
    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    private void refused(String sql) {
        long before = eventCount();
        String digest = digest();
        // the service's own sessions: no privilege
        assertThatThrownBy(() -> jdbc.execute(sql)).isInstanceOf(DataAccessException.class)
                .satisfies(e -> {
                    SQLException cause = (SQLException) ((DataAccessException) e).getMostSpecificCause();
                    assertThat(cause.getSQLState()).isEqualTo("42501");
                    assertThat(cause.getMessage()).contains("permission denied");
                });
        // the owner: the trigger
        assertThatThrownBy(() -> asOwner(false, sql)).isInstanceOf(DataAccessException.class)
                .satisfies(e -> {
                    SQLException cause = (SQLException) ((DataAccessException) e).getMostSpecificCause();
                    assertThat(cause.getSQLState()).isEqualTo("42501");
                    assertThat(cause.getMessage()).contains("append-only");
                });
        assertThat(eventCount()).isEqualTo(before);
        assertThat(digest()).isEqualTo(digest);
    }

    @Test
    void theServiceSignsInAsALoginRoleOfTheApplicationRoleOnly() {
        assertThat(jdbc.queryForObject("select session_user", String.class)).isEqualTo("ntm_service");
        assertThat(jdbc.queryForObject("select rolsuper from pg_roles where rolname = session_user", Boolean.class))
                .isFalse();
        assertThat(jdbc.queryForObject("select pg_has_role(session_user, 'ntm_app', 'MEMBER')", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("select has_table_privilege('event_store.domain_event_entry', 'UPDATE')",
                Boolean.class)).isFalse();
    }

    /**
     * From a connection of the service's own pool, every way up fails: back to a superuser session, into the
     * superuser role, triggers switched off, and the privileges the chain, checkpoints, boundaries and processor
     * positions do not grant. Nothing changes.
     */
    @Test
    void noEscalationFromAPooledConnection() {
        long events = eventCount();
        String digest = digest();
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("reset role");
                try (var rs = statement.executeQuery("select current_user, rolsuper from pg_roles where rolname = current_user")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("ntm_service");
                    assertThat(rs.getBoolean(2)).isFalse();
                }
                for (String escalation : new String[] {"set role postgres", "set session authorization postgres",
                        "set session_replication_role = replica", "alter role ntm_service superuser",
                        "create role intruder superuser", "alter table event_store.domain_event_entry disable trigger all",
                        "update event_store.domain_event_entry set payload = payload where global_index = 1",
                        "delete from integrity.chain_link where seq = 1",
                        "insert into integrity.checkpoint (seq, global_index, chain_hash, signed_at, key_id, signature) "
                                + "values (999999, 1, '\\x00', now(), 'k', '\\x00')",
                        "insert into integrity.chain_link (seq, global_index, event_identifier, content_hash, hash, linked_at) "
                                + "values (999999, 1, 'x', '\\x00', '\\x00', now())",
                        "insert into integrity.legacy_boundary values (999999)",
                        "insert into integrity.scheme_boundary values (999999)",
                        "delete from token_store.token_entry"}) {
                    assertThatThrownBy(() -> statement.execute(escalation)).as(escalation)
                            .isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(escalation).isIn("42501", "22023"));
                    // a failed statement outside a transaction leaves the session usable
                }
            }
            return null;
        });
        // the role check the service runs at start-up finds nothing to refuse
        assertThat(new org.ntmrecords.infra.db.ServiceRoleCheck(jdbc.getDataSource(), false).privileges()).isNull();
        assertThat(eventCount()).isEqualTo(events);
        assertThat(digest()).isEqualTo(digest);
        // a superuser pool would be refused at start-up
        assertThat(new org.ntmrecords.infra.db.ServiceRoleCheck(new org.springframework.jdbc.datasource
                .SingleConnectionDataSource(ownerConnection(), true), false).privileges()).contains("is a superuser");
    }

    private java.sql.Connection ownerConnection() {
        try {
            return owner();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String digest() {
        return jdbc.queryForObject("select md5(string_agg(md5(payload) || coalesce(md5(meta_data), ''), ',' "
                + "order by global_index)) from event_store.domain_event_entry", String.class);
    }

    @Test
    void anEventCannotBeUpdated() {
        refused("update event_store.domain_event_entry set payload = payload || '\\x20'::bytea "
                + "where global_index = (select min(global_index) from event_store.domain_event_entry)");
        refused("update event_store.domain_event_entry set meta_data = null");
    }

    @Test
    void anEventCannotBeDeleted() {
        refused("delete from event_store.domain_event_entry "
                + "where global_index = (select max(global_index) from event_store.domain_event_entry)");
    }

    @Test
    void theStoreCannotBeTruncated() {
        refused("truncate event_store.domain_event_entry");
    }

    @Test
    void theApplicationRoleMayReadAndAppendEventsOnly() {
        for (String privilege : new String[] {"UPDATE", "DELETE", "TRUNCATE"}) {
            assertThat(jdbc.queryForObject("select has_table_privilege('ntm_app', 'event_store.domain_event_entry', ?)",
                    Boolean.class, privilege)).as(privilege).isFalse();
        }
        for (String privilege : new String[] {"SELECT", "INSERT"}) {
            assertThat(jdbc.queryForObject("select has_table_privilege('ntm_app', 'event_store.domain_event_entry', ?)",
                    Boolean.class, privilege)).as(privilege).isTrue();
        }
        assertThat(jdbc.queryForObject("select has_table_privilege('ntm_app', 'read_model.history_event', 'TRUNCATE')",
                Boolean.class)).isTrue();
    }
}
