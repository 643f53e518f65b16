//! A self-contained HTML page (inline CSS, no scripts, no network). Every piece of article
//! text and metadata goes through `html_escape`, attributes included.

use std::fmt::Write;

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use super::{also_called, blocks_of, doc_label, left_out, notable_entities, quote_line, who_said_what, RenderOptions};
use crate::brief::Brief;

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;color:#222}\
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}ol li{margin:.5em 0}a.cite{font-size:.8em;margin-left:.3em}\
.meta{color:#666;font-size:.9em}.block{margin:.3em 0;padding:.2em .5em;border-left:4px solid #ccc}\
.kind{font:12px monospace;color:#555;margin-right:.5em}.body,.quote_block{border-color:#4a7}\
.editorial{border-color:#c84}.reader_comment{border-color:#a4a}.caption,.boilerplate{border-color:#aaa;color:#777}\
.embedded_article{border-color:#48c}:target{background:#ffd}.speaker{margin-top:.8em}.role{color:#666}\
table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #ddd;text-align:left}";

fn quotes_section(brief: &Brief, out: &mut String) {
    out.push_str("<h2>Who said what</h2>\n");
    for g in who_said_what(brief) {
        let name = g.speaker.unwrap_or("speaker not named");
        let _ = write!(out, "<div class=\"speaker\"><b>{}</b>", text(name));
        if !g.roles.is_empty() {
            let _ = write!(out, " <span class=\"role\">{}</span>", text(&g.roles.join("; ")));
        }
        out.push_str("<ul>");
        for q in g.quotes {
            let _ = write!(
                out,
                "<li>{}<a class=\"cite\" href=\"#{}\">[{}]</a></li>",
                text(&quote_line(q)),
                attr(&q.doc),
                text(&q.doc)
            );
        }
        out.push_str("</ul></div>\n");
    }
    if brief.quotes.is_empty() {
        out.push_str("<p>No quotes found.</p>\n");
    }
}

pub(super) fn render(brief: &Brief, opts: RenderOptions) -> String {
    let mut out = String::new();
    if opts.quotes_only {
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>crosscheck quotes</title>\
             <style>{STYLE}</style></head><body>\n"
        );
        quotes_section(brief, &mut out);
        // The citation links point here.
        out.push_str("<h2>Sources</h2>\n");
        for d in &brief.documents {
            let _ = writeln!(out, "<div id=\"{}\"><b>{}</b> {}</div>", attr(&d.id), text(&d.id), text(&doc_label(d)));
        }
        out.push_str("</body></html>\n");
        return out;
    }
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>crosscheck brief</title>\
         <style>{STYLE}</style></head><body>\n<h1>Brief: {} sources</h1>\n<h2>Summary</h2>\n<ol>\n",
        brief.documents.len()
    );
    for s in &brief.summary {
        let _ = write!(out, "<li>{}", text(&s.text));
        for c in &s.citations {
            let _ = write!(out, "<a class=\"cite\" href=\"#{}\">[{}]</a>", attr(c), text(c));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    for note in &brief.notes {
        let _ = writeln!(out, "<p class=\"meta\">Note: {}</p>", text(note));
    }
    quotes_section(brief, &mut out);
    let (entities, left_out_note) = notable_entities(brief);
    if !brief.entities.is_empty() {
        out.push_str("<h2>Entities</h2>\n");
    }
    if let Some(note) = left_out_note {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", text(&note));
    }
    if !entities.is_empty() {
        out.push_str("<table><tr><th>name</th><th>type</th><th>also called</th><th>sources</th></tr>\n");
    }
    for e in entities.iter().copied() {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            text(&e.name),
            e.kind.as_str(),
            text(&also_called(e)),
            text(&e.documents.join(" "))
        );
    }
    if !entities.is_empty() {
        out.push_str("</table>\n");
    }
    out.push_str("<h2>Sources</h2>\n");
    for d in &brief.documents {
        let _ = write!(out, "<div id=\"{}\"><b>{}</b> {}", attr(&d.id), text(&d.id), text(&doc_label(d)));
        let _ = write!(out, "<div class=\"meta\">");
        for extra in [&d.date, &d.url, &Some(d.source.clone())].into_iter().flatten() {
            let _ = write!(out, "{} ", text(extra));
        }
        let skipped = left_out(d);
        if !skipped.is_empty() {
            let _ = write!(out, "· not used in the summary: {}", text(&skipped));
        }
        out.push_str("</div>");
        if opts.show_blocks {
            out.push_str("<details><summary>blocks</summary>");
            for (kind, t) in blocks_of(d) {
                let k = kind.as_str();
                let _ = write!(out, "<div class=\"block {k}\"><span class=\"kind\">{k}</span>{}</div>", text(&t));
            }
            out.push_str("</details>");
        }
        out.push_str("</div>\n");
    }
    if !brief.skipped.is_empty() {
        out.push_str("<h2>Not read</h2>\n<ul>\n");
        for s in &brief.skipped {
            let _ = writeln!(out, "<li>{}: {}</li>", text(&s.source), text(&s.error));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body></html>\n");
    out
}
