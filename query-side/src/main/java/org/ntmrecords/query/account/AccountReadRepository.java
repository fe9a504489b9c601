package org.ntmrecords.query.account;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.ntmrecords.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The accounts, for administrators and auditors (the API's read policy restricts who may ask). */
@Repository
public class AccountReadRepository {
    private static final RowMapper<AccountView> ROW = (rs, n) -> new AccountView(rs.getString("username"),
            rs.getString("display_name"), rs.getString("role"), rs.getString("unit_code"), rs.getString("agency_id"),
            rs.getBoolean("enabled"), Sql.instant(rs, "registered_at"), Sql.instant(rs, "updated_at"));

    private final JdbcTemplate jdbc;

    public AccountReadRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One account by its user name. */
    public Optional<AccountView> find(String username) {
        return jdbc.query("select * from read_model.account where username = ?", ROW, username).stream().findFirst();
    }

    /**
     * A page of accounts in user name order, after (forward) or before (backward) a user name, or from the start
     * (forward) or the end (backward) when none is given; in user name order either way.
     */
    public List<AccountView> page(String afterUsername, boolean forward, int limit) {
        String where = afterUsername == null ? "" : forward ? " where username > ?" : " where username < ?";
        String sql = "select * from read_model.account" + where + " order by username" + (forward ? "" : " desc")
                + " limit ?";
        List<AccountView> rows = new ArrayList<>(afterUsername == null ? jdbc.query(sql, ROW, limit)
                : jdbc.query(sql, ROW, afterUsername, limit));
        if (!forward) {
            Collections.reverse(rows);
        }
        return rows;
    }

    /** How many accounts there are (every page of {@link #page} together). */
    public long count() {
        Long count = jdbc.queryForObject("select count(*) from read_model.account", Long.class);
        return count == null ? 0 : count;
    }
}
