-- The CloudEvents spec version of each outbox event, as a column so that Debezium on Kafka Connect can copy it to
-- the ce_specversion header like the other attributes (a constant header from Connect's InsertHeader comes out as
-- the number 1, not the string 1.0). Writers leave it to the default.
ALTER TABLE outbox ADD COLUMN ce_specversion text NOT NULL DEFAULT '1.0';
