-- The query nodes of one database, with a heartbeat, so that projection segments can be shared
-- fairly and a replay can stop every node first.
CREATE TABLE query_node (
    node_id            VARCHAR(200) NOT NULL,
    heartbeat_ms       BIGINT       NOT NULL,
    stopped_generation BIGINT       NOT NULL,
    CONSTRAINT pk_query_node PRIMARY KEY (node_id)
);

-- The latest replay asked for: every query node stops its projections for generation N, one node
-- resets them, and then every node starts them again.
CREATE TABLE replay_request (
    id           INTEGER      NOT NULL,
    generation   BIGINT       NOT NULL,
    phase        VARCHAR(16)  NOT NULL,
    requested_by VARCHAR(200),
    CONSTRAINT pk_replay_request PRIMARY KEY (id)
);
INSERT INTO replay_request (id, generation, phase, requested_by) VALUES (1, 0, 'RUNNING', NULL);
