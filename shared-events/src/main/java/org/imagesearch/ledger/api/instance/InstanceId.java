package org.imagesearch.ledger.api.instance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.imagesearch.ledger.api.IdFormat;

import java.util.UUID;

/**
 * One image-search instance, created by one purchase. Its {@link #toString()} is the aggregate
 * identifier in the event store.
 */
public record InstanceId(@JsonValue String value) {

    @JsonCreator
    public InstanceId {
        IdFormat.require(value, "instanceId");
    }

    public static InstanceId random() {
        return new InstanceId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
