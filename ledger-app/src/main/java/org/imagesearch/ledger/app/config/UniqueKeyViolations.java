package org.imagesearch.ledger.app.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * Tells the event store that an append failed on the unique (aggregate, sequence) key, so that it
 * throws a {@code ConcurrencyException} the command side retries. Axon's default resolver only
 * recognises {@link SQLIntegrityConstraintViolationException}, which H2 throws and the PostgreSQL
 * driver does not; both report SQLSTATE 23505 (unique violation).
 */
public class UniqueKeyViolations implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
