//! Block classification quality, and the fitting of the block model.
//!
//! Two label formats, one object a line:
//! - written sets (bench/blocks/labelled.jsonl …): `{"id", "lines": [[kind, text], ...]}`; the
//!   document is the lines joined by newlines, and each line is one block;
//! - labels over Multi-News dev (bench/blocks/multinews_*.jsonl): `{"cluster", "index", "doc",
//!   "lines": [[start, end, kind], ...]}` with character offsets into that document's text,
//!   which is read from the Multi-News file at evaluation time (the set allows research use
//!   only, so its text is never stored in the repository and never trains the model).
//!
//! [`evaluate`] scores [`crosscheck::classify_blocks`] line by line with 95% intervals from a
//! bootstrap over documents; [`fit`] fits the block model's coefficients
//! (`crates/crosscheck/src/blocks/model_weights.rs`) with a cross-validation by document.

use std::io::BufRead;
use std::ops::Range;
use std::path::Path;

use linfa::prelude::*;
use linfa_logistic::MultiLogisticRegression;
use ndarray::{Array1, Array2};
use serde::Deserialize;
use serde_json::Value;

use crate::summary::{load_clusters, Cluster};
use crate::Error;
use crosscheck::{classify_blocks, line_features, BlockKind, BLOCK_FEATURE_NAMES, BLOCK_MODEL_CLASSES};

pub const KINDS: [BlockKind; 7] = BLOCK_MODEL_CLASSES;

/// One labelled document: its text and each labelled line's byte span and kind.
#[derive(Debug, Clone)]
pub struct LabelledDoc {
    pub id: String,
    pub text: String,
    pub lines: Vec<(Range<usize>, BlockKind)>,
}

#[derive(Debug, Deserialize)]
struct WrittenDoc {
    id: String,
    lines: Vec<(BlockKind, String)>,
}

#[derive(Debug, Deserialize)]
struct OffsetDoc {
    cluster: String,
    index: usize,
    doc: usize,
    lines: Vec<(usize, usize, BlockKind)>,
}

fn slot(kind: BlockKind) -> usize {
    KINDS.iter().position(|&k| k == kind).expect("every kind is listed")
}

/// Reads a labelled set; `texts` is the Multi-News file that offset labels point into.
pub fn load(path: &Path, texts: &Path) -> Result<Vec<LabelledDoc>, Error> {
    load_labels(path, texts, true)
}

/// As [`load`]; without `offsets_allowed`, a label over Multi-News is an error: those point
/// into research-only text, which may measure the model but not train it.
fn load_labels(path: &Path, texts: &Path, offsets_allowed: bool) -> Result<Vec<LabelledDoc>, Error> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::Io { path: name.clone(), reason: e })?;
    let bad = |line: usize, message: String| Error::BadRecord { path: name.clone(), line, message };
    let mut clusters: Option<Vec<Cluster>> = None;
    let mut docs = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| Error::Io { path: name.clone(), reason: e })?;
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(&line).map_err(|e| bad(i + 1, e.to_string()))?;
        if value.get("cluster").is_none() {
            let doc: WrittenDoc = serde_json::from_value(value).map_err(|e| bad(i + 1, e.to_string()))?;
            let lines: Vec<&(BlockKind, String)> = doc.lines.iter().filter(|(_, t)| !t.trim().is_empty()).collect();
            let text = lines.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n");
            let mut at = 0;
            let mut spans = Vec::new();
            for (kind, t) in lines {
                let lead = t.len() - t.trim_start().len();
                spans.push((at + lead..at + lead + t.trim().len(), *kind));
                at += t.len() + 1;
            }
            docs.push(LabelledDoc { id: doc.id, text, lines: spans });
            continue;
        }
        if !offsets_allowed {
            return Err(bad(i + 1, "a label over Multi-News: it may measure the model, not train it".into()));
        }
        let doc: OffsetDoc = serde_json::from_value(value).map_err(|e| bad(i + 1, e.to_string()))?;
        if clusters.is_none() {
            clusters = Some(read_clusters(texts)?);
        }
        let all = clusters.as_ref().expect("read above");
        let text = all
            .get(doc.index)
            .filter(|c| c.id == doc.cluster)
            .and_then(|c| c.documents.get(doc.doc))
            .map(|d| d.text.clone())
            .ok_or_else(|| bad(i + 1, format!("{} document {} is not in {}", doc.cluster, doc.doc, texts.display())))?;
        // Character offsets to byte offsets.
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        let mut lines = Vec::new();
        for (s, e, kind) in doc.lines {
            let span = bytes.get(s).copied().zip(bytes.get(e).copied()).filter(|(s, e)| s <= e);
            let (s, e) = span.ok_or_else(|| bad(i + 1, format!("offsets {s}..{e} outside the text")))?;
            lines.push((s..e, kind));
        }
        docs.push(LabelledDoc { id: format!("{}/{}", doc.cluster, doc.doc), text, lines });
    }
    Ok(docs)
}

/// The cluster file, every line of it: labels name clusters by their place in the file, so a
/// line that cannot be read would shift every later one.
fn read_clusters(path: &Path) -> Result<Vec<Cluster>, Error> {
    let (clusters, mut bad) = load_clusters(path)?;
    if bad.is_empty() {
        Ok(clusters)
    } else {
        Err(bad.swap_remove(0))
    }
}

/// Counts per kind: how often it was predicted, labelled, and both on the same line.
#[derive(Debug, Default, Clone, Copy)]
pub struct KindCounts {
    pub predicted: usize,
    pub labelled: usize,
    pub correct: usize,
}

impl KindCounts {
    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.predicted.max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        self.correct as f64 / self.labelled.max(1) as f64
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
    fn add(&mut self, other: &KindCounts) {
        self.predicted += other.predicted;
        self.labelled += other.labelled;
        self.correct += other.correct;
    }
}

/// One document's counts, kept so that intervals can resample documents.
#[derive(Debug, Default, Clone)]
struct DocCounts {
    lines: usize,
    correct: usize,
    per_kind: [KindCounts; 7],
}

/// A 95% interval (2.5th and 97.5th percentiles of the bootstrap).
pub type Interval = (f64, f64);

#[derive(Debug, Default)]
pub struct BlockEval {
    pub documents: usize,
    pub lines: usize,
    pub correct: usize,
    pub per_kind: Vec<(BlockKind, KindCounts)>,
    /// 95% interval of the accuracy.
    pub accuracy_interval: Interval,
    /// 95% intervals of each kind's precision, recall and F1 (same order as `per_kind`).
    pub kind_intervals: Vec<[Interval; 3]>,
    /// (document id, line text, labelled, predicted) for every miss, to read.
    pub misses: Vec<(String, String, BlockKind, BlockKind)>,
}

impl BlockEval {
    pub fn accuracy(&self) -> f64 {
        self.correct as f64 / self.lines.max(1) as f64
    }
}

/// Classifies every labelled document and compares line by line. A labelled line is matched to
/// the block that starts where it starts; a line the classifier does not return as a block of
/// its own is a miss.
pub fn evaluate(path: &Path, texts: &Path) -> Result<BlockEval, Error> {
    let docs = load(path, texts)?;
    let mut eval = BlockEval::default();
    let mut per_doc = Vec::new();
    for doc in &docs {
        let blocks = classify_blocks(&doc.text);
        let mut counts = DocCounts::default();
        for (span, truth) in &doc.lines {
            let got = blocks.iter().find(|b| b.span.start == span.start).map(|b| b.kind);
            counts.lines += 1;
            counts.per_kind[slot(*truth)].labelled += 1;
            if let Some(got) = got {
                counts.per_kind[slot(got)].predicted += 1;
            }
            if got == Some(*truth) {
                counts.correct += 1;
                counts.per_kind[slot(*truth)].correct += 1;
            } else {
                let text = doc.text[span.clone()].to_string();
                eval.misses.push((doc.id.clone(), text, *truth, got.unwrap_or(BlockKind::Body)));
            }
        }
        per_doc.push(counts);
    }
    let total = sum(per_doc.iter());
    eval.documents = docs.len();
    eval.lines = total.lines;
    eval.correct = total.correct;
    eval.per_kind = KINDS.iter().zip(total.per_kind).map(|(&k, c)| (k, c)).collect();
    (eval.accuracy_interval, eval.kind_intervals) = bootstrap(&per_doc, 1000);
    Ok(eval)
}

fn sum<'a>(docs: impl Iterator<Item = &'a DocCounts>) -> DocCounts {
    let mut total = DocCounts::default();
    for d in docs {
        total.lines += d.lines;
        total.correct += d.correct;
        for (t, k) in total.per_kind.iter_mut().zip(&d.per_kind) {
            t.add(k);
        }
    }
    total
}

/// Percentile intervals over `rounds` resamples of the documents (with replacement), from a
/// fixed seed so a rerun prints the same numbers. Documents, not lines, are resampled: lines of
/// one page are not independent.
fn bootstrap(docs: &[DocCounts], rounds: usize) -> (Interval, Vec<[Interval; 3]>) {
    if docs.is_empty() {
        return ((0.0, 0.0), vec![[(0.0, 0.0); 3]; KINDS.len()]);
    }
    // SplitMix64: a fixed, dependency-free stream is all a resample needs.
    let mut state = 0x5eed_u64;
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let mut acc = Vec::with_capacity(rounds);
    let mut kinds: Vec<[Vec<f64>; 3]> = (0..KINDS.len()).map(|_| Default::default()).collect();
    for _ in 0..rounds {
        let sample = sum((0..docs.len()).map(|_| &docs[(next() % docs.len() as u64) as usize]));
        acc.push(sample.correct as f64 / sample.lines.max(1) as f64);
        for (k, c) in sample.per_kind.iter().enumerate() {
            kinds[k][0].push(c.precision());
            kinds[k][1].push(c.recall());
            kinds[k][2].push(c.f1());
        }
    }
    let interval = |mut v: Vec<f64>| -> Interval {
        v.sort_by(f64::total_cmp);
        let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
        (at(0.025), at(0.975))
    };
    let kinds = kinds.into_iter().map(|[p, r, f]| [interval(p), interval(r), interval(f)]).collect();
    (interval(acc), kinds)
}

/// What fitting found: cross-validated accuracy of the model and of the rules alone on the same
/// lines, the chosen regularisation, and the fitted table as Rust source.
#[derive(Debug)]
pub struct FitReport {
    pub documents: usize,
    pub lines: usize,
    /// Lines the rules settle by a marker, left out of the fit.
    pub certain: usize,
    /// (alpha, cross-validated accuracy over all lines) for each alpha tried.
    pub tried: Vec<(f64, f64)>,
    pub alpha: f64,
    /// Accuracy of the rules alone on the same lines.
    pub rules_accuracy: f64,
    pub table: String,
}

struct Sample {
    doc: usize,
    features: Vec<f32>,
    truth: usize,
    rule: usize,
    certain: bool,
}

fn samples(docs: &[LabelledDoc]) -> Vec<Sample> {
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let lines = line_features(&doc.text);
        for (span, truth) in &doc.lines {
            if let Some(l) = lines.iter().find(|l| l.span.start == span.start) {
                out.push(Sample {
                    doc: d,
                    features: l.features.clone(),
                    truth: slot(*truth),
                    rule: slot(l.rule),
                    certain: l.certain,
                });
            }
        }
    }
    out
}

type Model = linfa_logistic::MultiFittedLogisticRegression<f64, usize>;

fn fit_model(samples: &[&Sample], alpha: f64) -> Result<Model, Error> {
    let x = Array2::from_shape_fn((samples.len(), BLOCK_FEATURE_NAMES.len()), |(i, j)| samples[i].features[j] as f64);
    let y = Array1::from_iter(samples.iter().map(|s| s.truth));
    MultiLogisticRegression::default()
        .alpha(alpha)
        .max_iterations(300)
        .fit(&Dataset::new(x, y))
        .map_err(|e| Error::Fit(e.to_string()))
}

fn predict(model: &Model, s: &Sample) -> usize {
    let x = Array2::from_shape_fn((1, s.features.len()), |(_, j)| s.features[j] as f64);
    model.predict(&x)[0]
}

/// Fits the block model on the written sets in `paths`: `folds`-fold cross-validation by
/// document for each regularisation strength in `alphas`, then a fit on every line with the
/// best one. Lines the rules settle by a marker are not fitted (the model is not asked there).
pub fn fit(paths: &[&Path], texts: &Path, alphas: &[f64], folds: usize) -> Result<FitReport, Error> {
    let mut docs = Vec::new();
    for p in paths {
        docs.extend(load_labels(p, texts, false)?);
    }
    let all = samples(&docs);
    let open: Vec<&Sample> = all.iter().filter(|s| !s.certain).collect();
    let certain_right = all.iter().filter(|s| s.certain && s.rule == s.truth).count();
    let mut tried = Vec::new();
    for &alpha in alphas {
        let mut right = certain_right;
        for fold in 0..folds {
            let train: Vec<&Sample> = open.iter().copied().filter(|s| s.doc % folds != fold).collect();
            let model = fit_model(&train, alpha)?;
            right += open.iter().filter(|s| s.doc % folds == fold && predict(&model, s) == s.truth).count();
        }
        tried.push((alpha, right as f64 / all.len().max(1) as f64));
    }
    let alpha = tried.iter().max_by(|a, b| a.1.total_cmp(&b.1)).map_or(1.0, |t| t.0);
    let model = fit_model(&open, alpha)?;
    let rules_accuracy = all.iter().filter(|s| s.rule == s.truth).count() as f64 / all.len().max(1) as f64;
    let table = weights_source(&model, paths, alpha);
    Ok(FitReport {
        documents: docs.len(),
        lines: all.len(),
        certain: all.len() - open.len(),
        tried,
        alpha,
        rules_accuracy,
        table,
    })
}

/// The fitted coefficients as the Rust table `blocks/model.rs` includes.
fn weights_source(model: &Model, paths: &[&Path], alpha: f64) -> String {
    let params = model.params(); // features x classes
    let intercept = model.intercept();
    let column = |k: usize| model.classes().iter().position(|&c| c == k);
    let mut s = String::from("// @generated by `crosscheck eval fit-blocks`: do not edit by hand.\n");
    let sources: Vec<String> =
        paths.iter().map(|p| p.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned())).collect();
    s += &format!("// Fitted on {} (bench/blocks/), L2 alpha {alpha}.\n", sources.join(", "));
    s += "#[allow(dead_code)] // checked against the feature list by a test\n";
    let names: Vec<String> = BLOCK_FEATURE_NAMES.iter().map(|n| format!("{n:?}")).collect();
    s += &format!("pub const FEATURE_NAMES: &[&str] = &[{}];\n", names.join(", "));
    s += "#[allow(dead_code)] // checked against the kinds by a test\n";
    let classes: Vec<String> = KINDS.iter().map(|k| format!("{:?}", k.as_str())).collect();
    s += &format!("pub const CLASSES: [&str; 7] = [{}];\n", classes.join(", "));
    // A kind absent from the training lines gets a score it never wins.
    let bias: Vec<String> =
        (0..KINDS.len()).map(|k| column(k).map_or("-1e9".into(), |c| format!("{:.5}", intercept[c]))).collect();
    s += &format!("pub const BIAS: [f32; 7] = [{}];\n", bias.join(", "));
    s += "pub const WEIGHTS: [&[f32]; 7] = [\n";
    for k in 0..KINDS.len() {
        let row: Vec<String> = (0..BLOCK_FEATURE_NAMES.len())
            .map(|j| column(k).map_or("0.0".into(), |c| format!("{:.5}", params[[j, c]])))
            .collect();
        s += &format!("    &[{}],\n", row.join(", "));
    }
    s += "];\n";
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cluster file and labels over it, in the Multi-News shapes, with text written here.
    fn offset_fixture(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
        let text = "Bridge reopens after repairs\nPhoto: Lena Park\nThe bridge reopened on Monday, the city said.\n  Share  \nCafé owners welcomed it.";
        let texts = dir.join("clusters.jsonl");
        let cluster = serde_json::json!({"id": "c-7", "documents": [{"text": "other"}, {"text": text}], "summary": ""});
        std::fs::write(&texts, format!("{cluster}\n")).unwrap();
        // Character offsets of each trimmed line ("Café" has a two-byte "é" before the last line's end).
        let mut lines = Vec::new();
        let mut at = 0;
        for (raw, kind) in text.split('\n').zip(["body", "caption", "body", "boilerplate", "body"]) {
            let lead = raw.chars().count() - raw.trim_start().chars().count();
            let len = raw.trim().chars().count();
            lines.push(serde_json::json!([at + lead, at + lead + len, kind]));
            at += raw.chars().count() + 1;
        }
        let labels = dir.join("labels.jsonl");
        let rec = serde_json::json!({"cluster": "c-7", "index": 0, "doc": 1, "lines": lines});
        std::fs::write(&labels, format!("{rec}\n")).unwrap();
        (texts, labels)
    }

    #[test]
    fn offset_labels_read_their_text_from_the_cluster_file() {
        let dir = tempfile::tempdir().unwrap();
        let (texts, labels) = offset_fixture(dir.path());
        let docs = load(&labels, &texts).unwrap();
        assert_eq!(docs.len(), 1);
        let doc = &docs[0];
        assert_eq!(doc.id, "c-7/1");
        let lines: Vec<(&str, BlockKind)> = doc.lines.iter().map(|(s, k)| (&doc.text[s.clone()], *k)).collect();
        assert_eq!(lines[1], ("Photo: Lena Park", BlockKind::Caption));
        assert_eq!(lines[3], ("Share", BlockKind::Boilerplate));
        assert_eq!(lines[4], ("Café owners welcomed it.", BlockKind::Body));
        let eval = evaluate(&labels, &texts).unwrap();
        assert_eq!(eval.lines, 5);
        assert!(eval.accuracy_interval.0 <= eval.accuracy() && eval.accuracy() <= eval.accuracy_interval.1);
    }

    #[test]
    fn labels_that_point_outside_the_cluster_file_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let (texts, labels) = offset_fixture(dir.path());
        let wrong = std::fs::read_to_string(&labels).unwrap().replace("\"doc\":1", "\"doc\":5");
        std::fs::write(&labels, wrong).unwrap();
        let err = load(&labels, &texts).unwrap_err().to_string();
        assert!(err.contains("c-7 document 5 is not in"), "{err}");
    }

    #[test]
    fn the_model_is_never_fitted_on_offset_labels() {
        let dir = tempfile::tempdir().unwrap();
        let (texts, labels) = offset_fixture(dir.path());
        let err = fit(&[labels.as_path()], &texts, &[1.0], 2).unwrap_err().to_string();
        assert!(err.contains("may measure the model, not train it"), "{err}");
    }

    #[test]
    fn written_sets_become_texts_with_line_spans() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.jsonl");
        let rec =
            serde_json::json!({"id": "w-1", "lines": [["body", "Rain fell all day."], ["caption", "Photo: Ann Lee"]]});
        std::fs::write(&path, format!("{rec}\n")).unwrap();
        let docs = load(&path, Path::new("-")).unwrap();
        assert_eq!(docs[0].text, "Rain fell all day.\nPhoto: Ann Lee");
        assert_eq!(docs[0].lines, vec![(0..18, BlockKind::Body), (19..33, BlockKind::Caption)]);
    }
}
