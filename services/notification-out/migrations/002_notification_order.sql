-- The order NOTs were written in. created_at is the writing transaction's start, shared by every row a
-- transaction writes, and since records are applied in batches (one transaction for many records) two
-- NOTs of one conviction can share it: "oldest first" (its first NOT opens the exchange; its last one is
-- what a later decision follows) needs an order of its own. Rows that exist get one in storage order.
ALTER TABLE notification_out.notifications ADD COLUMN written_seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX notifications_in_order ON notification_out.notifications (conviction_reference, written_seq);
