package org.imagesearch.ledger.app;

/** The API keys every test ledger is started with, one per role. */
public final class TestKeys {

    public static final String OPERATOR = "operator-key-for-tests-0000000000";
    public static final String SERVICE = "service-key-for-tests-00000000000";
    public static final String AUDITOR = "auditor-key-for-tests-00000000000";
    public static final String CONFIGURED = "operator:" + OPERATOR + ",service:" + SERVICE + ",auditor:" + AUDITOR;
    public static final String PROPERTY = "ledger.api-keys=" + CONFIGURED;

    private TestKeys() {
    }
}
