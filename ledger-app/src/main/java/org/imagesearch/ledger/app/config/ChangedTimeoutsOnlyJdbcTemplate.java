package org.imagesearch.ledger.app.config;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Spring's {@link JdbcTemplate}, except that it leaves a statement's query timeout alone when the
 * connection already has that timeout.
 *
 * <p>Inside a transaction with a timeout ({@code spring.transaction.default-timeout}), Spring gives
 * every statement the seconds the transaction has left. H2 carries each {@code setQueryTimeout} out
 * as {@code SET QUERY_TIMEOUT}, and any {@code SET} empties the cache of parsed statements of every
 * session of the database ({@code QUERY_CACHE_SIZE}): every statement of every thread was parsed
 * again, about 7% of the command threads' time on H2. The seconds left rarely change from one
 * statement to the next, and the timeout Spring asks for is still the one in force; a timeout that
 * changes is still set. On PostgreSQL a timeout is a field of the driver's statement, and the check
 * costs as little.
 */
public class ChangedTimeoutsOnlyJdbcTemplate extends JdbcTemplate {

    public ChangedTimeoutsOnlyJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void applyStatementSettings(Statement statement) throws SQLException {
        super.applyStatementSettings(settingChangedTimeoutsOnly(statement));
    }

    /** The statement, as seen by Spring's settings only: a timeout already in force is not set again. */
    static Statement settingChangedTimeoutsOnly(Statement statement) {
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("setQueryTimeout")
                            && statement.getQueryTimeout() == (int) arguments[0]) {
                        return null;
                    }
                    try {
                        return method.invoke(statement, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
