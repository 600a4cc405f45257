package org.imagesearch.ledger.app;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/** A ledger node started by a test in its own Spring context, on a given database. */
public record LedgerNode(String id, ConfigurableApplicationContext context, LedgerClient client, JdbcTemplate jdbc)
        implements AutoCloseable {

    public static LedgerNode start(TestDatabase.Target database, String id, String... extra) {
        List<String> arguments = new ArrayList<>(database.arguments());
        arguments.add("--server.port=0");
        arguments.add("--ledger.node-id=" + id);
        arguments.addAll(List.of(extra));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .run(arguments.toArray(String[]::new));
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        return new LedgerNode(id, context, new LedgerClient(port), context.getBean(JdbcTemplate.class));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
