//! Extractive multi-document summary with citations.
//!
//! Selection is greedy: each step takes the candidate with the best gain per word, where the gain
//! is how much of the words a reader would expect the sentence adds (each word's expected count
//! in a summary of this length: its position-weighted share in each document, every document
//! weighing the same, saturating once the summary holds enough of it), plus a static score
//! (similarity to the story centroid and how many other documents state the same thing), scaled
//! by:
//! - the document's centrality, so the sources that tell the common story lead;
//! - a damping per sentence already taken from the same document, so the summary draws on all
//!   sources;
//! - penalties for sentences that are all quotation or open with a back-reference.
//!
//! A sentence too similar to one already chosen is skipped.
//!
//! Three knobs of [`SummaryConfig`] are off by default (weight or exponent 0, as tuned on dev
//! data, bench/RESULTS.md) and kept for tuning runs (`crosscheck eval summary --config`):
//! concept coverage (`w_coverage`: Gillick and Favre's unigram+bigram concepts weighted by their
//! best position prior per document), the position prior as a static score (`w_position`), and
//! consensus sharpening of expected counts (`consensus_exponent`).
//!
//! Only reporting sentences (body and quote blocks, not opinion asides) are candidates.
//! No step compares all pairs of sentences: support is computed for a bounded candidate pool.
//! Every chosen sentence cites each document that states it ([`crate::support`]).

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::embed::{self, SparseVec};
use crate::ids::{DocId, SentenceId};
use crate::support::stating_documents;

/// How long the summary should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// Whole sentences up to this many words; when no sentence fits, the shortest one.
    Words(usize),
    /// Whole sentences until at least this many words; the caller may cut the last one.
    AtLeastWords(usize),
    /// This many sentences.
    Sentences(usize),
}

/// Tunable weights of the selection; defaults are tuned on dev data (see bench/RESULTS.md).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct SummaryConfig {
    /// Weight of concept coverage (off by default: 0).
    pub w_coverage: f32,
    /// Weight of expected-word coverage: how much of the words a reader would expect (their
    /// share in the sources, position-weighted, each document counted equally) the sentence adds.
    pub w_expected: f32,
    /// Weight of similarity to the story centroid.
    pub w_centroid: f32,
    /// Weight of the position prior as a static score (off by default: 0).
    pub w_position: f32,
    /// Weight of support: the share of other documents that state the sentence.
    pub w_support: f32,
    /// Exponent of the position prior 1 / (1 + rank)^decay.
    pub position_decay: f32,
    /// Weight of a bigram concept relative to a unigram.
    pub bigram_weight: f32,
    /// Exponent on sentence length when normalising coverage gain.
    pub length_exponent: f32,
    /// Exponent on the share of documents that use a word, sharpening expected counts toward
    /// what the sources agree on (off by default: 0).
    pub consensus_exponent: f32,
    /// Exponent on a document's centrality (its mean similarity to the other documents,
    /// relative to the most central one): favours the sources that tell the common story.
    pub doc_centrality_exponent: f32,
    /// Candidates more similar than this to a chosen sentence are skipped.
    pub max_redundancy: f32,
    /// Gain multiplier per sentence already taken from the same document.
    pub doc_damping: f32,
    /// Shortest candidate sentence, in words.
    pub min_words: usize,
    /// Longest candidate sentence, in words.
    pub max_words: usize,
    /// Share of the gain lost by a sentence that is all direct quotation (a summary reports;
    /// quotes go to the quotes section).
    pub quote_penalty: f32,
    /// Share of the gain lost by a sentence that opens with a back-reference ("He said ...").
    pub dangling_penalty: f32,
    /// Similarity at or above which another document is taken to state a sentence.
    pub cite_threshold: f32,
    /// How many candidates get the (costlier) support score.
    pub support_pool: usize,
}

impl Default for SummaryConfig {
    fn default() -> Self {
        SummaryConfig {
            w_coverage: 0.0,
            w_expected: 1.5,
            w_centroid: 0.47,
            w_position: 0.0,
            w_support: 0.1,
            position_decay: 0.51,
            bigram_weight: 0.4,
            length_exponent: 0.5,
            consensus_exponent: 0.0,
            doc_centrality_exponent: 3.3,
            max_redundancy: 0.43,
            doc_damping: 0.78,
            min_words: 5,
            max_words: 52,
            quote_penalty: 0.38,
            dangling_penalty: 0.1,
            cite_threshold: 0.55,
            support_pool: 400,
        }
    }
}

/// One summary sentence: which sentence of the analysis, and the documents that state it.
#[derive(Debug, Clone, PartialEq)]
pub struct SummarySentence {
    /// Index into `Analysis::sentences`.
    pub sentence: SentenceId,
    /// Document indices that state it, its own first.
    pub citations: Vec<DocId>,
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
                && !analysis.terms(s).is_empty()
                && (ends_like_a_sentence(analysis.text_of(s)) || s.words > 15)
        })
        .map(|(i, _)| i)
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let prior = |i: usize| 1.0 / (1.0 + analysis.sentences[i].position as f32).powf(config.position_decay);
    let vocab = analysis.vocab_size;

    // Concept weights: per document, the best prior of a sentence holding the concept; summed.
    let mut concept_weight = vec![0.0f32; vocab];
    if config.w_coverage > 0.0 {
        let mut best_in_doc: HashMap<(u32, usize), f32> = HashMap::default();
        for &i in &candidates {
            let s = &analysis.sentences[i];
            for (c, w) in concepts(analysis, s, config.bigram_weight) {
                let e = best_in_doc.entry((c, s.doc.index())).or_insert(0.0);
                *e = e.max(prior(i) * w);
            }
        }
        for ((c, _), w) in best_in_doc {
            concept_weight[c as usize] += w;
        }
    }
    let budget = match length {
        Length::Words(n) | Length::AtLeastWords(n) => n,
        Length::Sentences(n) => 25 * n,
    };
    let expected = expected_counts(analysis, &candidates, &prior, budget as f32, config.consensus_exponent);

    let centroid = centroid(analysis, &candidates);
    let doc_factor: Vec<f32> =
        doc_centrality(analysis).into_iter().map(|c| c.powf(config.doc_centrality_exponent)).collect();
    let docs_total = analysis.docs.len().max(1);
    let mut pool: Vec<(usize, f32)> = candidates
        .iter()
        .map(|&i| (i, config.w_centroid * analysis.vectors[i].dot(&centroid) + config.w_position * prior(i)))
        .collect();
    // Support only for the best part of the pool, so the cost is bounded by pool x sentences.
    pool.sort_by(|a, b| b.1.total_cmp(&a.1));
    pool.truncate(config.support_pool.max(1) * 4);
    // The stating documents found here are the chosen sentences' citations later.
    let mut stated_by: HashMap<usize, Vec<DocId>> = HashMap::default();
    if docs_total > 1 && config.w_support > 0.0 {
        for (i, score) in pool.iter_mut().take(config.support_pool) {
            let docs = stating_documents(analysis, SentenceId::new(*i), config.cite_threshold);
            *score += config.w_support * (docs.len() - 1) as f32 / (docs_total - 1) as f32;
            stated_by.insert(*i, docs);
        }
    }
    let token_counts: HashMap<usize, Vec<(u32, u32)>> =
        pool.iter().map(|&(i, _)| (i, embed::id_counts(analysis.tokens(&analysis.sentences[i])))).collect();

    let mut covered = vec![false; vocab];
    let mut in_summary = vec![0.0f32; vocab];
    let mut per_doc = vec![0i32; analysis.docs.len()];
    let mut chosen: Vec<usize> = Vec::new();
    let mut words = 0usize;
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
                if words + s.words > n {
                    continue;
                }
            }
            let coverage = if config.w_coverage > 0.0 {
                let uncovered: f32 = concepts(analysis, s, config.bigram_weight)
                    .filter(|(c, _)| !covered[*c as usize])
                    .map(|(c, _)| concept_weight[c as usize])
                    .sum();
                uncovered / (s.words as f32).powf(config.length_exponent)
            } else {
                0.0
            };
            let expected_gain = saturated_gain(&token_counts[&i], &expected, &in_summary) / s.words.max(1) as f32;
            let damping = config.doc_damping.powi(per_doc[s.doc.index()]) * doc_factor[s.doc.index()];
            let quoted =
                (1.0 - config.quote_penalty * s.quoted) * if s.dangling { 1.0 - config.dangling_penalty } else { 1.0 };
            let gain = (config.w_coverage * coverage + config.w_expected * expected_gain + stat) * damping * quoted;
            if best.is_none_or(|(_, g)| gain > g) {
                best = Some((slot, gain));
            }
        }
        let Some((slot, _)) = best else {
            // Nothing fits the word budget: the shortest candidate rather than nothing (the
            // story says it is over the budget).
            if chosen.is_empty() && matches!(length, Length::Words(_)) {
                let shortest = pool.iter().min_by_key(|&&(i, _)| analysis.sentences[i].words);
                chosen.extend(shortest.map(|&(i, _)| i));
            }
            break;
        };
        let (i, _) = pool.swap_remove(slot);
        let redundant = chosen.iter().any(|&j| analysis.vectors[i].dot(&analysis.vectors[j]) > config.max_redundancy);
        if redundant {
            continue;
        }
        let s = &analysis.sentences[i];
        for (c, _) in concepts(analysis, s, 0.0) {
            covered[c as usize] = true;
        }
        for &(t, n) in &token_counts[&i] {
            in_summary[t as usize] += n as f32;
        }
        per_doc[s.doc.index()] += 1;
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
        .map(|i| {
            let citations = stated_by
                .remove(&i)
                .unwrap_or_else(|| stating_documents(analysis, SentenceId::new(i), config.cite_threshold));
            SummarySentence { sentence: SentenceId::new(i), citations }
        })
        .collect()
}

/// A sentence's concepts with their weights: content unigrams (1) and bigrams (`bigram_weight`).
fn concepts<'a>(
    analysis: &'a Analysis,
    s: &crate::analysis::Sentence,
    bigram_weight: f32,
) -> impl Iterator<Item = (u32, f32)> + 'a {
    let (terms, bigrams) = (analysis.terms(s), analysis.bigrams(s));
    terms.iter().map(|&c| (c, 1.0)).chain(bigrams.iter().map(move |&c| (c, bigram_weight)))
}

/// Expected count of each word in a summary of `budget` words: the word's position-weighted
/// share in each document, averaged over documents so each source counts equally.
fn expected_counts(
    analysis: &Analysis,
    candidates: &[usize],
    prior: &dyn Fn(usize) -> f32,
    budget: f32,
    consensus_exponent: f32,
) -> Vec<f32> {
    let mut per_doc_total = vec![0.0f32; analysis.docs.len()];
    for &i in candidates {
        let s = &analysis.sentences[i];
        per_doc_total[s.doc.index()] += prior(i) * analysis.tokens(s).len() as f32;
    }
    let docs = per_doc_total.iter().filter(|&&t| t > 0.0).count().max(1) as f32;
    let mut expected = vec![0.0f32; analysis.vocab_size];
    for &i in candidates {
        let s = &analysis.sentences[i];
        let w = prior(i) / per_doc_total[s.doc.index()].max(1e-6) / docs * budget;
        for &t in analysis.tokens(s) {
            expected[t as usize] += w;
        }
    }
    if consensus_exponent > 0.0 && docs > 1.0 {
        let mut seen_in: Vec<(u32, DocId)> = candidates
            .iter()
            .flat_map(|&i| analysis.tokens(&analysis.sentences[i]).iter().map(move |&t| (t, analysis.sentences[i].doc)))
            .collect();
        seen_in.sort_unstable();
        seen_in.dedup();
        let mut df = vec![0u32; analysis.vocab_size];
        for (t, _) in seen_in {
            df[t as usize] += 1;
        }
        for (e, &d) in expected.iter_mut().zip(&df) {
            *e *= (d as f32 / docs).powf(consensus_exponent);
        }
    }
    expected
}

/// How much adding a sentence (its word counts) raises the summary's overlap with the expected
/// counts, each word's contribution capped at its expected count.
fn saturated_gain(added: &[(u32, u32)], expected: &[f32], in_summary: &[f32]) -> f32 {
    added
        .iter()
        .map(|&(t, n)| {
            let (e, have) = (expected[t as usize], in_summary[t as usize]);
            (have + n as f32).min(e) - have.min(e)
        })
        .sum()
}

/// Headlines, labels and credits lack final punctuation; a longer unpunctuated line is a
/// sentence cut short (common in crawls and leads) and stays a candidate.
fn ends_like_a_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '\'', '”', '’', ')', ' ']);
    t.ends_with(['.', '!', '…'])
}

fn relative_position(analysis: &Analysis, i: usize) -> f32 {
    let s = &analysis.sentences[i];
    let doc_len = analysis.doc(s.doc).article.text.len().max(1);
    s.span.start as f32 / doc_len as f32
}

/// Each document's mean similarity to the others, divided by the largest (1 for the most
/// central document; all 1 when there is one document).
fn doc_centrality(analysis: &Analysis) -> Vec<f32> {
    let n = analysis.docs.len();
    // Raw term counts of all reporting sentences: document-level agreement, not sentence IDF.
    let mut pairs: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
    for s in analysis.sentences.iter().filter(|s| s.kind.is_reporting()) {
        pairs[s.doc.index()].extend(analysis.terms(s).iter().map(|&t| (t, 1.0)));
    }
    let vectors: Vec<SparseVec> = pairs.into_iter().map(SparseVec::from_weights).collect();
    let non_empty: Vec<usize> = (0..n).filter(|&d| !vectors[d].is_empty()).collect();
    if non_empty.len() < 2 {
        return vec![1.0; n];
    }
    // All pairs of documents: fine for a story's handful of sources, bounded for large ones
    // by comparing each document with at most 64 others.
    let raw: Vec<f32> = (0..n)
        .map(|d| {
            let others: Vec<usize> = non_empty.iter().copied().filter(|&e| e != d).take(64).collect();
            others.iter().map(|&e| vectors[d].dot(&vectors[e])).sum::<f32>() / others.len().max(1) as f32
        })
        .collect();
    let max = raw.iter().copied().fold(0.0f32, f32::max).max(1e-6);
    raw.into_iter().map(|c| (c / max).max(1e-3)).collect()
}

/// The mean of per-document mean vectors, so long documents do not dominate.
fn centroid(analysis: &Analysis, candidates: &[usize]) -> SparseVec {
    let mut by_doc: HashMap<usize, Vec<usize>> = HashMap::default();
    for &i in candidates {
        by_doc.entry(analysis.sentences[i].doc.index()).or_default().push(i);
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
