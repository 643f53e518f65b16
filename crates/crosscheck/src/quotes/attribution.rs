//! Attribution of a direct quote: the speaker phrase and speech verb written around it
//! (`”, said SPEAKER`, `”, SPEAKER said` after it, `SPEAKER said: “` before it), and the
//! resolution of a speaker phrase to an entity (a name, a pronoun, a role). Reported speech
//! resolves its speakers here too.

use std::ops::Range;

use super::words::{breaks_subject, ends_source, is_quote_verb, joins_cue};
use super::MAX_SOURCE_TOKENS;
use crate::entities::{clean_role, role_key, DocId, Entities, EntityId, EntityType};
use crate::lexicon;
use crate::text::tokens::tokens_in;
use crate::text::tokens::{is_capitalised, Token};

/// A speaker phrase and its cue, as found next to a quote.
pub(super) struct Attribution {
    pub(super) source: Range<usize>,
    pub(super) cue: Range<usize>,
}

/// `”, said SPEAKER` or `”, SPEAKER said` right after a quote, within the sentence.
pub(super) fn attribution_after(text: &str, after: usize, limit: usize) -> Option<Attribution> {
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
    if is_quote_verb(toks[k].text(text)) {
        said_speaker(text, &toks, k, stop)
    } else {
        speaker_said(text, &toks, k, stop)
    }
}

/// `”, said SPEAKER`: the cue opens the tail (token `k`), the speaker phrase runs after it up to
/// a comma or a word that ends it, within `stop` ("said State Department spokesman John Kirby
/// on Thursday").
fn said_speaker(text: &str, toks: &[Token], k: usize, stop: usize) -> Option<Attribution> {
    let mut e = k + 1;
    while e < stop && toks[e].text(text) != "," && !ends_source(toks[e].text(text)) {
        e += 1;
    }
    if e == k + 1 {
        return None;
    }
    Some(Attribution { source: toks[k + 1].span.start..toks[e - 1].span.end, cue: toks[k].span.clone() })
}

/// `”, SPEAKER said`: the speaker phrase opens the tail at token `k` and runs to the first quote
/// verb before `stop` ("Lavrov said", "he added", "the ministry's spokeswoman, Maria Zakharova,
/// said"), holding no word that would make it a clause.
fn speaker_said(text: &str, toks: &[Token], k: usize, stop: usize) -> Option<Attribution> {
    let v = (k..stop).find(|&v| toks[v].word && is_quote_verb(toks[v].text(text)))?;
    if v == k || (k..v).any(|m| toks[m].word && breaks_subject(toks[m].text(text))) {
        return None;
    }
    let mut s_end = v;
    // "has said", "had told": the auxiliary belongs to the cue.
    if s_end > k + 1 && joins_cue(toks[s_end - 1].text(text)) {
        s_end -= 1;
    }
    Some(Attribution { source: toks[k].span.start..toks[s_end - 1].span.end, cue: toks[v].span.clone() })
}

/// `SPEAKER said: “` or `SPEAKER said that “` right before a quote, within its sentence.
pub(super) fn attribution_before(text: &str, block_start: usize, before: usize) -> Option<Attribution> {
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
    if s_end > start + 1 && joins_cue(toks[s_end - 1].text(text)) {
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
pub(super) fn resolve(
    doc: DocId,
    text: &str,
    source: &Range<usize>,
    entities: &Entities,
    last_speaker: Option<(EntityId, usize)>,
) -> (Option<EntityId>, Option<String>) {
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
    let named: Vec<(Range<usize>, EntityId)> = entities
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
        .find(|(_, e)| entities.entity(*e).kind == EntityType::Person)
        .or_else(|| named.last())
        .map(|(span, e)| (span.clone(), *e));
    if let Some((span, e)) = pick {
        let entity = entities.entity(e);
        // The role written in this phrase, else the one tied to this mention.
        let written = entity
            .mentions
            .iter()
            .find(|m| m.doc == doc && m.span == span)
            .and_then(|m| m.role.as_deref().map(str::to_string));
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
        let role = clean_role(phrase);
        return (entities.person_with_role(doc, phrase), Some(role));
    }
    (None, None)
}
