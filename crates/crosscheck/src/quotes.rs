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
//! CONTENT`, `CONTENT, SPEAKER said [when]`, `according to SPEAKER, CONTENT` and
//! `CONTENT, according to SPEAKER`.
//!
//! A speaker phrase resolves to an entity: the person named in it ("State Department spokesman
//! John Kirby"), the person a pronoun refers to (the previous speaker, else the last person
//! mentioned), or the one person the story gave that role ("the spokesman").

use std::ops::Range;

use serde::Serialize;

use crate::analysis::Analysis;
use crate::blocks::BlockKind;
use crate::entities::{role_key, Entities, EntityType};
use crate::lexicon;
use crate::text::tokens::{is_capitalised, tokenize, Token};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Reported,
}

/// One attributed statement. Spans are byte ranges into the document's text.
#[derive(Debug, Clone)]
pub struct Quote {
    pub doc: usize,
    pub kind: QuoteKind,
    /// The words said, without the quotation marks.
    pub content: Range<usize>,
    /// The speech verb ("said", "told", "according").
    pub cue: Option<Range<usize>>,
    /// The phrase naming the speaker as written ("he", "State Department spokesman John Kirby").
    pub source: Option<Range<usize>>,
    /// Index into [`Entities::list`].
    pub speaker: Option<usize>,
    pub role: Option<String>,
}

/// Verbs that attribute a belief or a report, taken only before "that".
const BELIEF_VERBS: &[&str] = &[
    "reports",
    "reported",
    "believes",
    "believe",
    "believed",
    "thinks",
    "think",
    "thought",
    "fears",
    "fear",
    "feared",
    "hopes",
    "hope",
    "hoped",
    "expects",
    "expect",
    "expected",
    "suggests",
    "suggested",
    "acknowledges",
    "learned",
    "found",
    "finds",
    "concluded",
    "concludes",
    "argues",
    "knows",
    "knew",
    "worries",
    "worried",
    "predicts",
    "showed",
    "shows",
    "indicates",
    "indicated",
    "assumes",
    "claims",
    "insists",
    "feels",
    "felt",
];

/// Quotes shorter than this many words with no speech verb beside them are scare quotes or
/// titles ("the so-called “moderate” rebels"), not statements.
const MIN_UNATTRIBUTED_WORDS: usize = 4;
/// Longest speaker phrase, in tokens.
const MAX_SOURCE_TOKENS: usize = 14;

fn carries_quotes(kind: BlockKind) -> bool {
    matches!(kind, BlockKind::Body | BlockKind::QuoteBlock | BlockKind::Editorial | BlockKind::EmbeddedArticle)
}

/// Finds the quotes of every document of an analysed story.
pub fn find_quotes(analysis: &Analysis, entities: &Entities) -> Vec<Quote> {
    let mut out = Vec::new();
    for (d, doc) in analysis.docs.iter().enumerate() {
        let text = doc.article.text.as_str();
        let blocks: Vec<Range<usize>> =
            doc.blocks.iter().filter(|b| carries_quotes(b.kind)).map(|b| b.span.clone()).collect();
        let sentences: Vec<Range<usize>> =
            analysis.sentences_of(d).iter().filter(|s| carries_quotes(s.kind)).map(|s| s.span.clone()).collect();
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

/// A pair of quotation marks: byte offsets of the content inside them.
#[derive(Debug, Clone)]
struct Marked {
    content: Range<usize>,
    /// Byte offset just after the closing mark (or the block end for an open quote).
    after: usize,
    /// Byte offset of the opening mark (or the block start for a lost opener).
    before: usize,
    open_end: bool,
    /// The block it ends in, and the block it starts in (earlier for a multi-paragraph quote).
    block: usize,
    first_block: usize,
}

fn is_open_mark(c: char) -> bool {
    matches!(c, '“' | '«' | '„')
}
fn is_close_mark(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// Finds the quotation-mark pairs of one block.
fn marks_in_block(text: &str, block: &Range<usize>, index: usize) -> Vec<Marked> {
    let body = &text[block.clone()];
    let mut out = Vec::new();
    let mut open: Option<usize> = None; // byte offset just after the opening mark
    let mut open_mark: usize = block.start;
    let mut prev: Option<char> = None;
    for (i, c) in body.char_indices() {
        let at = block.start + i;
        let straight = c == '"';
        let opening = is_open_mark(c) || (straight && prev.is_none_or(|p| p.is_whitespace() || "([{—–-:/".contains(p)));
        let closing = is_close_mark(c) || (straight && !opening);
        if opening {
            if let Some(o) = open.take() {
                // A new quote opens before the last one closed: end the last one here.
                out.push(Marked {
                    content: o..at,
                    after: at,
                    before: open_mark,
                    open_end: false,
                    block: index,
                    first_block: index,
                });
            }
            open = Some(at + c.len_utf8());
            open_mark = at;
        } else if closing {
            match open.take() {
                Some(o) => out.push(Marked {
                    content: o..at,
                    after: at + c.len_utf8(),
                    before: open_mark,
                    open_end: false,
                    block: index,
                    first_block: index,
                }),
                // A closing mark with no opener: the opener was lost, the quote runs from the
                // block start ("If it looks like a terrorist, ... it's a terrorist,” Lavrov said.).
                None if out.is_empty() => out.push(Marked {
                    content: block.start..at,
                    after: at + c.len_utf8(),
                    before: block.start,
                    open_end: false,
                    block: index,
                    first_block: index,
                }),
                None => {}
            }
        }
        prev = Some(c);
    }
    if let Some(o) = open {
        out.push(Marked {
            content: o..block.end,
            after: block.end,
            before: open_mark,
            open_end: true,
            block: index,
            first_block: index,
        });
    }
    for m in &mut out {
        m.content = trim_span(text, m.content.clone());
    }
    out.retain(|m| !m.content.is_empty());
    out
}

fn trim_span(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

fn word_count(text: &str) -> usize {
    crate::text::words(text).count()
}

fn is_speech_verb(word: &str) -> bool {
    // Verbs are written in lower case; "States" in "United States" or a headline's "Says" is not a cue.
    if !word.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let w = word.to_lowercase();
    lexicon::SPEECH_VERBS.contains(&w.as_str())
}

/// Verbs that attribute a direct quote. Belief verbs ("thinks") attribute reported content
/// but never a verbatim quote.
fn is_quote_verb(word: &str) -> bool {
    let w = word.to_lowercase();
    is_speech_verb(word)
        && !matches!(
            w.as_str(),
            "believes" | "believed" | "thinks" | "thought" | "estimated" | "estimates" | "reported" | "reports"
        )
}

fn tokens_in(text: &str, span: Range<usize>) -> Vec<Token> {
    tokenize(&text[span.clone()])
        .into_iter()
        .map(|t| Token { span: t.span.start + span.start..t.span.end + span.start, word: t.word })
        .collect()
}

/// A speaker phrase and its cue, as found next to a quote.
struct Attribution {
    source: Range<usize>,
    cue: Range<usize>,
}

/// Words that end a speaker phrase after the cue ("said Peskov on Thursday").
fn ends_source(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "on" | "in"
            | "at"
            | "during"
            | "after"
            | "before"
            | "when"
            | "while"
            | "to"
            | "from"
            | "as"
            | "and"
            | "but"
            | "who"
            | "which"
            | "that"
            | "adding"
            | "referring"
            | "speaking"
            | "told"
            | "via"
            | "last"
            | "this"
            | "yesterday"
            | "today"
            | "earlier"
            | "later"
            | "late"
            | "recently"
    ) || lexicon::CALENDAR.contains(&word.to_lowercase().as_str())
}

/// Words that cannot be inside a speaker phrase before its cue.
fn breaks_subject(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "is" | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "not"
            | "if"
            | "because"
            | "so"
            | "than"
            | "then"
            | "there"
            | "it"
            | "this"
            | "that"
            | "which"
            | "what"
            | "when"
            | "we"
            | "i"
            | "you"
    )
}

/// `”, said SPEAKER` or `”, SPEAKER said` right after a quote, within the sentence.
fn attribution_after(text: &str, after: usize, limit: usize) -> Option<Attribution> {
    let rest = text.get(after..limit)?;
    let end = rest.find(['“', '"', '«', '\n']).map_or(limit, |p| after + p);
    let toks = tokens_in(text, after..end);
    let mut k = 0;
    while k < toks.len() && matches!(toks[k].text(text), "," | "—" | "–" | "-") {
        k += 1;
    }
    // The sentence ends at its first stop, except the dot of "Mr." or of an initial ("J.").
    let abbreviation_dot = |m: usize| {
        m > 0 && toks[m].text(text) == "." && {
            let prev = toks[m - 1].text(text);
            lexicon::HONORIFICS.contains(&prev.to_lowercase().as_str())
                || (prev.chars().count() == 1 && is_capitalised(prev))
        }
    };
    let stop = (0..toks.len())
        .find(|&m| matches!(toks[m].text(text), "." | "!" | "?" | ";" | "“" | "”" | "\"") && !abbreviation_dot(m))
        .unwrap_or(toks.len())
        .min(k + MAX_SOURCE_TOKENS + 1);
    if k >= stop {
        return None;
    }
    let first = toks[k].text(text);
    if is_quote_verb(first) {
        // "said State Department spokesman John Kirby (on Thursday)".
        let mut e = k + 1;
        while e < stop && toks[e].text(text) != "," && !ends_source(toks[e].text(text)) {
            e += 1;
        }
        if e == k + 1 {
            return None;
        }
        return Some(Attribution { source: toks[k + 1].span.start..toks[e - 1].span.end, cue: toks[k].span.clone() });
    }
    // "Lavrov said", "he added", "the ministry's spokeswoman, Maria Zakharova, said".
    let v = (k..stop).find(|&v| toks[v].word && is_quote_verb(toks[v].text(text)))?;
    if v == k || (k..v).any(|m| toks[m].word && breaks_subject(toks[m].text(text))) {
        return None;
    }
    let mut s_end = v;
    // "has said", "had told": the auxiliary belongs to the cue.
    if s_end > k + 1 && matches!(toks[s_end - 1].text(text).to_lowercase().as_str(), "has" | "had" | "have" | "also") {
        s_end -= 1;
    }
    Some(Attribution { source: toks[k].span.start..toks[s_end - 1].span.end, cue: toks[v].span.clone() })
}

/// `SPEAKER said: “` or `SPEAKER said that “` right before a quote, within its sentence.
fn attribution_before(text: &str, block_start: usize, before: usize) -> Option<Attribution> {
    let head = text.get(block_start..before)?;
    // The sentence the quote opens in: after the last sentence end before the mark.
    let from = head
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '.' | '!' | '?' | '”'))
        .map_or(block_start, |(p, c)| block_start + p + c.len_utf8());
    let toks = tokens_in(text, from..before);
    let mut v = toks.len();
    while v > 0 && matches!(toks[v - 1].text(text), ":" | "," | "that") {
        v -= 1;
    }
    if v == 0 || !is_quote_verb(toks[v - 1].text(text)) {
        return None;
    }
    let cue = v - 1;
    let mut start = cue;
    while start > 0 && cue - start < MAX_SOURCE_TOKENS {
        let w = toks[start - 1].text(text);
        if toks[start - 1].word && breaks_subject(w) {
            break;
        }
        // Commas stay inside: "The harbour master, Ines Daly, said: “...".
        if !toks[start - 1].word && !matches!(w, "'" | "’" | ",") {
            break;
        }
        start -= 1;
    }
    while start < cue && toks[start].text(text) == "," {
        start += 1;
    }
    let mut s_end = cue;
    if s_end > start + 1
        && matches!(toks[s_end - 1].text(text).to_lowercase().as_str(), "has" | "had" | "have" | "also")
    {
        s_end -= 1;
    }
    while s_end > start && toks[s_end - 1].text(text) == "," {
        s_end -= 1;
    }
    if start >= s_end {
        return None;
    }
    Some(Attribution { source: toks[start].span.start..toks[s_end - 1].span.end, cue: toks[cue].span.clone() })
}

/// Who a speaker phrase names: (entity, role as written).
fn resolve(
    doc: usize,
    text: &str,
    source: &Range<usize>,
    entities: &Entities,
    last_speaker: Option<(usize, usize)>,
) -> (Option<usize>, Option<String>) {
    let phrase = text[source.clone()].trim();
    let lower = phrase.to_lowercase();
    // Pronouns: the previous speaker when that turn is close, else the last person mentioned.
    if matches!(lower.as_str(), "he" | "she" | "he also" | "she also") {
        if let Some((speaker, at)) = last_speaker {
            if source.start.saturating_sub(at) < 1200 {
                return (Some(speaker), None);
            }
        }
        return (entities.last_person_before(doc, source.start, 1500), None);
    }
    // Names after a preposition inside the phrase locate the speaker, they are not the speaker
    // ("shop owners on Quay Street said").
    let named: Vec<(Range<usize>, usize)> = entities
        .within(doc, source)
        .into_iter()
        .filter(|(span, _)| {
            let before = text[source.start..span.start].split_whitespace().last().unwrap_or("").to_lowercase();
            !matches!(before.as_str(), "on" | "in" | "at" | "from" | "near" | "of" | "for" | "with" | "to")
        })
        .collect();
    let pick = named
        .iter()
        .rev()
        .find(|(_, e)| entities.list[*e].kind == EntityType::Person)
        .or_else(|| named.last())
        .map(|(span, e)| (span.clone(), *e));
    if let Some((span, e)) = pick {
        let entity = &entities.list[e];
        // The role written in this phrase, else the one tied to this mention.
        let written = entity.mentions.iter().find(|m| m.doc == doc && m.span == span).and_then(|m| m.role.clone());
        let role = written.filter(|r| phrase.contains(r.as_str()));
        return (Some(e), role);
    }
    // A role on its own: "the spokesman", "Russia's foreign minister".
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let titled = words.last().is_some_and(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        lexicon::TITLE_NOUNS.contains(&w.as_str())
    });
    if titled && !role_key(phrase).is_empty() {
        let role = strip_article(phrase);
        return (entities.person_with_role(doc, phrase), Some(role));
    }
    (None, None)
}

fn strip_article(phrase: &str) -> String {
    let p = phrase.trim();
    for a in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = p.strip_prefix(a) {
            return rest.to_string();
        }
    }
    p.to_string()
}

/// Direct quotes of one document, attributed.
fn direct_quotes(doc: usize, text: &str, blocks: &[Range<usize>], entities: &Entities) -> Vec<Quote> {
    let mut marked: Vec<Marked> = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        let mut found = marks_in_block(text, block, b);
        // Multi-paragraph quote: an open quote continues when the next block opens with a mark.
        if let (Some(last), Some(first)) = (marked.last(), found.first()) {
            let next_opens = text[blocks[first.block].clone()].trim_start().starts_with(['“', '"', '«']);
            if last.open_end && last.block + 1 == first.block && next_opens && first.before == blocks[b].start {
                let first = found.remove(0);
                let last = marked.last_mut().expect("checked above");
                last.content.end = first.content.end;
                last.after = first.after;
                last.open_end = first.open_end;
                last.block = first.block;
            }
        }
        // A lost opener only counts at the start of a block that also has a cue after it.
        marked.extend(found);
    }
    let mut out: Vec<Quote> = Vec::new();
    let mut last_speaker: Option<(usize, usize)> = None;
    let mut prev_turn: Option<(usize, Option<usize>, Option<String>)> = None; // (block, speaker, role)
    for m in marked {
        let block = &blocks[m.block];
        let attribution = attribution_after(text, m.after, block.end)
            .or_else(|| attribution_before(text, blocks[m.first_block].start, m.before));
        let words = word_count(&text[m.content.clone()]);
        let first = &blocks[m.first_block];
        let lost_opener = m.before == first.start && !text[first.clone()].trim_start().starts_with(['“', '"', '«']);
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
            if entities.list[s].kind == EntityType::Person {
                last_speaker = Some((s, quote.content.end));
            }
        }
        prev_turn = Some((m.block, quote.speaker, quote.role.clone()));
        out.push(quote);
    }
    out
}

/// Reported speech in sentences that hold no direct quote.
fn reported_speech(
    doc: usize,
    text: &str,
    sentences: &[Range<usize>],
    direct: &[Quote],
    entities: &Entities,
) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut last_speaker: Option<(usize, usize)> = None;
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
    let n = word_count(phrase);
    let first = phrase.split_whitespace().next().unwrap_or("").to_lowercase();
    let clause_word = matches!(
        first.as_str(),
        "and" | "but" | "as" | "after" | "before" | "to" | "while" | "at" | "of" | "when" | "if" | "in" | "on" | "for"
    );
    (1..=6).contains(&n) && !clause_word && !phrase.split_whitespace().any(breaks_subject)
}

/// One sentence's reported speech, if it has that shape.
fn reported_in(doc: usize, text: &str, span: Range<usize>) -> Option<Quote> {
    let toks = tokens_in(text, span.clone());
    let words: Vec<usize> = (0..toks.len()).filter(|&k| toks[k].word).collect();
    if words.len() < 6 {
        return None;
    }
    let t = |k: usize| toks[k].text(text);
    let lw = |k: usize| toks[k].text(text).to_lowercase();
    let end_of_content = |k: usize| {
        // Drop the sentence-final punctuation.
        let mut e = toks.len();
        while e > k && !toks[e - 1].word {
            e -= 1;
        }
        e
    };
    let quote = |source: Range<usize>, cue: Range<usize>, content: Range<usize>| -> Option<Quote> {
        let content = trim_span(text, content);
        let lead = text[content.clone()].len() - text[content.clone()].trim_start_matches([',', ';', ':', ' ']).len();
        let content = content.start + lead..content.end;
        (word_count(&text[content.clone()]) >= 4).then_some(Quote {
            doc,
            kind: QuoteKind::Reported,
            content,
            cue: Some(cue),
            source: Some(source),
            speaker: None,
            role: None,
        })
    };

    // "According to SOURCE, CONTENT."
    if lw(0) == "according" && toks.len() > 3 && lw(1) == "to" {
        let comma = (2..toks.len()).find(|&k| t(k) == ",")?;
        if comma - 2 > MAX_SOURCE_TOKENS || comma == 2 {
            return None;
        }
        let e = end_of_content(comma + 1);
        return quote(
            toks[2].span.start..toks[comma - 1].span.end,
            toks[0].span.clone(),
            toks[comma + 1].span.start..toks[e - 1].span.end,
        );
    }
    // "CONTENT, according to SOURCE."
    if let Some(a) = (1..toks.len().saturating_sub(2)).rev().find(|&k| lw(k) == "according" && lw(k + 1) == "to") {
        if a >= 2 && t(a - 1) == "," {
            let e = end_of_content(a + 2);
            if e > a + 2 && e - (a + 2) <= MAX_SOURCE_TOKENS {
                return quote(
                    toks[a + 2].span.start..toks[e - 1].span.end,
                    toks[a].span.clone(),
                    toks[0].span.start..toks[a - 2].span.end,
                );
            }
        }
    }
    // "CONTENT, SOURCE said [on Thursday]." — the cue near the end, the source after a comma.
    let tail_from = toks.len().saturating_sub(MAX_SOURCE_TOKENS + 8);
    if let Some(v) = (tail_from..toks.len()).rev().find(|&k| toks[k].word && is_speech_verb(t(k))) {
        let after_ok = (v + 1..toks.len()).filter(|&k| toks[k].word).count() <= 6;
        // The leftmost comma within reach whose right side opens like a noun phrase.
        let comma = (v.saturating_sub(MAX_SOURCE_TOKENS)..v).filter(|&k| t(k) == "," && k > 2).find(|&k| {
            k + 1 < v
                && {
                    let first = t(k + 1);
                    is_capitalised(first)
                        || matches!(first.to_lowercase().as_str(), "the" | "a" | "an" | "he" | "she" | "they")
                }
                && !(k + 1..v).any(|m| toks[m].word && breaks_subject(t(m)))
        });
        if let (true, Some(c)) = (after_ok, comma) {
            let mut s_end = v;
            if s_end > c + 2 && matches!(lw(s_end - 1).as_str(), "has" | "had" | "have" | "also") {
                s_end -= 1;
            }
            // Drop the trailing comma of an apposition ("..., Maria Zakharova, said").
            while s_end > c + 1 && !toks[s_end - 1].word {
                s_end -= 1;
            }
            if s_end > c + 1 {
                return quote(
                    toks[c + 1].span.start..toks[s_end - 1].span.end,
                    toks[v].span.clone(),
                    toks[0].span.start..toks[c - 1].span.end,
                );
            }
        }
        // "CONTENT, said SOURCE."
        if v >= 2 && t(v - 1) == "," && after_ok {
            let e = end_of_content(v + 1);
            if e > v + 1 {
                return quote(
                    toks[v + 1].span.start..toks[e - 1].span.end,
                    toks[v].span.clone(),
                    toks[0].span.start..toks[v - 2].span.end,
                );
            }
        }
    }
    // "SOURCE said (that) CONTENT." — optionally after an opening "On Thursday," clause.
    let mut s0 = 0;
    if let Some(c) = (0..toks.len().min(6)).find(|&k| t(k) == ",") {
        if !(0..c).any(|k| toks[k].word && is_speech_verb(t(k))) {
            s0 = c + 1;
        }
    }
    // A leading conjunction is not part of the source ("But Kirby said ...").
    while s0 < toks.len() && matches!(lw(s0).as_str(), "but" | "and" | "so" | "yet" | "still" | "now") {
        s0 += 1;
    }
    // Verbs of belief and report attribute a clause only when "that" follows them ("The Post
    // reports that ...", "Officials fear that ..."); alone they are too often nouns or asides.
    let that_verb = |k: usize| {
        toks[k].word
            && BELIEF_VERBS.contains(&lw(k).as_str())
            && toks.get(k + 1).is_some_and(|n| n.text(text).eq_ignore_ascii_case("that"))
    };
    let v = (s0..toks.len().min(s0 + MAX_SOURCE_TOKENS + 1))
        .find(|&k| (toks[k].word && is_speech_verb(t(k))) || that_verb(k))?;
    if v == s0 || (s0..v).any(|k| (toks[k].word && breaks_subject(t(k))) || matches!(t(k), "," | ";" | ":" | "(")) {
        return None;
    }
    // The source must open like a noun phrase.
    let first = t(s0);
    if !(is_capitalised(first) || matches!(first.to_lowercase().as_str(), "he" | "she" | "they" | "the" | "a" | "an")) {
        return None;
    }
    let mut s_end = v;
    if s_end > s0 + 1 && matches!(lw(s_end - 1).as_str(), "has" | "had" | "have" | "also") {
        s_end -= 1;
    }
    let mut c = v + 1;
    // "told reporters (on Thursday) that ...": skip the listener.
    if matches!(lw(v).as_str(), "told" | "tells" | "tell" | "asked" | "warned") {
        let that = (v + 1..toks.len().min(v + 8)).find(|&k| lw(k) == "that");
        c = match that {
            Some(k) => k,
            None => (v + 1..toks.len().min(v + 4))
                .find(|&k| {
                    !toks[k].word
                        || !(is_capitalised(t(k))
                            || matches!(
                                lw(k).as_str(),
                                "the" | "reporters" | "journalists" | "lawmakers" | "congress" | "parliament"
                            ))
                })
                .unwrap_or(v + 1),
        };
    }
    if c < toks.len() && lw(c) == "that" {
        c += 1;
    }
    let e = end_of_content(c);
    if e <= c {
        return None;
    }
    quote(toks[s0].span.start..toks[s_end - 1].span.end, toks[v].span.clone(), toks[c].span.start..toks[e - 1].span.end)
}

#[cfg(test)]
mod tests;
