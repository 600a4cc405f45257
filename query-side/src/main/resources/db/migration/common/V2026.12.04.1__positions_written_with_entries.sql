-- Ledger entries and prorations keep their event's global position, read from the event store once,
-- when the row is written (a scalar subquery on the event's identifier in the row's INSERT), instead
-- of at every read.
-- A read of a customer's ledger no longer joins the event table. Rows already written take the
-- position their event has now; nothing is replayed.
ALTER TABLE ledger_entry ADD COLUMN position BIGINT;
UPDATE ledger_entry SET position = (SELECT e.global_index FROM domain_event_entry e
                                    WHERE e.event_identifier = ledger_entry.event_id);
ALTER TABLE ledger_entry ALTER COLUMN position SET NOT NULL;
DROP INDEX ix_ledger_entry_customer;
CREATE INDEX ix_ledger_entry_customer ON ledger_entry (customer_id, position);

ALTER TABLE proration ADD COLUMN position BIGINT;
UPDATE proration SET position = (SELECT e.global_index FROM domain_event_entry e
                                 WHERE e.event_identifier = proration.event_id);
ALTER TABLE proration ALTER COLUMN position SET NOT NULL;
DROP INDEX ix_proration_instance;
CREATE INDEX ix_proration_instance ON proration (instance_id, position);
