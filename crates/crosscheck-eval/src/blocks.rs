//! Block classification quality: per-kind precision and recall of [`crosscheck::classify_blocks`]
//! on a labelled set (one `{"id", "lines": [[kind, text], ...]}` object a line; the document is
//! the lines joined by newlines, and each line is one block).

use std::io::BufRead;
use std::path::Path;

use serde::Deserialize;

use crate::Error;
use crosscheck::{classify_blocks, BlockKind};

pub const KINDS: [BlockKind; 7] = [
    BlockKind::Body,
    BlockKind::QuoteBlock,
    BlockKind::Editorial,
    BlockKind::Caption,
    BlockKind::ReaderComment,
    BlockKind::Boilerplate,
    BlockKind::EmbeddedArticle,
];

#[derive(Debug, Deserialize)]
struct LabelledDoc {
    id: String,
    lines: Vec<(BlockKind, String)>,
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
}

#[derive(Debug, Default)]
pub struct BlockEval {
    pub documents: usize,
    pub lines: usize,
    pub correct: usize,
    pub per_kind: Vec<(BlockKind, KindCounts)>,
    /// (document id, line text, labelled, predicted) for every miss, to read.
    pub misses: Vec<(String, String, BlockKind, BlockKind)>,
}

/// Classifies every labelled document and compares line by line.
pub fn evaluate(path: &Path) -> Result<BlockEval, Error> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::Io { path: name.clone(), source: e })?;
    let mut eval =
        BlockEval { per_kind: KINDS.iter().map(|&k| (k, KindCounts::default())).collect(), ..Default::default() };
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| Error::Io { path: name.clone(), source: e })?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: LabelledDoc = serde_json::from_str(&line).map_err(|e| Error::BadRecord {
            path: name.clone(),
            line: i + 1,
            message: e.to_string(),
        })?;
        let labelled: Vec<&(BlockKind, String)> = doc.lines.iter().filter(|(_, t)| !t.trim().is_empty()).collect();
        let text = labelled.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n");
        let blocks = classify_blocks(&text);
        if blocks.len() != labelled.len() {
            return Err(Error::BadRecord {
                path: name.clone(),
                line: i + 1,
                message: format!(
                    "{} lines but {} blocks (a line with a line break inside?)",
                    labelled.len(),
                    blocks.len()
                ),
            });
        }
        eval.documents += 1;
        for ((truth, text), block) in labelled.iter().map(|l| (l.0, &l.1)).zip(&blocks) {
            eval.lines += 1;
            let slot = |k: BlockKind| KINDS.iter().position(|&x| x == k).expect("every kind is listed");
            eval.per_kind[slot(truth)].1.labelled += 1;
            eval.per_kind[slot(block.kind)].1.predicted += 1;
            if truth == block.kind {
                eval.correct += 1;
                eval.per_kind[slot(truth)].1.correct += 1;
            } else {
                eval.misses.push((doc.id.clone(), text.clone(), truth, block.kind));
            }
        }
    }
    Ok(eval)
}
