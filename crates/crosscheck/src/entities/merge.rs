//! Merging: mentions become entities through a union-find over evidence that generalises
//! (same key, acronym and expansion, parenthesised definition, surname and the one full name,
//! bare role and its one holder, the known-names table), then each cluster is named and typed.

use compact_str::CompactString;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::detect::clean_role;
use super::keys::{head_type, in_list, initials, keys_of, name_key, role_key, role_matches, translit_key, MentionKeys};
use super::{DocId, Entities, Entity, EntityId, EntityType, Form, Hint, Mention};
use crate::lexicon;
use crate::text::tokens::is_acronym;

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
        let plain = !k.key.split(' ').any(|w| lexicon::NAME_CONNECTORS.contains(&w));
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
            && !mentions[m]
                .text
                .split_whitespace()
                .any(|w| in_list(lexicon::NAME_CONNECTORS, w) && w != "bin" && w != "de")
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
    mut mentions: Vec<Mention>,
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
                _ => mentions[m].role.as_deref().map(str::to_string),
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
        let mut documents: Vec<DocId> = members.iter().map(|&m| mentions[m].doc).collect();
        documents.sort_unstable();
        documents.dedup();
        list.push(Entity {
            name: canonical,
            kind,
            aliases,
            roles: roles.into_iter().map(|r| r.0).collect(),
            // Moved, not cloned: each mention is in one cluster, and on a long input the
            // mentions are a large share of the memory.
            mentions: members.iter().map(|&m| std::mem::replace(&mut mentions[m], moved_out())).collect(),
            documents,
        });
    }
    // Most mentioned first; ties by name for a stable order.
    list.sort_by(|a, b| b.mentions.len().cmp(&a.mentions.len()).then(a.name.cmp(&b.name)));
    let mut by_doc: Vec<Vec<(Range<usize>, EntityId)>> = vec![Vec::new(); docs];
    for (e, entity) in list.iter().enumerate() {
        for m in &entity.mentions {
            if let Some(slot) = by_doc.get_mut(m.doc.index()) {
                slot.push((m.span.clone(), EntityId::new(e)));
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

/// What is left in the mention list where a mention was moved into its entity (allocates
/// nothing; never read again).
fn moved_out() -> Mention {
    Mention {
        doc: DocId::default(),
        span: 0..0,
        text: CompactString::default(),
        form: Form::Name,
        role: None,
        hint: Hint::default(),
        defines: None,
    }
}
