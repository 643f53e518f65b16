//! Quote attribution against PolNeAR (brat standoff: Source, Cue and Content spans of each
//! attribution, character offsets into `text/<stem>.txt`).
//!
//! The rules (mirrored by `bench/quotes_score.py`, which checks this implementation):
//! gold is the first `.ann` file of each text in name order; each `E` line is one attribution
//! (Source, Cue, Content: all fragments of all T's with that role; no Content: skipped). A
//! prediction matches a gold attribution when their contents share a character and their
//! sources share a character (or both have none); matching is one-to-one, greedy by content
//! overlap. Precision, recall and F1 are micro-averaged over files. The speech subset keeps
//! items whose cue holds a speech verb and is matched afresh.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::Error;

/// Character positions covered by a span, as sorted, merged ranges.
pub type Span = Vec<(usize, usize)>;

/// One attribution, gold or predicted.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Attribution {
    pub source: Option<Span>,
    pub cue: Option<Span>,
    pub content: Span,
}

/// Predictions for one file, in the shared format of `bench/peers/quotes.py`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FilePredictions {
    pub file: String,
    pub quotes: Vec<PredQuote>,
}

/// A predicted span: `[start, end]` (or null), character offsets.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PredQuote {
    pub source: Option<[usize; 2]>,
    pub cue: Option<[usize; 2]>,
    pub content: [usize; 2],
}

impl From<&PredQuote> for Attribution {
    fn from(p: &PredQuote) -> Attribution {
        let span = |s: [usize; 2]| normalise(vec![(s[0], s[1])]);
        Attribution { source: p.source.map(span), cue: p.cue.map(span), content: span(p.content) }
    }
}

/// Verbs (and "according") that make a cue a speech cue; the same list as the scorer script.
pub const SPEECH_CUES: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "state",
    "states",
    "stated",
    "ask",
    "asks",
    "asked",
    "announce",
    "announces",
    "announced",
    "declare",
    "declares",
    "declared",
    "claim",
    "claims",
    "claimed",
    "explain",
    "explains",
    "explained",
    "note",
    "notes",
    "noted",
    "write",
    "writes",
    "wrote",
    "insist",
    "insists",
    "insisted",
    "argue",
    "argues",
    "argued",
    "warn",
    "warns",
    "warned",
    "reply",
    "replies",
    "replied",
    "respond",
    "responds",
    "responded",
    "repeat",
    "repeated",
    "comment",
    "commented",
    "remark",
    "remarked",
    "tweet",
    "tweets",
    "tweeted",
    "testify",
    "testified",
    "confirm",
    "confirms",
    "confirmed",
    "deny",
    "denies",
    "denied",
    "acknowledge",
    "acknowledged",
    "admit",
    "admits",
    "admitted",
    "according",
];

fn normalise(mut s: Span) -> Span {
    s.retain(|(a, b)| b > a);
    s.sort_unstable();
    let mut out: Span = Vec::with_capacity(s.len());
    for (a, b) in s {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

fn overlap(a: &Span, b: &Span) -> usize {
    let (mut i, mut j, mut total) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let lo = a[i].0.max(b[j].0);
        let hi = a[i].1.min(b[j].1);
        total += hi.saturating_sub(lo);
        if a[i].1 < b[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    total
}

fn absent(s: &Option<Span>) -> bool {
    s.as_ref().is_none_or(|s| s.is_empty())
}

/// Whether the cue holds a speech verb (cue text lowercased, split on non-letters).
pub fn is_speech(text: &[char], cue: &Option<Span>) -> bool {
    let Some(cue) = cue else { return false };
    let mut words = String::new();
    for &(a, b) in cue {
        words.extend(text.get(a..b.min(text.len())).unwrap_or(&[]).iter());
        words.push(' ');
    }
    let lower = words.to_lowercase();
    lower.split(|c: char| !c.is_alphabetic()).any(|w| SPEECH_CUES.contains(&w))
}

/// Matched pairs between predictions and gold of one file (one-to-one, greedy).
pub fn match_count(pred: &[Attribution], gold: &[Attribution]) -> usize {
    let mut pairs = Vec::new();
    for (g, ga) in gold.iter().enumerate() {
        for (p, pa) in pred.iter().enumerate() {
            let content = overlap(&pa.content, &ga.content);
            if content == 0 {
                continue;
            }
            let sources = match (&pa.source, &ga.source) {
                _ if absent(&pa.source) && absent(&ga.source) => true,
                (Some(ps), Some(gs)) => overlap(ps, gs) > 0,
                _ => false,
            };
            if sources {
                let gs = ga.content.first().map_or(0, |s| s.0);
                let ps = pa.content.first().map_or(0, |s| s.0);
                pairs.push((std::cmp::Reverse(content), gs, ps, g, p));
            }
        }
    }
    pairs.sort_unstable();
    let (mut used_g, mut used_p) = (FxHashSet::default(), FxHashSet::default());
    let mut matched = 0;
    for (_, _, _, g, p) in pairs {
        if !used_g.contains(&g) && !used_p.contains(&p) {
            used_g.insert(g);
            used_p.insert(p);
            matched += 1;
        }
    }
    matched
}

/// Counts and scores of one comparison.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Prf {
    pub gold: usize,
    pub pred: usize,
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn add(&mut self, gold: usize, pred: usize, matched: usize) {
        self.gold += gold;
        self.pred += pred;
        self.matched += matched;
    }
    fn finish(mut self) -> Prf {
        self.precision = if self.pred > 0 { self.matched as f64 / self.pred as f64 } else { 0.0 };
        self.recall = if self.gold > 0 { self.matched as f64 / self.gold as f64 } else { 0.0 };
        let s = self.precision + self.recall;
        self.f1 = if s > 0.0 { 2.0 * self.precision * self.recall / s } else { 0.0 };
        self
    }
}

#[derive(Debug, Default, Serialize)]
pub struct QuoteEval {
    pub files: usize,
    pub overall: Prf,
    pub speech: Prf,
}

/// One text of the corpus with its gold attributions.
pub struct GoldFile {
    pub name: String,
    pub text: String,
    pub gold: Vec<Attribution>,
}

/// Reads `DIR/text/*.txt` and, for each, its first `DIR/attributions/<stem>_*.ann`. A directory
/// that cannot be listed is an error; a text or annotation that cannot be read is skipped with a
/// warning naming it.
pub fn read_polnear(dir: &Path) -> Result<Vec<GoldFile>, Error> {
    let io = |path: &Path, e: std::io::Error| Error::Io { path: path.display().to_string(), reason: e };
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&text_dir)
        .map_err(|e| io(&text_dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    let mut anns: Vec<String> = std::fs::read_dir(&ann_dir)
        .map_err(|e| io(&ann_dir, e))?
        .filter_map(|e| e.ok().and_then(|e| e.file_name().to_str().map(String::from)))
        .filter(|n| n.ends_with(".ann"))
        .collect();
    anns.sort();
    let mut first_ann: FxHashMap<String, String> = FxHashMap::default();
    for a in anns {
        let stem = a.trim_end_matches(".ann");
        let Some((text_stem, _annotator)) = stem.rsplit_once('_') else { continue };
        first_ann.entry(text_stem.to_string()).or_insert(a);
    }
    let mut out = Vec::new();
    for path in texts {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        // One unreadable text or annotation is reported and left out; the rest is scored.
        let text = match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(text)) => text,
            Ok(Err(e)) => {
                tracing::warn!("{}: not UTF-8 ({e}); left out of the evaluation", path.display());
                continue;
            }
            Err(e) => {
                tracing::warn!("{}: cannot read ({e}); left out of the evaluation", path.display());
                continue;
            }
        };
        let stem = name.trim_end_matches(".txt");
        let gold = match first_ann.get(stem) {
            Some(a) => {
                let ann_path = ann_dir.join(a);
                match std::fs::read_to_string(&ann_path) {
                    Ok(ann) => parse_ann(&ann),
                    Err(e) => {
                        tracing::warn!("{}: cannot read ({e}); {name} left out of the evaluation", ann_path.display());
                        continue;
                    }
                }
            }
            None => {
                tracing::warn!("{name}: no annotation file");
                Vec::new()
            }
        };
        out.push(GoldFile { name, text, gold });
    }
    Ok(out)
}

/// Parses the `T` spans and `E` attributions of one brat file.
pub fn parse_ann(ann: &str) -> Vec<Attribution> {
    let mut spans: FxHashMap<&str, Span> = FxHashMap::default();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else { continue };
        if !id.starts_with('T') {
            continue;
        }
        let Some((_label, offsets)) = body.split_once(' ') else { continue };
        let frags: Span = offsets
            .split(';')
            .filter_map(|f| {
                let mut it = f.split_whitespace().map(|x| x.parse::<usize>());
                match (it.next(), it.next()) {
                    (Some(Ok(a)), Some(Ok(b))) => Some((a, b)),
                    _ => None,
                }
            })
            .collect();
        spans.insert(id, frags);
    }
    let mut out = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else { continue };
        if !id.starts_with('E') {
            continue;
        }
        let (mut source, mut cue, mut content): (Span, Span, Span) = Default::default();
        let (mut has_source, mut has_cue) = (false, false);
        for arg in body.split_whitespace().skip(1) {
            let Some((role, t)) = arg.split_once(':') else { continue };
            let Some(frags) = spans.get(t) else { continue };
            match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                "Source" => {
                    source.extend(frags);
                    has_source = true;
                }
                "Cue" => {
                    cue.extend(frags);
                    has_cue = true;
                }
                "Content" => content.extend(frags),
                _ => {}
            }
        }
        let content = normalise(content);
        if content.is_empty() {
            continue;
        }
        out.push(Attribution {
            source: has_source.then(|| normalise(source)),
            cue: has_cue.then(|| normalise(cue)),
            content,
        });
    }
    out
}

/// Scores predictions (by file name) against the gold files.
pub fn score(files: &[GoldFile], preds: &FxHashMap<String, Vec<Attribution>>) -> QuoteEval {
    let per_file: Vec<(usize, usize, usize, usize, usize, usize)> = files
        .par_iter()
        .map(|f| {
            let empty = Vec::new();
            let pred = preds.get(&f.name).unwrap_or(&empty);
            let chars: Vec<char> = f.text.chars().collect();
            let m = match_count(pred, &f.gold);
            let sp: Vec<Attribution> = pred.iter().filter(|a| is_speech(&chars, &a.cue)).cloned().collect();
            let sg: Vec<Attribution> = f.gold.iter().filter(|a| is_speech(&chars, &a.cue)).cloned().collect();
            let ms = match_count(&sp, &sg);
            (f.gold.len(), pred.len(), m, sg.len(), sp.len(), ms)
        })
        .collect();
    let (mut overall, mut speech) = (Prf::default(), Prf::default());
    for (g, p, m, sg, sp, ms) in per_file {
        overall.add(g, p, m);
        speech.add(sg, sp, ms);
    }
    QuoteEval { files: files.len(), overall: overall.finish(), speech: speech.finish() }
}

/// Reads a prediction file in the shared JSON Lines format.
pub fn read_predictions(path: &Path) -> Result<FxHashMap<String, Vec<Attribution>>, Error> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io { path: name.clone(), reason: e })?;
    let mut out = FxHashMap::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let rec: FilePredictions = serde_json::from_str(line).map_err(|e| Error::BadRecord {
            path: name.clone(),
            line: n + 1,
            message: e.to_string(),
        })?;
        out.insert(rec.file, rec.quotes.iter().map(Attribution::from).collect());
    }
    Ok(out)
}

/// Runs crosscheck's entities and quotes on each text (one story per text, as `crosscheck
/// quotes FILE` would) and returns the predictions in the shared format.
pub fn predict(files: &[GoldFile]) -> Vec<FilePredictions> {
    files
        .par_iter()
        .map(|f| {
            let article = crosscheck::Article::from_text(&f.name, &f.text);
            let analysis = crosscheck::Analysis::new(vec![article]);
            let found = crosscheck::find_entities(&analysis);
            let said = crosscheck::find_quotes(&analysis, &found);
            let text = &analysis.docs[0].article.text;
            let index = crosscheck::CharIndex::new(text);
            let span = |r: &std::ops::Range<usize>| {
                let (start, end) = index.range(r);
                [start, end]
            };
            let quotes = said
                .iter()
                .map(|q| PredQuote {
                    content: span(&q.content),
                    source: q.source.as_ref().map(span),
                    cue: q.cue.as_ref().map(span),
                })
                .collect();
            FilePredictions { file: f.name.clone(), quotes }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANN: &str = "T1\tSource 0 5\tKirby\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;25 30\tx\n\
E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\nT4\tContent 40 50\ty\nE2\tAttribution:T4 Content:T4\n";

    #[test]
    fn brat_events_become_attributions_with_fragments() {
        let gold = parse_ann(ANN);
        assert_eq!(gold.len(), 2);
        assert_eq!(gold[0].content, vec![(11, 20), (25, 30)]);
        assert_eq!(gold[0].source, Some(vec![(0, 5)]));
        assert!(gold[1].source.is_none());
    }

    #[test]
    fn matching_needs_content_and_source_overlap_and_is_one_to_one() {
        let gold = parse_ann(ANN);
        let pred = |s: Option<(usize, usize)>, c: (usize, usize)| Attribution {
            source: s.map(|s| vec![s]),
            cue: None,
            content: vec![c],
        };
        // Right content, wrong source: no match. Right both: match. A second prediction of the
        // same attribution finds nothing left to match.
        assert_eq!(match_count(&[pred(Some((30, 35)), (12, 14))], &gold), 0);
        assert_eq!(match_count(&[pred(Some((2, 3)), (12, 14))], &gold), 1);
        assert_eq!(match_count(&[pred(Some((2, 3)), (12, 14)), pred(Some((0, 1)), (26, 28))], &gold), 1);
        // No source on either side matches on content alone.
        assert_eq!(match_count(&[pred(None, (45, 46))], &gold), 1);
    }

    #[test]
    fn an_unreadable_text_is_skipped_and_the_rest_scored() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("text")).unwrap();
        std::fs::create_dir_all(dir.path().join("attributions")).unwrap();
        std::fs::write(dir.path().join("text/a.txt"), "Kirby said the talks would go on.").unwrap();
        std::fs::write(dir.path().join("attributions/a_x1.ann"), ANN).unwrap();
        std::fs::write(dir.path().join("text/b.txt"), b"\xff\xfe not text").unwrap();
        let files = read_polnear(dir.path()).expect("the good file is read");
        assert_eq!(files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["a.txt"]);
        assert_eq!(files[0].gold.len(), 2);
        assert!(read_polnear(&dir.path().join("missing")).is_err(), "a missing directory is an error");
    }

    #[test]
    fn speech_cues_are_read_from_the_text() {
        let text: Vec<char> = "Kirby said that".chars().collect();
        assert!(is_speech(&text, &Some(vec![(6, 10)])));
        assert!(!is_speech(&text, &Some(vec![(0, 5)])));
        assert!(!is_speech(&text, &None));
    }
}
