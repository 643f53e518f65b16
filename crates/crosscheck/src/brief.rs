//! The brief: a [`Story`] projected into the JSON contract (docs/brief.schema.json), the one
//! hand-off to rendering. All offsets here are character offsets (Unicode scalar values) into
//! the document's `text`; ids are stable within one brief ("d1", "e1", ...).

use serde::{Deserialize, Serialize};

use crate::blocks::BlockKind;
use crate::entities::EntityType;
use crate::error::ReadError;
use crate::ids::{DocId, EntityId};
use crate::offsets::CharIndex;
use crate::progress::Stage;
use crate::quotes::QuoteKind;
use crate::read::Article;
use crate::story::{Stages, Story};

/// The brief of one story (docs/brief.md says what each field means).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Brief {
    /// Every document read, in input order.
    pub documents: Vec<DocumentOut>,
    /// The summary sentences, in reading order.
    pub summary: Vec<SummaryOut>,
    /// The story's actors, most mentioned first.
    pub entities: Vec<EntityOut>,
    /// Attributed statements, in document and text order.
    pub quotes: Vec<QuoteOut>,
    /// Claims and where the sources stand on them (empty until the claims stage lands).
    pub claims: Vec<ClaimOut>,
    /// Dated events (empty until the timeline stage lands).
    pub timeline: Vec<TimelineEntryOut>,
    /// How each document tells the story (empty until the framing stage lands).
    pub framing: Vec<FramingOut>,
    /// Inputs that could not be read, with the reason; the rest was briefed.
    pub skipped: Vec<Skipped>,
    /// What a reader should know about how the brief was made (a summary over its budget).
    pub notes: Vec<String>,
}

/// One document as read, with its classified blocks.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DocumentOut {
    /// "d1", "d2", ... in input order.
    pub id: String,
    /// Where it came from ("path", "path:LINE", "path#N", "-").
    pub source: String,
    /// The source's title, or a headline read from the first line.
    pub title: Option<String>,
    /// The publisher, where known.
    pub outlet: Option<String>,
    /// The page's address, where known.
    pub url: Option<String>,
    /// Publication date as given by the source.
    pub date: Option<String>,
    /// Author or byline as given by the source.
    pub author: Option<String>,
    /// The text as read; every offset refers to it.
    pub text: String,
    /// Its non-empty lines, each classified.
    pub blocks: Vec<BlockOut>,
}

/// One line of a document with its kind.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct BlockOut {
    /// What the line is (reporting, caption, comment, ...).
    pub kind: BlockKind,
    /// Character offset of its start.
    pub start: usize,
    /// Character offset of its end (exclusive).
    pub end: usize,
}

/// One summary sentence, verbatim from one document.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SummaryOut {
    /// The sentence exactly as in its document.
    pub text: String,
    /// The document it was taken from.
    pub doc: String,
    /// Character offset of its start in that document.
    pub start: usize,
    /// Character offset of its end (exclusive).
    pub end: usize,
    /// Every document that states it, its own first.
    pub citations: Vec<String>,
}

/// One actor, merged across documents and names.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EntityOut {
    /// "e1", "e2", ... in the order of this list.
    pub id: String,
    /// Canonical name: the fullest personal name, or the conventional name.
    pub name: String,
    /// Person, organisation, place, group or other.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Other names it is written as, most frequent first.
    pub aliases: Vec<String>,
    /// Roles the text ties to it ("Kremlin spokesman").
    pub roles: Vec<String>,
    /// The documents that mention it.
    pub documents: Vec<String>,
    /// Where it is mentioned.
    pub mentions: Vec<SpanOut>,
}

/// A span of one document's text.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SpanOut {
    /// The document.
    pub doc: String,
    /// Character offset of the start.
    pub start: usize,
    /// Character offset of the end (exclusive).
    pub end: usize,
}

/// A character range within the document a record already names.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RangeOut {
    /// Character offset of the start.
    pub start: usize,
    /// Character offset of the end (exclusive).
    pub end: usize,
}

/// One attributed statement.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct QuoteOut {
    /// Canonical name of the speaker (an entity's `name`), or null when the text does not say.
    pub speaker: Option<String>,
    /// The speaker's entity id ("e3"), when the speaker is an entity of this brief.
    pub speaker_id: Option<String>,
    /// The speaker's role as written with this quote.
    pub role: Option<String>,
    /// The words said, without quotation marks.
    pub text: String,
    /// Direct (in quotation marks) or reported.
    pub kind: QuoteKind,
    /// The speech verb, as written.
    pub cue: Option<String>,
    /// The document.
    pub doc: String,
    /// Character offset of the words' start.
    pub start: usize,
    /// Character offset of their end (exclusive).
    pub end: usize,
    /// The words naming the speaker as written ("he", "State Department spokesman John Kirby").
    pub source: Option<RangeOut>,
}

/// An input that could not be read.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Skipped {
    /// The input ("path", "path:LINE", "-").
    pub source: String,
    /// Why, in words.
    pub error: String,
}

/// One claim, once, with every source that supports or contradicts it (filled by the claims
/// stage; see docs/brief.md).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ClaimOut {
    /// "c1", "c2", ...
    pub id: String,
    /// A representative wording, from one of the sources.
    pub text: String,
    /// Where the sources stand.
    pub status: ClaimStatus,
    /// The documents that state it.
    pub support: Vec<EvidenceOut>,
    /// The documents that contradict it.
    pub contradict: Vec<EvidenceOut>,
    /// Documents that neither support nor contradict it.
    pub silent: Vec<String>,
}

/// Where the sources stand on a claim.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// At least two independent sources support it and none contradicts it.
    Corroborated,
    /// One independent source supports it and none contradicts it.
    SingleSource,
    /// At least one independent source contradicts it.
    Contested,
}

/// One document's clearest statement for or against a claim.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EvidenceOut {
    /// The document.
    pub doc: String,
    /// Character offset of the statement's start.
    pub start: usize,
    /// Character offset of its end (exclusive).
    pub end: usize,
    /// Who asserts it when the document attributes it; null when the outlet asserts it.
    pub speaker: Option<String>,
    /// The speaker's entity id, when there is one.
    pub speaker_id: Option<String>,
    /// Reported-not-endorsed wording ("reportedly", "allegedly").
    #[serde(default)]
    pub hedged: bool,
    /// For a contradiction: "negation", "number", "antonym", "denial" or "other".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// For a contradiction: what differs ("250,000 vs 220,000").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// One dated event of the story (filled by the timeline stage; see docs/brief.md).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TimelineEntryOut {
    /// TimeML-style value: "2015-09-30", "2015-09", "2015-W40".
    pub date: String,
    /// End of a range, or null.
    pub end: Option<String>,
    /// "time", "day", "week", "month", "year" or "unknown".
    pub precision: String,
    /// The event: a sentence or a clause from a source.
    pub text: String,
    /// The spans that date it.
    pub support: Vec<SpanOut>,
    /// Documents that date the same event differently.
    pub conflict: Vec<SpanOut>,
}

/// How one document tells the story (filled by the framing stage; see docs/brief.md).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FramingOut {
    /// The document.
    pub doc: String,
    /// Its outlet, from metadata or the text.
    pub outlet: Option<String>,
    /// "reporting", "opinion" or "satire".
    pub genre: Option<String>,
    /// Loaded-language spans in the outlet's own voice.
    pub loaded: Vec<SpanOut>,
}

/// Analyses the articles, runs the stages and projects the story; `errors` go to `skipped`.
pub fn build_brief(articles: Vec<Article>, errors: &[ReadError], stages: &Stages) -> Brief {
    let story = Story::build(articles, stages);
    if let Some(p) = &stages.progress {
        p.start(Stage::Assembly);
    }
    project(&story, errors)
}

fn doc_id(d: DocId) -> String {
    format!("d{}", d.index() + 1)
}

fn entity_id(e: EntityId) -> String {
    format!("e{}", e.index() + 1)
}

/// Projects a story into the JSON contract; `errors` are carried into `skipped`.
pub fn project(story: &Story, errors: &[ReadError]) -> Brief {
    let analysis = story.analysis();
    let index: Vec<CharIndex> = analysis.docs.iter().map(|d| CharIndex::new(&d.article.text)).collect();
    let documents = analysis
        .doc_ids()
        .map(|d| {
            let doc = analysis.doc(d);
            let a = &doc.article;
            DocumentOut {
                id: doc_id(d),
                source: a.source.clone(),
                title: doc.title().map(String::from),
                outlet: a.outlet.clone(),
                url: a.url.clone(),
                date: a.date.clone(),
                author: a.author.clone(),
                text: a.text.clone(),
                blocks: doc
                    .blocks
                    .iter()
                    .map(|b| {
                        let (start, end) = index[d.index()].range(&b.span);
                        BlockOut { kind: b.kind, start, end }
                    })
                    .collect(),
            }
        })
        .collect();
    let summary = story
        .summary()
        .iter()
        .map(|c| {
            let s = analysis.sentence(c.sentence);
            let (start, end) = index[s.doc.index()].range(&s.span);
            SummaryOut {
                text: analysis.text_of(s).to_string(),
                doc: doc_id(s.doc),
                start,
                end,
                citations: c.citations.iter().map(|&d| doc_id(d)).collect(),
            }
        })
        .collect();
    let found = story.entities();
    let entities = found
        .list
        .iter()
        .enumerate()
        .map(|(n, e)| EntityOut {
            id: entity_id(EntityId::new(n)),
            name: e.name.clone(),
            kind: e.kind,
            aliases: e.aliases.clone(),
            roles: e.roles.clone(),
            documents: e.documents.iter().map(|&d| doc_id(d)).collect(),
            mentions: e
                .mentions
                .iter()
                .map(|m| {
                    let (start, end) = index[m.doc.index()].range(&m.span);
                    SpanOut { doc: doc_id(m.doc), start, end }
                })
                .collect(),
        })
        .collect();
    let quotes = story
        .quotes()
        .iter()
        .map(|q| {
            let text = &analysis.doc(q.doc).article.text;
            let (start, end) = index[q.doc.index()].range(&q.content);
            QuoteOut {
                speaker: q.speaker.map(|e| found.entity(e).name.clone()),
                speaker_id: q.speaker.map(entity_id),
                role: q.role.clone(),
                text: text[q.content.clone()].to_string(),
                kind: q.kind,
                cue: q.cue.clone().map(|c| text[c].to_string()),
                doc: doc_id(q.doc),
                start,
                end,
                source: q.source.as_ref().map(|s| {
                    let (start, end) = index[q.doc.index()].range(s);
                    RangeOut { start, end }
                }),
            }
        })
        .collect();
    Brief {
        documents,
        summary,
        entities,
        quotes,
        claims: Vec::new(),
        timeline: Vec::new(),
        framing: Vec::new(),
        skipped: errors.iter().map(|e| Skipped { source: e.source_name.clone(), error: e.kind.to_string() }).collect(),
        notes: story.notes().to_vec(),
    }
}
