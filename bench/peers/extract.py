"""Main-text extraction by peer libraries, for benchmarking against crosscheck.

Usage (after `bash scripts/setup-bench.sh`):
    .venv-bench/bin/python bench/peers/extract.py --data ../shared/data/extraction \
        --system {trafilatura,readability,newspaper} --out PRED.json [--limit K]
    .venv-bench/bin/python bench/extract_score.py --data ../shared/data/extraction --pred PRED.json

Input: DIR/html/<id>.html.gz and DIR/ground-truth.json (for the ids and, for
newspaper, the page URL). The pages are UTF-8 (the benchmark's README says so;
all 181 decode cleanly), so each page is decoded as UTF-8 to a str, exactly as
the benchmark's own extractors/run_*.py do, and every library gets that str.

Each system is called the way the benchmark's extractors/run_*.py call it, so
that scores are comparable with its published table:
  trafilatura  trafilatura.extract(html, include_comments=False); every other
               option at its default (fallback extractors on, no favour_*).
  readability  readability-lxml Document(html).summary(html_partial=True), then
               plain text by html_text.extract_text (lxml-based; puts line breaks
               between blocks so paragraphs do not run together).
  newspaper    newspaper4k Article(url, fetch_images=False); download(input_html=html);
               parse(); .text. fetch_images=False only stops it downloading
               images to size the top image (no network here); text is unchanged.
               (run_newspaper.py calls newspaper.article(), which already parses,
               then parse() again; one parse gives the same text at half the time.)
A page on which the library raises or returns None gets "" (logged to stderr).

Output: {id: text} JSON. Prints to stderr the uncompressed HTML size (MB = 10^6
bytes), the wall time of the extraction loop only (no start-up, no reading or
gunzipping or decoding, no JSON writing) and MB/s; with --repeat N the loop runs
N times and the fastest is reported (the text written is the first run's).
"""
import argparse
import gzip
import json
import sys
import time
from pathlib import Path


def make_trafilatura():
    import trafilatura

    def run(html, url):
        return trafilatura.extract(html, include_comments=False)
    return run


def make_readability():
    import html_text
    from readability import Document

    def run(html, url):
        return html_text.extract_text(Document(html).summary(html_partial=True))
    return run


def make_newspaper():
    from newspaper import Article

    def run(html, url):
        article = Article(url, fetch_images=False)
        article.download(input_html=html)
        article.parse()
        return article.text
    return run


SYSTEMS = {"trafilatura": make_trafilatura, "readability": make_readability,
           "newspaper": make_newspaper}
DIST = {"trafilatura": "trafilatura", "readability": "readability-lxml",
        "newspaper": "newspaper4k"}


def load_pages(data_dir, limit=None):
    data_dir = Path(data_dir)
    gt = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted((data_dir / "html").glob("*.html.gz")):
        item_id = path.name[: -len(".html.gz")]
        raw = gzip.decompress(path.read_bytes())
        pages.append((item_id, gt.get(item_id, {}).get("url", ""), len(raw),
                      raw.decode("utf-8", errors="replace")))
        if limit and len(pages) >= limit:
            break
    return pages


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, help="folder with html/ and ground-truth.json")
    ap.add_argument("--system", required=True, choices=sorted(SYSTEMS))
    ap.add_argument("--out", required=True, help="{id: text} JSON to write")
    ap.add_argument("--limit", type=int, help="only the first K pages (by id)")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="run the loop N times, report the fastest (default 1)")
    args = ap.parse_args()

    from importlib.metadata import version
    run = SYSTEMS[args.system]()
    pages = load_pages(args.data, args.limit)
    total_bytes = sum(p[2] for p in pages)

    out, failures, times = {}, 0, []
    for rep in range(max(1, args.repeat)):
        start = time.perf_counter()
        for item_id, url, _, html in pages:
            try:
                text = run(html, url)
            except Exception as e:  # a peer's crash on one page is an empty prediction
                if rep == 0:
                    print(f"extract: {args.system} failed on {item_id}: "
                          f"{type(e).__name__}: {e}", file=sys.stderr)
                text = None
            if rep == 0:
                failures += not text
                out[item_id] = text or ""
        times.append(time.perf_counter() - start)
    seconds = min(times)

    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True),
                              encoding="utf-8")
    mb = total_bytes / 1e6
    print(f"extract: {args.system} {version(DIST[args.system])}: {len(pages)} pages, "
          f"{mb:.2f} MB HTML, {seconds:.2f} s, {mb / seconds:.2f} MB/s, "
          f"{len(pages) / seconds:.1f} pages/s, {failures} empty"
          + (f" (best of {len(times)}: {', '.join(f'{t:.2f}' for t in times)} s)"
             if len(times) > 1 else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
