//! Main-text extraction quality on the Scrapinghub article-extraction benchmark layout:
//! `DIR/ground-truth.json` (`{id: {"articleBody": ...}}`) and `DIR/html/<id>.html.gz`.
//! Precision and recall of the extracted text against the true body, scored exactly the way
//! the benchmark scores its peers (see [`score_page`]), so bench/peers/extract.py can put
//! trafilatura and others beside it on the same pages.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use rayon::prelude::*;
use serde::Deserialize;

use crate::Error;
use crosscheck::{classify_blocks_with_markup, parse_html_page, BlockKind, Markup};

#[derive(Debug, Deserialize)]
struct Truth {
    #[serde(rename = "articleBody")]
    article_body: String,
}

/// What is kept of an extracted page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Everything the HTML extractor returned.
    Extracted,
    /// Without the lines classified as captions, reader comments, boilerplate or pasted articles.
    Article,
}

/// Precision, recall and F1 averaged over pages, and throughput.
#[derive(Debug, Default, Clone)]
pub struct ExtractEval {
    pub pages: usize,
    /// Pages where extraction gave an error (scored as empty predictions).
    pub failed: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Share of pages whose extracted tokens equal the true ones exactly.
    pub accuracy: f64,
    pub megabytes: f64,
    pub seconds: f64,
}

/// One page's shingle counts, normalised so long pages weigh no more than short ones.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageCounts {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

impl PageCounts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.fp, self.fn_, self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.fp, self.fn_, self.fn_)
    }
}

fn ratio(tp: f64, fp: f64, fn_: f64, miss: f64) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && miss == 0.0 {
        0.0
    } else {
        tp / (tp + miss)
    }
}

/// Extracts every page of the benchmark and scores it.
pub fn evaluate(dir: &Path, keep: Keep) -> Result<(ExtractEval, Vec<(String, String)>), Error> {
    let truth_path = dir.join("ground-truth.json");
    let name = truth_path.display().to_string();
    let raw = std::fs::read_to_string(&truth_path).map_err(|e| Error::Io { path: name.clone(), reason: e })?;
    let truth: HashMap<String, Truth> =
        serde_json::from_str(&raw).map_err(|e| Error::BadRecord { path: name, line: 0, message: e.to_string() })?;
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    // Read and decompress first, so the timing covers extraction only.
    let pages: Vec<(String, Result<Vec<u8>, String>)> = ids
        .iter()
        .map(|id| {
            let path = dir.join("html").join(format!("{id}.html.gz"));
            let bytes = std::fs::read(&path).map_err(|e| e.to_string()).and_then(|gz| {
                let mut out = Vec::new();
                flate2::read::MultiGzDecoder::new(&gz[..]).read_to_end(&mut out).map(|_| out).map_err(|e| e.to_string())
            });
            (id.to_string(), bytes)
        })
        .collect();
    let megabytes = pages.iter().filter_map(|(_, b)| b.as_ref().ok()).map(|b| b.len()).sum::<usize>() as f64 / 1e6;
    let start = std::time::Instant::now();
    let extracted: Vec<(String, Option<String>)> = pages
        .par_iter()
        .map(|(id, bytes)| {
            let text = bytes.as_ref().ok().and_then(|b| parse_html_page(id, b).ok()).map(|a| match keep {
                Keep::Extracted => a.text,
                Keep::Article => article_lines(&a.text, &a.markup),
            });
            (id.clone(), text)
        })
        .collect();
    let seconds = start.elapsed().as_secs_f64();
    let mut eval = ExtractEval { pages: extracted.len(), megabytes, seconds, ..Default::default() };
    let mut predictions = Vec::with_capacity(extracted.len());
    let mut counts = Vec::with_capacity(extracted.len());
    let mut exact = 0;
    for (id, text) in extracted {
        if text.is_none() {
            eval.failed += 1;
        }
        let text = text.unwrap_or_default();
        let truth_text = &truth[&id].article_body;
        counts.push(score_page(truth_text, &text));
        exact += usize::from(tokens(truth_text) == tokens(&text));
        predictions.push((id, text));
    }
    (eval.precision, eval.recall, eval.f1) = aggregate(&counts);
    eval.accuracy = exact as f64 / eval.pages.max(1) as f64;
    Ok((eval, predictions))
}

/// The lines of `text` that belong to the article itself.
fn article_lines(text: &str, markup: &[(std::ops::Range<usize>, Markup)]) -> String {
    classify_blocks_with_markup(text, markup)
        .into_iter()
        .filter(|b| matches!(b.kind, BlockKind::Body | BlockKind::QuoteBlock | BlockKind::Editorial))
        .map(|b| &text[b.span])
        .collect::<Vec<_>>()
        .join("\n")
}

/// The benchmark's tokens: maximal runs of letters, numbers and `_` (Python's `\w`), case kept.
fn tokens(text: &str) -> Vec<&str> {
    static WORD: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"[\p{L}\p{N}_]+").expect("valid pattern"));
    WORD.find_iter(text).map(|m| m.as_str()).collect()
}

/// Multiset of 4-token shingles; a text of 1-3 tokens is one shingle, no tokens none.
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let toks = tokens(text);
    let mut out: HashMap<Vec<&str>, usize> = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    for i in 0..toks.len().saturating_sub(3).max(1) {
        *out.entry(toks[i..(i + 4).min(toks.len())].to_vec()).or_default() += 1;
    }
    out
}

/// Shingle counts of one page, scored as the Scrapinghub article-extraction benchmark scores
/// (4-token shingles, counts normalised by their sum); bench/extract_score.py is the same rule
/// in Python and reproduces the published peer numbers.
pub fn score_page(truth: &str, predicted: &str) -> PageCounts {
    let (t, p) = (shingles(truth), shingles(predicted));
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += tc.min(pc) as f64;
        fn_ += tc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &p {
        fp += pc.saturating_sub(t.get(k).copied().unwrap_or(0)) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        (tp, fp, fn_) = (tp / s, fp / s, fn_ / s);
    }
    PageCounts { tp, fp, fn_ }
}

/// Macro averages as the benchmark takes them: precision over pages with a non-empty
/// prediction, recall over pages with a non-empty truth, F1 from the two means.
pub fn aggregate(pages: &[PageCounts]) -> (f64, f64, f64) {
    let mean = |v: Vec<f64>| if v.is_empty() { 0.0 } else { v.iter().sum::<f64>() / v.len() as f64 };
    let p = mean(pages.iter().filter(|c| c.tp + c.fp > 0.0).map(PageCounts::precision).collect());
    let r = mean(pages.iter().filter(|c| c.tp + c.fn_ > 0.0).map(PageCounts::recall).collect());
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f1)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The vectors bench/extract_score.py was checked on against the benchmark's own code.
    #[test]
    fn page_scores_match_the_benchmark_rule() {
        let c = score_page("a b c d e", "a b c d");
        assert_eq!((c.tp, c.fp, c.fn_, c.precision(), c.recall()), (0.5, 0.0, 0.5, 1.0, 0.5));
        let c = score_page("one two", "one two three");
        assert_eq!((c.tp, c.precision(), c.recall()), (0.0, 0.0, 0.0));
        let c = score_page("a a a a a", "a a a a");
        assert_eq!((c.precision(), c.recall()), (1.0, 0.5));
        let c = score_page("½ cup", "1 2 cup");
        assert_eq!((c.precision(), c.recall()), (0.0, 0.0));
        assert_eq!(tokens("Don't stop_now ½"), ["Don", "t", "stop_now", "½"]);
    }

    #[test]
    fn empty_predictions_count_only_against_recall() {
        let pages = [score_page("x y z w", ""), score_page("a b c d", "a b c d"), score_page("", "")];
        let (p, r, _) = aggregate(&pages);
        assert_eq!((p, r), (1.0, 0.5));
    }
}
