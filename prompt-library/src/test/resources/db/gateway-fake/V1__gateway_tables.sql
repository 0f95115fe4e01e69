-- Stands in for the gateway's own migrations, which share the database with the prompt library.
CREATE TABLE gateway_traces (id BIGINT PRIMARY KEY);
