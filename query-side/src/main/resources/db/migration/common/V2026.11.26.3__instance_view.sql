-- Entitlements: one row per instance, its snapshot as JSON beside the columns readers filter on.
CREATE TABLE instance_view (
    instance_id  VARCHAR(64)              NOT NULL,
    customer_id  VARCHAR(64)              NOT NULL,
    state        VARCHAR(16)              NOT NULL,
    trial        BOOLEAN                  NOT NULL,
    period_start TIMESTAMP WITH TIME ZONE NOT NULL,
    period_end   TIMESTAMP WITH TIME ZONE NOT NULL,
    release_at   TIMESTAMP WITH TIME ZONE,
    snapshot     VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_instance_view PRIMARY KEY (instance_id)
);
CREATE INDEX ix_instance_view_customer ON instance_view (customer_id);
