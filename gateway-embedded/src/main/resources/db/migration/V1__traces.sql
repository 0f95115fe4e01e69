-- One row per request through the gateway. Times are epoch milliseconds (portable across H2 and PostgreSQL);
-- spans and metadata are JSON text, read only with the trace itself.
CREATE TABLE traces (
    id               VARCHAR(64)    NOT NULL PRIMARY KEY,
    client_trace_id  VARCHAR(256),
    started_at       BIGINT         NOT NULL,
    duration_ms      BIGINT         NOT NULL,
    ttft_ms          BIGINT,
    status           INTEGER        NOT NULL,
    provider         VARCHAR(64),
    model            VARCHAR(256),
    endpoint         VARCHAR(64)    NOT NULL,
    stream           BOOLEAN        NOT NULL,
    input_tokens     INTEGER,
    output_tokens    INTEGER,
    cached_tokens    INTEGER,
    reasoning_tokens INTEGER,
    tokens_estimated BOOLEAN        NOT NULL,
    cost_usd         DECIMAL(20, 10),
    finish_reason    VARCHAR(64),
    is_error         BOOLEAN        NOT NULL,
    error            VARCHAR,
    prompt_name      VARCHAR(256),
    prompt_version   INTEGER,
    metadata         VARCHAR,
    request_headers  VARCHAR,
    request_body     VARCHAR,
    response_body    VARCHAR,
    spans            VARCHAR
);

CREATE INDEX traces_started_at ON traces (started_at, id);
CREATE INDEX traces_client_trace_id ON traces (client_trace_id);

-- Metadata pairs again, one row each, so filters and usage can group by any key without JSON functions.
CREATE TABLE trace_metadata (
    trace_id   VARCHAR(64)  NOT NULL,
    meta_key   VARCHAR(128) NOT NULL,
    meta_value VARCHAR(512) NOT NULL,
    started_at BIGINT       NOT NULL,
    PRIMARY KEY (trace_id, meta_key)
);

CREATE INDEX trace_metadata_pair ON trace_metadata (meta_key, meta_value, started_at);
