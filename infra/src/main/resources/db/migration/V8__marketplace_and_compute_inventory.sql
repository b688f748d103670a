-- Marketplaces: a bucket on an S3 endpoint, reached with a named credential set (opencloud.storage.credentials;
-- "local" is the control plane's own object store). Apps keep their bytes and manifests there, their index here.
CREATE TABLE marketplace (
    marketplace_id uuid        PRIMARY KEY,
    name           text        NOT NULL UNIQUE,
    description    text,
    bucket         text        NOT NULL,
    credentials    text        NOT NULL,
    endpoint       text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- An app is IMPORTING from the moment an import plans it until the import publishes it (READY); an import that
-- fails removes its apps, so no half-imported app is ever READY. root_app_id is the app the import was asked for;
-- removing it removes the apps its import created for it (its images, its VM templates).
CREATE TABLE market_app (
    app_id         uuid        PRIMARY KEY,
    marketplace_id uuid        NOT NULL REFERENCES marketplace (marketplace_id),
    name           text        NOT NULL,
    type           text        NOT NULL CHECK (type IN ('IMAGE', 'VMTEMPLATE', 'SERVICE_TEMPLATE')),
    description    text,
    publisher      text,
    version        text,
    state          text        NOT NULL CHECK (state IN ('IMPORTING', 'READY', 'DELETING')),
    manifest       jsonb       NOT NULL,
    size_bytes     bigint,
    sha256         text,
    import_saga    text        NOT NULL,
    root_app_id    uuid        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX market_app_by_marketplace ON market_app (marketplace_id, type);
CREATE INDEX market_app_by_import ON market_app (import_saga);
CREATE INDEX market_app_by_root ON market_app (root_app_id);

-- The compute inventory. created_by_saga names the saga that made an object, so that its compensation (or a
-- backup's clean-up) deletes exactly what that saga made and nothing else.
CREATE TABLE compute_image (
    image_id        uuid        PRIMARY KEY,
    name            text        NOT NULL,
    driver          text        NOT NULL,
    format          text        NOT NULL,
    location        text        NOT NULL,
    size_bytes      bigint      NOT NULL,
    sha256          text        NOT NULL,
    attributes      jsonb       NOT NULL DEFAULT '{}',
    created_by_saga text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX compute_image_by_saga ON compute_image (created_by_saga);

-- body is the template in OpenNebula's shape: CPU, MEMORY, DISK [{IMAGE_ID, TYPE}], NIC, CONTEXT, ...
CREATE TABLE compute_vm_template (
    template_id     uuid        PRIMARY KEY,
    name            text        NOT NULL,
    body            jsonb       NOT NULL,
    created_by_saga text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX compute_vm_template_by_saga ON compute_vm_template (created_by_saga);

-- body holds the roles [{name, cardinality, vm_template}] and the rest of the service template.
CREATE TABLE compute_service_template (
    service_template_id uuid        PRIMARY KEY,
    name                text        NOT NULL,
    description         text,
    body                jsonb       NOT NULL,
    created_by_saga     text,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX compute_service_template_by_saga ON compute_service_template (created_by_saga);

-- A VM. The BACKUP_* attributes have columns of their own so that the sweep finds the due VMs through one index
-- (backup_due_at: last copy + frequency, now for a VM never copied, kept by whoever changes either); backup_saga is
-- the backup under way.
-- powered_off_by is the saga that powered the VM off, the only one that powers it on again: a backup never starts
-- a VM its owner had powered off.
CREATE TABLE compute_vm (
    vm_id                    uuid        PRIMARY KEY,
    name                     text        NOT NULL,
    driver                   text        NOT NULL,
    template_id              uuid,
    state                    text        NOT NULL CHECK (state IN ('RUNNING', 'POWEROFF')),
    template                 jsonb       NOT NULL,
    disks                    jsonb       NOT NULL,
    attributes               jsonb       NOT NULL DEFAULT '{}',
    backup_frequency_seconds bigint      CHECK (backup_frequency_seconds > 0),
    backup_marketplace_id    uuid        REFERENCES marketplace (marketplace_id),
    backup_last_copy_time    timestamptz,
    backup_app_id            uuid,
    backup_previous_app_id   uuid,
    backup_previous_copy     timestamptz,
    backup_due_at            timestamptz,
    backup_saga              text,
    backup_started_at        timestamptz,
    backup_result            text,
    backup_error             text,
    powered_off_by           text,
    created_by_saga          text,
    created_at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX compute_vm_backup_due ON compute_vm (backup_due_at) WHERE backup_due_at IS NOT NULL;
CREATE INDEX compute_vm_by_saga ON compute_vm (created_by_saga);
-- A backup saga's end finds its VM, and a removal checks that no VM still has the app as its backup, without a scan.
CREATE INDEX compute_vm_by_backup_saga ON compute_vm (backup_saga) WHERE backup_saga IS NOT NULL;
CREATE INDEX compute_vm_by_backup_app ON compute_vm (backup_app_id) WHERE backup_app_id IS NOT NULL;
