#!/usr/bin/env python3
"""Latency of `pyhelp mcp` over stdio, as an editor's assistant meets it, beside what editors do without it.

    bench/mcp/run.py [--pyhelp PATH] [--index DIR] [--calls 1000] [--transcript FILE]

Starts `pyhelp mcp`, and reports:
  - start to first answer: from spawning the process to the answer of its first tools/call (initialize included),
    median of 20 starts;
  - `lookup` and `search` latency over --calls calls each (request written to response read), median and p99;
    keys are every --calls'th key of the index (the complete tool lists them), queries are words and names
    taken from the keys' own summaries, so no list here is tuned to the index;
  - beside them, one process per lookup as editors do without MCP: `pyhelp --json KEY` and `python3 -m pydoc
    KEY` (the reference), median of 20 keys.
With --transcript, the JSON-RPC lines of one lookup exchange (initialize, initialized, tools/call) are written there.
Needs only python3; pyhelp is the published one (./build.ps1 publish) or any on PATH.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time


class Server:
    def __init__(self, cmd, transcript=None):
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.next_id = 0
        self.transcript = transcript

    def send(self, message):
        line = json.dumps(message)
        if self.transcript is not None:
            self.transcript.append("-> " + line)
        self.proc.stdin.write(line.encode() + b"\n")
        self.proc.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("pyhelp mcp closed its output")
            if self.transcript is not None:
                self.transcript.append("<- " + line.decode().rstrip("\n"))
            reply = json.loads(line)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    def initialize(self):
        self.request("initialize", {"protocolVersion": "2025-06-18", "capabilities": {},
                                    "clientInfo": {"name": "bench", "version": "1"}})
        self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def call(self, tool, arguments):
        result = self.request("tools/call", {"name": tool, "arguments": arguments})
        return result["content"][0]["text"], result.get("isError", False)

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def ms(seconds):
    return f"{seconds * 1000:.2f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pyhelp", default=shutil.which("pyhelp") or "pyhelp")
    parser.add_argument("--index", help="the index folder (default: pyhelp's)")
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument("--transcript")
    parser.add_argument("--slowest", type=int, default=0, help="also list the N slowest searches")
    args = parser.parse_args()
    base = [args.pyhelp] + (["--index", args.index] if args.index else [])
    mcp = base + ["mcp"]

    # Warm the index (a first use builds it) and the page cache.
    subprocess.run(base + ["asyncio.gather"], stdout=subprocess.DEVNULL, check=True)

    starts = []
    for _ in range(20):
        began = time.perf_counter()
        server = Server(mcp)
        server.initialize()
        server.call("lookup", {"key": "asyncio.gather"})
        starts.append(time.perf_counter() - began)
        server.close()

    transcript = [] if args.transcript else None
    server = Server(mcp, transcript)
    server.initialize()
    server.call("lookup", {"key": "asyncio.gather"})
    if args.transcript:
        with open(args.transcript, "w") as f:
            f.write("\n".join(transcript) + "\n")
        server.transcript = None

    # complete gives at most 200 keys a call: walk the key space by first letters to sample all of it.
    keys = []
    for first in "abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        text, _ = server.call("complete", {"prefix": first, "limit": 200})
        keys += [k for k in text.split("\n") if k and not k.startswith("No key")]
    step = max(1, len(keys) // args.calls)
    lookups = [keys[(i * step) % len(keys)] for i in range(args.calls)]

    lookup_times = []
    for key in lookups:
        began = time.perf_counter()
        server.call("lookup", {"key": key})
        lookup_times.append(time.perf_counter() - began)

    # Queries: the summaries' words, two at a time, and bare names: what people type, not tuned to anything.
    queries = []
    for key in lookups:
        if len(queries) >= args.calls:
            break
        queries.append(key.split(".")[-1])
        text, error = server.call("lookup", {"key": key})
        words = [w.strip(".,:;()*`'\"") for w in text.split("\n\n", 2)[-1].split()]
        words = [w for w in words if len(w) > 3 and w.isalpha()]
        if len(words) >= 2:
            queries.append(" ".join(words[:2]).lower())
    queries = queries[:args.calls]
    search_times = []
    for query in queries:
        began = time.perf_counter()
        server.call("search", {"query": query, "limit": 10})
        search_times.append(time.perf_counter() - began)
    for seconds, i, query in sorted(((t, i, q) for i, (t, q) in enumerate(zip(search_times, queries))), reverse=True)[:args.slowest]:
        print(f"slow search #{i}: {ms(seconds)} {query!r}")
    server.close()

    sample = lookups[:: max(1, len(lookups) // 20)][:20]
    per_process = {}
    for name, cmd in (("pyhelp --json KEY (a process per lookup)", base + ["--json"]),
                      ("python3.11 -m pydoc KEY (the reference)", [shutil.which("python3.11") or sys.executable, "-m", "pydoc"])):
        times = []
        for key in sample:
            began = time.perf_counter()
            subprocess.run(cmd + [key], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env=dict(os.environ, PAGER="cat"))
            times.append(time.perf_counter() - began)
        per_process[name] = times

    print(f"pyhelp: {args.pyhelp}   keys sampled: {len(keys)}   calls: {len(lookup_times)} lookups, {len(search_times)} searches")
    print(f"start to first answer (spawn, initialize, lookup), median of 20: {ms(statistics.median(starts))}")
    print(f"lookup over stdio: median {ms(statistics.median(lookup_times))}, p99 {ms(percentile(lookup_times, 99))}")
    print(f"search over stdio: median {ms(statistics.median(search_times))}, p99 {ms(percentile(search_times, 99))}")
    for name, times in per_process.items():
        print(f"{name}: median {ms(statistics.median(times))} over {len(times)} keys")


if __name__ == "__main__":
    main()
