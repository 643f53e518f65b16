//! Alias merging on ECB+: the gold named entity mentions of each topic go through the same
//! merging as the brief's entities ([`crosscheck::merge_mentions`]), and the resulting clusters are
//! scored with B-cubed against the corpus's cross-document coreference chains. Topics are
//! merged separately (a topic is the story set crosscheck would be given) and the items pooled.
//!
//! The merge sees each mention's words only: no sentence context, roles or type evidence, so
//! this measures the name rules (spelling, transliteration, acronyms, surnames, the table).

use std::path::Path;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::ecbplus::{bcubed, cluster_ids, is_entity_kind, is_named, read_ecbplus, read_selected_sentences};
use crate::Error;
use crosscheck::{is_acronym, DocId, Form, Hint, Mention};

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
                Mention {
                    doc: DocId::new(doc),
                    span: k..k + 1,
                    text: text.into(),
                    form,
                    role: None,
                    hint: Hint::default(),
                    defines: None,
                }
            })
            .collect();
        let merged = crosscheck::merge_mentions(input, doc_index.len());
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

/// Detection and typing of named entity mentions on ECB+: how many of the corpus's named
/// mentions (annotated sentences) a system's mentions cover in the same document, and how many
/// of those it types as the corpus does.
#[derive(Debug, Default, Serialize)]
pub struct MentionEval {
    pub documents: usize,
    pub gold_mentions: usize,
    pub detected: usize,
    pub recall: f64,
    /// Detected gold mentions whose corpus tag maps to a type.
    pub typed: usize,
    pub type_correct: usize,
    pub type_accuracy: f64,
    /// Corpus type -> predicted type -> count, over the typed detections.
    pub confusion: std::collections::BTreeMap<String, std::collections::BTreeMap<String, usize>>,
    pub docs_per_s: Option<f64>,
}

/// A system's mentions of one document: (name key, type name).
pub type DocMentions = Vec<(String, String)>;

/// The corpus tag's type, where one fits.
fn gold_type(tag: &str) -> Option<&'static str> {
    match tag {
        "HUMAN_PART_PER" => Some("person"),
        "HUMAN_PART_ORG" => Some("organisation"),
        "HUMAN_PART_GPE" | "HUMAN_PART_FAC" => Some("place"),
        t if t.starts_with("LOC_") => Some("place"),
        _ => None,
    }
}

#[derive(serde::Deserialize)]
struct StoryLine {
    id: String,
    text: String,
}

#[derive(serde::Deserialize)]
struct PredLine {
    id: String,
    mentions: Vec<PredMention>,
}

#[derive(serde::Deserialize)]
struct PredMention {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
}

fn read_stories(path: &Path) -> Result<Vec<StoryLine>, Error> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io { path: name.clone(), reason: e })?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l).map_err(|e| Error::BadRecord {
                path: name.clone(),
                line: n + 1,
                message: e.to_string(),
            })
        })
        .collect()
}

/// crosscheck's mentions of every story text, one topic (story set) per analysis, with the time
/// it took.
fn crosscheck_mentions(
    stories: &[StoryLine],
    ner_command: Option<&str>,
) -> Result<(FxHashMap<String, DocMentions>, f64), Error> {
    use rayon::prelude::*;
    let mut by_topic: FxHashMap<&str, Vec<&StoryLine>> = FxHashMap::default();
    for s in stories {
        by_topic.entry(s.id.split('_').next().unwrap_or("")).or_default().push(s);
    }
    let topics: Vec<Vec<&StoryLine>> = by_topic.into_values().collect();
    let start = std::time::Instant::now();
    let mentions_of = |docs: &Vec<&StoryLine>, worker: Option<&mut crosscheck::NerWorker>| {
        let articles = docs.iter().map(|s| crosscheck::Article::from_text(&s.id, &s.text)).collect();
        let analysis = crosscheck::Analysis::new(articles);
        let found = crosscheck::find_entities_with(&analysis, worker);
        let mut per_doc: Vec<DocMentions> = vec![Vec::new(); docs.len()];
        for e in &found.list {
            for m in &e.mentions {
                per_doc[m.doc.index()].push((crosscheck::name_key(&m.text), e.kind.as_str().to_string()));
            }
        }
        docs.iter().map(|s| s.id.clone()).zip(per_doc).collect::<Vec<_>>()
    };
    let out: FxHashMap<String, DocMentions> = match ner_command {
        // One model worker, so one topic at a time (the model is the slow part anyway).
        Some(command) => {
            let mut worker = crosscheck::NerWorker::spawn(command).map_err(|e| Error::BadRecord {
                path: command.to_string(),
                line: 0,
                message: e.to_string(),
            })?;
            topics.iter().flat_map(|docs| mentions_of(docs, Some(&mut worker))).collect()
        }
        None => topics.par_iter().flat_map_iter(|docs| mentions_of(docs, None)).collect(),
    };
    Ok((out, start.elapsed().as_secs_f64()))
}

fn peer_mentions(path: &Path, stories: &[StoryLine]) -> Result<FxHashMap<String, DocMentions>, Error> {
    let name = path.display().to_string();
    let texts: FxHashMap<&str, &str> = stories.iter().map(|s| (s.id.as_str(), s.text.as_str())).collect();
    let raw = std::fs::read_to_string(path).map_err(|e| Error::Io { path: name.clone(), reason: e })?;
    let mut out = FxHashMap::default();
    for (n, line) in raw.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let p: PredLine = serde_json::from_str(line).map_err(|e| Error::BadRecord {
            path: name.clone(),
            line: n + 1,
            message: e.to_string(),
        })?;
        let Some(text) = texts.get(p.id.as_str()) else { continue };
        let chars: Vec<char> = text.chars().collect();
        let mentions = p
            .mentions
            .iter()
            .filter(|m| m.start < m.end && m.end <= chars.len())
            .map(|m| (crosscheck::name_key(&chars[m.start..m.end].iter().collect::<String>()), m.kind.clone()))
            .collect();
        out.insert(p.id, mentions);
    }
    Ok(out)
}

/// Whether two name keys name the same thing: equal, or one is a whole-word run inside the other
/// ("tara reid" and "reid" do; "reid" and "reidsville" do not).
fn keys_match(a: &str, b: &str) -> bool {
    let inside = |long: &str, short: &str| !short.is_empty() && format!(" {long} ").contains(&format!(" {short} "));
    a == b || inside(a, b) || inside(b, a)
}

/// Scores mention detection and typing of crosscheck, or of a peer's prediction file
/// (`{"id", "mentions": [{"start", "end", "type"}]}` a line, character offsets into the
/// stories.jsonl text), against the named gold mentions of the annotated sentences.
pub fn evaluate_mentions(dir: &Path, pred: Option<&Path>, ner_command: Option<&str>) -> Result<MentionEval, Error> {
    let stories = read_stories(&dir.join("stories.jsonl"))?;
    let selected = read_selected_sentences(&dir.join("ECBplus_coreference_sentences.csv"))?;
    let gold: Vec<_> = read_ecbplus(&dir.join("xml"))?
        .into_iter()
        .filter(|m| is_entity_kind(&m.kind) && is_named(&m.text) && selected.contains(&(m.doc.clone(), m.sentence)))
        .collect();
    let (system, docs_per_s) = match pred {
        Some(p) => (peer_mentions(p, &stories)?, None),
        None => {
            let (m, secs) = crosscheck_mentions(&stories, ner_command)?;
            (m, Some(stories.len() as f64 / secs.max(1e-9)))
        }
    };
    let mut e = MentionEval { documents: stories.len(), docs_per_s, ..Default::default() };
    let empty = Vec::new();
    for g in &gold {
        e.gold_mentions += 1;
        let key = crosscheck::name_key(name_part(&g.text));
        let found = system.get(&g.doc).unwrap_or(&empty);
        // Prefer an exact key for the type; any overlapping key counts as detected.
        let hit = found.iter().find(|(k, _)| *k == key).or_else(|| found.iter().find(|(k, _)| keys_match(k, &key)));
        if let Some((_, kind)) = hit {
            e.detected += 1;
            if let Some(t) = gold_type(&g.kind) {
                e.typed += 1;
                e.type_correct += (kind == t) as usize;
                *e.confusion.entry(t.to_string()).or_default().entry(kind.clone()).or_default() += 1;
            }
        }
    }
    e.recall = e.detected as f64 / e.gold_mentions.max(1) as f64;
    e.type_accuracy = e.type_correct as f64 / e.typed.max(1) as f64;
    Ok(e)
}
