//! Plain-text brief for a terminal.

use std::fmt::Write;

use super::{blocks_of, doc_label, left_out, RenderOptions};
use crate::brief::Brief;

pub(super) fn render(brief: &Brief, opts: RenderOptions) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "SUMMARY ({} sources)\n", brief.documents.len());
    for s in &brief.summary {
        let _ = writeln!(out, "  {} [{}]", s.text, s.citations.join(", "));
    }
    if brief.summary.is_empty() {
        let _ = writeln!(out, "  (no reporting sentences to summarize)");
    }
    let _ = writeln!(out, "\nSOURCES");
    for d in &brief.documents {
        let _ = writeln!(out, "  {}  {}", d.id, doc_label(d));
        let extra: Vec<String> = [d.date.clone(), d.url.clone(), Some(d.source.clone())].into_iter().flatten().collect();
        let _ = writeln!(out, "      {}", extra.join("  "));
        let skipped = left_out(d);
        if !skipped.is_empty() {
            let _ = writeln!(out, "      not used in the summary: {skipped}");
        }
    }
    if opts.show_blocks {
        for d in &brief.documents {
            let _ = writeln!(out, "\nBLOCKS OF {} ({})", d.id, d.source);
            for (kind, text) in blocks_of(d) {
                let _ = writeln!(out, "  {:<16} {}", kind.as_str(), text);
            }
        }
    }
    if !brief.skipped.is_empty() {
        let _ = writeln!(out, "\nNOT READ");
        for s in &brief.skipped {
            let _ = writeln!(out, "  {}: {}", s.source, s.error);
        }
    }
    out
}
