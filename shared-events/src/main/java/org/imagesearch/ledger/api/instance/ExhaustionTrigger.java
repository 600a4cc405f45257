package org.imagesearch.ledger.api.instance;

/** Why a quota ran out: a caller said so, or the last prepaid term ended without a renewal. */
public enum ExhaustionTrigger {
    REQUESTED, TERM_ENDED
}
