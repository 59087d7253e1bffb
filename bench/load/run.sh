#!/usr/bin/env bash
# Load test of the web viewer against pydoc's own server, in one run on this machine.
#   bench/load/run.sh [--duration 10s] [--connections 32] [--threads 2] [--key asyncio.gather] [--index DIR]
# Builds the server (release), builds or reuses the full python3.11-doc index, starts our server and
# `python3.11 -m pydoc -p PORT`, runs wrk on: our topic page, our topic API, our search API (answered from the
# server's search cache after the first request, as a repeated search is), the same search with that cache
# off (a second server, HELP_SEARCH_CACHE=off: every request searches), and pydoc's page for the same object;
# prints requests/s, p99 latency and non-2xx/3xx counts for each.
# Needs: dotnet, wrk, python3.11, python3.11-doc (apt-get install wrk python3.11 python3.11-doc).
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=10s; connections=32; threads=2; key=asyncio.gather; query="thread pool"
index="${HELP_BENCH_INDEX:-/tmp/pyhelp-bench-index}"
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --key) key=$2; shift 2 ;;
    --index) index=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
for tool in wrk /usr/bin/python3.11 dotnet; do
  command -v "$tool" >/dev/null || { echo "load: $tool is missing (apt-get install wrk python3.11)" >&2; exit 2; }
done

art=/tmp/pyhelp-bench-artifacts
# The published pyhelp (Native AOT), as users run it; PYHELP=path reuses one already published.
pyhelp="${PYHELP:-}"
if [ -z "$pyhelp" ]; then
  echo "load: publishing pyhelp into $art/pyhelp" >&2
  dotnet publish src/HelpCli -c Release -r linux-x64 -o "$art/pyhelp" --artifacts-path "$art" -v quiet -nologo >&2
  pyhelp="$art/pyhelp/pyhelp"
fi
if [ ! -f "$index/CURRENT" ]; then
  echo "load: building the full index into $index" >&2
  "$pyhelp" --rebuild --index "$index" --source /usr/share/doc/python3.11/html >&2
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# Ours: the first stdout line is the URL once it listens.
# start_ours COMMAND...: starts a server and sets $url to its address.
start_ours() {
  local out; out=$(mktemp)
  "$@" --serve --port 0 --index "$index" >"$out" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do [ -s "$out" ] && break; sleep 0.1; done
  url=$(head -1 "$out"); url=${url%/}
  [[ "$url" == http://127.0.0.1:* ]] || { echo "load: our server did not start: $(cat "$out")" >&2; exit 1; }
  rm -f "$out"
}
start_ours "$pyhelp"; ours=$url
start_ours env HELP_SEARCH_CACHE=off "$pyhelp"; uncached=$url

# pydoc's: a free port chosen by Python, then the same object's page (pydoc names it KEY.html).
pyport=$(/usr/bin/python3.11 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# pydoc -p reads server commands from stdin and quits at its end: give it a pipe that stays open.
fifo=$(mktemp -u); mkfifo "$fifo"; exec 3<>"$fifo"
/usr/bin/python3.11 -m pydoc -n 127.0.0.1 -p "$pyport" <"$fifo" >/dev/null 2>&1 &
pids+=($!)
pydoc="http://127.0.0.1:$pyport"
for _ in $(seq 100); do curl -fsS -o /dev/null "$pydoc/" 2>/dev/null && break; sleep 0.1; done

q=$(/usr/bin/python3.11 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")
targets=(
  "ours topic page|$ours/docs/python-3.11/$key"
  "ours topic API|$ours/api/topic/$key"
  "ours search API|$ours/api/search?q=$q&limit=20"
  "ours search, no cache|$uncached/api/search?q=$q&limit=20"
  "pydoc topic page|$pydoc/$key.html"
)
for t in "${targets[@]}"; do
  url=${t#*|}
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  [ "$code" = 200 ] || { echo "load: $url answered $code before the run" >&2; exit 1; }
  curl -s -o /dev/null "$url"
done

lua=$(mktemp --suffix=.lua)
cat >"$lua" <<'LUA'
-- The summary as one line: wrk counts answers outside 2xx/3xx in errors.status, apart from socket errors. No
-- response() callback: wrk would hand every body to Lua, which on two cores took CPU from the server measured.
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %d %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(99) / 1000, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.requests))
end
LUA

printf '%-22s %12s %10s %8s %8s %10s\n' target "requests/s" "p99 ms" non-2xx "sock err" requests
failed=0
for t in "${targets[@]}"; do
  name=${t%%|*}; url=${t#*|}
  # Warm-up under the same load, not counted: the viewer runs on the JIT, which compiles a hot method again,
  # optimized, only after it has run a while; a single request measured the first seconds' slower code.
  wrk -t"$threads" -c"$connections" -d3s "$url" >/dev/null 2>&1 || true
  # The same load for every target; pydoc's server answers one request at a time.
  line=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$lua" "$url" | grep '^RESULT')
  read -r _ rps p99 non2xx sockerr total <<<"$line"
  printf '%-22s %12s %10s %8s %8s %10s\n' "$name" "$rps" "$p99" "$non2xx" "$sockerr" "$total"
  # Our server must answer every request; pydoc's failures are reported, not ours to fix.
  if [[ "$name" == ours* ]] && { [ "$non2xx" != 0 ] || [ "$sockerr" != 0 ]; }; then failed=1; fi
done
rm -f "$lua" "$fifo"
exit $failed
