-- costsim price catalog, schema version 1.
-- One row = one SKU, in one region, at one capacity type (on-demand or spot), in one price
-- snapshot. Prices are decimal TEXT (exact), never REAL. See pricing/README.md.

CREATE TABLE catalog_info (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

INSERT INTO catalog_info (key, value) VALUES ('schema_version', '1');

CREATE TABLE price (
    -- Which price list the row belongs to, e.g. 'article-2023' or '2026-11-29'.
    snapshot            TEXT NOT NULL CHECK (length(snapshot) > 0),
    -- First day the price is known to apply (YYYY-MM-DD); used by "prices as of DATE".
    effective_date      TEXT NOT NULL CHECK (effective_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    provider            TEXT NOT NULL CHECK (provider IN ('gcp', 'aws', 'azure', 'modal', 'runpod')),
    -- Cloud region, or 'global' for per-cluster fees and region-less platforms (Modal, RunPod).
    region              TEXT NOT NULL CHECK (length(region) > 0),
    -- 'machine': a whole VM (bundled GPUs included); 'gpu': a per-GPU add-on to a host VM;
    -- 'fee': a per-cluster-hour charge such as the GKE/EKS management fee; 'platform': one
    -- instance of a managed serverless GPU platform (with the vCPU and memory its GPU requires).
    sku_kind            TEXT NOT NULL CHECK (sku_kind IN ('machine', 'gpu', 'fee', 'platform')),
    sku                 TEXT NOT NULL CHECK (length(sku) > 0),
    capacity            TEXT NOT NULL CHECK (capacity IN ('on-demand', 'spot')),
    vcpus               INTEGER CHECK (vcpus IS NULL OR vcpus >= 0),
    -- GiB as decimal text.
    memory_gib          TEXT,
    -- For 'machine' rows: the bundled GPU model (NULL if none); for 'gpu' rows: the model sold.
    gpu_model           TEXT,
    -- GPUs bundled in a machine row, or 1 for a per-GPU row.
    gpu_count           INTEGER NOT NULL DEFAULT 0 CHECK (gpu_count >= 0),
    -- Total GPU memory, GiB as decimal text.
    gpu_memory_gib      TEXT,
    -- For 'gpu' rows: comma-separated machine-type prefixes the GPU attaches to (e.g. 'n1-');
    -- NULL means the row is a component price only and cannot be added to a host.
    attachable_to       TEXT,
    -- USD (or `currency`) per hour as exact decimal text, e.g. '0.236606'.
    price_per_hour      TEXT NOT NULL CHECK (typeof(price_per_hour) = 'text'
                                             AND price_per_hour GLOB '[0-9]*'
                                             AND price_per_hour NOT GLOB '*[^0-9.]*'),
    -- Billed time is rounded up to a multiple of the increment, and at least the minimum.
    billing_increment_s INTEGER NOT NULL DEFAULT 1 CHECK (billing_increment_s >= 1),
    billing_minimum_s   INTEGER NOT NULL DEFAULT 0 CHECK (billing_minimum_s >= 0),
    currency            TEXT NOT NULL DEFAULT 'USD',
    source_url          TEXT,
    -- The date the source states, free text ('unknown (...)' when it gives none).
    source_date         TEXT,
    notes               TEXT,
    PRIMARY KEY (snapshot, provider, region, sku_kind, sku, capacity)
);

CREATE INDEX price_by_gpu_model ON price (provider, region, sku_kind, gpu_model);
