-- wrk script of the gateway benchmarks: one small chat completion, the same request direct and via the gateway
-- (the gateway routes on the x-portkey headers, the mock ignores them). BENCH_UPSTREAM is the mock's API base.
-- request() counts what each wrk thread writes, so requests in flight at the end are counted as sent too.
local body = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello in one short sentence."}]}'
local headers = {
  ["Content-Type"] = "application/json",
  ["Authorization"] = "Bearer sk-mock",
  ["x-portkey-provider"] = "openai",
  ["x-portkey-custom-host"] = os.getenv("BENCH_UPSTREAM"),
}
local threads = {}
sent = 0

function setup(thread) table.insert(threads, thread) end

function request()
  sent = sent + 1
  return wrk.format("POST", nil, headers, body)
end

function done(summary, latency, requests)
  -- wrk calls request() once on its first thread before the run, to check the script: not a request sent.
  local total = -1
  for _, thread in ipairs(threads) do total = total + thread:get("sent") end
  local e = summary.errors
  io.write(string.format("BENCH sent=%d completed=%d errors=%d rps=%.1f p50_us=%d p99_us=%d\n",
    total, summary.requests, e.connect + e.read + e.write + e.status + e.timeout,
    summary.requests / summary.duration * 1e6, latency:percentile(50), latency:percentile(99)))
end
