//! Rendering a [`Brief`] for people (terminal, Markdown, HTML) and programs (JSON).
//! Renderers only read the brief; they never analyse text.

mod html;
mod markdown;
mod terminal;

use crate::brief::{Brief, DocumentOut};
use crate::clean::BlockKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Terminal,
    Markdown,
    Json,
    Html,
}

/// Options that change what a rendering shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// Show every document with its blocks marked by kind.
    pub show_blocks: bool,
}

pub fn render(brief: &Brief, format: OutputFormat, opts: RenderOptions) -> String {
    match format {
        OutputFormat::Terminal => terminal::render(brief, opts),
        OutputFormat::Markdown => markdown::render(brief, opts),
        OutputFormat::Html => html::render(brief, opts),
        OutputFormat::Json => serde_json::to_string_pretty(brief).expect("a brief always serialises") + "\n",
    }
}

/// "Outlet: Title" or the best name available for a document.
fn doc_label(doc: &DocumentOut) -> String {
    match (&doc.outlet, &doc.title) {
        (Some(o), Some(t)) => format!("{o}: {t}"),
        (None, Some(t)) => t.clone(),
        (Some(o), None) => o.clone(),
        (None, None) => doc.source.clone(),
    }
}

/// The text of each block of a document, with its kind (char offsets resolved).
fn blocks_of(doc: &DocumentOut) -> Vec<(BlockKind, String)> {
    let chars: Vec<char> = doc.text.chars().collect();
    doc.blocks
        .iter()
        .map(|b| (b.kind, chars[b.start.min(chars.len())..b.end.min(chars.len())].iter().collect()))
        .collect()
}

/// Counts of block kinds left out of the summary, for a one-line note per document.
fn left_out(doc: &DocumentOut) -> String {
    let mut counts: Vec<(BlockKind, usize)> = Vec::new();
    for b in doc.blocks.iter().filter(|b| !b.kind.is_reporting()) {
        match counts.iter_mut().find(|(k, _)| *k == b.kind) {
            Some(c) => c.1 += 1,
            None => counts.push((b.kind, 1)),
        }
    }
    counts.iter().map(|(k, n)| format!("{n} {}", k.as_str())).collect::<Vec<_>>().join(", ")
}
