-- Requests sent with an Idempotency-Key, per caller: what they recorded (written in the command's own
-- transaction, so a key is never recorded without its effect) or why they were refused.
CREATE TABLE idempotent_request (
    caller         VARCHAR(100)             NOT NULL,
    idem_key       VARCHAR(255)             NOT NULL,
    request_hash   CHAR(64)                 NOT NULL,
    outcome        VARCHAR(10)              NOT NULL,
    aggregate_id   VARCHAR(64),
    last_sequence  BIGINT,
    result_type    VARCHAR(255),
    result_json    VARCHAR(1000000),
    refusal_code   VARCHAR(64),
    refusal_detail VARCHAR(1000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_idempotent_request PRIMARY KEY (caller, idem_key)
);
CREATE INDEX ix_idempotent_request_created ON idempotent_request (created_at);
