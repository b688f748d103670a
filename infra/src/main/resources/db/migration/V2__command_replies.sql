-- The reply each command received, so that whoever sent the command can read its outcome.
CREATE TABLE command_reply (
    command_id  text        PRIMARY KEY,
    reply_id    text        NOT NULL,
    reply_type  text        NOT NULL,
    saga_id     text,
    event       jsonb       NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
