//! Plain-text brief for a terminal.

use std::fmt::Write;

use super::{blocks_of, doc_label, left_out, notable_entities, plural, quote_line, who_said_what, RenderOptions};
use crate::brief::Brief;

fn quotes_section(brief: &Brief, out: &mut String) {
    let _ = writeln!(out, "WHO SAID WHAT ({})\n", plural(brief.quotes.len(), "quote", "quotes"));
    for g in who_said_what(brief) {
        let name = g.speaker.unwrap_or("(speaker not named)");
        let role = if g.roles.is_empty() { String::new() } else { format!(", {}", g.roles.join("; ")) };
        let _ = writeln!(out, "  {name}{role} [{}]", g.documents.join(", "));
        for q in g.quotes {
            let _ = writeln!(out, "    - {} [{}]", quote_line(q), q.doc);
        }
    }
    if brief.quotes.is_empty() {
        let _ = writeln!(out, "  (no quotes found)");
    }
}

pub(super) fn render(brief: &Brief, opts: RenderOptions) -> String {
    let mut out = String::new();
    if opts.quotes_only {
        quotes_section(brief, &mut out);
        return without_control_chars(&out);
    }
    let n = brief.documents.len();
    let _ = writeln!(out, "SUMMARY ({n} source{})\n", if n == 1 { "" } else { "s" });
    for s in &brief.summary {
        let _ = writeln!(out, "  {} [{}]", s.text, s.citations.join(", "));
    }
    if brief.summary.is_empty() {
        let _ = writeln!(out, "  (no reporting sentences to summarize)");
    }
    for note in &brief.notes {
        let _ = writeln!(out, "  Note: {note}");
    }
    let _ = writeln!(out);
    quotes_section(brief, &mut out);
    let (entities, left_out_note) = notable_entities(brief);
    if !brief.entities.is_empty() {
        let _ = writeln!(out, "\nENTITIES\n");
    }
    if let Some(note) = left_out_note {
        let _ = writeln!(out, "  ({note})");
    }
    for e in entities {
        let aka = if e.aliases.is_empty() { String::new() } else { format!(" (also: {})", e.aliases.join(", ")) };
        let role = e.roles.first().map(|r| format!(", {r}")).unwrap_or_default();
        let kind = e.kind.as_str();
        let _ = writeln!(
            out,
            "  {} [{kind}{role}]{aka} - {} mentions in {}",
            e.name,
            e.mentions.len(),
            e.documents.join(", ")
        );
    }
    let _ = writeln!(out, "\nSOURCES");
    for d in &brief.documents {
        let label = doc_label(d);
        let _ = writeln!(out, "  {}  {}", d.id, label);
        let extra: Vec<String> =
            [d.date.clone(), d.url.clone(), Some(d.source.clone())].into_iter().flatten().collect();
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
    without_control_chars(&out)
}

/// Article text may hold terminal escape sequences (ESC, BEL, ...): they are replaced so a
/// brief can never drive the reader's terminal.
fn without_control_chars(text: &str) -> String {
    text.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { '\u{fffd}' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_neutralised() {
        assert_eq!(without_control_chars("a\x1b]0;pwned\x07b\n"), "a\u{fffd}]0;pwned\u{fffd}b\n");
    }
}
