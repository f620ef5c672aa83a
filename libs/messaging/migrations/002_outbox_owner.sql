-- Which consumer group (or service) wrote each outbox row. Several services share one database and so
-- one outbox table; a relay publishes only its own service's rows (and rows written without an owner),
-- so one service's undeliverable row can never stall another service's relay.
ALTER TABLE outbox ADD COLUMN owner text;
CREATE INDEX outbox_unsent_by_owner ON outbox (owner, id) WHERE sent_at IS NULL;
