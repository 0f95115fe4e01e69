-- Routing and governance: what a trace learned about cache, guardrails and the caller's key.
ALTER TABLE traces ADD COLUMN cache_status VARCHAR(16);
ALTER TABLE traces ADD COLUMN cost_saved_usd DECIMAL(20, 10);
ALTER TABLE traces ADD COLUMN api_key_name VARCHAR(128);
ALTER TABLE traces ADD COLUMN hook_results VARCHAR;

-- Saved routing configs: every change is a new version; api_key values are stored encrypted.
CREATE TABLE routing_configs (
    id         VARCHAR(128) NOT NULL,
    version    INTEGER      NOT NULL,
    config     VARCHAR      NOT NULL,
    created_at BIGINT       NOT NULL,
    created_by VARCHAR(128) NOT NULL,
    PRIMARY KEY (id, version)
);

-- Provider credentials stored once, encrypted (AES-GCM); only a hint of the key is ever shown.
CREATE TABLE virtual_keys (
    id            VARCHAR(128) NOT NULL PRIMARY KEY,
    name          VARCHAR(256) NOT NULL,
    provider      VARCHAR(64)  NOT NULL,
    encrypted_key VARCHAR      NOT NULL,
    key_hint      VARCHAR(16)  NOT NULL,
    custom_host   VARCHAR(1024),
    options       VARCHAR,
    created_at    BIGINT       NOT NULL,
    updated_at    BIGINT       NOT NULL
);

-- Keys for callers of the gateway: only a hash is stored; limits and budgets per key.
CREATE TABLE api_keys (
    id                  VARCHAR(64)  NOT NULL PRIMARY KEY,
    name                VARCHAR(128) NOT NULL,
    team                VARCHAR(128),
    key_hash            VARCHAR(128) NOT NULL UNIQUE,
    key_prefix          VARCHAR(32)  NOT NULL,
    allowed_models      VARCHAR,
    requests_per_minute INTEGER,
    tokens_per_minute   INTEGER,
    budget_day_usd      DECIMAL(20, 10),
    budget_month_usd    DECIMAL(20, 10),
    created_at          BIGINT       NOT NULL,
    revoked_at          BIGINT
);

-- Counters per key and period (minute, UTC day, UTC month), updated atomically so several gateways share them.
CREATE TABLE api_key_usage (
    key_id       VARCHAR(64)     NOT NULL,
    period       VARCHAR(32)     NOT NULL,
    requests     BIGINT          NOT NULL,
    tokens       BIGINT          NOT NULL,
    cost_usd     DECIMAL(20, 10) NOT NULL,
    reserved_usd DECIMAL(20, 10) NOT NULL,
    PRIMARY KEY (key_id, period)
);

-- Whole answers for exact-match caching, shared by every gateway on the database.
CREATE TABLE cache_entries (
    cache_key   VARCHAR(64) NOT NULL PRIMARY KEY,
    created_at  BIGINT      NOT NULL,
    expires_at  BIGINT      NOT NULL,
    provider    VARCHAR(64),
    body        VARCHAR     NOT NULL
);

CREATE TABLE gateway_settings (
    setting_name  VARCHAR(64) NOT NULL PRIMARY KEY,
    setting_value VARCHAR     NOT NULL
);
