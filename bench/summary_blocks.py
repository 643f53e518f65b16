"""Which blocks do summary sentences come from? Briefs every Multi-News dev cluster with a
crosscheck binary and writes one line per summary sentence: cluster, document, the kind of
the block it lies in (as that binary classified it), and the sentence. Used to compare the
block classifier before and after a change by reading a sample (bench/RESULTS.md says how many).

Usage: python3 bench/summary_blocks.py --bin target/release/crosscheck --data ../shared/data/multinews/dev.jsonl \
           --words 260 --out sentences.tsv
"""
import argparse
import json
import subprocess
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/crosscheck")
    ap.add_argument("--data", required=True)
    ap.add_argument("--words", type=int, default=260)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rows = []
    with open(args.data, encoding="utf-8") as f, tempfile.TemporaryDirectory() as tmp:
        for line in f:
            cluster = json.loads(line)
            docs = [{"text": d["text"].replace("NEWLINE_CHAR", "\n")} for d in cluster["documents"] if d["text"].strip()]
            path = f"{tmp}/c.json"
            with open(path, "w", encoding="utf-8") as c:
                json.dump({"documents": docs}, c)
            r = subprocess.run([args.bin, "brief", path, "--format", "json", "--words", str(args.words)],
                               capture_output=True, text=True)
            if r.returncode != 0:
                continue
            brief = json.loads(r.stdout)
            by_id = {d["id"]: d for d in brief["documents"]}
            for s in brief["summary"]:
                blocks = by_id[s["doc"]]["blocks"]
                kind = next((b["kind"] for b in blocks if b["start"] <= s["start"] and s["end"] <= b["end"]), "?")
                rows.append((cluster["id"], s["doc"], kind, " ".join(s["text"].split())))
    with open(args.out, "w", encoding="utf-8") as out:
        for r in rows:
            out.write("\t".join(r) + "\n")
    print(f"{len(rows)} summary sentences from {len({r[0] for r in rows})} clusters -> {args.out}")


if __name__ == "__main__":
    main()
