-- Each customer's account (receivables, payments, credit), its snapshot as JSON.
CREATE TABLE account_view (
    customer_id VARCHAR(64)      NOT NULL,
    snapshot    VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_account_view PRIMARY KEY (customer_id)
);

-- The custom quotes offered, per customer.
CREATE TABLE custom_quote_view (
    quote_id      VARCHAR(64)              NOT NULL,
    customer_id   VARCHAR(64)              NOT NULL,
    images        BIGINT                   NOT NULL,
    qps           INTEGER                  NOT NULL,
    delete_qps    INTEGER                  NOT NULL,
    monthly_price NUMERIC(19, 2)           NOT NULL,
    valid_until   TIMESTAMP WITH TIME ZONE NOT NULL,
    offered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_custom_quote_view PRIMARY KEY (quote_id)
);
CREATE INDEX ix_custom_quote_view_customer ON custom_quote_view (customer_id);

-- Notices to customers, keyed by the event each comes from (ordered by its global position when read).
CREATE TABLE notification (
    event_id      VARCHAR(255)             NOT NULL,
    customer_id   VARCHAR(64)              NOT NULL,
    kind          VARCHAR(32)              NOT NULL,
    instance_id   VARCHAR(64)              NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    release_at    TIMESTAMP WITH TIME ZONE,
    reason        VARCHAR(500),
    receivable_id VARCHAR(64),
    amount        NUMERIC(19, 2),
    CONSTRAINT pk_notification PRIMARY KEY (event_id)
);
CREATE INDEX ix_notification_customer ON notification (customer_id);
