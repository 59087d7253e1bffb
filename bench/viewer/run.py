#!/usr/bin/env python3
"""Page weight and server time of the viewer, side by side with pydoc's own server (python3.11 -m pydoc -p).

    python3 bench/viewer/run.py --pyhelp PATH/TO/pyhelp --index DIR [--runs 50]

Starts both servers on free ports, warms each page, then times --runs requests of each (one connection per request,
as a browser's first visit; time to the last byte) and prints the median and p95, with the bytes sent plain and
gzipped. The pages: the json module, the sidebar of its doc set, and the stdtypes page (the longest).
"""
import argparse, gzip, http.client, os, socket, statistics, subprocess, sys, time

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def wait(port):
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"nothing listens on {port}")

def get(port, path, encoding=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    start = time.perf_counter()
    c.request("GET", path, headers={"Accept-Encoding": encoding} if encoding else {})
    r = c.getresponse()
    body = r.read()
    elapsed = (time.perf_counter() - start) * 1000
    c.close()
    if r.status != 200:
        sys.exit(f"GET {path}: {r.status}")
    return elapsed, body, r.getheader("Content-Encoding")

def measure(port, path, runs):
    for _ in range(3):
        get(port, path)
    times = sorted(get(port, path)[0] for _ in range(runs))
    _, plain, _ = get(port, path)
    _, zipped, enc = get(port, path, "gzip")
    sent = len(zipped) if enc == "gzip" else len(gzip.compress(plain))
    return statistics.median(times), times[int(len(times) * 0.95) - 1], len(plain), sent, enc == "gzip"

def main():
    a = argparse.ArgumentParser()
    a.add_argument("--pyhelp", required=True)
    a.add_argument("--index", required=True)
    a.add_argument("--python", default="python3.11")
    a.add_argument("--runs", type=int, default=50)
    args = a.parse_args()
    ours, theirs = free_port(), free_port()
    procs = [subprocess.Popen([args.pyhelp, "--serve", "--index", args.index, "--port", str(ours)], stdout=subprocess.DEVNULL),
             # pydoc -p reads commands from stdin and quits at its end: a pipe kept open.
             subprocess.Popen([args.python, "-m", "pydoc", "-n", "127.0.0.1", "-p", str(theirs)], stdout=subprocess.DEVNULL, stdin=subprocess.PIPE)]
    try:
        wait(ours); wait(theirs)
        _, home, _ = get(ours, "/docs/python-3.11/json")
        nav = home.decode().split('data-src="')[1].split('"')[0].replace("&amp;", "&")
        rows = [("json module", ours, "/docs/python-3.11/json"),
                ("  pydoc -p", theirs, "/json.html"),
                ("sidebar (python-3.11)", ours, nav),
                ("stdtypes page", ours, "/docs/python-3.11/library%2Fstdtypes"),
                ("  pydoc -p (builtins)", theirs, "/builtins.html"),
                ("topic JSON, stdtypes", ours, "/api/topic/library%2Fstdtypes"),
                ("search page 'thread pool'", ours, "/search?q=thread+pool"),
                ("  pydoc -p search", theirs, "/search?key=thread+pool")]
        print(f"{'page':28} {'median ms':>9} {'p95 ms':>7} {'bytes':>9} {'gzip':>8}")
        for name, port, path in rows:
            median, p95, plain, sent, served_gzip = measure(port, path, args.runs)
            print(f"{name:28} {median:9.1f} {p95:7.1f} {plain:9,} {sent:8,}{'' if served_gzip else ' (not sent gzipped)'}")
    finally:
        for p in procs:
            p.terminate()

if __name__ == "__main__":
    main()
