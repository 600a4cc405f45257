package org.imagesearch.ledger.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Revision;
import org.imagesearch.ledger.api.query.AuditTrail;
import org.imagesearch.ledger.api.query.FindAuditTrail;
import org.imagesearch.ledger.query.QuerySideConfiguration;
import org.imagesearch.ledger.query.instance.InstanceViewRepository;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit trail is the event store itself: every event of an instance (or of a customer's
 * instances) in the order it was recorded, with its metadata. Nothing here can drift from it.
 */
@Component
public class AuditTrailQueries {

    private final EventHistory history;
    private final InstanceViewRepository views;

    public AuditTrailQueries(EventHistory history, InstanceViewRepository views) {
        this.history = history;
        this.views = views;
    }

    @QueryHandler
    public Optional<AuditTrail> handle(FindAuditTrail query) {
        List<String> instanceIds = query.instanceId() != null ? List.of(query.instanceId().value())
                : views.ofCustomer(query.customerId()).stream().map(s -> s.instanceId().value()).toList();
        List<AuditTrail.Entry> entries = history.of(instanceIds, null).stream().map(AuditTrailQueries::entry).toList();
        return entries.isEmpty() ? Optional.empty() : Optional.of(new AuditTrail(entries));
    }

    private static AuditTrail.Entry entry(EventHistory.Recorded recorded) {
        var message = recorded.message();
        JsonNode payload = QuerySideConfiguration.READ_MODEL_JSON.valueToTree(message.getPayload());
        Map<String, Object> metadata = new LinkedHashMap<>(message.getMetaData());
        return new AuditTrail.Entry(recorded.position(), message.getIdentifier(), message.getAggregateIdentifier(),
                payload.path("customerId").asText(null), message.getSequenceNumber(),
                message.getPayloadType().getSimpleName(), revisionOf(message.getPayloadType()),
                recorded.occurredAt(), message.getTimestamp(), payload, metadata);
    }

    private static String revisionOf(Class<?> payloadType) {
        Revision revision = payloadType.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }
}
