#!/usr/bin/env bash
# Scale: every doc set installed against the standard library alone, in one run.
#   PYHELP=path/to/pyhelp bench/docsets/run.sh
# Builds a default index of every Sphinx tree under /usr/share/doc (as a fresh install does) and one of
# python3.11-doc alone, both from scratch under /usr/bin/time; then, over a doc root of links (HELP_DOC_ROOT), adds
# one package's docs and removes it again, timing the lookup that notices and re-indexes; then times a lookup, a
# search and a viewer page on both indexes side by side (hyperfine, curl).
# Needs: hyperfine, curl, python3.11-doc and the python-*-doc packages (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/../.."
pyhelp=${PYHELP:?set PYHELP to a published pyhelp (./build.sh publish writes artifacts/pyhelp/pyhelp)}
out=${BENCH_OUT:-/tmp/pyhelp-docsets}
rm -rf "$out"; mkdir -p "$out"
say() { printf '\n== %s\n' "$*"; }

say "doc trees installed"
ls -d /usr/share/doc/*/html/objects.inv | wc -l
du -shL --total $(ls -d /usr/share/doc/*/html | sort -u) 2>/dev/null | tail -1

say "every doc set, from scratch (the defaults)"
/usr/bin/time -f "%e s wall, %M KB peak, %P CPU" "$pyhelp" --index "$out/all" --defaults --rebuild 2>&1 >/dev/null | tail -1
"$pyhelp" --index "$out/all" --json -k x --limit 1 >/dev/null
say "the standard library alone, from scratch"
/usr/bin/time -f "%e s wall, %M KB peak, %P CPU" "$pyhelp" --index "$out/std" --source /usr/share/doc/python3.11/html --rebuild 2>&1 >/dev/null | tail -1

say "adding and removing one package (a doc root of links, HELP_DOC_ROOT)"
root="$out/docroot"; mkdir -p "$root"
for d in /usr/share/doc/*/; do
  name=$(basename "$d"); [ "$name" = python-click-doc ] && continue
  [ -f "$d/html/objects.inv" ] && ln -s "$d" "$root/$name"
done
HELP_DOC_ROOT="$root" "$pyhelp" --index "$out/linked" --defaults --rebuild >/dev/null 2>&1
ln -s /usr/share/doc/python-click-doc "$root/python-click-doc"
/usr/bin/time -f "added click: %e s wall, %M KB peak" env HELP_DOC_ROOT="$root" "$pyhelp" --index "$out/linked" --no-pager click.command 2>&1 >/dev/null | tail -1
rm "$root/python-click-doc"
/usr/bin/time -f "removed click: %e s wall, %M KB peak" env HELP_DOC_ROOT="$root" "$pyhelp" --index "$out/linked" --no-pager asyncio.gather 2>&1 >/dev/null | tail -1

say "a lookup and a search: every doc set against the standard library alone"
hyperfine -N --warmup 3 --runs 30 --style basic \
  "$pyhelp --index $out/all asyncio.gather" "$pyhelp --index $out/std asyncio.gather" \
  "$pyhelp --index $out/all -k 'thread pool'" "$pyhelp --index $out/std -k 'thread pool'" 2>&1 | grep -E "Benchmark|Time"

say "a viewer page and a search API call: every doc set against the standard library alone"
for idx in all std; do
  # The search cache off: the same search twenty times would otherwise measure the cache, not the index.
  log="$out/serve-$idx"; HELP_SEARCH_CACHE=off "$pyhelp" --serve --port 0 --index "$out/$idx" >"$log" 2>&1 & pid=$!
  for _ in $(seq 100); do [ -s "$log" ] && break; sleep 0.1; done
  url=$(head -1 "$log")
  for path in "docs/python-3.11/json" "api/search?q=thread+pool&limit=10"; do
    curl -s -o /dev/null "$url$path"
    t=$(for _ in $(seq 20); do curl -s -o /dev/null -w '%{time_total}\n' "$url$path"; done | sort -n | sed -n 10p)
    echo "$idx /$path: median $t s"
  done
  kill "$pid"
done
