package org.ntmrecords.query.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * A statement PostgreSQL plans for the values it is given each time, never from a cached generic plan. For lookups
 * of a batch by an array of keys ({@code = any(?)}): the driver prepares a statement on the server after a few
 * uses, and PostgreSQL may then keep one generic plan, made while the table was small — a full scan, which it then
 * keeps while the table grows until statistics are next gathered. The write path's profile showed such lookups
 * scanning the whole event table (docs/benchmarks/README.md, finding 11); planning each call costs a few
 * hundredths of a millisecond.
 */
public final class CustomPlan {
    private CustomPlan() {
    }

    public static PreparedStatementCreator of(String sql, Object... args) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            try {
                if (statement.isWrapperFor(PGStatement.class)) {
                    statement.unwrap(PGStatement.class).setPrepareThreshold(0);
                }
                new ArgumentPreparedStatementSetter(args).setValues(statement);
                return statement;
            } catch (SQLException | RuntimeException e) {
                statement.close();
                throw e;
            }
        };
    }
}
