-- Indexes for the trace list's common filters, each ending in started_at so the newest-first page of one model,
-- provider, prompt or status walks the index in order instead of scanning every trace (the desktop app filters a
-- million traces within a second with them; without them a filtered count reads the whole table, bodies included).
CREATE INDEX traces_model_started ON traces (model, started_at, id);
CREATE INDEX traces_provider_started ON traces (provider, started_at, id);
CREATE INDEX traces_prompt_started ON traces (prompt_name, started_at, id);
CREATE INDEX traces_error_started ON traces (is_error, started_at, id);
