//! Entities: the actors of a story, each listed once across documents and across its names.
//!
//! Two steps, one file each. `detect` finds name mentions in the reporting blocks of every
//! document (capitalised runs and acronyms, with the role that the text ties to a name: "Kremlin
//! spokesman Dmitry Peskov", "Maria Zakharova, the ministry's spokeswoman"). Then [`merge`]
//! joins the mentions with a union-find over evidence that generalises:
//!
//! - the same name up to case, dots, "the", diacritics and transliteration ("Sergei"/"Sergey",
//!   "al-Qaida"/"al-Qaeda", see `keys::translit_key`);
//! - an acronym and a name whose initials spell it ("ISIL", "Islamic State of Iraq and the
//!   Levant"), or a name defined in parentheses ("... Rights (SOHR)");
//! - a surname and the one full name in view that ends with it, looked up first in the same
//!   document and then in the story; two full names sharing the surname leave it unmerged;
//! - a bare role ("the Russian Foreign Minister") and the one person the text gave that role;
//! - a short table of names no rule can tie ([`crate::lexicon::KNOWN`]: "Daesh", "the Kremlin").
//!
//! Nothing here is trained: the rules are the fallback the issue asks for when no model is
//! installed, and they are measured on ECB+ (`crosscheck eval aliases`).
//!
//! The files: `detect` (mentions of one sentence), `keys` (normalised names and roles for
//! comparison), `merge` (union-find, naming and typing of clusters), `ner` (the optional model
//! worker); the word lists are in [`crate::lexicon`]. This file holds the types the other stages read and the
//! per-story driver.

mod detect;
mod keys;
mod merge;
pub mod ner;

use std::ops::Range;

use compact_str::CompactString;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::analysis::Analysis;
pub use crate::ids::{DocId, EntityId};

pub(crate) use detect::clean_role;
pub use keys::name_key;
pub(crate) use keys::role_key;
pub use merge::merge;

/// What kind of actor an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    /// A named person ("Sergei Lavrov").
    Person,
    /// An institution, company or government body ("the Foreign Ministry").
    Organisation,
    /// A country, city or geographic feature ("Aleppo").
    Place,
    /// An armed or political group ("Islamic State").
    Group,
    /// Anything else named (events, products, titles).
    Other,
}

impl EntityType {
    /// The lowercase name used in JSON and in evaluation ("person").
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
    /// Index of the document in the analysis.
    pub doc: DocId,
    /// Byte span into the document's text.
    pub span: Range<usize>,
    /// The name as written, without a leading title or a possessive "'s". Compact strings keep
    /// names of up to 24 bytes inline: a long input holds hundreds of thousands of mentions.
    pub text: CompactString,
    /// Whether it is a name, an acronym or a role.
    pub form: Form,
    /// The role the text ties to this mention ("State Department spokesman").
    pub role: Option<CompactString>,
    /// Evidence about the type seen at this mention (title, honorific, speech verb, "in X").
    pub hint: Hint,
    /// A definition in parentheses right after the mention: "(SOHR)".
    pub defines: Option<CompactString>,
}

/// Type evidence at a mention.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hint {
    /// A title, honorific or role goes with it ("Mr", "spokesman"): people have those.
    pub titled: bool,
    /// A speech verb follows it ("Lavrov said").
    pub speaks: bool,
    /// Written after "in", "from", "near" and the like: places are.
    pub after_place_preposition: bool,
    /// Written after "the": institutions, teams and some places take it; people do not.
    pub after_the: bool,
    /// The type a trained recogniser gave the span, when one ran (`ner`).
    pub model: Option<EntityType>,
}

/// One actor of the story.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Canonical name: the known table's, else the most frequent full name.
    pub name: String,
    /// What kind of actor it is.
    pub kind: EntityType,
    /// Other names and roles it goes by, most frequent first.
    pub aliases: Vec<String>,
    /// Roles the text gives it ("Russian Foreign Minister"), most frequent first.
    pub roles: Vec<String>,
    /// Every mention merged into it.
    pub mentions: Vec<Mention>,
    /// Documents that mention it, ascending.
    pub documents: Vec<DocId>,
}

/// The entities of a story with a lookup from text positions to entities.
#[derive(Debug, Default)]
pub struct Entities {
    /// Most mentioned first; an [`EntityId`] indexes it.
    pub list: Vec<Entity>,
    /// Per document: (mention span, entity), sorted by span start.
    by_doc: Vec<Vec<(Range<usize>, EntityId)>>,
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
                let key = keys::fold_demonyms(&role_key(role));
                for from in 0..key.len() {
                    let suffix = key[from..].to_vec();
                    for &d in &entity.documents {
                        add(index.in_doc.entry((d.index(), suffix.clone())).or_default(), e);
                    }
                    add(index.all.entry(suffix).or_default(), e);
                }
            }
        }
        index
    }
}

impl Entities {
    /// The entity `id` refers to.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.list[id.index()]
    }

    /// Entities mentioned inside `span` of document `doc`, in text order.
    pub(crate) fn within(&self, doc: DocId, span: &Range<usize>) -> Vec<(Range<usize>, EntityId)> {
        let Some(list) = self.by_doc.get(doc.index()) else { return Vec::new() };
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
    pub(crate) fn last_person_before(&self, doc: DocId, at: usize, window: usize) -> Option<EntityId> {
        let list = self.by_doc.get(doc.index())?;
        let upto = list.partition_point(|(s, _)| s.start < at);
        list[..upto]
            .iter()
            .rev()
            .take_while(|(s, _)| s.end + window >= at)
            .find(|(_, e)| self.entity(*e).kind == EntityType::Person)
            .map(|(_, e)| *e)
    }

    /// The one person whose role matches `role` ("the spokesman", "Russia's foreign minister"),
    /// preferring those mentioned in `doc`; `None` when no person or several fit.
    pub(crate) fn person_with_role(&self, doc: DocId, role: &str) -> Option<EntityId> {
        let want = role_key(role);
        if want.is_empty() {
            return None;
        }
        // A person fits when one of its roles matches (`keys::role_matches`): its folded words
        // end with the wanted ones, that is, the wanted words are one of the suffixes indexed.
        let index = self.roles.get_or_init(|| RoleIndex::new(&self.list));
        let want = keys::fold_demonyms(&want);
        let none = Vec::new();
        let in_doc = index.in_doc.get(&(doc.index(), want.clone())).unwrap_or(&none);
        if in_doc.len() == 1 {
            return Some(EntityId::new(in_doc[0]));
        }
        if !in_doc.is_empty() {
            return None;
        }
        let all = index.all.get(&want).unwrap_or(&none);
        (all.len() == 1).then(|| EntityId::new(all[0]))
    }
}

/// Finds and merges the entities of an analysed story, typing them by rules.
pub fn find_entities(analysis: &Analysis) -> Entities {
    find_entities_with(analysis, None)
}

/// Finds and merges the entities of an analysed story; with a worker, its labels vote on each
/// entity's type. A worker that fails is dropped with a warning and the rules carry on.
pub fn find_entities_with(analysis: &Analysis, mut worker: Option<&mut ner::NerWorker>) -> Entities {
    let casing = detect::WordCasing::of_texts(analysis.docs.iter().map(|d| d.article.text.as_str()));
    let mut mentions = Vec::new();
    for d in analysis.doc_ids() {
        let doc = analysis.doc(d);
        let text = &doc.article.text;
        for s in analysis.sentences_of(d).iter().filter(|s| s.kind.carries_statements()) {
            detect::detect(d, text, s.span.clone(), &casing, &mut mentions);
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
fn apply_labels(mentions: &mut [Mention], doc: DocId, labels: &[(Range<usize>, EntityType)]) {
    for m in mentions.iter_mut().filter(|m| m.doc == doc) {
        let overlap = |r: &Range<usize>| r.end.min(m.span.end).saturating_sub(r.start.max(m.span.start));
        m.hint.model = labels.iter().filter(|(r, _)| overlap(r) > 0).max_by_key(|(r, _)| overlap(r)).map(|(_, t)| *t);
    }
}

#[cfg(test)]
mod tests;
