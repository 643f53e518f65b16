"""Quote-attribution score against PolNeAR (brat standoff) gold annotations.

Usage (no dependencies beyond the Python 3.8+ standard library):
    python3 bench/quotes_score.py --data ../shared/data/polnear/dev --pred PRED.jsonl \
        [--json] [--per-file OUT.tsv]
    python3 bench/quotes_score.py --data ../shared/data/polnear/dev --gold-as-pred [--json]
    python3 bench/quotes_score.py --data ../shared/data/polnear/dev --write-gold GOLD.jsonl
    python3 bench/quotes_score.py --self-test

This is the independent cross-check of `crosscheck eval quotes`; both implement
exactly the rules below.

Input
-----
DIR/text/<stem>.txt: article text, read as UTF-8 bytes decoded to a str with
nothing changed (no newline translation, no normalisation). All offsets, gold
and predicted, are Python str offsets (Unicode code points), end exclusive.

DIR/attributions/<stem>_<annotator>.ann: brat standoff. <annotator> is the part
of the file name after the LAST "_" (before ".ann"); the rest is the text stem.

PRED.jsonl: one JSON object per line,
    {"file": "<stem>.txt", "quotes": [{"source": S, "cue": S, "content": S}, ...]}
where each S is null, [start, end], or a list of fragments [[start, end], ...]
(the fragment form lets discontinuous gold be written back as predictions).
A missing "source"/"cue" key is null. Other keys are ignored. A text file with
no line in PRED has no predictions; a line whose file is not a text file in
DIR/text is ignored with a warning; two lines for the same file are an error.

Rules
-----
1. Gold per text file: ONE annotation file, the first of its .ann files in
   sorted (Python str sort, i.e. code-point order) file-name order. A text
   file with no .ann file has no gold attribution (warned).
2. .ann lines: "T<n>\\t<Label> <s> <e>[;<s> <e>...]\\t<text>" is a text-bound
   annotation with one or more fragments (discontinuous spans are kept as
   fragment lists); "E<n>\\t<Trigger>:<T> <Role>:<T> ..." is an event. Every
   other line ("#" notes, blank lines, and the continuation lines of a T whose
   covered text contains a newline) is ignored. The T's own text field is not
   used; spans come from the offsets.
3. Each E line is one gold attribution, whatever its trigger type
   ("Attribution" or "Attribution-no-source"). Its arguments after the
   trigger are Role:Tid pairs; a role name has any trailing digits removed
   ("Content2" -> "Content"). Role Source, Cue or Content collects the
   fragments of EVERY T given that role (a role may be repeated or missing;
   the T's own label is not consulted). Other roles are ignored. An argument
   naming an unknown T is ignored (warned). An attribution with no Content
   fragment is skipped.
4. A span is the SET of character positions covered by its fragments (union;
   a fragment with end <= start covers nothing). overlap(a, b) = the number of
   positions in both sets. A span "is absent" when it covers no position
   (null, no fragment, no role).
5. A (pred, gold) pair qualifies when overlap(content) >= 1 AND
   (overlap(source) >= 1 OR both sources are absent). Matching is one-to-one
   and greedy: sort the qualifying pairs by content overlap descending, then
   gold content start ascending, then pred content start ascending (start =
   the smallest covered position), then gold index, then pred index (file
   order: gold in E-line order, preds in PRED order); take each pair whose
   pred and gold are both still unmatched.
6. Micro-averaged over all text files: precision = matched / preds,
   recall = matched / gold (each 0 when its denominator is 0),
   F1 = 2PR / (P + R), 0 when P + R == 0.
7. Speech subset: an item (gold or pred) is a speech item when its cue text
   contains a word in SPEECH_VERBS. Cue text = the text of the cue span's
   fragments (merged, in position order) joined with one space, then
   str.lower(); words = maximal runs of characters for which str.isalpha() is
   true (so "didn't say" -> didn, t, say). An item whose cue is absent is not
   a speech item. The subset is scored with rules 5-6 over speech preds vs
   speech gold only (matching is done afresh within the subset).

Output: overall and speech-subset P/R/F1 with counts (gold, pred, matched);
with --json a single JSON object
  {"files": n, "overall": {"gold", "pred", "matched", "precision", "recall", "f1"},
   "speech": {...same keys}}.
--per-file OUT.tsv writes the six counts per text file (to diff against
another implementation). --gold-as-pred scores the gold against itself (must
give 1.0 everywhere); --write-gold writes the gold in PRED form (fragment
lists) so another scorer can be fed the same self-check.
"""
import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

SPEECH_VERBS = frozenset(
    """
    say says said saying tell tells told telling add adds added state states stated
    ask asks asked announce announces announced declare declares declared
    claim claims claimed explain explains explained note notes noted
    write writes wrote insist insists insisted argue argues argued
    warn warns warned reply replies replied respond responds responded
    repeat repeated comment commented remark remarked tweet tweets tweeted
    testify testified confirm confirms confirmed deny denies denied
    acknowledge acknowledged admit admits admitted according
    """.split()
)

ROLES = ("Source", "Cue", "Content")
_T_RE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_RE = re.compile(r"^(E\d+)\t(.*)$")


def warn(msg):
    print(f"quotes_score: {msg}", file=sys.stderr)


# ---------------------------------------------------------------- spans

def norm_span(frags):
    """Fragments -> sorted, merged, disjoint [(s, e)] with e > s."""
    iv = sorted((s, e) for s, e in frags if e > s)
    out = []
    for s, e in iv:
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def overlap(a, b):
    """Characters in common between two normalised spans."""
    i = j = n = 0
    while i < len(a) and j < len(b):
        lo = max(a[i][0], b[j][0])
        hi = min(a[i][1], b[j][1])
        if hi > lo:
            n += hi - lo
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return n


def span_text(text, span):
    return " ".join(text[s:e] for s, e in span)


def is_speech(text, cue):
    if not cue:
        return False
    words = []
    cur = []
    for ch in span_text(text, cue).lower():
        if ch.isalpha():
            cur.append(ch)
        elif cur:
            words.append("".join(cur))
            cur = []
    if cur:
        words.append("".join(cur))
    return any(w in SPEECH_VERBS for w in words)


# ---------------------------------------------------------------- gold

def parse_ann(src):
    """brat .ann text -> ({tid: [(s, e), ...]}, [(eid, [(role, tid), ...])])."""
    tspans = {}
    events = []
    for line in src.split("\n"):
        m = _T_RE.match(line)
        if m:
            frags = [tuple(int(x) for x in f.split(" ")) for f in m.group(3).split(";")]
            tspans[m.group(1)] = frags
            continue
        m = _E_RE.match(line)
        if m:
            args = [a for a in m.group(2).split(" ") if a]
            roles = []
            for a in args[1:]:  # args[0] is the trigger, e.g. Attribution:T4
                role, _, tid = a.partition(":")
                roles.append((role.rstrip("0123456789"), tid))
            events.append((m.group(1), roles))
    return tspans, events


def gold_items(ann_src, where=""):
    tspans, events = parse_ann(ann_src)
    items = []
    for eid, roles in events:
        frags = {r: [] for r in ROLES}
        for role, tid in roles:
            if role not in frags:
                continue
            if tid not in tspans:
                warn(f"{where}: {eid} names unknown {tid}")
                continue
            frags[role].extend(tspans[tid])
        item = {r: norm_span(frags[r]) for r in ROLES}
        if not item["Content"]:
            continue
        items.append({"source": item["Source"], "cue": item["Cue"], "content": item["Content"], "id": eid})
    return items


def read_text(path):
    return path.read_bytes().decode("utf-8")


def load_data(data_dir):
    """-> [(file name, text, gold items)] for DIR/text/*.txt in sorted order."""
    data_dir = Path(data_dir)
    anns = defaultdict(list)
    for p in (data_dir / "attributions").glob("*.ann"):
        stem = p.name[: -len(".ann")].rsplit("_", 1)[0]
        anns[stem].append(p.name)
    out = []
    for p in sorted((data_dir / "text").glob("*.txt"), key=lambda p: p.name):
        text = read_text(p)
        names = sorted(anns.get(p.stem, []))
        if not names:
            warn(f"{p.name}: no .ann file; no gold")
            gold = []
        else:
            ann = data_dir / "attributions" / names[0]
            gold = gold_items(read_text(ann), ann.name)
        out.append((p.name, text, gold))
    return out


# ---------------------------------------------------------------- predictions

def parse_span(v, where):
    if v is None:
        return []
    if not isinstance(v, list):
        raise ValueError(f"{where}: span must be null or a list, got {v!r}")
    if not v:
        return []
    if all(isinstance(x, int) for x in v):
        if len(v) != 2:
            raise ValueError(f"{where}: span must be [start, end], got {v!r}")
        return norm_span([tuple(v)])
    frags = []
    for f in v:
        if not (isinstance(f, list) and len(f) == 2 and all(isinstance(x, int) for x in f)):
            raise ValueError(f"{where}: bad fragment {f!r}")
        frags.append(tuple(f))
    return norm_span(frags)


def load_pred(path, known):
    preds = {}
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            name = obj["file"]
            if name in preds:
                raise ValueError(f"{path}:{ln}: second line for {name}")
            items = []
            for k, q in enumerate(obj.get("quotes") or []):
                where = f"{path}:{ln} {name} quote {k}"
                items.append({r: parse_span(q.get(r), f"{where} {r}") for r in ("source", "cue", "content")})
            preds[name] = items
    for name in sorted(set(preds) - set(known)):
        warn(f"{path}: {name} is not a text file in the data; ignored")
    return preds


# ---------------------------------------------------------------- matching

def match(preds, gold):
    """Greedy one-to-one matching (rule 5). Returns [(pred index, gold index)]."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            c = overlap(p["content"], g["content"])
            if c < 1:
                continue
            ps, gs = p["source"], g["source"]
            if not ((not ps and not gs) or overlap(ps, gs) >= 1):
                continue
            pstart = p["content"][0][0]
            gstart = g["content"][0][0]
            pairs.append((-c, gstart, pstart, gi, pi))
    pairs.sort()
    used_p, used_g, out = set(), set(), []
    for _, _, _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((pi, gi))
    return out


def prf(gold, pred, matched):
    p = matched / pred if pred else 0.0
    r = matched / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"gold": gold, "pred": pred, "matched": matched, "precision": p, "recall": r, "f1": f}


def score(data, preds, per_file=None):
    tot = {"overall": [0, 0, 0], "speech": [0, 0, 0]}
    for name, text, gold in data:
        row = [name]
        pr = preds.get(name, [])  # a pred with no content counts, but never matches
        for subset, g, p in (
            ("overall", gold, pr),
            ("speech", [x for x in gold if is_speech(text, x["cue"])],
             [x for x in pr if is_speech(text, x["cue"])]),
        ):
            t = tot[subset]
            t[0] += len(g)
            t[1] += len(p)
            m = len(match(p, g))
            t[2] += m
            row += [len(g), len(p), m]
        if per_file is not None:
            per_file.append(row)
    return {
        "files": len(data),
        "overall": prf(*tot["overall"]),
        "speech": prf(*tot["speech"]),
    }


def gold_as_pred(data):
    return {name: [{k: g[k] for k in ("source", "cue", "content")} for g in gold] for name, _, gold in data}


def write_gold(data, path):
    with open(path, "w", encoding="utf-8") as f:
        for name, _, gold in data:
            qs = [{k: ([list(x) for x in g[k]] or None) for k in ("source", "cue", "content")} for g in gold]
            f.write(json.dumps({"file": name, "quotes": qs}) + "\n")


def report(res, out=sys.stdout):
    print(f"files {res['files']}", file=out)
    for k in ("overall", "speech"):
        r = res[k]
        print(
            f"{k:8s} P {r['precision']:.4f}  R {r['recall']:.4f}  F1 {r['f1']:.4f}"
            f"   gold {r['gold']}  pred {r['pred']}  matched {r['matched']}",
            file=out,
        )


# ---------------------------------------------------------------- self-test

def self_test():
    import tempfile

    text = 'Smith said "we will win." Jones, he added, "no way." Polls show it. Bob told us "sure thing." Zed said "a b c."'
    ann = (
        # E1: source Smith, cue said, content "we will win."
        "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 25\t\"we will win.\"\n"
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
        # E2: discontinuous cue "Jones ... added" no; source Jones, cue "he added"
        # split (discontinuous) and content repeated as Content + Content2.
        "T4\tSource 26 31\tJones\nT5\tCue 33 35;36 41\the added\n"
        "T6\tContent 43 47\t\"no \nT7\tContent 47 52\tway.\"\n"
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4 Content2:T7\n"
        "#1\tAnnotatorNotes T6\ta note\n"
        # E3: no source, cue "show" (not a speech verb)
        "T8\tCue 59 63\tshow\nT9\tContent 64 67\tit.\n"
        "E3\tAttribution-no-source:T8 Cue:T8 Content:T9\n"
        # E4: no content -> skipped
        "T10\tSource 68 71\tBob\nE4\tAttribution:T10 Source:T10\n"
        # E5: multi-line covered text (continuation line ignored)
        "T11\tSource 68 71\tBob\nT12\tCue 72 76\ttold\nT13\tContent 80 93\t\"sure\nthing.\"\n"
        "E5\tAttribution:T12 Content:T13 Cue:T12 Source:T11\n"
        "E6\tAttribution:T99 \n"
    )
    assert text[11:25] == '"we will win."' and text[33:41] == "he added" and text[80:93] == '"sure thing."'
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        (d / "text").mkdir()
        (d / "attributions").mkdir()
        (d / "text" / "a_b.txt").write_text(text, encoding="utf-8")
        (d / "attributions" / "a_b_zz99.ann").write_text("E1\tAttribution:T1 \n", encoding="utf-8")
        (d / "attributions" / "a_b_aa11.ann").write_text(ann, encoding="utf-8")  # sorts first
        (d / "text" / "c.txt").write_text("nothing", encoding="utf-8")
        (d / "attributions" / "c_aa11.ann").write_text("", encoding="utf-8")
        data = load_data(d)
        assert [n for n, _, _ in data] == ["a_b.txt", "c.txt"]
        gold = data[0][2]
        assert [g["id"] for g in gold] == ["E1", "E2", "E3", "E5"], gold
        assert gold[1]["content"] == [(43, 52)] and gold[1]["cue"] == [(33, 35), (36, 41)]
        assert gold[2]["source"] == []
        assert [is_speech(text, g["cue"]) for g in gold] == [True, True, False, True]
        res = score(data, gold_as_pred(data))
        assert res["overall"] == prf(4, 4, 4) and res["speech"] == prf(3, 3, 3), res
        # round trip through the JSONL fragment form
        write_gold(data, d / "g.jsonl")
        res2 = score(data, load_pred(d / "g.jsonl", {n for n, _, _ in data}))
        assert res2 == res, res2
        # predictions: good match, source mismatch, no-source match, duplicate
        # of E1 (only one may match), cue-less pred, pred with null content.
        preds = {"a_b.txt": [
            {"source": [(0, 5)], "cue": [(6, 10)], "content": [(12, 20)]},   # E1
            {"source": [(0, 5)], "cue": [(6, 10)], "content": [(11, 25)]},   # E1, larger overlap wins
            {"source": [(68, 71)], "cue": None, "content": [(44, 50)]},      # E2 content, wrong source
            {"source": [], "cue": [(59, 63)], "content": [(64, 66)]},        # E3 (both no source)
            {"source": [(68, 71)], "cue": [], "content": [(81, 86)]},        # E5, no cue
            {"source": [(68, 71)], "cue": [], "content": []},                # no content
        ]}
        m = match(preds["a_b.txt"], gold)
        assert sorted(m) == [(1, 0), (3, 2), (4, 3)], m
        res = score(data, preds)
        assert res["overall"] == prf(4, 6, 3), res
        # speech preds: 0, 1 (said); speech gold: E1, E2, E5 -> one match
        assert res["speech"] == prf(3, 2, 1), res
        # tie-break: two identical gold, two identical preds -> both match
        g2 = [{"source": [], "cue": [], "content": [(0, 4)]}] * 2
        assert len(match(g2, g2)) == 2
    assert overlap(norm_span([(0, 10), (5, 15)]), norm_span([(12, 20), (3, 4)])) == 4
    assert overlap(norm_span([(5, 5)]), norm_span([(0, 10)])) == 0
    print("quotes_score self-test: ok")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", help="dir with text/ and attributions/")
    ap.add_argument("--pred", help="predictions JSONL")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--gold-as-pred", action="store_true", help="score the gold against itself (expect 1.0)")
    ap.add_argument("--write-gold", metavar="OUT", help="write the gold in PRED JSONL form and exit")
    ap.add_argument("--per-file", metavar="OUT.tsv", help="also write per-file counts (TSV)")
    ap.add_argument("--self-test", action="store_true", help="run the built-in test and exit")
    a = ap.parse_args()
    if a.self_test:
        self_test()
        return
    if not a.data:
        ap.error("--data is required")
    data = load_data(a.data)
    if a.write_gold:
        write_gold(data, a.write_gold)
        return
    if a.gold_as_pred:
        preds = gold_as_pred(data)
    elif a.pred:
        preds = load_pred(a.pred, {n for n, _, _ in data})
    else:
        ap.error("one of --pred, --gold-as-pred, --write-gold is required")
    rows = []
    res = score(data, preds, rows)
    if a.per_file:
        with open(a.per_file, "w", encoding="utf-8") as f:
            f.write("file\tgold\tpred\tmatched\tspeech_gold\tspeech_pred\tspeech_matched\n")
            for r in rows:
                f.write("\t".join(map(str, r)) + "\n")
    if a.json:
        print(json.dumps(res))
    else:
        report(res)


if __name__ == "__main__":
    main()
