#!/usr/bin/env bash
# The speed benchmark: publishes pyhelp as ./build.sh publish does (Native AOT), then times it side by
# side with pydoc and an empty console app published the same way (hyperfine), times a full index build
# (/usr/bin/time -v for peak memory), a rebuild with nothing changed and one with one page changed, and
# prints medians and ratios. Needs: dotnet, hyperfine, python3.11 and python3.11-doc (Debian packages).
#
#   bench/run.sh                 everything
#   BENCH_RUNS=20 bench/run.sh   fewer hyperfine runs
#   BENCH_ROUNDS=5 bench/run.sh  more rounds of the lookup comparison (default 3)
# Environment: BENCH_OUT (default /tmp/pyhelp-bench) holds the published tools, indexes and results;
# BENCH_ARTIFACTS, when set, is passed to dotnet as --artifacts-path (keeps bin/obj out of the tree).
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${BENCH_OUT:-/tmp/pyhelp-bench}
RUNS=${BENCH_RUNS:-40}
ROUNDS=${BENCH_ROUNDS:-3}
RID=${BENCH_RID:-linux-x64}
DOCS=${BENCH_DOCS:-/usr/share/doc/python3.11/html}
PYTHON=${BENCH_PYTHON:-/usr/bin/python3.11}
ART=()
if [[ -n "${BENCH_ARTIFACTS:-}" ]]; then ART=(--artifacts-path "$BENCH_ARTIFACTS"); fi
mkdir -p "$OUT"

say() { printf '\n== %s\n' "$*"; }
median() { "$PYTHON" -c 'import json,sys,statistics as s; r=json.load(open(sys.argv[1]))["results"]; [print(f"{statistics:.2f}") for statistics in [s.median(x["times"])*1000 for x in r]]' "$1"; }

say "machine"
nproc; uptime

# BENCH_NATIVE=false publishes the framework-dependent ReadyToRun build instead, for comparison. The empty app is
# the console template app as .NET tools usually ship (ReadyToRun, framework-dependent: bench/EmptyApp).
NATIVE=${BENCH_NATIVE:-true}
if [[ "$NATIVE" == true ]]; then
  say "publish (Native AOT, as ./build.sh publish)"
  PUB=()
else
  say "publish (ReadyToRun, framework-dependent)"
  PUB=(-p:PublishAot=false -p:PublishReadyToRun=true --self-contained false)
fi
rm -rf "$OUT/pyhelp" "$OUT/empty"
dotnet publish src/HelpCli -c Release -r "$RID" "${PUB[@]}" -o "$OUT/pyhelp" "${ART[@]}" | tail -1
dotnet publish bench/EmptyApp -c Release -r "$RID" -o "$OUT/empty" "${ART[@]}" | tail -1
PYHELP="$OUT/pyhelp/pyhelp"
EMPTY="$OUT/empty/empty"
INDEX="$OUT/index"

say "index (built once if missing; the lookups below never build)"
"$PYHELP" --index "$INDEX" --no-pager assert > /dev/null
du -sb "$INDEX/$(cat "$INDEX/CURRENT")"/* | sed "s|$INDEX/||"

# Each round is one side-by-side hyperfine run of all five. hyperfine times one command's runs after the other's, and
# this VM's speed drifts by 15% or more within a minute, so one round can favour whichever command ran in a quiet
# moment; the ratios are taken per round, and their median over the rounds is the figure.
say "lookup: pyhelp vs pydoc vs an empty app, $ROUNDS side-by-side rounds of $RUNS runs"
for round in $(seq "$ROUNDS"); do
  hyperfine -N --style none --warmup 5 --runs "$RUNS" --export-json "$OUT/lookup-$round.json" \
    "$PYHELP --index $INDEX assert" \
    "$PYTHON -m pydoc assert" \
    "$PYHELP --index $INDEX asyncio.run" \
    "$PYTHON -m pydoc asyncio.run" \
    "$EMPTY"
done
"$PYTHON" - "$OUT" "$ROUNDS" <<'EOF'
import json, statistics as s, sys
out, rounds = sys.argv[1], int(sys.argv[2])
rows = []
for n in range(1, rounds + 1):
    a, pa, r, pr, e = [s.median(x["times"]) * 1000 for x in json.load(open(f"{out}/lookup-{n}.json"))["results"]]
    rows.append((a / pa, a / e, r / pr, r / e))
    print(f"round {n} medians (ms): pyhelp assert {a:.2f}, pydoc assert {pa:.2f}, pyhelp asyncio.run {r:.2f}, "
          f"pydoc asyncio.run {pr:.2f}, empty app {e:.2f}; pyhelp/empty: assert {a/e:.2f}, asyncio.run {r/e:.2f}")
m = [s.median(col) for col in zip(*rows)]
print(f"assert:      pyhelp/pydoc {m[0]:.2f} (target <= 0.2), pyhelp/empty {m[1]:.2f} (target <= 0.5)  (medians over {rounds} rounds)")
print(f"asyncio.run: pyhelp/pydoc {m[2]:.2f} (target <= 0.2), pyhelp/empty {m[3]:.2f} (target <= 0.5)")
EOF

# The same lookups against the empty app with the runs interleaved (bench/interleave.py: one run of each in turn,
# the order rotating), so that the machine's drift meets all three alike: the steadiest ratio this VM gives.
INTERLEAVED=${BENCH_INTERLEAVED:-300}
say "lookup: pyhelp vs the empty app, $INTERLEAVED interleaved runs each"
"$PYTHON" bench/interleave.py --runs "$INTERLEAVED" --warmup 10 --json "$OUT/interleaved.json" \
  "$PYHELP --index $INDEX assert" "$PYHELP --index $INDEX asyncio.run" "$EMPTY"
"$PYTHON" - "$OUT/interleaved.json" <<'EOF'
import json, statistics as s, sys
a, r, e = [s.median(x["times_ms"]) for x in json.load(open(sys.argv[1]))["results"]]
print(f"interleaved: pyhelp/empty assert {a/e:.2f}, asyncio.run {r/e:.2f}")
EOF

say "search: pyhelp -k vs pydoc -k"
hyperfine -N --warmup 2 --runs "$(( RUNS < 10 ? RUNS : 10 ))" --export-json "$OUT/search.json" \
  "$PYHELP --index $INDEX -k thread" \
  "$PYTHON -m pydoc -k thread"
mapfile -t S < <(median "$OUT/search.json")
echo "medians (ms): pyhelp -k ${S[0]}, pydoc -k ${S[1]}; ratio $("$PYTHON" -c "print(f'{${S[0]}/${S[1]}:.3f}')")"

say "full build of the Python docs ($DOCS, content/, topics.py)"
BUILD="$OUT/build-index"
SOURCES=(--source "$DOCS" --source "$OUT/pyhelp/content" --source "/usr/lib/python3.11/pydoc_data/topics.py")
rm -rf "$BUILD"
/usr/bin/time -v "$PYHELP" --index "$BUILD" "${SOURCES[@]}" --rebuild 2> "$OUT/build.time" > /dev/null || true
grep -E "Elapsed|Maximum resident|Percent of CPU" "$OUT/build.time"

say "rebuild, no source changed (a lookup's freshness check, then nothing to do)"
/usr/bin/time -f "%e s wall, %M KB peak" "$PYHELP" --index "$BUILD" --no-pager assert > /dev/null

say "rebuild, one page changed (in a copy of the tree, replaced by rename as installs do)"
TREE="$OUT/docs-copy"
rm -rf "$TREE" && cp -r "$DOCS" "$TREE"
CHANGED="$OUT/changed-index"
rm -rf "$CHANGED"
"$PYHELP" --index "$CHANGED" --source "$TREE" --rebuild > /dev/null 2>&1 || true
PAGE="$TREE/library/textwrap.html"
sed 's/Text wrapping and filling/Text wrapping and filling, changed/' "$PAGE" > "$PAGE.new" && mv "$PAGE.new" "$PAGE"
/usr/bin/time -f "%e s wall, %M KB peak" "$PYHELP" --index "$CHANGED" --no-pager textwrap 2>&1 > /dev/null | tail -1

say "index size against the HTML it came from"
GEN="$INDEX/$(cat "$INDEX/CURRENT")"
# What a lookup or a search reads; pages.cache only speeds up the next build (deleting it costs nothing else).
idx=$(cat "$GEN"/topics.tbl "$GEN"/search/* "$GEN"/manifest.json "$GEN"/seal.json 2>/dev/null | wc -c)
cache=$(wc -c < "$GEN/pages.cache" 2>/dev/null || echo 0)
html=$(find -L "$DOCS" -name '*.html' -printf '%s\n' | awk '{s+=$1} END {print s}')
tree=$(du -sbL "$DOCS" | cut -f1)
"$PYTHON" -c "i,c,h,t=$idx,$cache,$html,$tree; print(f'index {i} bytes: {i/h:.1%} of the *.html files ({h} bytes; target <= 40%), {i/t:.1%} of the whole tree ({t} bytes)'); print(f'with the build cache pages.cache ({c} bytes): {(i+c)/h:.1%} of the *.html, {(i+c)/t:.1%} of the tree')"
