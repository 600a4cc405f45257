package org.imagesearch.ledger.app.config;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Within a transaction with a timeout, Spring asks each statement for the seconds left; on H2 each
 * such request is a {@code SET} that empties every session's parsed statements. The ledger's template
 * passes a timeout on to the driver only when it differs from the one in force.
 */
class ChangedTimeoutsOnlyJdbcTemplateTest {

    private final List<Integer> timeoutsSetOnTheDriver = new ArrayList<>();
    private SingleConnectionDataSource dataSource;

    @BeforeEach
    void oneH2Connection() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:timeouts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource = new SingleConnectionDataSource(counting(h2.getConnection()), true);
    }

    @Test
    void aTimeoutAlreadyInForceIsNotSetAgain() {
        JdbcTemplate jdbc = new ChangedTimeoutsOnlyJdbcTemplate(dataSource);
        inTransactionWithTimeout(30, () -> runQueries(jdbc, 20));

        assertThat(timeoutsSetOnTheDriver).hasSizeBetween(1, 2).allSatisfy(seconds -> assertThat(seconds)
                .isBetween(29, 30));
        assertThat(queryTimeoutInForce()).isBetween(29, 30);
    }

    @Test
    void aTimeoutThatChangesIsSet() {
        JdbcTemplate jdbc = new ChangedTimeoutsOnlyJdbcTemplate(dataSource);
        inTransactionWithTimeout(30, () -> runQueries(jdbc, 3));
        inTransactionWithTimeout(5, () -> runQueries(jdbc, 3));

        assertThat(timeoutsSetOnTheDriver).last().isEqualTo(5);
        assertThat(queryTimeoutInForce()).isEqualTo(5);
    }

    @Test
    void springsOwnTemplateSetsItForEveryStatement() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        inTransactionWithTimeout(30, () -> runQueries(jdbc, 20));

        assertThat(timeoutsSetOnTheDriver).hasSize(20);
    }

    private void inTransactionWithTimeout(int seconds, Runnable work) {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transaction.setTimeout(seconds);
        transaction.executeWithoutResult(status -> work.run());
    }

    private static void runQueries(JdbcTemplate jdbc, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(jdbc.queryForObject("SELECT ? + 1", Integer.class, i)).isEqualTo(i + 1);
        }
    }

    private int queryTimeoutInForce() {
        try (PreparedStatement statement = dataSource.getConnection().prepareStatement("SELECT 1")) {
            return statement.getQueryTimeout();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The connection, its statements recording each timeout that reaches the driver. */
    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    Object result = invoke(connection, method, arguments);
                    if (result instanceof PreparedStatement statement) {
                        return recordingTimeouts(statement);
                    }
                    return result;
                });
    }

    private PreparedStatement recordingTimeouts(PreparedStatement statement) {
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("setQueryTimeout")) {
                        timeoutsSetOnTheDriver.add((Integer) arguments[0]);
                    }
                    return invoke(statement, method, arguments);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] arguments)
            throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
