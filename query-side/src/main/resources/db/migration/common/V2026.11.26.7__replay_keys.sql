-- Replays asked for with an Idempotency-Key: the same key again answers the replay already started.
CREATE TABLE replay_key (
    caller     VARCHAR(100)             NOT NULL,
    idem_key   VARCHAR(255)             NOT NULL,
    generation BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_replay_key PRIMARY KEY (caller, idem_key)
);
