-- Saga state. One row per saga; the steps and the history hang off it.
CREATE TABLE saga (
    saga_id        text        PRIMARY KEY,
    saga_type      text        NOT NULL,
    status         text        NOT NULL CHECK (status IN
                       ('RUNNING', 'COMPENSATING', 'COMPLETED', 'COMPENSATED', 'FAILED', 'ABANDONED')),
    current_step   int         NOT NULL,
    data           jsonb       NOT NULL,
    failure_reason text,
    trigger_source text        NOT NULL,
    trigger_id     text        NOT NULL,
    deadline       timestamptz NOT NULL,
    version        bigint      NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    -- A trigger delivered twice starts one saga.
    UNIQUE (trigger_source, trigger_id)
);
CREATE INDEX saga_open_by_deadline ON saga (deadline) WHERE status IN ('RUNNING', 'COMPENSATING');

CREATE TABLE saga_step (
    saga_id               text        NOT NULL REFERENCES saga (saga_id) ON DELETE CASCADE,
    step_index            int         NOT NULL,
    name                  text        NOT NULL,
    status                text        NOT NULL,
    attempts              int         NOT NULL DEFAULT 0,
    compensation_attempts int         NOT NULL DEFAULT 0,
    -- Each operator retry grants the compensation a fresh set of attempts under new command ids.
    operator_retries      int         NOT NULL DEFAULT 0,
    -- The command in flight for this step (forward or compensation); its reply is matched against it.
    command_id            text,
    started_at            timestamptz,
    ended_at              timestamptz,
    -- When the command in flight times out, or when the next attempt is due.
    due_at                timestamptz,
    last_error            text,
    PRIMARY KEY (saga_id, step_index)
);
CREATE INDEX saga_step_due ON saga_step (due_at) WHERE due_at IS NOT NULL;
CREATE UNIQUE INDEX saga_step_command ON saga_step (command_id) WHERE command_id IS NOT NULL;

-- Append-only: every transition of every saga, operator commands included.
CREATE TABLE saga_history (
    id         bigserial   PRIMARY KEY,
    saga_id    text        NOT NULL REFERENCES saga (saga_id) ON DELETE CASCADE,
    at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    transition text        NOT NULL,
    step_index int,
    event_id   text,
    event_type text,
    detail     text
);
CREATE INDEX saga_history_by_saga ON saga_history (saga_id, id);

-- Events leaving a transaction. Debezium reads the inserts from the WAL (outbox EventRouter) and publishes
-- each on its topic as a binary-mode CloudEvent keyed by aggregateid; rows are deleted in the same transaction.
CREATE TABLE outbox (
    id             uuid        PRIMARY KEY,
    aggregatetype  text        NOT NULL,
    aggregateid    text        NOT NULL,
    type           text        NOT NULL,
    topic          text        NOT NULL,
    payload        text        NOT NULL,
    ce_source      text        NOT NULL,
    ce_subject     text,
    ce_time        text        NOT NULL,
    ce_sagaid      text,
    ce_causationid text,
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- Events already handled, per consumer: at-least-once delivery becomes exactly-once effect when the inbox row
-- is written in the same transaction as the effect.
CREATE TABLE inbox (
    consumer    text        NOT NULL,
    event_id    text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
