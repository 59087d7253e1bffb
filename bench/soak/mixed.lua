-- wrk script for the soak run: a mix of topic pages, topic JSON, searches and key completions, cycled
-- per connection, and a count of answers outside 2xx/3xx (wrk's own summary counts only socket errors
-- and non-2xx/3xx lumped together).
local paths = {
  "/docs/python-3.11/asyncio.gather", "/api/topic/os.path.join", "/api/search?q=thread%20pool&limit=20",
  "/api/keys?prefix=asy", "/docs/python-3.11/str.split", "/api/search?q=open%20file", "/api/keys?prefix=os.pa",
  "/api/topic/assert", "/search?q=dataclass", "/api/topic/collections.OrderedDict", "/api/keys?prefix=json.",
  "/api/search?q=context%20manager&limit=10", "/docs/python-3.11/for", "/api/topic/itertools.chain", "/api/keys?prefix=sub",
  "/api/search?q=regular%20expression",
}

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  n = id * 7
  bad = 0
  statuses = {}
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end

function response(status, headers, body)
  if status >= 400 then
    bad = bad + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total_bad = 0
  for _, t in ipairs(threads) do total_bad = total_bad + t:get("bad") end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("SOAK requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f bad_status=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, total_bad, socket))
end
