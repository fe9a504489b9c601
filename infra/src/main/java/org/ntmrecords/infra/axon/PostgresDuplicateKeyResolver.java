package org.ntmrecords.infra.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises PostgreSQL's unique-violation (SQLState 23505) anywhere in an exception's causes, including the
 * "next" exceptions of a batch. Axon then reports a second event with the same aggregate sequence number as a
 * concurrency conflict (or, for sequence 0, as an aggregate that already exists) instead of a storage failure.
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {
    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        Throwable current = exception;
        while (current != null) {
            if (current instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }
}
