//! Quote finding and attribution on short invented reports.

use super::*;
use crate::entities::find_entities;
use crate::read::Article;

/// (speaker name or "-", kind, content) of every quote in the texts.
fn quotes_of(texts: &[&str]) -> Vec<(String, QuoteKind, String, Option<String>)> {
    let articles = texts.iter().enumerate().map(|(i, t)| Article::from_text(format!("t{i}"), *t)).collect();
    let analysis = Analysis::new(articles);
    let entities = find_entities(&analysis);
    find_quotes(&analysis, &entities)
        .into_iter()
        .map(|q| {
            let text = &analysis.docs[q.doc].article.text;
            (
                q.speaker.map_or("-".to_string(), |s| entities.entity(s).name.clone()),
                q.kind,
                text[q.content.clone()].to_string(),
                q.role,
            )
        })
        .collect()
}

fn by<'a>(
    quotes: &'a [(String, QuoteKind, String, Option<String>)],
    start: &str,
) -> &'a (String, QuoteKind, String, Option<String>) {
    quotes.iter().find(|q| q.2.starts_with(start)).unwrap_or_else(|| panic!("no quote starting {start:?}: {quotes:?}"))
}

#[test]
fn speaker_after_the_quote_with_role_and_a_continuation() {
    let q = quotes_of(&["Talks resumed in the capital on Monday.\n\
         “We have not seen a single convoy cross the line since Friday,” said Coastal Authority spokesman \
         Piet Varga. “The roads are still closed to everyone.”"]);
    let first = by(&q, "We have not seen");
    assert_eq!(first.0, "Piet Varga");
    assert_eq!(first.1, QuoteKind::Direct);
    assert_eq!(first.3.as_deref(), Some("Coastal Authority spokesman"));
    assert_eq!(by(&q, "The roads are still").0, "Piet Varga", "the next quote continues the turn");
}

#[test]
fn lost_opening_mark_pronouns_and_curly_or_straight_marks() {
    let q = quotes_of(&["Minister Alma Rusu spoke after the vote.\n\
         If the bridge is unsafe, if the engineers say so, then the bridge stays shut,” Rusu said.\n\
         \"Nobody will cross it before the survey is done,\" she added."]);
    assert_eq!(by(&q, "If the bridge is unsafe").0, "Alma Rusu");
    assert_eq!(by(&q, "Nobody will cross").0, "Alma Rusu", "the pronoun goes to the last speaker");
}

#[test]
fn speaker_before_the_quote_and_multi_paragraph_quotes() {
    let q =
        quotes_of(&["The harbour master, Ines Daly, said: “The storm moved faster than any model predicted, and the \
         warnings went out too late for the fishing fleet.\n\
         “We will review every step of the night before the season opens again.”"]);
    let quote = by(&q, "The storm moved faster");
    assert_eq!(quote.0, "Ines Daly");
    assert!(quote.2.contains("review every step"), "one quote over two paragraphs: {quote:?}");
}

#[test]
fn reported_speech_in_its_three_shapes() {
    let q =
        quotes_of(&["Transport secretary Olu Benn said the line would reopen within a fortnight of the inspection.\n\
         The repairs will cost more than the original estimate, the rail operator's chief engineer, \
         Mara Quist, said on Tuesday.\n\
         According to Quist, three of the five damaged spans must be replaced entirely."]);
    let a = by(&q, "the line would reopen");
    assert_eq!((a.0.as_str(), a.1), ("Olu Benn", QuoteKind::Reported));
    assert_eq!(by(&q, "The repairs will cost").0, "Mara Quist");
    assert_eq!(by(&q, "three of the five").0, "Mara Quist");
}

#[test]
fn scare_quotes_and_headline_verbs_are_not_statements() {
    let q =
        quotes_of(&["The council called the plan “reckless” and rejected it.\nUnited States Rejects Plan Says Envoy"]);
    assert!(q.iter().all(|x| x.2 != "reckless"), "{q:?}");
    assert!(q.iter().all(|x| !x.2.contains("Rejects")), "{q:?}");
}

#[test]
fn a_role_speaker_resolves_to_the_named_holder() {
    let q = quotes_of(&["Health ministry spokeswoman Dana Oyelaran confirmed two new cases on Sunday morning.\n\
         “There is no reason for panic and the clinics remain open,” the spokeswoman said."]);
    assert_eq!(by(&q, "There is no reason").0, "Dana Oyelaran");
}

#[test]
fn honorifics_after_the_cue_stay_in_the_speaker() {
    let q = quotes_of(&["The inquiry opened in the town hall on Wednesday morning.\n\
         “Every family deserves an answer about what happened that night,” said Mr. Anders Kolby, who chairs it."]);
    assert_eq!(by(&q, "Every family deserves").0, "Anders Kolby");
}

#[test]
fn span_index_answers_overlap_and_containment() {
    let idx = SpanIndex::new([30..40, 0..100, 120..130]);
    assert!(idx.overlaps(&(110..125)));
    assert!(!idx.overlaps(&(100..120)), "touching ends do not overlap");
    assert!(idx.covers(&(50..60), 0), "the long span contains it");
    assert!(idx.covers(&(95..102), 3) && !idx.covers(&(95..104), 3));
    assert!(!SpanIndex::new([]).overlaps(&(0..10)));
}
