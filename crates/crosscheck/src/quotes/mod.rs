//! Quotes: who said what, in direct speech and in reported speech.
//!
//! Direct quotes are found by pairing quotation marks inside each reporting block (curly,
//! straight and guillemets), tolerating what news text does to them: a quote that runs over
//! several sentences, one that runs over paragraphs (an open quote whose next paragraph opens
//! with a quotation mark again), and one whose opening mark was lost (a closing mark with no
//! opener takes the block from its start). A quote is attributed from the words around it:
//! `”, said SPEAKER` / `”, SPEAKER said` after it, or `SPEAKER said: “` before it; a quote with
//! no attribution of its own continues the previous speaker's turn when it follows it directly.
//!
//! Reported speech is read from sentence shapes around a speech verb: `SPEAKER said (that)
//! CONTENT`, `CONTENT, SPEAKER said [when]`, `CONTENT, said SPEAKER`, `according to SPEAKER,
//! CONTENT` and `CONTENT, according to SPEAKER`.
//!
//! A speaker phrase resolves to an entity: the person named in it ("State Department spokesman
//! John Kirby"), the person a pronoun refers to (the previous speaker, else the last person
//! mentioned), or the one person the story gave that role ("the spokesman").
//!
//! The files: `marks` (quotation-mark pairs of a block), `attribution` (the speaker phrase
//! around a direct quote, and a speaker phrase to an entity), `reported` (the sentence shapes
//! of reported speech), `words` (how they read the lexicon's verb
//! lists). This file holds the types and the
//! per-document driver that runs them in order.

mod attribution;
mod marks;
mod reported;
mod words;

use std::ops::Range;

use serde::Serialize;

use crate::analysis::Analysis;
use crate::entities::{DocId, Entities, EntityId, EntityType};

use attribution::{attribution_after, attribution_before, resolve};
use marks::marks_in_blocks;
use reported::reported_speech;

/// Whether a statement is quoted verbatim or reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// In quotation marks.
    Direct,
    /// Reported speech: "Lavrov said the strikes would continue".
    Reported,
}

/// One attributed statement. Spans are byte ranges into the document's text.
#[derive(Debug, Clone)]
pub struct Quote {
    /// Index of the document in the analysis.
    pub doc: DocId,
    /// Direct or reported.
    pub kind: QuoteKind,
    /// The words said, without the quotation marks.
    pub content: Range<usize>,
    /// The speech verb ("said", "told", "according").
    pub cue: Option<Range<usize>>,
    /// The phrase naming the speaker as written ("he", "State Department spokesman John Kirby").
    pub source: Option<Range<usize>>,
    /// The entity speaking, when the text names one.
    pub speaker: Option<EntityId>,
    /// The speaker's role as the text gives it ("Kremlin spokesman").
    pub role: Option<String>,
}

/// Quotes shorter than this many words with no speech verb beside them are scare quotes or
/// titles ("the so-called “moderate” rebels"), not statements.
const MIN_UNATTRIBUTED_WORDS: usize = 4;
/// Longest speaker phrase, in tokens.
const MAX_SOURCE_TOKENS: usize = 14;

/// Finds the quotes of every document of an analysed story.
pub fn find_quotes(analysis: &Analysis, entities: &Entities) -> Vec<Quote> {
    let mut out = Vec::new();
    for d in analysis.doc_ids() {
        let doc = analysis.doc(d);
        let text = doc.article.text.as_str();
        let blocks: Vec<Range<usize>> =
            doc.blocks.iter().filter(|b| b.kind.carries_statements()).map(|b| b.span.clone()).collect();
        let sentences: Vec<Range<usize>> =
            analysis.sentences_of(d).iter().filter(|s| s.kind.carries_statements()).map(|s| s.span.clone()).collect();
        let mut direct = direct_quotes(d, text, &blocks, entities);
        let reported = reported_speech(d, text, &sentences, &direct, entities);
        // A fragment quoted inside reported speech ("Lavrov said the strikes “create a strange
        // impression”") is part of that statement, not a statement of its own.
        let statements = SpanIndex::new(reported.iter().map(|r| r.content.clone()));
        direct.retain(|q| q.source.is_some() || !statements.covers(&q.content, 3));
        direct.extend(reported);
        direct.sort_by_key(|q| q.content.start);
        out.extend(direct);
    }
    out
}

/// Spans sorted by start with the running maximum of their ends, so that "does any span overlap
/// this one" and "does any span contain this one" take a binary search instead of a scan: a
/// long document has thousands of sentences and quotes.
struct SpanIndex {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl SpanIndex {
    fn new(spans: impl IntoIterator<Item = Range<usize>>) -> SpanIndex {
        let mut spans: Vec<Range<usize>> = spans.into_iter().collect();
        spans.sort_by_key(|s| s.start);
        let mut max = 0;
        let max_end = spans
            .iter()
            .map(|s| {
                max = max.max(s.end);
                max
            })
            .collect();
        SpanIndex { starts: spans.iter().map(|s| s.start).collect(), max_end }
    }

    /// Furthest end among the spans starting before `limit` (exclusive) or at it (inclusive).
    fn furthest_end(&self, limit: usize, inclusive: bool) -> Option<usize> {
        let n = self.starts.partition_point(|&s| if inclusive { s <= limit } else { s < limit });
        n.checked_sub(1).map(|i| self.max_end[i])
    }

    /// Some span shares a byte with `span`.
    fn overlaps(&self, span: &Range<usize>) -> bool {
        self.furthest_end(span.end, false).is_some_and(|end| end > span.start)
    }

    /// Some span contains `span`, allowing its end to stick out by `slack` bytes.
    fn covers(&self, span: &Range<usize>, slack: usize) -> bool {
        self.furthest_end(span.start, true).is_some_and(|end| span.end <= end + slack)
    }
}

fn trim_span(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// Words as runs of letters and digits (not whitespace-separated chunks, as
/// [`crate::text::word_count`] counts them): "—" or "..." alone are no words of a statement.
fn alnum_words(text: &str) -> usize {
    crate::text::words(text).count()
}

/// Direct quotes of one document, attributed: the attribution after the quote, else the one
/// before it, else the turn of the speaker just before (a continuation).
fn direct_quotes(doc: DocId, text: &str, blocks: &[Range<usize>], entities: &Entities) -> Vec<Quote> {
    let marked = marks_in_blocks(text, blocks);
    let mut out: Vec<Quote> = Vec::new();
    let mut last_speaker: Option<(EntityId, usize)> = None;
    let mut prev_turn: Option<(usize, Option<EntityId>, Option<String>)> = None; // (block, speaker, role)
    for m in marked {
        let block = &blocks[m.block];
        let attribution = attribution_after(text, m.after, block.end)
            .or_else(|| attribution_before(text, blocks[m.first_block].start, m.before));
        let words = alnum_words(&text[m.content.clone()]);
        let first = &blocks[m.first_block];
        let lost_opener = m.before == first.start && !marks::opens_with_mark(&text[first.clone()]);
        if lost_opener && attribution.is_none() {
            continue; // a stray closing mark, not a quote
        }
        let quote = match attribution {
            Some(a) => {
                let (speaker, role) = resolve(doc, text, &a.source, entities, last_speaker);
                Quote {
                    doc,
                    kind: QuoteKind::Direct,
                    content: m.content,
                    cue: Some(a.cue),
                    source: Some(a.source),
                    speaker,
                    role,
                }
            }
            None if words < MIN_UNATTRIBUTED_WORDS => continue,
            None => {
                // No attribution of its own: it continues the turn just before it (same block or
                // the block after), else it is unattributed.
                let (speaker, role) = match &prev_turn {
                    Some((b, s, r)) if m.block <= b + 1 => (*s, r.clone()),
                    _ => (None, None),
                };
                Quote { doc, kind: QuoteKind::Direct, content: m.content, cue: None, source: None, speaker, role }
            }
        };
        if let Some(s) = quote.speaker {
            if entities.entity(s).kind == EntityType::Person {
                last_speaker = Some((s, quote.content.end));
            }
        }
        prev_turn = Some((m.block, quote.speaker, quote.role.clone()));
        out.push(quote);
    }
    out
}

#[cfg(test)]
mod tests;
