-- A reservation of Sentinel scenes for one execution. Its id is derived from the execution, so asking again finds it.
-- STAGING while the scenes' assets are copied into S3, RESERVED once they all are, RELEASED for good afterwards; a
-- release that finds no reservation leaves a RELEASED tombstone, so that a reserve command arriving after its own
-- compensation stages nothing.
CREATE TABLE sentinel_reservation (
    reservation_id uuid        PRIMARY KEY,
    execution      text,
    collection     text,
    scene_ids      jsonb,
    status         text        NOT NULL CHECK (status IN ('STAGING', 'RESERVED', 'RELEASED')),
    expires_at     timestamptz,
    staged         jsonb,
    created_at     timestamptz NOT NULL DEFAULT now(),
    released_at    timestamptz,
    release_reason text
);
CREATE INDEX sentinel_reservation_expiry ON sentinel_reservation (expires_at) WHERE status <> 'RELEASED';
