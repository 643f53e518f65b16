//! Entities: the actors of a story, each listed once across documents and across its names.
//!
//! Two steps. [`detect`] finds name mentions in the reporting blocks of every document
//! (capitalised runs and acronyms, with the role that the text ties to a name: "Kremlin
//! spokesman Dmitry Peskov", "Maria Zakharova, the ministry's spokeswoman"). Then the mentions
//! are merged with a union-find over evidence that generalises:
//!
//! - the same name up to case, dots, "the", diacritics and transliteration ("Sergei"/"Sergey",
//!   "al-Qaida"/"al-Qaeda", see [`translit_key`]);
//! - an acronym and a name whose initials spell it ("ISIL", "Islamic State of Iraq and the
//!   Levant"), or a name defined in parentheses ("... Rights (SOHR)");
//! - a surname and the one full name in view that ends with it, looked up first in the same
//!   document and then in the story; two full names sharing the surname leave it unmerged;
//! - a bare role ("the Russian Foreign Minister") and the one person the text gave that role;
//! - a short table of names no rule can tie ([`lexicon::KNOWN`]: "Daesh", "the Kremlin").
//!
//! Nothing here is trained: the rules are the fallback the issue asks for when no model is
//! installed, and they are measured on ECB+ (`crosscheck eval aliases`).

pub mod ner;

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::analysis::Analysis;
use crate::blocks::BlockKind;
use crate::lexicon;
use crate::text::tokens::{is_acronym, is_capitalised, tokenize, Token};

/// What kind of actor an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Organisation,
    Place,
    Group,
    Other,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organisation => "organisation",
            EntityType::Place => "place",
            EntityType::Group => "group",
            EntityType::Other => "other",
        }
    }
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A proper name ("Sergei Lavrov", "Lavrov", "Islamic State").
    Name,
    /// An all-capitals abbreviation ("ISIL", "U.S.").
    Acronym,
    /// A title standing for a person ("the Russian Foreign Minister").
    Role,
}

/// One mention of a name in one document.
#[derive(Debug, Clone)]
pub struct Mention {
    pub doc: usize,
    /// Byte span into the document's text.
    pub span: Range<usize>,
    pub text: String,
    pub form: Form,
    /// The role the text ties to this mention ("State Department spokesman").
    pub role: Option<String>,
    /// Evidence about the type seen at this mention (title, honorific, speech verb, "in X").
    pub hint: Hint,
    /// A definition in parentheses right after the mention: "(SOHR)".
    pub defines: Option<String>,
}

/// Type evidence at a mention.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hint {
    pub titled: bool,
    pub speaks: bool,
    pub after_place_preposition: bool,
    /// Written after "the": institutions, teams and some places take it; people do not.
    pub after_the: bool,
    /// The type a trained recogniser gave the span, when one ran ([`ner`]).
    pub model: Option<EntityType>,
}

/// One actor of the story.
#[derive(Debug, Clone)]
pub struct Entity {
    pub name: String,
    pub kind: EntityType,
    /// Other names and roles it goes by, most frequent first.
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub mentions: Vec<Mention>,
    /// Documents that mention it, ascending.
    pub documents: Vec<usize>,
}

/// The entities of a story with a lookup from text positions to entities.
#[derive(Debug, Default)]
pub struct Entities {
    pub list: Vec<Entity>,
    /// Per document: (mention span, entity index), sorted by span start.
    by_doc: Vec<Vec<(Range<usize>, usize)>>,
    /// Built from `list` on the first [`Entities::person_with_role`] call.
    roles: std::sync::OnceLock<RoleIndex>,
}

/// Persons by every suffix of their roles' words (demonyms folded to countries), so that
/// [`Entities::person_with_role`] is a lookup rather than a scan of every entity's roles: one
/// scan per quote made a long input quadratic. Only the two lowest entity indices are kept per
/// key, which is all that call needs (none, the one, or several).
#[derive(Debug, Default)]
struct RoleIndex {
    all: FxHashMap<Vec<String>, Vec<usize>>,
    in_doc: FxHashMap<(usize, Vec<String>), Vec<usize>>,
}

impl RoleIndex {
    fn new(list: &[Entity]) -> RoleIndex {
        let mut index = RoleIndex::default();
        let add = |slot: &mut Vec<usize>, e: usize| {
            if slot.len() < 2 && slot.last() != Some(&e) {
                slot.push(e);
            }
        };
        for (e, entity) in list.iter().enumerate().filter(|(_, e)| e.kind == EntityType::Person) {
            for role in &entity.roles {
                let key = fold_demonyms(&role_key(role));
                for from in 0..key.len() {
                    let suffix = key[from..].to_vec();
                    for &d in &entity.documents {
                        add(index.in_doc.entry((d, suffix.clone())).or_default(), e);
                    }
                    add(index.all.entry(suffix).or_default(), e);
                }
            }
        }
        index
    }
}

impl Entities {
    /// Entities mentioned inside `span` of document `doc`, in text order.
    pub fn within(&self, doc: usize, span: &Range<usize>) -> Vec<(Range<usize>, usize)> {
        let Some(list) = self.by_doc.get(doc) else { return Vec::new() };
        let from = list.partition_point(|(s, _)| s.start < span.start);
        list[from..]
            .iter()
            .take_while(|(s, _)| s.start < span.end)
            .filter(|(s, _)| s.end <= span.end)
            .cloned()
            .collect()
    }

    /// The last person (or, failing that, any entity) mentioned before byte `at` of `doc`,
    /// looking back at most `window` bytes.
    pub fn last_person_before(&self, doc: usize, at: usize, window: usize) -> Option<usize> {
        let list = self.by_doc.get(doc)?;
        let upto = list.partition_point(|(s, _)| s.start < at);
        list[..upto]
            .iter()
            .rev()
            .take_while(|(s, _)| s.end + window >= at)
            .find(|(_, e)| self.list[*e].kind == EntityType::Person)
            .map(|(_, e)| *e)
    }

    /// The one person whose role matches `role` ("the spokesman", "Russia's foreign minister"),
    /// preferring those mentioned in `doc`; `None` when no person or several fit.
    pub fn person_with_role(&self, doc: usize, role: &str) -> Option<usize> {
        let want = role_key(role);
        if want.is_empty() {
            return None;
        }
        // A person fits when one of its roles matches (`role_matches`): its folded words end
        // with the wanted ones, that is, the wanted words are one of the suffixes indexed.
        let index = self.roles.get_or_init(|| RoleIndex::new(&self.list));
        let want = fold_demonyms(&want);
        let none = Vec::new();
        let in_doc = index.in_doc.get(&(doc, want.clone())).unwrap_or(&none);
        if in_doc.len() == 1 {
            return Some(in_doc[0]);
        }
        if !in_doc.is_empty() {
            return None;
        }
        let all = index.all.get(&want).unwrap_or(&none);
        (all.len() == 1).then(|| all[0])
    }
}

/// Finds and merges the entities of an analysed story, typing them by rules.
pub fn find_entities(analysis: &Analysis) -> Entities {
    find_entities_with(analysis, None)
}

/// Finds and merges the entities of an analysed story; with a worker, its labels vote on each
/// entity's type. A worker that fails is dropped with a warning and the rules carry on.
pub fn find_entities_with(analysis: &Analysis, mut worker: Option<&mut ner::NerWorker>) -> Entities {
    let vocab = Vocabulary::of_texts(analysis.docs.iter().map(|d| d.article.text.as_str()));
    let mut mentions = Vec::new();
    for (d, doc) in analysis.docs.iter().enumerate() {
        let text = &doc.article.text;
        for s in analysis.sentences_of(d).iter().filter(|s| carries_entities(s.kind)) {
            detect(d, text, s.span.clone(), &vocab, &mut mentions);
        }
        if let Some(w) = worker.as_deref_mut() {
            match w.label(text) {
                Ok(labels) => apply_labels(&mut mentions, d, &labels),
                Err(e) => {
                    tracing::warn!("{}: entity model failed ({e}); typing by rules", doc.article.source);
                    worker = None;
                }
            }
        }
    }
    merge(mentions, analysis.docs.len())
}

/// Gives each mention of document `doc` the type of the model span that overlaps it most.
fn apply_labels(mentions: &mut [Mention], doc: usize, labels: &[(Range<usize>, EntityType)]) {
    for m in mentions.iter_mut().filter(|m| m.doc == doc) {
        let overlap = |r: &Range<usize>| r.end.min(m.span.end).saturating_sub(r.start.max(m.span.start));
        m.hint.model = labels.iter().filter(|(r, _)| overlap(r) > 0).max_by_key(|(r, _)| overlap(r)).map(|(_, t)| *t);
    }
}

fn carries_entities(kind: BlockKind) -> bool {
    matches!(kind, BlockKind::Body | BlockKind::QuoteBlock | BlockKind::Editorial | BlockKind::EmbeddedArticle)
}

/// What the story's spelling says about its words: those written in lower case somewhere (a
/// capitalised sentence opener that also appears in lower case is an ordinary word), and those
/// capitalised in mid-sentence (a name is; "Officials" at the start of every sentence is not).
#[derive(Default)]
pub struct Vocabulary {
    lowercase: FxHashSet<String>,
    mid_sentence_caps: FxHashSet<String>,
}

impl Vocabulary {
    pub fn of_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vocabulary {
        let mut v = Vocabulary::default();
        for text in texts {
            let toks = tokenize(text);
            for (k, t) in toks.iter().enumerate() {
                let w = t.text(text);
                if !t.word {
                    continue;
                }
                if w.chars().next().is_some_and(char::is_lowercase) {
                    v.lowercase.insert(w.to_string());
                } else if k > 0 && (toks[k - 1].word || toks[k - 1].text(text) == ",") {
                    v.mid_sentence_caps.insert(lower(strip_possessive(w)));
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

const CONNECTORS: &[&str] =
    &["of", "and", "the", "for", "de", "du", "da", "van", "von", "der", "del", "la", "bin", "ibn"];

fn lower(s: &str) -> String {
    s.to_lowercase().replace('’', "'")
}

fn in_list(list: &[&str], word: &str) -> bool {
    let w = lower(word.trim_end_matches('.'));
    list.contains(&w.as_str())
}

/// Function words, pronouns, days and months: never the first word of a name.
fn never_starts_name(word: &str) -> bool {
    let w = lower(word.trim_end_matches('.'));
    lexicon::NEVER_NAME_START.contains(&w.as_str()) || lexicon::CALENDAR.contains(&w.as_str())
}

fn is_calendar_word(word: &str) -> bool {
    let w = lower(word);
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

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

/// Finds the name mentions of one sentence (byte span `span` of `text`).
pub fn detect(doc: usize, text: &str, span: Range<usize>, vocab: &Vocabulary, out: &mut Vec<Mention>) {
    let sentence = &text[span.clone()];
    let toks: Vec<Token> = tokenize(sentence)
        .into_iter()
        .map(|t| Token { span: t.span.start + span.start..t.span.end + span.start, word: t.word })
        .collect();
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
        let lw = lower(strip_possessive(w));
        let lw = lw.split('\'').next().unwrap_or(&lw).to_string();
        if Some(i) == first_word
            && !is_acronym(w)
            && (never_starts_name(&lw) || crate::text::is_stopword(&lw) || vocab.ordinary_opener(&lw))
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
                "of" | "de" | "du" | "da" | "van" | "von" | "der" | "del" | "la" | "bin" | "ibn" => {
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
fn emit_run(doc: usize, text: &str, toks: &[Token], i: usize, j: usize, out: &mut Vec<Mention>) {
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
            let role_text = lookback_role(text, toks, start).map(|s| text[s..r.end].to_string());
            out.push(Mention {
                doc,
                span: r.clone(),
                text: role_text.unwrap_or_else(|| text[r].to_string()),
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
    if j - start == 1 && lexicon::DEMONYMS.iter().any(|(d, _)| *d == lower(&name)) {
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
    let next_word = toks[j..].iter().find(|t| t.word).map(|t| lower(t.text(text)));
    let speaks = next_word.as_deref().is_some_and(|w| in_list(lexicon::SPEECH_VERBS, w));
    let prev = (start > 0 && toks[start - 1].word).then(|| lower(word(start - 1)));
    let after_place_preposition =
        prev.as_deref().is_some_and(|p| matches!(p, "in" | "into" | "from" | "near" | "across" | "outside"));
    let after_the = prev.as_deref() == Some("the");
    let defines = (j + 2 < toks.len() && word(j) == "(" && word(j + 2) == ")" && is_acronym(word(j + 1)))
        .then(|| word(j + 1).to_string());
    let form = if j - start == 1 && is_acronym(&name) { Form::Acronym } else { Form::Name };
    out.push(Mention {
        doc,
        span,
        text: name,
        form,
        role: role.map(|r| clean_role(&text[r])),
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
                || matches!(lower(w).as_str(), "foreign" | "defense" | "defence" | "interior" | "deputy" | "former"));
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
        let lw = lower(w);
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
fn clean_role(role: &str) -> String {
    let r: Vec<&str> = role.split_whitespace().collect();
    let r = match r.first().map(|w| w.to_lowercase()) {
        Some(w) if matches!(w.as_str(), "the" | "a" | "an") => &r[1..],
        _ => &r[..],
    };
    r.join(" ")
}

/// Lowercase words of a role without articles and possessive marks, for comparing roles.
pub fn role_key(role: &str) -> Vec<String> {
    role.split_whitespace()
        .map(|w| lower(strip_possessive(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))))
        .map(|w| w.trim_end_matches("'s").to_string())
        .filter(|w| !w.is_empty() && !matches!(w.as_str(), "the" | "a" | "an" | "its" | "his" | "her" | "their"))
        // "FM" is how headlines and wires write "foreign minister".
        .flat_map(|w| if w == "fm" { vec!["foreign".to_string(), "minister".to_string()] } else { vec![w] })
        .collect()
}

/// A wanted role matches a known one when its words are a suffix of it ("spokesman" fits
/// "Kremlin spokesman"; "foreign minister" fits "Russian Foreign Minister"), or the reverse
/// with a country named in the wanted one ("Russia's foreign minister").
fn role_matches(known: &[String], want: &[String]) -> bool {
    if want.is_empty() || known.is_empty() {
        return false;
    }
    if known.ends_with(want) {
        return true;
    }
    // Compare with demonyms folded to countries: "russian foreign minister" ~ "russia foreign minister".
    let (k, w) = (fold_demonyms(known), fold_demonyms(want));
    k.ends_with(&w) || w == k
}

/// Role words with demonyms replaced by their country ("russian" by "russia").
fn fold_demonyms(words: &[String]) -> Vec<String> {
    words
        .iter()
        .map(|w| lexicon::DEMONYMS.iter().find(|(d, _)| d == w).map(|(_, c)| c.to_lowercase()).unwrap_or(w.clone()))
        .collect()
}

/// Case, dots, "the", hyphens and diacritics removed: "The U.S." and "US" give "us".
pub fn name_key(name: &str) -> String {
    let ascii = deunicode::deunicode(name);
    let mut words: Vec<String> = ascii
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| w.replace(['.', '\''], "").to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    if words.first().is_some_and(|w| w == "the") && words.len() > 1 {
        words.remove(0);
    }
    if let Some(last) = words.last_mut() {
        if last.ends_with("s") && name.trim_end().ends_with("'s") {
            last.pop();
        }
    }
    words.join(" ")
}

/// A spelling-tolerant key for transliterated names. Each word of four letters or more keeps
/// its first letter, its consonants (doubled ones once, "y" read as "i", "ph" as "f", "kh" as
/// "h") and its final vowel, with inner vowel runs reduced to one marker: "Sergei" and
/// "Sergey", "Qaeda" and "Qaida", "Mohammed" and "Muhammad" meet; "Maria" and "Mario" do not.
pub fn translit_key(key: &str) -> String {
    key.split(' ')
        .map(|w| {
            if w.chars().count() < 4 || w.chars().any(|c| c.is_ascii_digit()) {
                return w.to_string();
            }
            let w = w.replace("ph", "f").replace("kh", "h").replace('y', "i");
            let chars: Vec<char> = w.chars().collect();
            let vowel = |c: char| "aeiou".contains(c);
            let mut out = String::new();
            for (n, &c) in chars.iter().enumerate() {
                let last = n + 1 == chars.len();
                let mapped = if n > 0 && vowel(c) && !last { '*' } else { c };
                if out.ends_with(mapped) {
                    continue;
                }
                // The final vowel of a vowel run: "ei" in "sergei" ends on "i".
                if last && vowel(c) && out.ends_with('*') {
                    out.pop();
                }
                out.push(mapped);
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Letters of an acronym ("U.S." gives "US"), or of the initials of a name's main words.
fn initials(key: &str) -> String {
    key.split(' ')
        .filter(|w| !CONNECTORS.contains(w) && !["al", "el"].contains(w))
        .filter_map(|w| w.chars().next())
        .collect::<String>()
        .to_uppercase()
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// What a merge sees of a mention: enough to test it without the text.
struct MentionKeys {
    key: String,
    fuzzy: String,
    tokens: usize,
}

fn keys_of(m: &Mention) -> MentionKeys {
    let key = name_key(&m.text);
    // One-letter middle initials do not distinguish people ("George W. Bush").
    let core: Vec<&str> = key.split(' ').filter(|w| w.chars().count() > 1 || key.split(' ').count() == 1).collect();
    let fuzzy = translit_key(&core.join(" "));
    MentionKeys { tokens: core.len(), key, fuzzy }
}

fn head_type(key: &str) -> Option<EntityType> {
    let last = key.rsplit(' ').next().unwrap_or("");
    if lexicon::GROUP_HEADS.contains(&last) || key.starts_with("al ") && key.split(' ').count() == 2 {
        return Some(EntityType::Group);
    }
    if lexicon::ORG_HEADS.contains(&last) {
        return Some(EntityType::Organisation);
    }
    if lexicon::PLACES.contains(&key) {
        return Some(EntityType::Place);
    }
    // "River Aske": a geographic word first or last.
    let first = key.split(' ').next().unwrap_or("");
    if key.contains(' ')
        && (lexicon::PLACE_HEADS.contains(&last) || matches!(first, "river" | "lake" | "mount" | "port"))
    {
        return Some(EntityType::Place);
    }
    None
}

/// Merges mentions into entities. Public so that evaluation can feed gold mentions through the
/// same merging.
pub fn merge(mentions: Vec<Mention>, docs: usize) -> Entities {
    let n = mentions.len();
    let keys: Vec<MentionKeys> = mentions.iter().map(keys_of).collect();
    let known: FxHashMap<String, usize> = lexicon::KNOWN
        .iter()
        .enumerate()
        .flat_map(|(k, (canon, _, aliases))| {
            std::iter::once(*canon).chain(aliases.iter().copied()).map(move |a| (translit_key(&name_key(a)), k))
        })
        .collect();
    // Nodes: one per mention, then one per known entity.
    let mut uf = UnionFind((0..n + lexicon::KNOWN.len()).collect());
    let role_only = |m: &Mention| m.form == Form::Role;

    // 1. Same spelling up to case and transliteration; known names to their table entry.
    let mut by_fuzzy: FxHashMap<&str, usize> = FxHashMap::default();
    for (m, k) in keys.iter().enumerate() {
        if role_only(&mentions[m]) {
            continue;
        }
        if let Some(&first) = by_fuzzy.get(k.fuzzy.as_str()) {
            uf.union(first, m);
        } else {
            by_fuzzy.insert(&k.fuzzy, m);
        }
        if let Some(&e) = known.get(&k.fuzzy) {
            uf.union(n + e, m);
        }
    }
    // 1b. A run that ends in a known name with a descriptive word before it ("Takfiri Daesh").
    for (m, k) in keys.iter().enumerate() {
        let plain = !k.key.split(' ').any(|w| CONNECTORS.contains(&w));
        if k.tokens >= 2 && plain && !known.contains_key(&k.fuzzy) && mentions[m].form == Form::Name {
            let words: Vec<&str> = k.fuzzy.split(' ').collect();
            if let Some(&e) = known.get(&words[1..].join(" ")) {
                uf.union(n + e, m);
            }
        }
    }
    // 2. Parenthesised definitions: "Syrian Observatory for Human Rights (SOHR)".
    for (m, mention) in mentions.iter().enumerate() {
        if let Some(acr) = &mention.defines {
            if let Some(&other) = by_fuzzy.get(translit_key(&name_key(acr)).as_str()) {
                uf.union(m, other);
            }
        }
    }
    // 3. Acronyms (and short title-case forms such as "Isil") to the one name they abbreviate.
    let mut by_initials: FxHashMap<String, FxHashSet<&str>> = FxHashMap::default();
    for (m, k) in keys.iter().enumerate() {
        if mentions[m].form == Form::Name && k.tokens >= 2 {
            by_initials.entry(initials(&k.key)).or_default().insert(k.fuzzy.as_str());
        }
    }
    for (m, k) in keys.iter().enumerate() {
        let short = mentions[m].form == Form::Acronym || (k.tokens == 1 && k.key.len() <= 5);
        if !short {
            continue;
        }
        let letters = k.key.replace(' ', "").to_uppercase();
        if let Some(names) = by_initials.get(&letters) {
            if names.len() == 1 {
                let target = by_fuzzy[names.iter().next().unwrap()];
                uf.union(m, target);
            }
        }
    }
    // 4. Surnames to the one full personal name that ends with them: same document first.
    let personish = |m: usize| {
        mentions[m].form == Form::Name
            && keys[m].tokens >= 2
            && keys[m].tokens <= 4
            && head_type(&keys[m].key).is_none()
            && !known.contains_key(&keys[m].fuzzy)
            && !mentions[m].text.split_whitespace().any(|w| in_list(CONNECTORS, w) && w != "bin" && w != "de")
    };
    let mut surnames: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for m in (0..n).filter(|&m| personish(m)) {
        let last = keys[m].fuzzy.rsplit(' ').next().unwrap_or("").to_string();
        surnames.entry(last).or_default().push(m);
    }
    for m in 0..n {
        if mentions[m].form != Form::Name || keys[m].tokens != 1 || known.contains_key(&keys[m].fuzzy) {
            continue;
        }
        let Some(full) = surnames.get(&keys[m].fuzzy) else { continue };
        let distinct = |ms: &mut dyn Iterator<Item = &usize>, uf: &mut UnionFind| -> Vec<usize> {
            let mut roots: Vec<usize> = ms.map(|&x| uf.find(x)).collect();
            roots.sort_unstable();
            roots.dedup();
            roots
        };
        let same_doc = distinct(&mut full.iter().filter(|&&x| mentions[x].doc == mentions[m].doc), &mut uf);
        let roots = if same_doc.is_empty() { distinct(&mut full.iter(), &mut uf) } else { same_doc };
        if roots.len() == 1 {
            uf.union(m, roots[0]);
        }
    }
    // 5. Bare roles to the one person given that role.
    // Indexed by the title word that ends the role: a match always ends on the same word.
    let mut role_holders: FxHashMap<String, Vec<(Vec<String>, usize)>> = FxHashMap::default();
    for (m, mention) in mentions.iter().enumerate() {
        if let Some(r) = &mention.role {
            let key = role_key(r);
            if let Some(head) = key.last() {
                role_holders.entry(head.clone()).or_default().push((key, m));
            }
        }
    }
    for (m, mention) in mentions.iter().enumerate() {
        if mention.form != Form::Role {
            continue;
        }
        let want = role_key(&mention.text);
        let Some(holders) = want.last().and_then(|head| role_holders.get(head)) else { continue };
        let mut roots: Vec<usize> =
            holders.iter().filter(|(r, _)| role_matches(r, &want)).map(|&(_, h)| uf.find(h)).collect();
        roots.sort_unstable();
        roots.dedup();
        if roots.len() == 1 {
            uf.union(m, roots[0]);
        }
    }
    build(mentions, &keys, &known, &mut uf, docs)
}

/// Collects the clusters into entities: canonical name, type, aliases, roles.
fn build(
    mentions: Vec<Mention>,
    keys: &[MentionKeys],
    known: &FxHashMap<String, usize>,
    uf: &mut UnionFind,
    docs: usize,
) -> Entities {
    let n = mentions.len();
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for m in 0..n {
        groups.entry(uf.find(m)).or_default().push(m);
    }
    let mut roots: Vec<usize> = groups.keys().copied().collect();
    roots.sort_unstable();
    let mut list = Vec::new();
    for root in roots {
        let members = &groups[&root];
        // A cluster of bare roles with no name is not an entity.
        if members.iter().all(|&m| mentions[m].form == Form::Role) {
            continue;
        }
        let known = members.iter().find_map(|&m| known.get(&keys[m].fuzzy).copied());
        // Surface forms by frequency.
        let mut forms: Vec<(String, usize, usize)> = Vec::new(); // (form, count, first index)
        for &m in members {
            if mentions[m].form == Form::Role {
                continue;
            }
            let f = mentions[m].text.split_whitespace().collect::<Vec<_>>().join(" ");
            match forms.iter_mut().find(|(x, _, _)| *x == f) {
                Some(e) => e.1 += 1,
                None => forms.push((f, 1, m)),
            }
        }
        let mut roles: Vec<(String, usize)> = Vec::new();
        for &m in members {
            let r = match mentions[m].form {
                Form::Role => Some(clean_role(&mentions[m].text)),
                _ => mentions[m].role.clone(),
            };
            if let Some(r) = r {
                match roles.iter_mut().find(|(x, _)| x.eq_ignore_ascii_case(&r)) {
                    Some(e) => e.1 += 1,
                    None => roles.push((r, 1)),
                }
            }
        }
        roles.sort_by_key(|r| std::cmp::Reverse(r.1));
        let kind = match known {
            Some(k) => lexicon::KNOWN[k].1,
            None => vote_type(members, &mentions, keys, !roles.is_empty()),
        };
        // Canonical: the table's name; else the most frequent full name (more words first for
        // people: "Sergei Lavrov" over "Lavrov"); else the most frequent form.
        let canonical = match known {
            Some(k) => lexicon::KNOWN[k].0.to_string(),
            None => {
                let mut ranked = forms.clone();
                ranked.sort_by(|a, b| {
                    let words = |s: &str| s.split(' ').count().min(4);
                    let acr = |s: &str| is_acronym(s) as u8;
                    acr(&a.0)
                        .cmp(&acr(&b.0))
                        .then(
                            words(&b.0)
                                .min(if kind == EntityType::Person { 4 } else { 1 })
                                .cmp(&words(&a.0).min(if kind == EntityType::Person { 4 } else { 1 })),
                        )
                        .then(b.1.cmp(&a.1))
                        .then(a.2.cmp(&b.2))
                });
                ranked.first().map(|f| f.0.clone()).unwrap_or_default()
            }
        };
        forms.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        let mut aliases: Vec<String> = Vec::new();
        for (f, _, _) in &forms {
            if *f != canonical && !aliases.iter().any(|a| a == f) {
                aliases.push(f.clone());
            }
        }
        let mut documents: Vec<usize> = members.iter().map(|&m| mentions[m].doc).collect();
        documents.sort_unstable();
        documents.dedup();
        list.push(Entity {
            name: canonical,
            kind,
            aliases,
            roles: roles.into_iter().map(|r| r.0).collect(),
            mentions: members.iter().map(|&m| mentions[m].clone()).collect(),
            documents,
        });
    }
    // Most mentioned first; ties by name for a stable order.
    list.sort_by(|a, b| b.mentions.len().cmp(&a.mentions.len()).then(a.name.cmp(&b.name)));
    let mut by_doc: Vec<Vec<(Range<usize>, usize)>> = vec![Vec::new(); docs];
    for (e, entity) in list.iter().enumerate() {
        for m in &entity.mentions {
            if let Some(slot) = by_doc.get_mut(m.doc) {
                slot.push((m.span.clone(), e));
            }
        }
    }
    for slot in &mut by_doc {
        slot.sort_by_key(|(s, _)| (s.start, s.end));
    }
    Entities { list, by_doc, roles: Default::default() }
}

/// Type of a cluster without a table entry, from the evidence at its mentions.
fn vote_type(members: &[usize], mentions: &[Mention], keys: &[MentionKeys], has_role: bool) -> EntityType {
    let mut heads = [0usize; 5];
    let (mut titled, mut speaks, mut place_prep, mut multi, mut acr, mut the) = (0, 0, 0, 0, 0, 0);
    for &m in members {
        if let Some(t) = head_type(&keys[m].key) {
            heads[t as usize] += 1;
        }
        let h = mentions[m].hint;
        titled += h.titled as usize;
        speaks += h.speaks as usize;
        place_prep += h.after_place_preposition as usize;
        the += h.after_the as usize;
        multi += (keys[m].tokens >= 2 && mentions[m].form == Form::Name) as usize;
        acr += (mentions[m].form == Form::Acronym) as usize;
    }
    // A trained model's labels, where it ran, outvote the rules (it types better: ner.rs).
    let mut votes = [0usize; 5];
    for &m in members {
        if let Some(t) = mentions[m].hint.model {
            votes[t as usize] += 1;
        }
    }
    let top = (0..5).max_by_key(|&t| votes[t]).filter(|&t| votes[t] > 0);
    if let Some(t) = top {
        if votes.iter().filter(|&&v| v == votes[t]).count() == 1 {
            return [
                EntityType::Person,
                EntityType::Organisation,
                EntityType::Place,
                EntityType::Group,
                EntityType::Other,
            ][t];
        }
    }
    let best_head = (0..5).max_by_key(|&t| heads[t]).filter(|&t| heads[t] > 0);
    if has_role || titled > 0 {
        return EntityType::Person;
    }
    if let Some(t) = best_head {
        return [EntityType::Person, EntityType::Organisation, EntityType::Place, EntityType::Group, EntityType::Other]
            [t];
    }
    // "in X", "from X" with nothing marking a person or an institution.
    if place_prep > 0 && speaks == 0 && the * 2 <= members.len() {
        return EntityType::Place;
    }
    // People are not written "the X": "the Lakers", "the Red Cross".
    if the * 2 > members.len() {
        return EntityType::Organisation;
    }
    if acr * 2 > members.len() {
        return EntityType::Organisation;
    }
    // A full name that speaks or is also called by its last word alone reads as a person.
    if multi > 0 && (speaks > 0 || members.len() > multi) {
        return EntityType::Person;
    }
    EntityType::Other
}

#[cfg(test)]
mod tests;
