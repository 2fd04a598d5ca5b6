-- wrk script for the load tests of `make bench` (.ci/benchmark_load.py) and `make
-- bench-public` (.ci/benchmark_public.py): logged in as Koordination (the session cookie in
-- BENCH_COOKIE) or anonymous (no cookie), each connection asks in turn for the
-- pages in BENCH_PATHS (comma-separated). Anything but 200 counts as an error; at the end one
-- line of figures for the Python side to read.
local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS"), "[^,]+") do
  table.insert(paths, path)
end
-- Without a cookie (the public pages' load test) the requests are anonymous.
local cookie = os.getenv("BENCH_COOKIE") or ""
local headers = {}
if cookie ~= "" then
  headers["Cookie"] = cookie
end
local threads = {}
local next_path = 0
not_ok = 0  -- a global: done() reads it from each thread

function setup(thread)
  table.insert(threads, thread)
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path], headers)
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("not_ok")
  end
  local errors = summary.errors
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f not_200=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, failed,
    errors.connect + errors.read + errors.write + errors.timeout))
end
