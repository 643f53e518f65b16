//! Markdown brief. Article text is escaped so it cannot inject links, images or HTML.

use std::fmt::Write;

use super::{blocks_of, doc_label, left_out, RenderOptions};
use crate::brief::Brief;

/// Escapes Markdown and inline-HTML syntax in untrusted text.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '!' | '<' | '>' | '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

pub(super) fn render(brief: &Brief, opts: RenderOptions) -> String {
    let mut out = String::from("# Brief\n\n## Summary\n\n");
    for s in &brief.summary {
        let cites: Vec<String> = s.citations.iter().map(|c| format!("[{c}](#{c})")).collect();
        let _ = writeln!(out, "- {} {}", esc(&s.text), cites.join(" "));
    }
    let _ = writeln!(out, "\n## Sources\n");
    for d in &brief.documents {
        let _ = write!(out, "- <a id=\"{}\"></a>**{}**: {}", d.id, d.id, esc(&doc_label(d)));
        for extra in [&d.date, &d.url].into_iter().flatten() {
            let _ = write!(out, " · {}", esc(extra));
        }
        let _ = writeln!(out, " · `{}`", d.source.replace('`', "'"));
        let skipped = left_out(d);
        if !skipped.is_empty() {
            let _ = writeln!(out, "  - not used in the summary: {skipped}");
        }
    }
    if opts.show_blocks {
        for d in &brief.documents {
            let _ = writeln!(out, "\n## Blocks of {}\n\n| kind | text |\n|---|---|", d.id);
            for (kind, text) in blocks_of(d) {
                let _ = writeln!(out, "| {} | {} |", kind.as_str(), esc(&text));
            }
        }
    }
    if !brief.skipped.is_empty() {
        let _ = writeln!(out, "\n## Not read\n");
        for s in &brief.skipped {
            let _ = writeln!(out, "- `{}`: {}", s.source.replace('`', "'"), esc(&s.error));
        }
    }
    out
}
