#!/usr/bin/env python3
"""Speed of trafilatura on the benchmark pages: html/*.html.gz -> pages/s, MB/s.

Input: ../shared/data/article-extraction-benchmark/html relative to the project
(or --data). Output: one line with the throughput of trafilatura.extract over all
pages, in process, on one core (the process is pinned to one CPU when possible),
after the pages are read and decoded. Skips with a message when data or trafilatura
is missing.
"""
import argparse
import gzip
import os
import pathlib
import sys
import time

PROJECT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_DATA = PROJECT / ".." / "shared" / "data" / "article-extraction-benchmark" / "html"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=pathlib.Path, default=DEFAULT_DATA)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    paths = sorted(args.data.glob("*.html.gz")) if args.data.is_dir() else []
    if not paths:
        print(f"trafilatura bench skipped: no pages in {args.data}")
        return 0
    try:
        import trafilatura
    except ImportError as error:
        print(f"trafilatura bench skipped: {error} (pip install trafilatura lxml_html_clean)")
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    pages = [gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace") for path in paths]
    size = sum(len(page.encode("utf-8")) for page in pages)
    started = time.perf_counter()
    for _ in range(args.rounds):
        for page in pages:
            trafilatura.extract(page)
    seconds = time.perf_counter() - started
    count = len(pages) * args.rounds
    print(f"trafilatura {trafilatura.__version__}: {len(pages)} pages x {args.rounds} rounds, {size / 1e6:.1f} MB: "
          f"{count / seconds:.1f} pages/s, {size * args.rounds / 1e6 / seconds:.1f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
