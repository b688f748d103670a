-- Tenants (groups), the people and machines that belong to them, and what each may reach.
CREATE TABLE tenant (
    name       text        PRIMARY KEY,
    -- Resource prefixes (for example s3://results/) the tenant's members may be granted macaroons for.
    resources  text[]      NOT NULL DEFAULT '{}',
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- A person who logs in (authorization code with PKCE, device code) or a machine (client credentials); each belongs to
-- one tenant with one role there.
CREATE TABLE account (
    name          text        PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('USER', 'CLIENT')),
    tenant        text        NOT NULL REFERENCES tenant (name),
    role          text        NOT NULL CHECK (role IN ('VIEWER', 'MEMBER', 'OPERATOR', 'ADMIN', 'SERVICE')),
    -- BCrypt hash of a user's password; a client's secret is kept by the authorization server.
    password_hash text,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- The keys the embedded authorization server signs access tokens with; the private half sealed with the secrets key.
CREATE TABLE token_signing_key (
    key_id             text        PRIMARY KEY,
    public_key         bytea       NOT NULL,
    sealed_private_key bytea       NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now()
);

-- Spring Authorization Server's own tables, as its schema files give them, with PostgreSQL types.
CREATE TABLE oauth2_registered_client (
    id                            varchar(100)  NOT NULL PRIMARY KEY,
    client_id                     varchar(100)  NOT NULL UNIQUE,
    client_id_issued_at           timestamptz   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    client_secret                 varchar(200),
    client_secret_expires_at      timestamptz,
    client_name                   varchar(200)  NOT NULL,
    client_authentication_methods varchar(1000) NOT NULL,
    authorization_grant_types     varchar(1000) NOT NULL,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(1000) NOT NULL,
    client_settings               varchar(2000) NOT NULL,
    token_settings                varchar(2000) NOT NULL
);

CREATE TABLE oauth2_authorization (
    id                            varchar(100) NOT NULL PRIMARY KEY,
    registered_client_id          varchar(100) NOT NULL,
    principal_name                varchar(200) NOT NULL,
    authorization_grant_type      varchar(100) NOT NULL,
    authorized_scopes             varchar(1000),
    attributes                    text,
    state                         varchar(500),
    authorization_code_value      text,
    authorization_code_issued_at  timestamptz,
    authorization_code_expires_at timestamptz,
    authorization_code_metadata   text,
    access_token_value            text,
    access_token_issued_at        timestamptz,
    access_token_expires_at       timestamptz,
    access_token_metadata         text,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_value           text,
    oidc_id_token_issued_at       timestamptz,
    oidc_id_token_expires_at      timestamptz,
    oidc_id_token_metadata        text,
    refresh_token_value           text,
    refresh_token_issued_at       timestamptz,
    refresh_token_expires_at      timestamptz,
    refresh_token_metadata        text,
    user_code_value               text,
    user_code_issued_at           timestamptz,
    user_code_expires_at          timestamptz,
    user_code_metadata            text,
    device_code_value             text,
    device_code_issued_at         timestamptz,
    device_code_expires_at        timestamptz,
    device_code_metadata          text
);
-- Finished authorizations are pruned by when their last token expires.
CREATE INDEX oauth2_authorization_by_expiry ON oauth2_authorization (access_token_expires_at);

CREATE TABLE oauth2_authorization_consent (
    registered_client_id varchar(100)  NOT NULL,
    principal_name       varchar(200)  NOT NULL,
    authorities          varchar(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

-- Every saga belongs to the tenant of whoever started it; the owner is that principal.
ALTER TABLE saga ADD COLUMN tenant text NOT NULL DEFAULT 'system';
ALTER TABLE saga ADD COLUMN owner text NOT NULL DEFAULT 'system';
CREATE INDEX saga_by_tenant ON saga (tenant, created_at);

-- Who changed what: every request that changes something, with its principal, tenant, client and address.
CREATE TABLE audit (
    id        bigserial   PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    principal text        NOT NULL,
    tenant    text,
    client    text,
    address   text,
    action    text        NOT NULL,
    target    text        NOT NULL,
    status    int         NOT NULL
);
CREATE INDEX audit_by_tenant ON audit (tenant, id);

-- The events the control plane itself writes to opencloud.ingress (cron pings, the backup sweep's triggers), recorded
-- as their outbox rows leave: the Kafka door takes exactly these (same id, type and data) as the control plane's own.
CREATE TABLE own_ingress_event (
    event_id    text        PRIMARY KEY,
    type        text        NOT NULL,
    data_sha256 text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX own_ingress_event_by_age ON own_ingress_event (created_at);

-- The tenant each stored object belongs to. Set by the API call that creates it; empty for what a saga's function
-- created (then it is the saga's tenant) and for what existed before tenants (then it is the platform's). A
-- marketplace's apps are its tenant's.
ALTER TABLE provider ADD COLUMN tenant text;
ALTER TABLE provision ADD COLUMN tenant text;
ALTER TABLE marketplace ADD COLUMN tenant text;
ALTER TABLE compute_image ADD COLUMN tenant text;
ALTER TABLE compute_vm_template ADD COLUMN tenant text;
ALTER TABLE compute_service_template ADD COLUMN tenant text;
ALTER TABLE compute_vm ADD COLUMN tenant text;

-- Macaroon root keys are sealed with the secrets key like the other secrets; a key stored plain before this is sealed
-- the first time it is read.
ALTER TABLE macaroon_root_key ADD COLUMN sealed_secret bytea;
ALTER TABLE macaroon_root_key DROP CONSTRAINT macaroon_root_key_secret_check;
ALTER TABLE macaroon_root_key ALTER COLUMN secret DROP NOT NULL;
ALTER TABLE macaroon_root_key ADD CONSTRAINT macaroon_root_key_kept
    CHECK ((secret IS NULL) <> (sealed_secret IS NULL) AND (secret IS NULL OR octet_length(secret) = 32));

-- This control plane's own catalog resources belong to the tenant that published them (the platform's before).
ALTER TABLE catalog_resource ADD COLUMN tenant text;

-- An object its tenant shares with another tenant, which may then see it and use it (an image in a template, a
-- template for a VM, a marketplace to import into, a provider for a provision), but not change or delete it.
CREATE TABLE tenant_share (
    kind       text        NOT NULL,
    object_id  text        NOT NULL,
    tenant     text        NOT NULL REFERENCES tenant (name),
    shared_by  text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, object_id, tenant)
);
