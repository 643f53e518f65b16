//! Extractive multi-document summary with citations.
//!
//! Selection is greedy maximisation of concept coverage (Gillick and Favre's ILP objective,
//! solved greedily as in Lin and Bilmes' submodular summarisation), with these choices:
//! - concepts are content unigrams and bigrams; a concept's weight is the sum over documents of
//!   the best position prior of a sentence that contains it, so what many outlets say early
//!   weighs most, and a single-source detail weighs little;
//! - each sentence also has a static score: similarity to the story centroid, its position
//!   prior, and how many other documents state the same thing (support);
//! - a sentence too similar to one already chosen is skipped, and each further sentence from an
//!   already-used document is damped, so the summary draws on all sources.
//!
//! Only reporting sentences (body and quote blocks, not opinion asides) are candidates.
//! No step compares all pairs of sentences: support is computed for a bounded candidate pool.
//! Every chosen sentence cites each document that states it (similarity above a threshold).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::embed::SparseVec;

/// How long the summary should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// Whole sentences up to this many words (at least one sentence).
    Words(usize),
    /// Whole sentences until at least this many words; the caller may cut the last one.
    AtLeastWords(usize),
    Sentences(usize),
}

/// Tunable weights of the selection; defaults are tuned on dev data (see bench/RESULTS.md).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct SummaryConfig {
    pub w_coverage: f32,
    pub w_centroid: f32,
    pub w_position: f32,
    pub w_support: f32,
    /// Exponent of the position prior 1 / (1 + rank)^decay.
    pub position_decay: f32,
    /// Weight of a bigram concept relative to a unigram.
    pub bigram_weight: f32,
    /// Exponent on sentence length when normalising coverage gain.
    pub length_exponent: f32,
    /// Candidates more similar than this to a chosen sentence are skipped.
    pub max_redundancy: f32,
    /// Gain multiplier per sentence already taken from the same document.
    pub doc_damping: f32,
    pub min_words: usize,
    pub max_words: usize,
    /// Similarity at or above which another document is taken to state a sentence.
    pub cite_threshold: f32,
    /// How many candidates get the (costlier) support score.
    pub support_pool: usize,
}

impl Default for SummaryConfig {
    fn default() -> Self {
        SummaryConfig {
            w_coverage: 1.0,
            w_centroid: 0.5,
            w_position: 0.5,
            w_support: 0.3,
            position_decay: 0.6,
            bigram_weight: 0.5,
            length_exponent: 0.8,
            max_redundancy: 0.5,
            doc_damping: 0.8,
            min_words: 6,
            max_words: 70,
            cite_threshold: 0.45,
            support_pool: 400,
        }
    }
}

/// One summary sentence: which sentence of the analysis, and the documents that state it.
#[derive(Debug, Clone, PartialEq)]
pub struct SummarySentence {
    /// Index into `Analysis::sentences`.
    pub sentence: usize,
    /// Document indices that state it, its own first.
    pub citations: Vec<usize>,
}

/// Selects summary sentences and orders them for reading.
pub fn summarize(analysis: &Analysis, length: Length, config: &SummaryConfig) -> Vec<SummarySentence> {
    let candidates: Vec<usize> = analysis
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            s.kind.is_reporting()
                && !s.opinion
                && (config.min_words..=config.max_words).contains(&s.words)
                && !s.terms.is_empty()
                && ends_like_a_sentence(analysis.text_of(s))
        })
        .map(|(i, _)| i)
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let prior = |i: usize| 1.0 / (1.0 + analysis.sentences[i].position as f32).powf(config.position_decay);

    // Concept weights: per document, the best prior of a sentence holding the concept; summed.
    let mut concept_weight: HashMap<u32, f32> = HashMap::new();
    let mut best_in_doc: HashMap<(u32, usize), f32> = HashMap::new();
    for &i in &candidates {
        let s = &analysis.sentences[i];
        let p = prior(i);
        for (&c, w) in s.terms.iter().map(|c| (c, 1.0)).chain(s.bigrams.iter().map(|c| (c, config.bigram_weight))) {
            let e = best_in_doc.entry((c, s.doc)).or_insert(0.0);
            *e = e.max(p * w);
        }
    }
    for ((c, _), w) in best_in_doc {
        *concept_weight.entry(c).or_insert(0.0) += w;
    }

    let centroid = centroid(analysis, &candidates);
    let docs_total = analysis.docs.len().max(1);
    let mut static_score: Vec<(usize, f32)> = candidates
        .iter()
        .map(|&i| (i, config.w_centroid * analysis.vectors[i].dot(&centroid) + config.w_position * prior(i)))
        .collect();
    // Support only for the best part of the pool, so the cost is bounded by pool x sentences.
    static_score.sort_by(|a, b| b.1.total_cmp(&a.1));
    static_score.truncate(config.support_pool.max(1) * 4);
    if docs_total > 1 && config.w_support > 0.0 {
        for (i, score) in static_score.iter_mut().take(config.support_pool) {
            let others = stating_documents(analysis, *i, config.cite_threshold).len() - 1;
            *score += config.w_support * others as f32 / (docs_total - 1) as f32;
        }
    }

    let mut covered: HashMap<u32, ()> = HashMap::new();
    let mut chosen: Vec<usize> = Vec::new();
    let mut per_doc: HashMap<usize, i32> = HashMap::new();
    let mut words = 0usize;
    let mut pool = static_score;
    loop {
        let done = match length {
            Length::Words(n) | Length::AtLeastWords(n) => words >= n,
            Length::Sentences(n) => chosen.len() >= n,
        };
        if done || pool.is_empty() {
            break;
        }
        let mut best: Option<(usize, f32)> = None;
        for (slot, &(i, stat)) in pool.iter().enumerate() {
            let s = &analysis.sentences[i];
            if let Length::Words(n) = length {
                if !chosen.is_empty() && words + s.words > n {
                    continue;
                }
            }
            let uncovered: f32 = s
                .terms
                .iter()
                .map(|c| (c, 1.0))
                .chain(s.bigrams.iter().map(|c| (c, config.bigram_weight)))
                .filter(|(c, _)| !covered.contains_key(c))
                .map(|(c, _)| concept_weight.get(c).copied().unwrap_or(0.0))
                .sum();
            let coverage = uncovered / (s.words as f32).powf(config.length_exponent);
            let damping = config.doc_damping.powi(per_doc.get(&s.doc).copied().unwrap_or(0));
            let gain = (config.w_coverage * coverage + stat) * damping;
            if best.is_none_or(|(_, g)| gain > g) {
                best = Some((slot, gain));
            }
        }
        let Some((slot, _)) = best else { break };
        let (i, _) = pool.swap_remove(slot);
        let redundant = chosen.iter().any(|&j| analysis.vectors[i].dot(&analysis.vectors[j]) > config.max_redundancy);
        if redundant {
            continue;
        }
        let s = &analysis.sentences[i];
        for c in s.terms.iter().chain(&s.bigrams) {
            covered.insert(*c, ());
        }
        *per_doc.entry(s.doc).or_insert(0) += 1;
        words += s.words;
        chosen.push(i);
    }

    // Reading order: earlier in its article first; ties by document order.
    chosen.sort_by(|&a, &b| {
        let (sa, sb) = (&analysis.sentences[a], &analysis.sentences[b]);
        relative_position(analysis, a).total_cmp(&relative_position(analysis, b)).then(sa.doc.cmp(&sb.doc))
    });
    chosen
        .into_iter()
        .map(|i| SummarySentence { sentence: i, citations: stating_documents(analysis, i, config.cite_threshold) })
        .collect()
}

fn ends_like_a_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '\'', '”', '’', ')', ' ']);
    t.ends_with(['.', '!', '…'])
}

fn relative_position(analysis: &Analysis, i: usize) -> f32 {
    let s = &analysis.sentences[i];
    let doc_len = analysis.docs[s.doc].article.text.len().max(1);
    s.span.start as f32 / doc_len as f32
}

/// The mean of per-document mean vectors, so long documents do not dominate.
fn centroid(analysis: &Analysis, candidates: &[usize]) -> SparseVec {
    let mut by_doc: HashMap<usize, Vec<usize>> = HashMap::new();
    for &i in candidates {
        by_doc.entry(analysis.sentences[i].doc).or_default().push(i);
    }
    let mut pairs = Vec::new();
    for members in by_doc.values() {
        let w = 1.0 / members.len() as f32;
        for &i in members {
            pairs.extend(analysis.vectors[i].terms.iter().map(|&(t, v)| (t, v * w)));
        }
    }
    SparseVec::from_weights(pairs)
}

/// Documents that state sentence `i`: its own, and every other whose most similar reporting
/// sentence reaches `threshold`. Sorted with the sentence's own document first.
pub fn stating_documents(analysis: &Analysis, i: usize, threshold: f32) -> Vec<usize> {
    let own = analysis.sentences[i].doc;
    let v = &analysis.vectors[i];
    let mut docs = vec![own];
    let mut best: HashMap<usize, f32> = HashMap::new();
    for (j, s) in analysis.sentences.iter().enumerate() {
        if s.doc == own || !s.kind.is_reporting() || s.opinion {
            continue;
        }
        let sim = v.dot(&analysis.vectors[j]);
        let e = best.entry(s.doc).or_insert(0.0);
        *e = e.max(sim);
    }
    let mut others: Vec<usize> = best.into_iter().filter(|&(_, sim)| sim >= threshold).map(|(d, _)| d).collect();
    others.sort_unstable();
    docs.extend(others);
    docs
}
