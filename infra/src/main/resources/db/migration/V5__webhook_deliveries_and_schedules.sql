-- Signed webhook deliveries seen inside the replay window: a delivery id, and a signed body, come through once
-- per source (the delivery id is not signed, so a captured delivery resent under a new id is caught by its body).
CREATE TABLE webhook_delivery (
    source      text        NOT NULL,
    delivery_id text        NOT NULL,
    signature   text        NOT NULL,
    event_id    text        NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (source, delivery_id),
    UNIQUE (source, signature)
);
CREATE INDEX webhook_delivery_received_at ON webhook_delivery (received_at);

-- The last tick each cron schedule dealt with (fired or skipped). Locked while a tick is fired, so that one
-- control plane, restarted or not, and several side by side, fire each tick once. The salt makes the ids of
-- future pings unguessable, so that nobody can send a tick ahead of time under the id the real one will carry.
CREATE TABLE schedule_state (
    schedule   text        PRIMARY KEY,
    last_tick  timestamptz NOT NULL,
    ping_salt  text        NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Every tick a schedule fired, with the id of the ping event it emitted; late ticks were fired by catch-up.
CREATE TABLE schedule_firing (
    schedule text        NOT NULL,
    tick_at  timestamptz NOT NULL,
    event_id text        NOT NULL,
    fired_at timestamptz NOT NULL,
    late     boolean     NOT NULL,
    PRIMARY KEY (schedule, tick_at)
);

-- GET /sagas?trigger=<event id>: a sender that published a trigger finds the saga it started.
CREATE INDEX saga_trigger_id ON saga (trigger_id);
