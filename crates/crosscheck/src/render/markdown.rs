//! Markdown brief. Article text is escaped so it cannot inject links, images or HTML.

use std::fmt::Write;

use super::{also_called, blocks_of, doc_label, left_out, notable_entities, quote_line, who_said_what, RenderOptions};
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

fn quotes_section(brief: &Brief, out: &mut String) {
    let _ = writeln!(out, "## Who said what\n");
    for g in who_said_what(brief) {
        let name = g.speaker.map(esc).unwrap_or_else(|| "*speaker not named*".into());
        let role = if g.roles.is_empty() { String::new() } else { format!(", {}", esc(&g.roles.join("; "))) };
        let docs: Vec<String> = g.documents.iter().map(|c| format!("[{c}](#{c})")).collect();
        let _ = writeln!(out, "- **{name}**{role} {}", docs.join(" "));
        for q in g.quotes {
            let _ = writeln!(out, "  - {} [{}](#{})", esc(&quote_line(q)), q.doc, q.doc);
        }
    }
    if brief.quotes.is_empty() {
        let _ = writeln!(out, "No quotes found.");
    }
}

pub(super) fn render(brief: &Brief, opts: RenderOptions) -> String {
    if opts.quotes_only {
        let mut out = String::new();
        quotes_section(brief, &mut out);
        return out;
    }
    let mut out = String::from("# Brief\n\n## Summary\n\n");
    for s in &brief.summary {
        let cites: Vec<String> = s.citations.iter().map(|c| format!("[{c}](#{c})")).collect();
        let _ = writeln!(out, "- {} {}", esc(&s.text), cites.join(" "));
    }
    for note in &brief.notes {
        let _ = writeln!(out, "\n*Note: {}*", esc(note));
    }
    let _ = writeln!(out);
    quotes_section(brief, &mut out);
    let (entities, left_out_note) = notable_entities(brief);
    if !brief.entities.is_empty() {
        let _ = writeln!(out, "\n## Entities\n");
    }
    if let Some(note) = left_out_note {
        let _ = writeln!(out, "{}\n", esc(&note));
    }
    if !entities.is_empty() {
        let _ = writeln!(out, "| name | type | also called | sources |\n|---|---|---|---|");
    }
    for e in entities {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            esc(&e.name),
            e.kind.as_str(),
            esc(&also_called(e)),
            e.documents.join(" ")
        );
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
