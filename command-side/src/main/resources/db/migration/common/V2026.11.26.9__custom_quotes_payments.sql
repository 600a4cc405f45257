-- The custom quotes the command side prices with, written with the event that offers each.
CREATE TABLE custom_quote (
    quote_id      VARCHAR(64)              NOT NULL,
    customer_id   VARCHAR(64)              NOT NULL,
    images        BIGINT                   NOT NULL,
    qps           INTEGER                  NOT NULL,
    delete_qps    INTEGER                  NOT NULL,
    monthly_price NUMERIC(19, 2)           NOT NULL,
    valid_until   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_custom_quote PRIMARY KEY (quote_id)
);

-- Payment references are unique across customers: the key decides a race.
CREATE TABLE payment_reference (
    reference   VARCHAR(200) NOT NULL,
    customer_id VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_payment_reference PRIMARY KEY (reference)
);

-- The next deadline of each open receivable (its due date, then its release date), written with its events.
CREATE TABLE receivable_deadline (
    receivable_id VARCHAR(64)              NOT NULL,
    customer_id   VARCHAR(64)              NOT NULL,
    due_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_receivable_deadline PRIMARY KEY (receivable_id)
);
CREATE INDEX ix_receivable_deadline_due_at ON receivable_deadline (due_at);
