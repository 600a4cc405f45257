package org.imagesearch.ledger.app.config;

import org.imagesearch.ledger.command.CommandSideConfiguration;
import org.imagesearch.ledger.query.QuerySideConfiguration;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.Arrays;
import java.util.List;

/**
 * {@code ledger.roles} picks what this node runs: {@code command}, {@code query}, or both
 * ({@code both} or {@code command,query}, the default). Any other word stops the start-up (see
 * {@link LedgerEnvironment}).
 */
public final class Roles {

    public static final String PROPERTY = "ledger.roles";
    public static final String COMMAND = "command";
    public static final String QUERY = "query";
    public static final String BOTH = "both";

    private Roles() {
    }

    public static List<String> of(Environment environment) {
        String roles = environment.getProperty(PROPERTY, BOTH).replace(" ", "");
        return roles.equals(BOTH) ? List.of(COMMAND, QUERY) : Arrays.asList(roles.split(","));
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(CommandRole.Enabled.class)
    @Import(CommandSideConfiguration.class)
    static class CommandRole {
        static class Enabled implements Condition {
            @Override
            public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
                return of(context.getEnvironment()).contains(COMMAND);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(QueryRole.Enabled.class)
    @Import(QuerySideConfiguration.class)
    static class QueryRole {
        static class Enabled implements Condition {
            @Override
            public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
                return of(context.getEnvironment()).contains(QUERY);
            }
        }
    }
}
