package org.imagesearch.ledger.app.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.imagesearch.ledger.command.store.RecordedEvents;
import org.springframework.beans.factory.InitializingBean;
import org.imagesearch.ledger.app.web.CorrelationFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Who asked, and as part of what: every command carries {@code correlationId} and {@code caller}
 * in its metadata, and Axon copies both onto every event the command records. Commands the ledger
 * sends itself (deadlines) are from caller {@value #SYSTEM_CALLER}.
 */
@Configuration(proxyBeanMethods = false)
public class MessageMetadataConfiguration {

    public static final String CORRELATION_ID = "correlationId";
    public static final String CALLER = "caller";
    public static final String BUSINESS_TIME = RecordedEvents.BUSINESS_TIME;
    public static final String SYSTEM_CALLER = "ledger";
    public static final String CALLER_ATTRIBUTE = "ledger.caller";
    /** The caller of a request until access control names it. */
    public static final String UNAUTHENTICATED_CALLER = "anonymous";

    /**
     * Every event records the business time at which it was recorded ({@value #BUSINESS_TIME}), beside
     * Axon's wall-clock timestamp: the test clock's "not before the latest event" rule reads it.
     */
    @Bean
    public InitializingBean businessTimeOnEvents(EventStore eventStore, Clock businessClock) {
        return () -> eventStore.registerDispatchInterceptor(messages -> (index, event) -> event.getMetaData()
                .containsKey(BUSINESS_TIME) ? event
                : event.andMetaData(Map.of(BUSINESS_TIME, businessClock.instant().toString())));
    }

    @Bean
    public CorrelationDataProvider correlationAndCaller() {
        return new SimpleCorrelationDataProvider(CORRELATION_ID, CALLER);
    }

    @Bean
    public MessageDispatchInterceptor<CommandMessage<?>> requestMetadata() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                    List<? extends CommandMessage<?>> messages) {
                return (index, command) -> command.andMetaData(metadataFor(command));
            }
        };
    }

    private static Map<String, Object> metadataFor(CommandMessage<?> command) {
        Map<String, Object> metadata = new HashMap<>();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (!command.getMetaData().containsKey(CORRELATION_ID)) {
            Object fromRequest = request == null ? null
                    : request.getAttribute(CorrelationFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            metadata.put(CORRELATION_ID, fromRequest != null ? fromRequest : UUID.randomUUID().toString());
        }
        if (!command.getMetaData().containsKey(CALLER)) {
            Object caller = request == null ? SYSTEM_CALLER
                    : request.getAttribute(CALLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            metadata.put(CALLER, caller != null ? caller : UNAUTHENTICATED_CALLER);
        }
        return metadata;
    }
}
