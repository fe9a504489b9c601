package org.ntmrecords.infra.db;

import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the service's pool signs in as a role that could undo the database's own protections: a
 * superuser, a member of one (it could {@code SET ROLE} to it), or a role that may create roles, bypass row security
 * or replicate. Such a session could switch the append-only triggers off ({@code session_replication_role}) and change
 * history; the service connects as a plain login role that is a member of {@code ntm_app} (README, "An external
 * PostgreSQL"). {@code ntm.database.allow-privileged-role=true} turns the refusal into a warning, for a test bench
 * only.
 */
@Component
public class ServiceRoleCheck implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(ServiceRoleCheck.class);

    private final JdbcTemplate jdbc;
    private final boolean allowPrivileged;

    public ServiceRoleCheck(DataSource dataSource,
                            @Value("${ntm.database.allow-privileged-role:false}") boolean allowPrivileged) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.allowPrivileged = allowPrivileged;
    }

    /** What the pool's role may do that it must not, or null when nothing. */
    public String privileges() {
        Map<String, Object> role = jdbc.queryForMap("""
                select r.rolname, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolreplication, r.rolbypassrls,
                       exists (select 1 from pg_roles s
                                where s.rolsuper and s.oid <> r.oid and pg_has_role(r.oid, s.oid, 'MEMBER')) as can_become
                  from pg_roles r where r.rolname = session_user""");
        StringBuilder found = new StringBuilder();
        for (String attribute : new String[] {"rolsuper", "rolcreaterole", "rolcreatedb", "rolreplication",
                "rolbypassrls", "can_become"}) {
            if (Boolean.TRUE.equals(role.get(attribute))) {
                found.append(found.isEmpty() ? "" : ", ").append(switch (attribute) {
                    case "rolsuper" -> "is a superuser";
                    case "rolcreaterole" -> "may create roles";
                    case "rolcreatedb" -> "may create databases";
                    case "rolreplication" -> "may replicate";
                    case "rolbypassrls" -> "bypasses row security";
                    default -> "may become a superuser";
                });
            }
        }
        return found.isEmpty() ? null : "the database role " + role.get("rolname") + " " + found;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String privileges = privileges();
        if (privileges == null) {
            return;
        }
        String message = "The service's connections must not be able to undo the database's protections, but "
                + privileges + ": connect as a login role that is only a member of ntm_app "
                + "(README, \"An external PostgreSQL\")";
        if (allowPrivileged) {
            log.warn("{} (allowed by ntm.database.allow-privileged-role)", message);
            return;
        }
        throw new IllegalStateException(message);
    }
}
