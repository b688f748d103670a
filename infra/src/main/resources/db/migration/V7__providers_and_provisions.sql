-- Provider instances, created from a provider template (providers/*.yaml) with their connection and input values.
-- The connection is encrypted with AES-GCM by the control plane (nonce followed by ciphertext); only the names of its
-- fields are kept in clear, so that the API can say which are set without ever returning a value.
CREATE TABLE provider (
    provider_id       uuid        PRIMARY KEY,
    name              text        NOT NULL UNIQUE,
    template          text        NOT NULL,
    description       text,
    inputs            jsonb       NOT NULL,
    connection_fields jsonb       NOT NULL,
    connection        bytea       NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- A provision: the infrastructure one Terraform configuration describes, on one provider. current_saga is the one
-- saga allowed to run Terraform on it (its deployment, then its deletion); functions refuse commands of any other.
CREATE TABLE provision (
    provision_id     uuid        PRIMARY KEY,
    name             text        NOT NULL,
    provider_id      uuid        REFERENCES provider (provider_id) ON DELETE SET NULL,
    provider_name    text        NOT NULL,
    driver           text        NOT NULL,
    state            text        NOT NULL CHECK (state IN ('PENDING', 'DEPLOYING', 'CONFIGURING', 'RUNNING', 'ERROR',
                                                           'DONE')),
    owner_name       text        NOT NULL,
    group_name       text,
    spec             jsonb       NOT NULL,
    terraform_config jsonb       NOT NULL,
    current_saga     text,
    error            text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX provision_by_state ON provision (state);

-- Every Terraform state a step left behind, successful or not, in order; the object holds the same bytes in S3.
CREATE TABLE provision_state_version (
    provision_id    uuid        NOT NULL REFERENCES provision (provision_id),
    version         integer     NOT NULL,
    command         text        NOT NULL,
    outcome         text        NOT NULL CHECK (outcome IN ('SUCCEEDED', 'FAILED')),
    serial          bigint      NOT NULL,
    lineage         text        NOT NULL,
    resources       integer     NOT NULL,
    sha256          text        NOT NULL,
    object_key      text        NOT NULL,
    terraform_state jsonb       NOT NULL,
    saved_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provision_id, version)
);

-- The state of each host the configure step checked.
CREATE TABLE provision_host (
    provision_id uuid        NOT NULL REFERENCES provision (provision_id),
    name         text        NOT NULL,
    state        text        NOT NULL CHECK (state IN ('RUNNING', 'ERROR')),
    detail       text,
    checked_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provision_id, name)
);
