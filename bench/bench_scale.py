#!/usr/bin/env python3
"""Scaling of `crosscheck brief` on one long plain-text input.

Builds one document by joining the Multi-News dev texts (1.2 MB, repeated as needed) to each
size in /tmp, runs `crosscheck brief FILE --format json -o /dev/null` on it, and reports
wall seconds, CPU seconds (user + system: steadier than wall time on a shared machine), CPU
seconds per MB, peak memory (max RSS of the child) and the ratio of CPU s/MB at the largest
size to that at the smallest (1.0 = linear).

Each repetition after the first gives its mid-sentence capitalised words a suffix of its own
("Obama", "Obamac", "Obamad", ...), so a long input keeps meeting new names as a real one does;
a verbatim repeat hides any cost that grows with the number of distinct names, entities or
roles. `--verbatim` repeats the texts unchanged.

    python3 bench/bench_scale.py [--bin target/release/crosscheck] [--sizes 1,4,16,64]
        [--data ../shared/data/multinews/dev.jsonl] [--verbatim] [--keep]

Python 3 standard library only. The inputs are deleted afterwards unless --keep is given.
"""
import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def texts(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            for doc in rec.get("documents", []):
                text = doc.get("text") if isinstance(doc, dict) else doc
                if isinstance(text, str) and text.strip():
                    yield text.strip()


NAME = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]{3,})")


def suffix(k):
    """A letter suffix that is different for every repetition k (empty for the first)."""
    out = ""
    while k > 0:
        out += "bcdfghjklmnpqrstvwxz"[k % 20]
        k //= 20
    return out


def build(path, size_bytes, pieces, verbatim):
    """Writes `pieces` joined by blank lines, repeated until the next one would pass
    `size_bytes` (so 64 MB stays within the default 64 MiB input limit)."""
    written = 0
    k = 0
    with open(path, "wb") as f:
        while True:
            sfx = "" if verbatim else suffix(k)
            k += 1
            for p in pieces:
                if sfx:
                    p = NAME.sub(lambda m: m.group(1) + sfx, p)
                chunk = (p + "\n\n").encode("utf-8")
                if written + len(chunk) > size_bytes:
                    return written
                f.write(chunk)
                written += len(chunk)


def run_one(binary, path):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [binary, "brief", path, "--format", "json", "-o", "/dev/null"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    seconds = time.perf_counter() - start
    # ru_maxrss of RUSAGE_CHILDREN is the largest of all waited-for children: run sizes in
    # increasing order so each reading is this child's (or a smaller earlier one's).
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace")[-2000:])
        raise SystemExit(f"{binary} failed on {path} (exit {proc.returncode})")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, after.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/crosscheck"))
    ap.add_argument("--data", default=os.path.join(ROOT, "../shared/data/multinews/dev.jsonl"))
    ap.add_argument("--sizes", default="1,4,16,64", help="sizes in MB, comma-separated, increasing")
    ap.add_argument("--dir", default="/tmp")
    ap.add_argument("--keep", action="store_true", help="keep the generated inputs")
    ap.add_argument("--verbatim", action="store_true", help="repeat the texts unchanged")
    args = ap.parse_args()

    sizes = sorted(float(s) for s in args.sizes.split(","))
    pieces = list(texts(args.data))
    if not pieces:
        raise SystemExit(f"no texts in {args.data}")
    rows = []
    print(f"{'MB':>6} {'wall s':>8} {'CPU s':>8} {'CPU s/MB':>9} {'peak MB':>8} {'peak/input':>10}")
    for mb in sizes:
        kind = "verbatim" if args.verbatim else "distinct"
        path = os.path.join(args.dir, f"crosscheck-scale-{kind}-{mb:g}mb.txt")
        nbytes = build(path, int(mb * 1024 * 1024), pieces, args.verbatim)
        try:
            seconds, cpu, peak_mb = run_one(args.bin, path)
        finally:
            if not args.keep:
                os.remove(path)
        if nbytes == 0:
            raise SystemExit(f"{mb:g} MB is smaller than the first text; use larger --sizes")
        real_mb = nbytes / (1024 * 1024)
        rows.append((real_mb, cpu, peak_mb))
        print(f"{real_mb:6.1f} {seconds:8.2f} {cpu:8.2f} {cpu / real_mb:9.3f} {peak_mb:8.0f} {peak_mb / real_mb:10.1f}",
              flush=True)
    first, last = rows[0], rows[-1]
    ratio = (last[1] / last[0]) / (first[1] / first[0])
    budget = 4 * last[0] + 100
    print(f"CPU s/MB ratio {last[0]:.0f} MB / {first[0]:.0f} MB: {ratio:.2f} (target <= 1.3)")
    print(f"peak memory at {last[0]:.0f} MB: {last[2]:.0f} MB (target <= 4 x input + 100 = {budget:.0f} MB)")


if __name__ == "__main__":
    main()
