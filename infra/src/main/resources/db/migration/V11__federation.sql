-- Federation: networks, the peers met in them, the catalog they share and the macaroons they delegate.

-- An X25519 key beside the Ed25519 signing key: providers seal third-party caveats for this control plane with it.
-- Made on the next start for an identity that predates it.
ALTER TABLE control_plane_identity ADD COLUMN agreement_public_key bytea;
ALTER TABLE control_plane_identity ADD COLUMN sealed_agreement_private_key bytea;

-- Every control plane met in a network, with its card as it signed it. The id is the base64url SHA-256 of the public
-- key, so a peer cannot be impersonated by taking its name or endpoint.
CREATE TABLE federation_peer (
    peer_id       text        PRIMARY KEY,
    name          text        NOT NULL,
    endpoint      text        NOT NULL,
    public_key    bytea       NOT NULL,
    agreement_key bytea       NOT NULL,
    card_issued_at text       NOT NULL,
    card_signature text       NOT NULL,
    health        text        NOT NULL DEFAULT 'UNKNOWN' CHECK (health IN ('UNKNOWN', 'REACHABLE', 'UNREACHABLE')),
    failures      integer     NOT NULL DEFAULT 0,
    last_error    text,
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz,
    checked_at    timestamptz
);

-- The networks this control plane is a member of. The owner of a private network alone keeps its join secret.
CREATE TABLE federation_network (
    network_id         text        PRIMARY KEY,
    name               text        NOT NULL,
    visibility         text        NOT NULL CHECK (visibility IN ('PUBLIC', 'PRIVATE')),
    owner_peer_id      text,
    sealed_join_secret bytea,
    members_sequence   bigint      NOT NULL DEFAULT 0,
    joined_at          timestamptz NOT NULL DEFAULT now(),
    CHECK ((visibility = 'PUBLIC') = (owner_peer_id IS NULL))
);
INSERT INTO federation_network (network_id, name, visibility) VALUES ('public', 'public', 'PUBLIC');

-- The other members of each network.
CREATE TABLE federation_member (
    network_id text        NOT NULL REFERENCES federation_network ON DELETE CASCADE,
    peer_id    text        NOT NULL REFERENCES federation_peer,
    joined_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (network_id, peer_id)
);

-- Joins asked for and not yet answered: only the control plane asked may announce the network to us.
CREATE TABLE federation_join_request (
    network_id       text        PRIMARY KEY,
    admitter_peer_id text        NOT NULL REFERENCES federation_peer,
    requested_at     timestamptz NOT NULL DEFAULT now()
);

-- Every peer event acted on, so that a replayed one is refused; kept well past the replay window.
CREATE TABLE federation_received (
    signer      text        NOT NULL,
    event_id    text        NOT NULL,
    event_type  text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (signer, event_id)
);
CREATE INDEX federation_received_at ON federation_received (received_at);

-- Events for peers, written in the transaction of the change they announce and sent until a peer takes them.
CREATE TABLE federation_delivery (
    delivery_id     bigserial   PRIMARY KEY,
    peer_id         text        NOT NULL REFERENCES federation_peer,
    event_id        text        NOT NULL,
    event_type      text        NOT NULL,
    subject         text,
    data            text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    abandoned_at    timestamptz,
    last_status     integer,
    last_error      text
);
CREATE INDEX federation_delivery_due ON federation_delivery (next_attempt_at)
    WHERE delivered_at IS NULL AND abandoned_at IS NULL;

-- Numbers this control plane's share and membership announcements, so a peer can ignore one that overtook a newer
-- one.
CREATE SEQUENCE federation_share_sequence;

-- This control plane's own resources, and the networks each is shared with.
CREATE TABLE catalog_resource (
    name       text        PRIMARY KEY,
    kind       text        NOT NULL CHECK (kind IN ('data', 'compute', 'storage', 'processing')),
    card       jsonb       NOT NULL,
    inputs     jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE catalog_resource_share (
    name       text NOT NULL REFERENCES catalog_resource ON DELETE CASCADE,
    network_id text NOT NULL REFERENCES federation_network ON DELETE CASCADE,
    PRIMARY KEY (name, network_id)
);

-- Resources peers share with a network this control plane is a member of, as last announced.
CREATE TABLE catalog_shared_resource (
    provider_peer_id text        NOT NULL REFERENCES federation_peer,
    network_id       text        NOT NULL REFERENCES federation_network ON DELETE CASCADE,
    name             text        NOT NULL,
    kind             text        NOT NULL,
    card             jsonb       NOT NULL,
    inputs           jsonb       NOT NULL,
    announced_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider_peer_id, network_id, name)
);
CREATE TABLE catalog_share_sequence (
    provider_peer_id text   NOT NULL REFERENCES federation_peer,
    network_id       text   NOT NULL REFERENCES federation_network ON DELETE CASCADE,
    sequence         bigint NOT NULL,
    PRIMARY KEY (provider_peer_id, network_id)
);

-- Each user's favourite resources, by the provider's peer id (this control plane's own for its resources) and name.
CREATE TABLE catalog_favourite (
    user_name     text        NOT NULL,
    provider      text        NOT NULL,
    resource_name text        NOT NULL,
    added_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_name, provider, resource_name)
);

-- Macaroons this control plane issued to peers for one of its resources, one action and a time window.
CREATE TABLE delegated_grant (
    grant_id    uuid        PRIMARY KEY,
    peer_id     text        NOT NULL REFERENCES federation_peer,
    key_id      uuid        NOT NULL REFERENCES macaroon_root_key (key_id),
    resource    text        NOT NULL,
    action      text        NOT NULL,
    not_before  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    macaroon    text        NOT NULL,
    issued_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz,
    CHECK (not_before < expires_at)
);

-- Macaroons peers issued to this control plane.
CREATE TABLE held_grant (
    provider_peer_id text        NOT NULL REFERENCES federation_peer,
    grant_id         uuid        NOT NULL,
    resource         text        NOT NULL,
    action           text        NOT NULL,
    not_before       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    macaroon         text        NOT NULL,
    received_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider_peer_id, grant_id)
);

-- Tokens for remote execution: a one-use request token, given for a verified macaroon, is exchanged for an access
-- token. Only their hashes are kept.
CREATE TABLE execution_token (
    token_hash   bytea       PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('REQUEST', 'ACCESS')),
    grant_id     uuid        NOT NULL REFERENCES delegated_grant,
    resource     text        NOT NULL,
    action       text        NOT NULL,
    expires_at   timestamptz NOT NULL,
    issued_at    timestamptz NOT NULL DEFAULT now(),
    exchanged_at timestamptz
);
