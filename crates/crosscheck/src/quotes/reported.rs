//! Reported speech: statements without quotation marks, read from the shape of a sentence
//! around a speech verb. Each shape is one function that says where the speaker phrase, the
//! cue and the content lie; [`reported_in`] tries them in a fixed order and the first shape
//! that a sentence has decides it (a sentence that opens "According to" is read only as that).

use std::ops::Range;

use super::attribution::resolve;
use super::words::{breaks_subject, is_speech_verb, joins_cue};
use super::{alnum_words, trim_span, Quote, QuoteKind, SpanIndex, MAX_SOURCE_TOKENS};
use crate::entities::{DocId, Entities, EntityId};
use crate::lexicon::BELIEF_VERBS;
use crate::text::tokens::tokens_in;
use crate::text::tokens::{is_capitalised, Token};

/// Reported speech in sentences that hold no direct quote.
pub(super) fn reported_speech(
    doc: DocId,
    text: &str,
    sentences: &[Range<usize>],
    direct: &[Quote],
    entities: &Entities,
) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut last_speaker: Option<(EntityId, usize)> = None;
    let mut direct_iter = direct.iter().peekable();
    // Sentences that carry an attributed direct quote (its words or its speaker) are done; those
    // with only fragments in quotation marks may still report speech around them.
    let attributed = SpanIndex::new(
        direct
            .iter()
            .filter(|q| q.source.is_some())
            .flat_map(|q| [Some(q.content.clone()), q.source.clone()])
            .flatten(),
    );
    for span in sentences {
        // Keep the pronoun context up to date with direct quotes before this sentence.
        while let Some(q) = direct_iter.peek() {
            if q.content.start >= span.start {
                break;
            }
            if let Some(s) = q.speaker {
                last_speaker = Some((s, q.content.end));
            }
            direct_iter.next();
        }
        if attributed.overlaps(span) {
            continue;
        }
        if let Some(mut q) = reported_in(doc, text, span.clone()) {
            let source = q.source.clone().expect("reported speech always has a source");
            let (speaker, role) = resolve(doc, text, &source, entities, last_speaker);
            if speaker.is_none() && role.is_none() && !looks_like_source(text, &source) {
                continue;
            }
            q.speaker = speaker;
            q.role = role;
            if let Some(s) = speaker {
                last_speaker = Some((s, q.content.end));
            }
            out.push(q);
        }
    }
    out
}

/// A speaker phrase that names no entity still counts when it is a plausible source: a
/// pronoun, a noun phrase of a few words ("officials", "a senior official", "the ministry").
fn looks_like_source(text: &str, source: &Range<usize>) -> bool {
    let phrase = &text[source.clone()];
    let n = alnum_words(phrase);
    let first = phrase.split_whitespace().next().unwrap_or("").to_lowercase();
    let clause_word = matches!(
        first.as_str(),
        "and" | "but" | "as" | "after" | "before" | "to" | "while" | "at" | "of" | "when" | "if" | "in" | "on" | "for"
    );
    (1..=6).contains(&n) && !clause_word && !phrase.split_whitespace().any(breaks_subject)
}

/// One sentence's reported speech, if it has one of the shapes, tried in this order:
/// [`according_to_before`] (decides alone when the sentence opens "According to"),
/// [`according_to_after`], [`content_then_speaker`], [`content_then_said_speaker`],
/// [`said_that`]. The content must keep at least four words.
pub(super) fn reported_in(doc: DocId, text: &str, span: Range<usize>) -> Option<Quote> {
    let s = Sentence { text, toks: tokens_in(text, span) };
    if s.toks.iter().filter(|t| t.word).count() < 6 {
        return None;
    }
    let parts = if s.lw(0) == "according" && s.len() > 3 && s.lw(1) == "to" {
        according_to_before(&s)?
    } else {
        according_to_after(&s)
            .or_else(|| {
                let v = s.tail_speech_verb()?;
                content_then_speaker(&s, v).or_else(|| content_then_said_speaker(&s, v))
            })
            .or_else(|| said_that(&s))?
    };
    statement(doc, text, parts)
}

/// The tokens of one sentence, with the accessors the shapes read them by.
struct Sentence<'a> {
    text: &'a str,
    toks: Vec<Token>,
}

impl Sentence<'_> {
    fn len(&self) -> usize {
        self.toks.len()
    }

    /// The text of token `k`.
    fn t(&self, k: usize) -> &str {
        self.toks[k].text(self.text)
    }

    /// The text of token `k` in lower case.
    fn lw(&self, k: usize) -> String {
        self.t(k).to_lowercase()
    }

    /// Token `k` is a speech verb ("said", "told", "believes").
    fn speech_verb(&self, k: usize) -> bool {
        self.toks[k].word && is_speech_verb(self.t(k))
    }

    /// Byte span from the start of token `from` to the end of token `to` (inclusive).
    fn span(&self, from: usize, to: usize) -> Range<usize> {
        self.toks[from].span.start..self.toks[to].span.end
    }

    /// End (exclusive) of content running from token `k` to the sentence end, without the
    /// sentence-final punctuation.
    fn end_of_content(&self, k: usize) -> usize {
        let mut e = self.toks.len();
        while e > k && !self.toks[e - 1].word {
            e -= 1;
        }
        e
    }

    /// The last speech verb within reach of the sentence end: the cue of the shapes that put
    /// the speaker after the content.
    fn tail_speech_verb(&self) -> Option<usize> {
        let tail_from = self.len().saturating_sub(MAX_SOURCE_TOKENS + 8);
        (tail_from..self.len()).rev().find(|&k| self.speech_verb(k))
    }

    /// At most six words follow the cue at `v` ("said on Thursday in a statement").
    fn short_after(&self, v: usize) -> bool {
        (v + 1..self.len()).filter(|&k| self.toks[k].word).count() <= 6
    }

    /// Drops an auxiliary or "also" before the cue at `end`, when the phrase from `start`
    /// keeps a word ("has said", "had told", "also said").
    fn before_auxiliary(&self, start: usize, end: usize) -> usize {
        if end > start + 1 && joins_cue(self.t(end - 1)) {
            end - 1
        } else {
            end
        }
    }
}

/// Where a shape found the speaker phrase, the cue and the content (byte spans).
struct Parts {
    source: Range<usize>,
    cue: Range<usize>,
    content: Range<usize>,
}

/// The statement of a shape's parts: the content without surrounding space and leading
/// punctuation, kept when it has four words or more.
fn statement(doc: DocId, text: &str, parts: Parts) -> Option<Quote> {
    let content = trim_span(text, parts.content);
    let lead = text[content.clone()].len() - text[content.clone()].trim_start_matches([',', ';', ':', ' ']).len();
    let content = content.start + lead..content.end;
    (alnum_words(&text[content.clone()]) >= 4).then_some(Quote {
        doc,
        kind: QuoteKind::Reported,
        content,
        cue: Some(parts.cue),
        source: Some(parts.source),
        speaker: None,
        role: None,
    })
}

/// `According to SPEAKER, CONTENT.` — the speaker runs from "to" to the first comma (at most
/// [`MAX_SOURCE_TOKENS`] tokens), the content after it. Called only for a sentence that opens
/// "According to"; `None` means the sentence reports nothing.
fn according_to_before(s: &Sentence) -> Option<Parts> {
    let comma = (2..s.len()).find(|&k| s.t(k) == ",")?;
    if comma - 2 > MAX_SOURCE_TOKENS || comma == 2 {
        return None;
    }
    // No words after the comma ("According to the mayor, ..."): nothing is reported.
    let e = s.end_of_content(comma + 1);
    if e <= comma + 1 {
        return None;
    }
    Some(Parts { source: s.span(2, comma - 1), cue: s.toks[0].span.clone(), content: s.span(comma + 1, e - 1) })
}

/// `CONTENT, according to SPEAKER.` — the last "according to" after a comma, with a short
/// speaker phrase that ends the sentence.
fn according_to_after(s: &Sentence) -> Option<Parts> {
    let a = (1..s.len().saturating_sub(2)).rev().find(|&k| s.lw(k) == "according" && s.lw(k + 1) == "to")?;
    if a < 2 || s.t(a - 1) != "," {
        return None;
    }
    let e = s.end_of_content(a + 2);
    if e <= a + 2 || e - (a + 2) > MAX_SOURCE_TOKENS {
        return None;
    }
    Some(Parts { source: s.span(a + 2, e - 1), cue: s.toks[a].span.clone(), content: s.span(0, a - 2) })
}

/// `CONTENT, SPEAKER said [on Thursday].` — the cue `v` near the end, the speaker between the
/// leftmost comma within reach whose right side opens like a noun phrase and the cue ("The
/// repairs will cost more, the operator's chief engineer, Mara Quist, said on Tuesday").
fn content_then_speaker(s: &Sentence, v: usize) -> Option<Parts> {
    if !s.short_after(v) {
        return None;
    }
    let c = (v.saturating_sub(MAX_SOURCE_TOKENS)..v).filter(|&k| s.t(k) == "," && k > 2).find(|&k| {
        k + 1 < v
            && {
                let first = s.t(k + 1);
                is_capitalised(first)
                    || matches!(first.to_lowercase().as_str(), "the" | "a" | "an" | "he" | "she" | "they")
            }
            && !(k + 1..v).any(|m| s.toks[m].word && breaks_subject(s.t(m)))
    })?;
    let mut s_end = s.before_auxiliary(c + 1, v);
    // Drop the trailing comma of an apposition ("..., Maria Zakharova, said").
    while s_end > c + 1 && !s.toks[s_end - 1].word {
        s_end -= 1;
    }
    if s_end <= c + 1 {
        return None;
    }
    Some(Parts { source: s.span(c + 1, s_end - 1), cue: s.toks[v].span.clone(), content: s.span(0, c - 1) })
}

/// `CONTENT, said SPEAKER.` — a comma, then the cue `v` near the end, then the speaker phrase
/// to the end of the sentence.
fn content_then_said_speaker(s: &Sentence, v: usize) -> Option<Parts> {
    if v < 2 || s.t(v - 1) != "," || !s.short_after(v) {
        return None;
    }
    let e = s.end_of_content(v + 1);
    if e <= v + 1 {
        return None;
    }
    Some(Parts { source: s.span(v + 1, e - 1), cue: s.toks[v].span.clone(), content: s.span(0, v - 2) })
}

/// `SPEAKER said (that) CONTENT.` — optionally after an opening clause ("On Thursday, ...")
/// and a conjunction ("But ..."); the speaker opens like a noun phrase and holds no clause
/// word, the cue is a speech verb (or a belief verb followed by "that"), and a listener after
/// "told" or "warned" is skipped ("told reporters on Thursday that ...").
fn said_that(s: &Sentence) -> Option<Parts> {
    let mut s0 = 0;
    if let Some(c) = (0..s.len().min(6)).find(|&k| s.t(k) == ",") {
        if !(0..c).any(|k| s.speech_verb(k)) {
            s0 = c + 1;
        }
    }
    // A leading conjunction is not part of the source ("But Kirby said ...").
    while s0 < s.len() && matches!(s.lw(s0).as_str(), "but" | "and" | "so" | "yet" | "still" | "now") {
        s0 += 1;
    }
    // Verbs of belief and report attribute a clause only when "that" follows them ("The Post
    // reports that ...", "Officials fear that ..."); alone they are too often nouns or asides.
    let that_verb = |k: usize| {
        s.toks[k].word
            && BELIEF_VERBS.contains(&s.lw(k).as_str())
            && s.toks.get(k + 1).is_some_and(|n| n.text(s.text).eq_ignore_ascii_case("that"))
    };
    let v = (s0..s.len().min(s0 + MAX_SOURCE_TOKENS + 1)).find(|&k| s.speech_verb(k) || that_verb(k))?;
    if v == s0 || (s0..v).any(|k| (s.toks[k].word && breaks_subject(s.t(k))) || matches!(s.t(k), "," | ";" | ":" | "("))
    {
        return None;
    }
    // The source must open like a noun phrase.
    let first = s.t(s0);
    if !(is_capitalised(first) || matches!(first.to_lowercase().as_str(), "he" | "she" | "they" | "the" | "a" | "an")) {
        return None;
    }
    let s_end = s.before_auxiliary(s0, v);
    let mut c = v + 1;
    // "told reporters (on Thursday) that ...": skip the listener.
    if matches!(s.lw(v).as_str(), "told" | "tells" | "tell" | "asked" | "warned") {
        let that = (v + 1..s.len().min(v + 8)).find(|&k| s.lw(k) == "that");
        c = match that {
            Some(k) => k,
            None => (v + 1..s.len().min(v + 4))
                .find(|&k| {
                    !s.toks[k].word
                        || !(is_capitalised(s.t(k))
                            || matches!(
                                s.lw(k).as_str(),
                                "the" | "reporters" | "journalists" | "lawmakers" | "congress" | "parliament"
                            ))
                })
                .unwrap_or(v + 1),
        };
    }
    if c < s.len() && s.lw(c) == "that" {
        c += 1;
    }
    let e = s.end_of_content(c);
    if e <= c {
        return None;
    }
    Some(Parts { source: s.span(s0, s_end - 1), cue: s.toks[v].span.clone(), content: s.span(c, e - 1) })
}
