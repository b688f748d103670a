-- Root keys that sign macaroons. A key is created on first use and kept, so macaroons outlive restarts.
CREATE TABLE macaroon_root_key (
    key_id     uuid        PRIMARY KEY,
    secret     bytea       NOT NULL CHECK (octet_length(secret) = 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    retired_at timestamptz
);

-- One row per issue command, so a redelivered command returns the macaroon issued the first time.
CREATE TABLE issued_macaroon (
    command_source text        NOT NULL,
    command_id     text        NOT NULL,
    key_id         uuid        NOT NULL REFERENCES macaroon_root_key (key_id),
    macaroon       text        NOT NULL,
    resource       text        NOT NULL,
    action         text        NOT NULL,
    expires_at     timestamptz NOT NULL,
    issued_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (command_source, command_id)
);
