//! Support: which documents state a sentence. One place, because the summary's citations use
//! it now and the claims stage (which documents support or contradict a claim) builds on it.
//!
//! A document states a sentence when one of its reporting sentences (not an opinion aside) is
//! similar enough in TF-IDF space: wording differs between outlets, so exact matching would miss
//! most restatements, while a high threshold keeps related-but-different sentences apart.

use crate::analysis::Analysis;

/// Documents that state sentence `i`: its own, and every other whose most similar reporting
/// sentence reaches `threshold`. Sorted with the sentence's own document first.
///
/// Cost: one sparse dot product per sentence of the story.
pub fn stating_documents(analysis: &Analysis, i: usize, threshold: f32) -> Vec<usize> {
    let own = analysis.sentences[i].doc;
    let v = &analysis.vectors[i];
    let mut best = vec![f32::NEG_INFINITY; analysis.docs.len()];
    for (j, s) in analysis.sentences.iter().enumerate() {
        if s.doc == own || !s.kind.is_reporting() || s.opinion {
            continue;
        }
        best[s.doc] = best[s.doc].max(v.dot(&analysis.vectors[j]));
    }
    std::iter::once(own).chain((0..best.len()).filter(|&d| d != own && best[d] >= threshold)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Article;

    #[test]
    fn a_restated_sentence_is_stated_by_both_documents_and_an_unrelated_one_by_its_own() {
        let a = Article::from_text(
            "a",
            "Russian warplanes struck targets near the city of Homs on Wednesday, officials said.\n\n\
             The harvest festival drew large crowds to the town square.",
        );
        let b = Article::from_text(
            "b",
            "On Wednesday Russian warplanes struck targets near the city of Homs, officials said.\n\n\
             Fishing boats stayed in port because of the storm.",
        );
        let analysis = Analysis::new(vec![a, b]);
        let strike = analysis.sentences.iter().position(|s| analysis.text_of(s).contains("warplanes")).unwrap();
        let harvest = analysis.sentences.iter().position(|s| analysis.text_of(s).contains("harvest")).unwrap();
        assert_eq!(stating_documents(&analysis, strike, 0.55), [0, 1]);
        assert_eq!(stating_documents(&analysis, harvest, 0.55), [0]);
    }
}
