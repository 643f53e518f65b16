//! The brief: the one hand-off from analysis to rendering, and the JSON contract
//! (docs/brief.schema.json). All offsets here are character offsets (Unicode scalar values)
//! into the document's `text`.

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::clean::BlockKind;
use crate::entities::{self, Entities, EntityType};
use crate::error::ReadError;
use crate::quotes::{self, Quote, QuoteKind};
use crate::read::Article;
use crate::summary::{self, Length, SummaryConfig};
use crate::text::byte_to_char_offsets;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Brief {
    pub documents: Vec<DocumentOut>,
    pub summary: Vec<SummaryOut>,
    pub entities: Vec<EntityOut>,
    pub quotes: Vec<QuoteOut>,
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

/// One actor, merged across documents and names.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EntityOut {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub aliases: Vec<String>,
    /// Roles the text ties to it ("Kremlin spokesman").
    pub roles: Vec<String>,
    pub documents: Vec<String>,
    pub mentions: Vec<SpanOut>,
}

/// A span of one document's text.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SpanOut {
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

/// A character range within the document a record already names.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RangeOut {
    pub start: usize,
    pub end: usize,
}

/// One attributed statement.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct QuoteOut {
    /// Canonical name of the speaker (an entity's `name`), or null when the text does not say.
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub text: String,
    pub kind: QuoteKind,
    pub cue: Option<String>,
    pub doc: String,
    pub start: usize,
    pub end: usize,
    /// The words naming the speaker as written ("he", "State Department spokesman John Kirby").
    pub source: Option<RangeOut>,
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
    /// Command of an entity-model worker (`scripts/ner_worker.py`) to type entities with.
    pub ner_command: Option<String>,
}

impl Default for BriefOptions {
    fn default() -> Self {
        BriefOptions { length: Length::Words(120), summary: SummaryConfig::default(), ner_command: None }
    }
}

/// Analyses the articles and builds their brief; `errors` are carried into `skipped`.
pub fn build_brief(articles: Vec<Article>, errors: &[ReadError], opts: &BriefOptions) -> Brief {
    let analysis = Analysis::new(articles);
    let chosen = summary::summarize(&analysis, opts.length, &opts.summary);
    let mut worker = opts.ner_command.as_deref().and_then(|c| match entities::ner::NerWorker::spawn(c) {
        Ok(w) => Some(w),
        Err(e) => {
            tracing::warn!("{e}; typing entities by rules");
            None
        }
    });
    let found = entities::find_entities_with(&analysis, worker.as_mut());
    let said = quotes::find_quotes(&analysis, &found);
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
            title: doc.title().map(String::from),
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
        entities: entities_out(&analysis, &found),
        quotes: quotes_out(&analysis, &found, &said),
        claims: Vec::new(),
        timeline: Vec::new(),
        framing: Vec::new(),
        skipped: errors.iter().map(|e| Skipped { source: e.source_name.clone(), error: e.kind.to_string() }).collect(),
    }
}

fn doc_id(d: usize) -> String {
    format!("d{}", d + 1)
}

/// Converts byte spans of one document to character offsets in one pass per document.
struct CharOffsets {
    per_doc: Vec<Vec<usize>>,
}

impl CharOffsets {
    /// `wanted[d]` lists byte offsets of document `d`; `get(d, i)` gives the i-th converted.
    fn new(analysis: &Analysis, wanted: &[Vec<usize>]) -> CharOffsets {
        let per_doc = wanted
            .iter()
            .enumerate()
            .map(|(d, bytes)| byte_to_char_offsets(&analysis.docs[d].article.text, bytes))
            .collect();
        CharOffsets { per_doc }
    }
}

fn entities_out(analysis: &Analysis, found: &Entities) -> Vec<EntityOut> {
    let mut wanted: Vec<Vec<usize>> = vec![Vec::new(); analysis.docs.len()];
    let mut slots = Vec::new();
    for e in &found.list {
        for m in &e.mentions {
            let at = wanted[m.doc].len();
            wanted[m.doc].extend([m.span.start, m.span.end]);
            slots.push(at);
        }
    }
    let chars = CharOffsets::new(analysis, &wanted);
    let mut slot = slots.into_iter();
    found
        .list
        .iter()
        .map(|e| EntityOut {
            name: e.name.clone(),
            kind: e.kind,
            aliases: e.aliases.clone(),
            roles: e.roles.clone(),
            documents: e.documents.iter().map(|&d| doc_id(d)).collect(),
            mentions: e
                .mentions
                .iter()
                .map(|m| {
                    let at = slot.next().expect("one slot per mention");
                    SpanOut { doc: doc_id(m.doc), start: chars.per_doc[m.doc][at], end: chars.per_doc[m.doc][at + 1] }
                })
                .collect(),
        })
        .collect()
}

fn quotes_out(analysis: &Analysis, found: &Entities, said: &[Quote]) -> Vec<QuoteOut> {
    let mut wanted: Vec<Vec<usize>> = vec![Vec::new(); analysis.docs.len()];
    let mut slots = Vec::new();
    for q in said {
        let at = wanted[q.doc].len();
        let source = q.source.clone().unwrap_or(0..0);
        wanted[q.doc].extend([q.content.start, q.content.end, source.start, source.end]);
        slots.push(at);
    }
    let chars = CharOffsets::new(analysis, &wanted);
    said.iter()
        .zip(slots)
        .map(|(q, at)| {
            let c = &chars.per_doc[q.doc];
            let text = &analysis.docs[q.doc].article.text;
            QuoteOut {
                speaker: q.speaker.map(|e| found.entity(e).name.clone()),
                role: q.role.clone(),
                text: text[q.content.clone()].to_string(),
                kind: q.kind,
                cue: q.cue.clone().map(|c| text[c].to_string()),
                doc: doc_id(q.doc),
                start: c[at],
                end: c[at + 1],
                source: q.source.as_ref().map(|_| RangeOut { start: c[at + 2], end: c[at + 3] }),
            }
        })
        .collect()
}
