package org.imagesearch.ledger.query.web;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.query.FindInstance;
import org.imagesearch.ledger.api.query.InstanceView;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/** Reads of one instance. */
@RestController
@RequestMapping(path = "/api/v1/instances", produces = MediaType.APPLICATION_JSON_VALUE)
public class InstanceQueryController {

    private final QueryGateway queries;

    public InstanceQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{instanceId}")
    public InstanceView instance(@PathVariable String instanceId) {
        InstanceId id = new InstanceId(instanceId);
        Optional<InstanceView> view = queries.query(new FindInstance(id), ResponseTypes.optionalInstanceOf(
                InstanceView.class)).join();
        return view.orElseThrow(() -> LedgerRejection.notFound("No instance " + id));
    }
}
