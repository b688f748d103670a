-- A macaroon issued within a saga names the saga, so that compensating the saga revokes it.
ALTER TABLE issued_macaroon ADD COLUMN identifier text;
ALTER TABLE issued_macaroon ADD COLUMN saga_id text;
CREATE UNIQUE INDEX issued_macaroon_identifier ON issued_macaroon (identifier) WHERE identifier IS NOT NULL;
CREATE INDEX issued_macaroon_saga ON issued_macaroon (saga_id) WHERE saga_id IS NOT NULL;

-- Sagas whose macaroons were revoked; a revocation issued before the macaroon (reordered delivery) still holds.
CREATE TABLE revoked_saga_macaroons (
    saga_id    text        PRIMARY KEY,
    revoked_at timestamptz NOT NULL DEFAULT now()
);

-- The demonstration step's effect, at most one per saga and step. An undo that finds no effect leaves a
-- tombstone (done_at null), so that a step command arriving after its own compensation does nothing.
CREATE TABLE demo_step_effect (
    saga_id   text        NOT NULL,
    step      text        NOT NULL,
    done_at   timestamptz,
    undone_at timestamptz,
    PRIMARY KEY (saga_id, step)
);
-- Every distinct command a demonstration step or undo received, in order: the attempt number of a command.
CREATE TABLE demo_command (
    seq            bigserial   NOT NULL,
    command_source text        NOT NULL,
    command_id     text        NOT NULL,
    saga_id        text        NOT NULL,
    step           text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('step', 'undo')),
    received_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (command_source, command_id)
);
