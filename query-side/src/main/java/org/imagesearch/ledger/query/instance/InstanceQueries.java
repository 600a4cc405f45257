package org.imagesearch.ledger.query.instance;

import org.axonframework.queryhandling.QueryHandler;
import org.imagesearch.ledger.api.instance.InstanceSnapshot;
import org.imagesearch.ledger.api.query.FindInstance;
import org.imagesearch.ledger.api.query.InstanceView;
import org.imagesearch.ledger.query.history.EventHistory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** One instance now, from the read model, or as of a past instant, from the event store. */
@Component
public class InstanceQueries {

    private final InstanceViewRepository views;
    private final EventHistory history;
    private final Clock clock;

    public InstanceQueries(InstanceViewRepository views, EventHistory history, Clock clock) {
        this.views = views;
        this.history = history;
        this.clock = clock;
    }

    @QueryHandler
    public Optional<InstanceView> handle(FindInstance query) {
        if (query.asOf() == null) {
            return views.find(query.instanceId()).map(snapshot -> InstanceView.of(snapshot, clock.instant()));
        }
        List<Object> events = history.of(query.instanceId().value(), query.asOf()).stream()
                .map(EventHistory.Recorded::payload).toList();
        return events.isEmpty() ? Optional.empty()
                : Optional.of(InstanceView.of(InstanceSnapshot.replay(events), query.asOf()));
    }
}
