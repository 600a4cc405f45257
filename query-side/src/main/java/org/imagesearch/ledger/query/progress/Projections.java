package org.imagesearch.ledger.query.progress;

import org.imagesearch.ledger.query.instance.InstanceViewProjection;
import org.imagesearch.ledger.query.ledger.LedgerEntryProjection;
import org.imagesearch.ledger.query.proration.ProrationProjection;
import org.imagesearch.ledger.query.release.ReleaseDeadlineProjection;

import org.imagesearch.ledger.query.account.AccountViewProjection;
import org.imagesearch.ledger.query.notification.NotificationProjection;
import org.imagesearch.ledger.query.quote.CustomQuoteProjection;

import java.util.List;

/** The processing groups that hold read models: what a replay rebuilds and what reads wait for. */
public final class Projections {

    public static final List<String> ALL = List.of(
            InstanceViewProjection.PROCESSING_GROUP,
            LedgerEntryProjection.PROCESSING_GROUP,
            ProrationProjection.PROCESSING_GROUP,
            ReleaseDeadlineProjection.PROCESSING_GROUP,
            AccountViewProjection.PROCESSING_GROUP,
            CustomQuoteProjection.PROCESSING_GROUP,
            NotificationProjection.PROCESSING_GROUP);

    private Projections() {
    }
}
