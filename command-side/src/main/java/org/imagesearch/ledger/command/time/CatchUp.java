package org.imagesearch.ledger.command.time;

/**
 * Something that reacts to recorded events after they are recorded, such as the payment policy.
 * Before the test clock moves on, it waits for each of them to handle everything recorded so far,
 * so a reaction happens at the business time it would have had in real time.
 */
@FunctionalInterface
public interface CatchUp {

    /** Returns once everything recorded before the call has been handled (or after a bounded wait). */
    void await();
}
