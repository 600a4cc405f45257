-- Set-based purchase rules: the unique keys decide concurrent purchases.
CREATE TABLE trial_claim (
    customer_id VARCHAR(64) NOT NULL,
    instance_id VARCHAR(64) NOT NULL,
    CONSTRAINT pk_trial_claim PRIMARY KEY (customer_id)
);

CREATE TABLE purchase_claim (
    customer_id   VARCHAR(64) NOT NULL,
    billing_month CHAR(7)     NOT NULL,
    instance_id   VARCHAR(64) NOT NULL,
    CONSTRAINT pk_purchase_claim PRIMARY KEY (customer_id, billing_month)
);

-- The next deadline of each instance, written with the events that set it.
CREATE TABLE instance_deadline (
    instance_id VARCHAR(64)              NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_instance_deadline PRIMARY KEY (instance_id)
);
CREATE INDEX ix_instance_deadline_due_at ON instance_deadline (due_at);

-- The test clock, shared by every node of one database (one row, used only when the test clock is on).
CREATE TABLE business_clock (
    id     INTEGER                  NOT NULL,
    now_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_business_clock PRIMARY KEY (id)
);
