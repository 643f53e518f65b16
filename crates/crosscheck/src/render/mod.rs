//! Rendering a [`Brief`] for people (terminal, Markdown, HTML) and programs (JSON).
//! Renderers only read the brief; they never analyse text.

mod html;
mod markdown;
mod terminal;

use crate::blocks::BlockKind;
use crate::brief::{Brief, DocumentOut, EntityOut, QuoteOut};

/// How a brief is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Plain text for a terminal (control characters neutralised).
    Terminal,
    /// Markdown with article text escaped.
    Markdown,
    /// The JSON contract (docs/brief.schema.json), pretty-printed.
    Json,
    /// A self-contained HTML page, every string escaped.
    Html,
}

/// Options that change what a rendering shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// Show every document with its blocks marked by kind.
    pub show_blocks: bool,
    /// Show only who said what (the `quotes` command).
    pub quotes_only: bool,
}

/// How many entities the human-readable briefs list (the JSON has all of them).
const ENTITIES_SHOWN: usize = 20;

/// Quotes of one speaker ("who said what"), speakers with the most quotes first; quotes whose
/// speaker the text does not name come last under `None`.
struct SpeakerQuotes<'a> {
    speaker: Option<&'a str>,
    roles: Vec<&'a str>,
    quotes: Vec<&'a QuoteOut>,
    documents: Vec<&'a str>,
}

fn who_said_what(brief: &Brief) -> Vec<SpeakerQuotes<'_>> {
    let mut groups: Vec<SpeakerQuotes> = Vec::new();
    for q in &brief.quotes {
        let slot = match groups.iter().position(|g| g.speaker == q.speaker.as_deref()) {
            Some(i) => i,
            None => {
                groups.push(SpeakerQuotes {
                    speaker: q.speaker.as_deref(),
                    roles: Vec::new(),
                    quotes: Vec::new(),
                    documents: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let g = &mut groups[slot];
        if let Some(r) = q.role.as_deref() {
            if !g.roles.iter().any(|x| x.eq_ignore_ascii_case(r)) {
                g.roles.push(r);
            }
        }
        if !g.documents.contains(&q.doc.as_str()) {
            g.documents.push(&q.doc);
        }
        g.quotes.push(q);
    }
    // Entity roles fill in for speakers whose quotes never state one.
    for g in &mut groups {
        if let (Some(name), true) = (g.speaker, g.roles.is_empty()) {
            if let Some(e) = brief.entities.iter().find(|e| e.name == name) {
                g.roles.extend(e.roles.iter().take(1).map(String::as_str));
            }
        }
    }
    groups.sort_by(|a, b| a.speaker.is_none().cmp(&b.speaker.is_none()).then(b.quotes.len().cmp(&a.quotes.len())));
    groups
}

/// The entities worth listing to a reader (mentioned more than once or in several sources, at
/// most [`ENTITIES_SHOWN`]), and a line saying what was left out, if anything was.
fn notable_entities(brief: &Brief) -> (Vec<&EntityOut>, Option<String>) {
    let notable: Vec<&EntityOut> =
        brief.entities.iter().filter(|e| e.mentions.len() > 1 || e.documents.len() > 1).collect();
    let shown: Vec<&EntityOut> = notable.iter().copied().take(ENTITIES_SHOWN).collect();
    let total = brief.entities.len();
    let note = (shown.len() < total).then(|| {
        let why = if shown.len() < notable.len() {
            format!("the {ENTITIES_SHOWN} most mentioned")
        } else {
            "those mentioned more than once or in more than one source".to_string()
        };
        format!("{} of {}: {why}; the JSON output lists them all.", shown.len(), plural(total, "entity", "entities"))
    });
    (shown, note)
}

/// "1 quote", "2 quotes".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Everything else an entity is called: its other names, then its roles.
fn also_called(e: &EntityOut) -> String {
    e.aliases.iter().chain(&e.roles).map(String::as_str).collect::<Vec<_>>().join(", ")
}

/// A quote as a reader sees it: direct speech in quotation marks, reported speech as is.
fn quote_line(q: &QuoteOut) -> String {
    match q.kind {
        crate::quotes::QuoteKind::Direct => format!("“{}”", q.text),
        crate::quotes::QuoteKind::Reported => format!("({}) {}", q.cue.as_deref().unwrap_or("reported"), q.text),
    }
}

/// Writes `brief` in `format` to `out`. JSON is streamed rather than built in memory first: on a
/// long input the pretty-printed JSON is several times the size of the input.
pub fn render_to(
    brief: &Brief,
    format: OutputFormat,
    opts: RenderOptions,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, brief)?;
            out.write_all(b"\n")
        }
        _ => out.write_all(render(brief, format, opts).as_bytes()),
    }
}

/// Writes `brief` in `format`.
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
