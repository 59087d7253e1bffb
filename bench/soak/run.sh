#!/usr/bin/env bash
# Soak test of the viewer: wrk with 64 connections for 60 s over a mix of topic pages, topic JSON,
# searches and key completions (mixed.lua), against the release server on the full python3.11-doc index.
# Resident memory (VmRSS, /proc/PID/status) is read after a warm-up and again at the end; beside each, the
# server's own split of it (HELP_SERVER_MEMLOG, every 5 s: managed heap, large-object heap, SQLite, threads).
#   bench/soak/run.sh [--duration 60s] [--warmup 15s] [--connections 64] [--threads 2] [--index DIR]
# Prints one line per figure; exits 1 on any failed request or if RSS grew more than 10% after warm-up.
# Needs: dotnet, wrk, python3.11-doc (apt-get install wrk python3.11-doc).
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=60s; warmup=15s; connections=64; threads=2
index="${HELP_SOAK_INDEX:-/tmp/pyhelp-soak-index}"
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --index) index=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "soak: wrk is missing (apt-get install wrk)" >&2; exit 2; }

art=/tmp/pyhelp-soak-artifacts
# The published pyhelp (Native AOT), as users run it; PYHELP=path reuses one already published.
pyhelp="${PYHELP:-}"
if [ -z "$pyhelp" ]; then
  echo "soak: publishing pyhelp into $art/pyhelp" >&2
  dotnet publish src/HelpCli -c Release -r linux-x64 -o "$art/pyhelp" --artifacts-path "$art" -v quiet -nologo >&2
  pyhelp="$art/pyhelp/pyhelp"
fi
if [ ! -f "$index/CURRENT" ]; then
  echo "soak: building the full index into $index" >&2
  # pydoc's topics too: the mix asks for a keyword's page.
  "$pyhelp" --rebuild --index "$index" --source /usr/share/doc/python3.11/html \
    --source /usr/lib/python3.11/pydoc_data/topics.py >&2 || [ $? -eq 1 ] # 1: built, some sources skipped
fi

out=$(mktemp)
HELP_SERVER_MEMLOG=${HELP_SERVER_MEMLOG:-5} "$pyhelp" --serve --port 0 --index "$index" >"$out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 100); do [ -s "$out" ] && break; sleep 0.1; done
url=$(head -1 "$out"); url=${url%/}
[[ "$url" == http://127.0.0.1:* ]] || { echo "soak: the server did not start: $(cat "$out")" >&2; exit 1; }

# pyhelp --serve runs the viewer as its child process (Help.Server): that is the memory to watch.
server=$(pgrep -P "$pid" | head -1); server=${server:-$pid}
rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$server/status"; }
lua="$(pwd)/bench/soak/mixed.lua"

echo "soak: warm-up $warmup" >&2
wrk -t"$threads" -c"$connections" -d"$warmup" -s "$lua" "$url" >/dev/null
rss_warm=$(rss)
memlog_warm=$(grep '^memlog' "$out" | tail -1 || true)

echo "soak: run $duration, $connections connections" >&2
result=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$lua" "$url" | grep '^SOAK ')
rss_end=$(rss)
memlog_end=$(grep '^memlog' "$out" | tail -1 || true)

echo "$result"
echo "soak: server after warm-up: $memlog_warm" >&2
echo "soak: server at the end:    $memlog_end" >&2
growth=$(awk -v a="$rss_warm" -v b="$rss_end" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')
echo "SOAK rss_after_warmup_kib=$rss_warm rss_end_kib=$rss_end growth_pct=$growth"
if grep -q 'server failed\|Exception' "$out"; then echo "soak: the server logged failures:" >&2; cat "$out" >&2; fi

bad=$(sed -E 's/.*bad_status=([0-9]+) socket_errors=([0-9]+).*/\1 \2/' <<<"$result")
read -r bad_status socket_errors <<<"$bad"
status=0
[ "$bad_status" -eq 0 ] && [ "$socket_errors" -eq 0 ] || { echo "soak: FAILED: $bad_status bad answers, $socket_errors socket errors" >&2; status=1; }
awk -v g="$growth" 'BEGIN { exit !(g > 10 || g < -10) }' && { echo "soak: FAILED: RSS changed by $growth% after warm-up" >&2; status=1; }
exit $status
