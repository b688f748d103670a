-- This control plane's identity in a federation: its name, the URL its peers reach it at, and the key pair it signs
-- its CloudEvents with. One row; the private key is sealed with the secrets key (SecretBox), never stored in clear.
CREATE TABLE control_plane_identity (
    singleton          boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    name               text        NOT NULL,
    endpoint           text        NOT NULL,
    algorithm          text        NOT NULL,
    public_key         bytea       NOT NULL,
    sealed_private_key bytea       NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
