package org.imagesearch.ledger.query.progress;

import org.axonframework.eventhandling.TrackingToken;

/** The global position of the event a handler is given, from its tracking token. */
public final class Positions {

    private Positions() {
    }

    public static long of(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("A tracked event has no position: "
                + token));
    }
}
