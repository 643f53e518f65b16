//! Main-text extraction quality on the Scrapinghub article-extraction benchmark layout:
//! `DIR/ground-truth.json` (`{id: {"articleBody": ...}}`) and `DIR/html/<id>.html.gz`.
//! Token-level precision and recall of the extracted text against the true body, scored the
//! way the benchmark scores its peers (see [`score_page`]), so bench/peers/extract.py can put
//! trafilatura and others beside it on the same pages.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use rayon::prelude::*;
use serde::Deserialize;

use crate::clean::{classify_blocks, BlockKind};
use crate::error::Error;
use crate::read::parse_html_page;

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
    pub failed: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub megabytes: f64,
    pub seconds: f64,
}

/// Extracts every page of the benchmark and scores it.
pub fn evaluate(dir: &Path, keep: Keep) -> Result<(ExtractEval, Vec<(String, String)>), Error> {
    let truth_path = dir.join("ground-truth.json");
    let name = truth_path.display().to_string();
    let raw = std::fs::read_to_string(&truth_path).map_err(|e| Error::Io { path: name.clone(), source: e })?;
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
                Keep::Article => article_lines(&a.text),
            });
            (id.clone(), text)
        })
        .collect();
    let seconds = start.elapsed().as_secs_f64();
    let mut eval = ExtractEval { pages: extracted.len(), megabytes, seconds, ..Default::default() };
    let mut predictions = Vec::with_capacity(extracted.len());
    for (id, text) in extracted {
        if text.is_none() {
            eval.failed += 1;
        }
        let text = text.unwrap_or_default();
        let (p, r) = score_page(&truth[&id].article_body, &text);
        eval.precision += p;
        eval.recall += r;
        predictions.push((id, text));
    }
    let n = eval.pages.max(1) as f64;
    eval.precision /= n;
    eval.recall /= n;
    eval.f1 = if eval.precision + eval.recall > 0.0 {
        2.0 * eval.precision * eval.recall / (eval.precision + eval.recall)
    } else {
        0.0
    };
    Ok((eval, predictions))
}

/// The lines of `text` that belong to the article itself.
fn article_lines(text: &str) -> String {
    classify_blocks(text)
        .into_iter()
        .filter(|b| matches!(b.kind, BlockKind::Body | BlockKind::QuoteBlock | BlockKind::Editorial))
        .map(|b| &text[b.span])
        .collect::<Vec<_>>()
        .join("\n")
}

fn word_counts(text: &str) -> HashMap<&str, usize> {
    let mut m: HashMap<&str, usize> = HashMap::new();
    for w in text.split_whitespace() {
        *m.entry(w).or_default() += 1;
    }
    m
}

/// Token precision and recall of one page: tokens are whitespace-separated words; overlap
/// counts each token as often as it occurs in both (bag of words). An empty prediction of a
/// non-empty body scores (0, 0); both empty score (1, 1).
pub fn score_page(truth: &str, predicted: &str) -> (f64, f64) {
    let (t, p) = (word_counts(truth), word_counts(predicted));
    let (nt, np) = (t.values().sum::<usize>(), p.values().sum::<usize>());
    if nt == 0 && np == 0 {
        return (1.0, 1.0);
    }
    let overlap: usize = p.iter().map(|(w, &c)| c.min(t.get(w).copied().unwrap_or(0))).sum();
    (overlap as f64 / np.max(1) as f64, overlap as f64 / nt.max(1) as f64)
}
