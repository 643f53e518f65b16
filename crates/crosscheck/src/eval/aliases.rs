//! Alias merging on ECB+: the gold named entity mentions of each topic go through the same
//! merging as the brief's entities ([`crate::entities::merge`]), and the resulting clusters are
//! scored with B-cubed against the corpus's cross-document coreference chains. Topics are
//! merged separately (a topic is the story set crosscheck would be given) and the items pooled.
//!
//! The merge sees each mention's words only: no sentence context, roles or type evidence, so
//! this measures the name rules (spelling, transliteration, acronyms, surnames, the table).

use std::path::Path;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::entities::{self, Form, Hint, Mention};
use crate::error::Error;
use crate::eval::ecbplus::{bcubed, cluster_ids, is_entity_kind, is_named, read_ecbplus, read_selected_sentences};
use crate::text::tokens::is_acronym;

#[derive(Debug, Default, Serialize)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

#[derive(Debug, Default, Serialize)]
pub struct AliasEval {
    pub topics: usize,
    pub mentions: usize,
    pub gold_clusters: usize,
    pub crosscheck: Scores,
    /// Every mention its own entity.
    pub singletons: Scores,
    /// Mentions merged when their lowercased text is equal.
    pub same_text: Scores,
}

/// Drops leading lowercase words ("at the Betty Ford Center" → "Betty Ford Center").
fn name_part(text: &str) -> &str {
    let mut rest = text.trim();
    while let Some((first, tail)) = rest.split_once(' ') {
        if first.chars().next().is_some_and(|c| c.is_lowercase()) && !first.contains('-') {
            rest = tail;
        } else {
            break;
        }
    }
    rest
}

/// Scores alias merging on `DIR/xml` with the annotated sentences of
/// `DIR/ECBplus_coreference_sentences.csv` (all sentences when `all_sentences`).
pub fn evaluate(dir: &Path, all_sentences: bool) -> Result<AliasEval, Error> {
    let mentions = read_ecbplus(&dir.join("xml"))?;
    let selected = if all_sentences {
        None
    } else {
        Some(read_selected_sentences(&dir.join("ECBplus_coreference_sentences.csv"))?)
    };
    let kept: Vec<_> = mentions
        .into_iter()
        .filter(|m| is_entity_kind(&m.kind) && is_named(&m.text))
        .filter(|m| selected.as_ref().is_none_or(|s| s.contains(&(m.doc.clone(), m.sentence))))
        .collect();
    let mut by_topic: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, m) in kept.iter().enumerate() {
        by_topic.entry(m.topic.as_str()).or_default().push(i);
    }
    let mut topics: Vec<&str> = by_topic.keys().copied().collect();
    topics.sort_unstable();
    let (mut gold_keys, mut ours, mut same) = (Vec::new(), Vec::new(), Vec::new());
    for topic in &topics {
        let items = &by_topic[topic];
        let mut doc_index: FxHashMap<&str, usize> = FxHashMap::default();
        let input: Vec<Mention> = items
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let m = &kept[i];
                let next = doc_index.len();
                let doc = *doc_index.entry(m.doc.as_str()).or_insert(next);
                let text = name_part(&m.text).to_string();
                let form = if !text.contains(' ') && is_acronym(&text) { Form::Acronym } else { Form::Name };
                // A unique span per item lets the clusters be read back per item.
                Mention { doc, span: k..k + 1, text, form, role: None, hint: Hint::default(), defines: None }
            })
            .collect();
        let merged = entities::merge(input, doc_index.len());
        let mut entity_of = vec![usize::MAX; items.len()];
        for (e, entity) in merged.list.iter().enumerate() {
            for m in &entity.mentions {
                entity_of[m.span.start] = e;
            }
        }
        for (k, &i) in items.iter().enumerate() {
            let m = &kept[i];
            gold_keys.push(format!("{topic}\u{1}{}", m.cluster));
            ours.push(format!("{topic}\u{1}{}", entity_of[k]));
            same.push(format!("{topic}\u{1}{}", name_part(&m.text).to_lowercase()));
        }
    }
    let gold = cluster_ids(gold_keys.iter());
    let score = |pred_keys: &[String]| {
        let (precision, recall, f1) = bcubed(&gold, &cluster_ids(pred_keys.iter()));
        Scores { precision, recall, f1 }
    };
    let singles: Vec<String> = (0..gold.len()).map(|i| i.to_string()).collect();
    Ok(AliasEval {
        topics: topics.len(),
        mentions: gold.len(),
        gold_clusters: gold.iter().max().map_or(0, |m| m + 1),
        crosscheck: score(&ours),
        singletons: score(&singles),
        same_text: score(&same),
    })
}
