package org.imagesearch.ledger.app;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Wraps the application's {@code dataSource} bean so that a test sees every connection it hands out
 * ({@link Watcher#borrowed}) and every method called on one ({@link Watcher#called}), on the thread
 * that calls it. Added to a context with {@code addBeanPostProcessor} before it starts.
 */
final class ConnectionsWatched implements BeanPostProcessor {

    /** What a test wants to know of the connections; one watcher per connection handed out. */
    interface Watcher {

        /** A connection was handed out; returns what watches its calls. */
        CallWatcher borrowed();
    }

    interface CallWatcher {

        void called(Method method, Object[] arguments);
    }

    private final Watcher watcher;

    ConnectionsWatched(Watcher watcher) {
        this.watcher = watcher;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource dataSource) || !beanName.equals("dataSource")) {
            return bean;
        }
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                return watched(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return watched(super.getConnection(username, password));
            }
        };
    }

    private Connection watched(Connection pooled) {
        CallWatcher calls = watcher.borrowed();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    switch (method.getName()) {
                        case "equals":
                            return proxy == arguments[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        default:
                            break;
                    }
                    calls.called(method, arguments);
                    try {
                        return method.invoke(pooled, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
