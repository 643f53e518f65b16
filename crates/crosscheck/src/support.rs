//! Support: which documents state a sentence. One place, because the summary's citations use
//! it now and the claims stage (which documents support or contradict a claim) builds on it.
//!
//! A document states a sentence when one of its reporting sentences (not an opinion aside) is
//! similar enough in TF-IDF space: wording differs between outlets, so exact matching would miss
//! most restatements, while a high threshold keeps related-but-different sentences apart.

use crate::analysis::Analysis;
use crate::ids::{DocId, SentenceId};

/// Documents that state sentence `i`: its own, and every other whose most similar reporting
/// sentence reaches `threshold`. Sorted with the sentence's own document first.
///
/// Cost: one sparse dot product per sentence of the story.
pub fn stating_documents(analysis: &Analysis, i: SentenceId, threshold: f32) -> Vec<DocId> {
    let own = analysis.sentence(i).doc;
    let v = analysis.vector(i);
    let mut best = vec![f32::NEG_INFINITY; analysis.docs.len()];
    for (s, w) in analysis.sentences.iter().zip(&analysis.vectors) {
        if s.doc == own || !s.kind.is_reporting() || s.opinion {
            continue;
        }
        let d = s.doc.index();
        best[d] = best[d].max(v.dot(w));
    }
    std::iter::once(own).chain(analysis.doc_ids().filter(|&d| d != own && best[d.index()] >= threshold)).collect()
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
        let find = |words: &str| {
            SentenceId::new(analysis.sentences.iter().position(|s| analysis.text_of(s).contains(words)).unwrap())
        };
        let (d1, d2) = (DocId::new(0), DocId::new(1));
        assert_eq!(stating_documents(&analysis, find("warplanes"), 0.55), [d1, d2]);
        assert_eq!(stating_documents(&analysis, find("harvest"), 0.55), [d1]);
    }
}
