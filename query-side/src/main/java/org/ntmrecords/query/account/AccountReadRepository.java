package org.ntmrecords.query.account;

import java.util.List;
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

    public List<AccountView> accounts() {
        return jdbc.query("select * from read_model.account order by username", ROW);
    }
}
