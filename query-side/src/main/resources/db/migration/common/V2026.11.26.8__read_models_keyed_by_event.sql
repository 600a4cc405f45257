-- Ledger entries and prorations are keyed by the event they come from. Their global position is
-- read from the event store when they are read: the token a projection is handed names the
-- furthest position seen, which for an event committed late is not the event's own.
-- Both read models are rebuilt from the events: their tokens go, and the projections start over.
DROP TABLE ledger_entry;
DROP TABLE proration;

CREATE TABLE ledger_entry (
    event_id    VARCHAR(255)             NOT NULL,
    customer_id VARCHAR(64)              NOT NULL,
    instance_id VARCHAR(64)              NOT NULL,
    kind        VARCHAR(16)              NOT NULL,
    amount      NUMERIC(19, 2)           NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ledger_entry PRIMARY KEY (event_id)
);
CREATE INDEX ix_ledger_entry_customer ON ledger_entry (customer_id);

CREATE TABLE proration (
    event_id    VARCHAR(255)             NOT NULL,
    instance_id VARCHAR(64)              NOT NULL,
    customer_id VARCHAR(64)              NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    direction   VARCHAR(16)              NOT NULL,
    amount      NUMERIC(19, 2)           NOT NULL,
    detail      VARCHAR(1000000)         NOT NULL,
    CONSTRAINT pk_proration PRIMARY KEY (event_id)
);
CREATE INDEX ix_proration_instance ON proration (instance_id);

DELETE FROM token_entry WHERE processor_name IN ('ledger-entries', 'prorations');
