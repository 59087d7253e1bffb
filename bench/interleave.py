#!/usr/bin/env python3
"""Times commands run in turn, one run of each after the other, and prints each one's median wall time.

hyperfine runs all of one command's runs, then all of the next one's: on a VM whose speed drifts by 15% or more
within seconds, a ratio of two such blocks says as much about when each block ran as about the commands. Here
every round runs each command once, in an order that rotates from round to round, so that drift meets all of them
alike; the ratio of the medians is then the commands' own.

    bench/interleave.py --runs 300 --warmup 10 --json out.json "pyhelp assert" "empty"

Each command is split like a shell word list (no shell runs it), started with posix_spawn (as hyperfine -N does
without a shell) with stdout and stderr to /dev/null, and timed from spawn to exit with a monotonic clock.
"""
import argparse
import json
import os
import shlex
import statistics
import sys
import time


def run_once(argv, devnull):
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
    start = time.perf_counter_ns()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter_ns() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"interleave.py: {shlex.join(argv)} exited {os.waitstatus_to_exitcode(status)}")
    return elapsed / 1e6


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--json", help="write every time (ms) per command here")
    parser.add_argument("commands", nargs="+")
    args = parser.parse_args()
    commands = [shlex.split(c) for c in args.commands]
    times = [[] for _ in commands]
    devnull = os.open(os.devnull, os.O_WRONLY)
    for n in range(args.warmup + args.runs):
        for k in range(len(commands)):
            i = (n + k) % len(commands)
            t = run_once(commands[i], devnull)
            if n >= args.warmup:
                times[i].append(t)
    for command, ts in zip(args.commands, times):
        print(f"{statistics.median(ts):8.3f} ms median  {command}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"results": [{"command": c, "times_ms": ts} for c, ts in zip(args.commands, times)]}, f)


if __name__ == "__main__":
    main()
