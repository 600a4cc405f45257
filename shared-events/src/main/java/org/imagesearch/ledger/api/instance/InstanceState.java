package org.imagesearch.ledger.api.instance;

/** The life of an instance: active while it has prepaid time, retained for 15 days after its quota runs out, then released for good. */
public enum InstanceState {
    ACTIVE, RETAINED, RELEASED
}
