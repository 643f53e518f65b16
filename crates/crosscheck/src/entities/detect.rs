//! Mention detection: the capitalised runs and acronyms of a sentence that name someone, with
//! the role the text ties to a name ("Kremlin spokesman Dmitry Peskov", "Maria Zakharova, the
//! ministry's spokeswoman") and the type evidence seen around it. Kept apart from merging so
//! that evaluation can feed gold mentions to [`super::merge`] instead.

use compact_str::CompactString;
use std::ops::Range;

use rustc_hash::FxHashSet;

use super::keys::{head_type, in_list, name_key, strip_possessive};
use super::{DocId, Form, Hint, Mention};
use crate::lexicon;
use crate::lexicon::fold::fold;
use crate::text::tokens::{is_acronym, is_capitalised, tokenize, tokens_in, Token};

/// What the story's spelling says about its words: those written in lower case somewhere (a
/// capitalised sentence opener that also appears in lower case is an ordinary word), and those
/// capitalised in mid-sentence (a name is; "Officials" at the start of every sentence is not).
#[derive(Default)]
pub(crate) struct WordCasing {
    lowercase: FxHashSet<String>,
    mid_sentence_caps: FxHashSet<String>,
}

impl WordCasing {
    /// Reads the casing of every word of the story's texts.
    pub(crate) fn of_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> WordCasing {
        let mut v = WordCasing::default();
        for text in texts {
            // Line by line (no token spans a line break), so a long input is never held as
            // one token list; `after_word` carries "the token before was a word or a comma"
            // across the breaks, as reading the whole text at once would.
            let mut after_word = false;
            for line in text.split_inclusive('\n') {
                for t in tokenize(line) {
                    let w = t.text(line);
                    if t.word {
                        if w.chars().next().is_some_and(char::is_lowercase) {
                            v.lowercase.insert(w.to_string());
                        } else if after_word {
                            v.mid_sentence_caps.insert(fold(strip_possessive(w)));
                        }
                    }
                    after_word = t.word || w == ",";
                }
            }
        }
        v
    }

    /// A capitalised sentence opener that reads as an ordinary word: seen in lower case, or a
    /// plural never capitalised mid-sentence ("Officials said", "Residents fled").
    fn ordinary_opener(&self, lower_word: &str) -> bool {
        if self.lowercase.contains(lower_word) {
            return true;
        }
        let plural = lower_word.len() > 4
            && lower_word.ends_with('s')
            && !lower_word.ends_with("ss")
            && !lower_word.ends_with("us")
            && !lower_word.ends_with("is");
        plural && !self.mid_sentence_caps.contains(lower_word)
    }
}

/// Function words, pronouns, days and months: never the first word of a name.
fn never_starts_name(word: &str) -> bool {
    let w = fold(word.trim_end_matches('.'));
    lexicon::NEVER_NAME_START.contains(&w.as_str()) || lexicon::CALENDAR.contains(&w.as_str())
}

fn is_calendar_word(word: &str) -> bool {
    let w = fold(word);
    // "May" is also a surname; the other months and the days are never names.
    w != "may" && lexicon::CALENDAR.contains(&w.as_str())
}

/// A word that can be part of a name: capitalised, an acronym, or an Arabic-style particle
/// joined to a capitalised word ("al-Assad").
fn namelike(word: &str) -> bool {
    if is_capitalised(word) {
        // "US-led", "Britain-based": an adjective built on a name, not a name.
        let tail = word.rsplit(['-', '‑']).next().unwrap_or(word);
        return tail.len() == word.len() || !tail.chars().next().is_some_and(char::is_lowercase);
    }
    let l = word.to_lowercase();
    ["al-", "el-", "ad-", "as-", "ash-", "bin-"]
        .iter()
        .any(|p| l.starts_with(p) && word[p.len()..].chars().next().is_some_and(char::is_uppercase))
}

/// Finds the name mentions of one sentence (byte span `span` of `text`).
pub(crate) fn detect(doc: DocId, text: &str, span: Range<usize>, casing: &WordCasing, out: &mut Vec<Mention>) {
    let sentence = &text[span.clone()];
    let toks = tokens_in(text, span);
    let word = |i: usize| -> &str { toks[i].text(text) };
    let words = toks.iter().filter(|t| t.word).count();
    // A shouted line ("BREAKING: ...") or a title-case headline gives no reliable capitals.
    let caps = toks.iter().filter(|t| t.word && namelike(t.text(text))).count();
    let upper = toks.iter().filter(|t| t.word && is_acronym(t.text(text))).count();
    let terminal = sentence.trim_end().ends_with(['.', '!', '?', '"', '”', '’', ')']);
    if words >= 4 && (upper * 2 > words || caps * 10 > words * 7 || (!terminal && caps * 10 >= words * 6)) {
        return;
    }
    let first_word = toks.iter().position(|t| t.word);
    let mut i = 0;
    while i < toks.len() {
        let w = word(i);
        if !toks[i].word || !namelike(w) || is_calendar_word(w) {
            i += 1;
            continue;
        }
        let lw = fold(strip_possessive(w));
        let lw = lw.split('\'').next().unwrap_or(&lw).to_string();
        if Some(i) == first_word
            && !is_acronym(w)
            && (never_starts_name(&lw) || crate::text::is_stopword(&lw) || casing.ordinary_opener(&lw))
            && !in_list(lexicon::PLACES, w)
        {
            i += 1;
            continue;
        }
        // Extend the run over further name words and inner connectors ("of the Levant").
        let mut j = i + 1;
        let mut has_of = false;
        while j < toks.len() && toks[j].word {
            let wj = word(j);
            if is_calendar_word(wj) {
                break;
            }
            if namelike(wj) && !strip_possessive(word(j - 1)).eq(word(j - 1)) {
                break; // "Russia's Foreign Ministry": the possessive ends the first name
            }
            if namelike(wj) {
                j += 1;
                continue;
            }
            let lj = wj.to_lowercase();
            let next_namelike = j + 1 < toks.len() && toks[j + 1].word && namelike(word(j + 1));
            let ok = match lj.as_str() {
                particle if lexicon::NAME_PARTICLES.contains(&particle) => {
                    has_of |= lj == "of";
                    next_namelike
                }
                "the" => has_of && next_namelike,
                "and" => has_of && next_namelike,
                "for" => in_list(lexicon::ORG_HEADS, word(j - 1)) && next_namelike,
                _ => false,
            };
            if !ok {
                break;
            }
            j += 1;
        }
        emit_run(doc, text, &toks, i, j, out);
        i = j;
    }
}

/// Turns the run `toks[i..j]` into mentions: splits a leading role or honorific from the name,
/// reads roles in apposition, and records type hints and parenthesised definitions.
fn emit_run(doc: DocId, text: &str, toks: &[Token], i: usize, j: usize, out: &mut Vec<Mention>) {
    let word = |k: usize| -> &str { toks[k].text(text) };
    let mut start = i;
    let mut titled = false;
    // Honorifics: "Mr Lavrov", "Gen. Smith"; "Mr." alone (its name follows the dot) is nothing.
    if in_list(lexicon::HONORIFICS, word(start)) && j == start + 1 {
        return;
    }
    if in_list(lexicon::HONORIFICS, word(start)) && j > start + 1 {
        start += 1;
        titled = true;
    }
    if !titled && i >= 2 && toks[i - 1].text(text) == "." && in_list(lexicon::HONORIFICS, word(i - 2)) {
        titled = true;
    }
    // A title inside the run splits it: "Russian Foreign Minister | Sergei Lavrov".
    let mut role: Option<Range<usize>> = None;
    if let Some(k) = (start..j).rev().find(|&k| in_list(lexicon::TITLE_NOUNS, word(k))) {
        // "Secretary of State John Kerry": the role runs over "of State".
        let mut end = k + 1;
        if end + 1 < j && word(end) == "of" {
            end += 2;
        }
        let rest_key = name_key(&text[toks[end.min(j - 1)].span.start..toks[j - 1].span.end]);
        if end < j && head_type(&rest_key).is_some() {
            // "UN General Assembly": the title word is part of an institution's name.
        } else if end < j {
            role = Some(toks[start].span.start..toks[end - 1].span.end);
            start = end;
            titled = true;
        } else {
            // The whole run is a role ("the Foreign Minister").
            let r = toks[start].span.start..toks[j - 1].span.end;
            let role_text = lookback_role(text, toks, start).map(|s| CompactString::from(&text[s..r.end]));
            out.push(Mention {
                doc,
                span: r.clone(),
                text: role_text.unwrap_or_else(|| CompactString::from(&text[r])),
                form: Form::Role,
                role: None,
                hint: Hint { titled: true, ..Hint::default() },
                defines: None,
            });
            return;
        }
    }
    if start >= j {
        return;
    }
    let last = strip_possessive(word(j - 1));
    let span = toks[start].span.start..toks[j - 1].span.start + last.len();
    let name = text[span.clone()].to_string();
    // A lone demonym is an adjective ("Russian jets"), not a mention.
    if j - start == 1 && lexicon::DEMONYMS.iter().any(|(d, _)| *d == fold(&name)) {
        return;
    }
    if name.chars().count() < 2 {
        return;
    }
    // A title word just before the run: "spokesman John Kirby", "State Department spokesman".
    if role.is_none() && start == i && i > 0 && in_list(lexicon::TITLE_NOUNS, word(i - 1)) && toks[i - 1].word {
        let from = lookback_role(text, toks, i - 1).unwrap_or(toks[i - 1].span.start);
        role = Some(from..toks[i - 1].span.end);
        titled = true;
    } else if let Some(r) = role.clone() {
        // Extend a role found inside the run with modifiers before it ("State Department").
        if let Some(from) = lookback_role(text, toks, i) {
            role = Some(from..r.end);
        }
    }
    // Apposition: "..., the ministry's spokeswoman, Maria Zakharova," or "Lavrov, Russia's
    // foreign minister, said".
    if role.is_none() {
        role = apposition_before(text, toks, i).or_else(|| apposition_after(text, toks, j));
        titled |= role.is_some();
    }
    let next_word = toks[j..].iter().find(|t| t.word).map(|t| fold(t.text(text)));
    let speaks = next_word.as_deref().is_some_and(|w| in_list(lexicon::SPEECH_VERBS, w));
    let prev = (start > 0 && toks[start - 1].word).then(|| fold(word(start - 1)));
    let after_place_preposition =
        prev.as_deref().is_some_and(|p| matches!(p, "in" | "into" | "from" | "near" | "across" | "outside"));
    let after_the = prev.as_deref() == Some("the");
    let defines = (j + 2 < toks.len() && word(j) == "(" && word(j + 2) == ")" && is_acronym(word(j + 1)))
        .then(|| CompactString::from(word(j + 1)));
    let form = if j - start == 1 && is_acronym(&name) { Form::Acronym } else { Form::Name };
    out.push(Mention {
        doc,
        span,
        text: name.into(),
        form,
        role: role.map(|r| clean_role(&text[r]).into()),
        hint: Hint { titled, speaks, after_place_preposition, after_the, model: None },
        defines,
    });
}

/// Extends a role leftwards from token `k` over modifiers: capitalised words, possessives and
/// lowercase title words ("Russia's deputy foreign minister"); returns the byte start.
fn lookback_role(text: &str, toks: &[Token], k: usize) -> Option<usize> {
    let mut from = None;
    let mut m = k;
    let mut steps = 0;
    while m > 0 && steps < 6 {
        let t = &toks[m - 1];
        let w = t.text(text);
        let modifier = t.word
            && (namelike(w)
                || in_list(lexicon::TITLE_NOUNS, w)
                || matches!(fold(w).as_str(), "foreign" | "defense" | "defence" | "interior" | "deputy" | "former"));
        if !modifier || never_starts_name(w) {
            break;
        }
        from = Some(t.span.start);
        m -= 1;
        steps += 1;
    }
    from
}

/// "the Foreign Ministry's spokesperson, Maria Zakharova": a title phrase, a comma, the name.
fn apposition_before(text: &str, toks: &[Token], i: usize) -> Option<Range<usize>> {
    if i < 2 || toks[i - 1].text(text) != "," {
        return None;
    }
    let title = i - 2;
    if !in_list(lexicon::TITLE_NOUNS, toks[title].text(text)) {
        return None;
    }
    let from = phrase_start(text, toks, title);
    Some(from..toks[title].span.end)
}

/// "Sergei Lavrov, Russia's foreign minister, said": comma, a title phrase, comma or verb.
fn apposition_after(text: &str, toks: &[Token], j: usize) -> Option<Range<usize>> {
    if j >= toks.len() || toks[j].text(text) != "," {
        return None;
    }
    let mut k = j + 1;
    while k < toks.len() && k < j + 8 {
        let w = toks[k].text(text);
        if !toks[k].word && w != "'" && w != "’" {
            break;
        }
        if in_list(lexicon::TITLE_NOUNS, w) {
            let closes = toks.get(k + 1).is_none_or(|t| matches!(t.text(text), "," | "." | ";"))
                || toks.get(k + 1).is_some_and(|t| in_list(lexicon::SPEECH_VERBS, t.text(text)));
            if closes {
                return Some(toks[j + 1].span.start..toks[k].span.end);
            }
        }
        k += 1;
    }
    None
}

/// Start of the noun phrase ending at token `k`, going back over words to a comma, a verb-like
/// boundary or at most 7 words.
fn phrase_start(text: &str, toks: &[Token], k: usize) -> usize {
    let mut from = toks[k].span.start;
    let mut m = k;
    let mut steps = 0;
    while m > 0 && steps < 7 {
        let t = &toks[m - 1];
        let w = t.text(text);
        let lw = fold(w);
        if !t.word && w != "'" && w != "’" {
            break;
        }
        if in_list(lexicon::SPEECH_VERBS, w) || matches!(lw.as_str(), "is" | "was" | "are" | "were" | "by" | "and") {
            break;
        }
        from = t.span.start;
        m -= 1;
        steps += 1;
        if matches!(lw.as_str(), "the" | "a" | "an") {
            break;
        }
    }
    from
}

/// Normalises a role for display: single spaces, no leading article.
pub(crate) fn clean_role(role: &str) -> String {
    crate::lexicon::strip_article(role).split_whitespace().collect::<Vec<_>>().join(" ")
}
