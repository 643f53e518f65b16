//! Summary quality: ROUGE-1/2/L F-measure with stemming (the `rougers` crate, which reproduces
//! Google's rouge-score; bench/rouge_check.py checks that on our own outputs).
//!
//! Every system is held to the same budget the same way: whole sentences until the budget is
//! reached, then the text is cut to exactly N whitespace-separated words.

use std::io::BufRead;
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::Error;
use crosscheck::{summarize, truncate_words, Analysis, Article, Length, SummaryConfig, TermMaker};

/// One cluster of a summarization data set (see ../shared/data/README.md).
#[derive(Debug, Clone, Deserialize)]
pub struct Cluster {
    pub id: String,
    pub documents: Vec<ClusterDoc>,
    #[serde(default)]
    pub summary: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ClusterDoc {
    pub text: String,
    #[serde(default)]
    pub title: Option<String>,
}

/// A system's summary of one cluster, as written to the output file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Prediction {
    pub id: String,
    pub summary: String,
}

/// Mean F-measures ×100.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct RougeScores {
    pub rouge1: f64,
    pub rouge2: f64,
    pub rouge_l: f64,
}

/// Predictions, their scores, and the seconds spent summarizing (scoring excluded).
#[derive(Debug)]
pub struct SummaryEval {
    pub predictions: Vec<Prediction>,
    pub scores: RougeScores,
    pub seconds: f64,
}

/// Reads a cluster file; malformed lines are returned as errors, not fatal.
pub fn load_clusters(path: &Path) -> Result<(Vec<Cluster>, Vec<Error>), Error> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::Io { path: name.clone(), reason: e })?;
    let mut clusters = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                bad.push(Error::BadRecord { path: name.clone(), line: i + 1, message: e.to_string() });
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Cluster>(&line) {
            Ok(c) => clusters.push(c),
            Err(e) => bad.push(Error::BadRecord { path: name.clone(), line: i + 1, message: e.to_string() }),
        }
    }
    Ok((clusters, bad))
}

/// The articles of a cluster: document texts only (titles are not part of the peers' input).
pub fn cluster_articles(cluster: &Cluster) -> Vec<Article> {
    cluster
        .documents
        .iter()
        .enumerate()
        .filter(|(_, d)| !d.text.trim().is_empty())
        .map(|(i, d)| Article::from_text(format!("{}#{}", cluster.id, i + 1), d.text.replace("NEWLINE_CHAR", "\n")))
        .collect()
}

/// Summarizes one cluster to exactly `words` words (or fewer if the sources are shorter).
pub fn summarize_cluster(cluster: &Cluster, words: usize, config: &SummaryConfig, maker: &mut TermMaker) -> String {
    let analysis = Analysis::with_term_maker(cluster_articles(cluster), maker);
    let chosen = summarize(&analysis, Length::AtLeastWords(words), config);
    let text: Vec<&str> = chosen.iter().map(|c| analysis.text_of(analysis.sentence(c.sentence))).collect();
    truncate_words(&text.join(" "), words)
}

/// Summarizes every cluster in parallel and scores the results against the references.
pub fn evaluate(
    clusters: &[Cluster],
    words: usize,
    config: &SummaryConfig,
    on_done: &(dyn Fn() + Sync),
) -> SummaryEval {
    let start = std::time::Instant::now();
    let predictions: Vec<Prediction> = clusters
        .par_iter()
        // Long runs per job, so each TermMaker's stem cache serves many clusters.
        .with_min_len(16)
        .map_init(TermMaker::default, |maker, c| {
            let summary = summarize_cluster(c, words, config, maker);
            on_done();
            Prediction { id: c.id.clone(), summary }
        })
        .collect();
    let seconds = start.elapsed().as_secs_f64();
    let refs: Vec<&str> = clusters.iter().map(|c| c.summary.as_str()).collect();
    let scores = score(&refs, &predictions);
    SummaryEval { predictions, scores, seconds }
}

/// Mean ROUGE F-measures of predictions against references (same order).
pub fn score(references: &[&str], predictions: &[Prediction]) -> RougeScores {
    let scorer = rougers::RougeScorer::new(["rouge1", "rouge2", "rougeL"], true).expect("valid rouge types");
    let per: Vec<[f64; 3]> = references
        .par_iter()
        .zip(predictions.par_iter())
        .map(|(r, p)| {
            let s = scorer.score(r, &p.summary);
            let f = |name: &str| s.get(name.parse().expect("valid rouge type")).map_or(0.0, |x| x.fmeasure);
            [f("rouge1"), f("rouge2"), f("rougeL")]
        })
        .collect();
    let n = per.len().max(1) as f64;
    let mean = |k: usize| 100.0 * per.iter().map(|p| p[k]).sum::<f64>() / n;
    RougeScores { rouge1: mean(0), rouge2: mean(1), rouge_l: mean(2) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rouge_of_identical_text_is_100_and_disjoint_is_0() {
        let p = |s: &str| Prediction { id: "x".into(), summary: s.into() };
        let same = score(&["the cats were running home"], &[p("The cat was running home")]);
        assert!(same.rouge1 > 70.0 && same.rouge1 < 100.0, "{same:?}");
        let none = score(&["alpha beta"], &[p("gamma delta")]);
        assert_eq!(none.rouge1, 0.0);
    }
}
