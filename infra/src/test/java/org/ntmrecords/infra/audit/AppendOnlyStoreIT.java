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
    void theServiceActsAsTheApplicationRole() {
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("ntm_app");
        assertThat(jdbc.queryForObject("select has_table_privilege('event_store.domain_event_entry', 'UPDATE')",
                Boolean.class)).isFalse();
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
