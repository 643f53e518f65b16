//! The brief: the one hand-off from analysis to rendering, and the JSON contract
//! (docs/brief.schema.json). All offsets here are character offsets (Unicode scalar values)
//! into the document's `text`.

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::clean::BlockKind;
use crate::error::ReadError;
use crate::read::Article;
use crate::summary::{self, Length, SummaryConfig};
use crate::text::byte_to_char_offsets;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Brief {
    pub documents: Vec<DocumentOut>,
    pub summary: Vec<SummaryOut>,
    pub entities: Vec<serde_json::Value>,
    pub quotes: Vec<serde_json::Value>,
    pub claims: Vec<serde_json::Value>,
    pub timeline: Vec<serde_json::Value>,
    pub framing: Vec<serde_json::Value>,
    /// Inputs that could not be read, with the reason; the rest was briefed.
    pub skipped: Vec<Skipped>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DocumentOut {
    pub id: String,
    pub source: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
    pub text: String,
    pub blocks: Vec<BlockOut>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct BlockOut {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SummaryOut {
    pub text: String,
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub citations: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Skipped {
    pub source: String,
    pub error: String,
}

/// How to build a brief.
#[derive(Debug, Clone)]
pub struct BriefOptions {
    pub length: Length,
    pub summary: SummaryConfig,
}

impl Default for BriefOptions {
    fn default() -> Self {
        BriefOptions { length: Length::Words(120), summary: SummaryConfig::default() }
    }
}

/// Analyses the articles and builds their brief; `errors` are carried into `skipped`.
pub fn build_brief(articles: Vec<Article>, errors: &[ReadError], opts: &BriefOptions) -> Brief {
    let analysis = Analysis::new(articles);
    let chosen = summary::summarize(&analysis, opts.length, &opts.summary);
    let doc_id = |d: usize| format!("d{}", d + 1);

    // Character offsets of every block edge and summary sentence, converted once per document.
    let mut documents = Vec::with_capacity(analysis.docs.len());
    let mut summary_offsets: Vec<(usize, usize)> = vec![(0, 0); chosen.len()];
    for (d, doc) in analysis.docs.iter().enumerate() {
        let mut bytes: Vec<usize> = doc.blocks.iter().flat_map(|b| [b.span.start, b.span.end]).collect();
        let mine: Vec<usize> = (0..chosen.len()).filter(|&k| analysis.sentences[chosen[k].sentence].doc == d).collect();
        for &k in &mine {
            let span = &analysis.sentences[chosen[k].sentence].span;
            bytes.extend([span.start, span.end]);
        }
        let chars = byte_to_char_offsets(&doc.article.text, &bytes);
        let blocks = doc
            .blocks
            .iter()
            .enumerate()
            .map(|(b, block)| BlockOut { kind: block.kind, start: chars[2 * b], end: chars[2 * b + 1] })
            .collect();
        let base = 2 * doc.blocks.len();
        for (n, &k) in mine.iter().enumerate() {
            summary_offsets[k] = (chars[base + 2 * n], chars[base + 2 * n + 1]);
        }
        let a = &doc.article;
        documents.push(DocumentOut {
            id: doc_id(d),
            source: a.source.clone(),
            title: doc.title.clone(),
            outlet: a.outlet.clone(),
            url: a.url.clone(),
            date: a.date.clone(),
            author: a.author.clone(),
            text: a.text.clone(),
            blocks,
        });
    }
    let summary = chosen
        .iter()
        .zip(summary_offsets)
        .map(|(c, (start, end))| {
            let s = &analysis.sentences[c.sentence];
            SummaryOut {
                text: analysis.text_of(s).to_string(),
                doc: doc_id(s.doc),
                start,
                end,
                citations: c.citations.iter().map(|&d| doc_id(d)).collect(),
            }
        })
        .collect();
    Brief {
        documents,
        summary,
        entities: Vec::new(),
        quotes: Vec::new(),
        claims: Vec::new(),
        timeline: Vec::new(),
        framing: Vec::new(),
        skipped: errors.iter().map(|e| Skipped { source: e.source_name.clone(), error: e.kind.to_string() }).collect(),
    }
}
