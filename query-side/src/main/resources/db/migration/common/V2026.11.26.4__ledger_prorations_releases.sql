-- Ledger entries: one row per movement of money, keyed by the global position of its event.
CREATE TABLE ledger_entry (
    position    BIGINT                   NOT NULL,
    customer_id VARCHAR(64)              NOT NULL,
    instance_id VARCHAR(64)              NOT NULL,
    kind        VARCHAR(16)              NOT NULL,
    amount      NUMERIC(19, 2)           NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ledger_entry PRIMARY KEY (position)
);
CREATE INDEX ix_ledger_entry_customer ON ledger_entry (customer_id, position);

-- Proration differences: one row per package change; its inputs as JSON beside the result.
CREATE TABLE proration (
    position    BIGINT                   NOT NULL,
    instance_id VARCHAR(64)              NOT NULL,
    customer_id VARCHAR(64)              NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    direction   VARCHAR(16)              NOT NULL,
    amount      NUMERIC(19, 2)           NOT NULL,
    detail      VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_proration PRIMARY KEY (position)
);
CREATE INDEX ix_proration_instance ON proration (instance_id, position);

-- Release deadlines: retained instances and when they will be released.
CREATE TABLE release_deadline (
    instance_id VARCHAR(64)              NOT NULL,
    customer_id VARCHAR(64)              NOT NULL,
    release_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_release_deadline PRIMARY KEY (instance_id)
);
CREATE INDEX ix_release_deadline_release_at ON release_deadline (release_at);
