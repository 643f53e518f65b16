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
            let text = &analysis.doc(q.doc).article.text;
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

/// What a table row expects of one sentence: `Some((speaker phrase as written, speaker entity
/// or "-", start of the content))` for a match, `None` for a sentence that must not match.
type Row = (&'static str, Option<(&'static str, &'static str, &'static str)>);

/// (kind, speaker phrase as written, speaker entity or "-", content) of every quote in `text`.
fn found_in(text: &str) -> Vec<(QuoteKind, Option<String>, String, String)> {
    let analysis = Analysis::new(vec![Article::from_text("t", text)]);
    let entities = find_entities(&analysis);
    find_quotes(&analysis, &entities)
        .into_iter()
        .map(|q| {
            (
                q.kind,
                q.source.map(|s| text[s].to_string()),
                q.speaker.map_or("-".to_string(), |s| entities.entity(s).name.clone()),
                text[q.content].to_string(),
            )
        })
        .collect()
}

/// Checks each row: a match is a quote of `kind` with that source, speaker and content start;
/// a non-match is no quote of `kind` with a source.
fn check_table(kind: QuoteKind, rows: &[Row]) {
    for (text, want) in rows {
        let found = found_in(text);
        let attributed: Vec<_> = found.iter().filter(|q| q.0 == kind && q.1.is_some()).collect();
        match want {
            Some((source, speaker, content)) => assert!(
                attributed
                    .iter()
                    .any(|q| q.1.as_deref() == Some(*source) && q.2 == *speaker && q.3.starts_with(content)),
                "{text:?}: want {source:?} / {speaker:?} / {content:?}, found {found:?}"
            ),
            None => assert!(attributed.is_empty(), "{text:?} must not match: {found:?}"),
        }
    }
}

#[test]
fn direct_said_then_speaker() {
    check_table(
        QuoteKind::Direct,
        &[
            (
                "“The dam will hold through the winter,” said regional engineer Tomasz Wielki on Friday.",
                Some(("regional engineer Tomasz Wielki", "Tomasz Wielki", "The dam will hold")),
            ),
            (
                "“We expect the first ships by March,” said Lena Okafor, the port's director.",
                Some(("Lena Okafor", "Lena Okafor", "We expect the first ships")),
            ),
            (
                "\"Nobody was hurt in the collapse,\" said fire chief Ravi Anand.",
                Some(("fire chief Ravi Anand", "Ravi Anand", "Nobody was hurt")),
            ),
            ("“We expect the first ships by March,” said.", None),
        ],
    );
}

#[test]
fn direct_speaker_then_said() {
    check_table(
        QuoteKind::Direct,
        &[
            (
                "“Prices will rise again before the summer,” Governor Alicia Braun said on Tuesday.",
                Some(("Governor Alicia Braun", "Alicia Braun", "Prices will rise")),
            ),
            (
                "“We have asked the court for more time,” the union's lawyer, Samir Haddad, said.",
                Some(("the union's lawyer, Samir Haddad,", "Samir Haddad", "We have asked")),
            ),
            (
                "Ships waited outside the harbour all night.\n“The count will take two more days,” Okafor has said.",
                Some(("Okafor", "Okafor", "The count will take")),
            ),
            (
                "Mayor Ines Daly toured the flooded streets.\n“We will rebuild every one of these homes,” she said.",
                Some(("she", "Ines Daly", "We will rebuild")),
            ),
            ("“The plan is dead and buried,” which is what the mayor said.", None),
            ("“Forty homes were flooded overnight,” it was said in the report.", None),
        ],
    );
}

#[test]
fn direct_speaker_said_before_the_quote() {
    check_table(
        QuoteKind::Direct,
        &[
            (
                "Fire chief Ravi Anand said: “The blaze started in the kitchen of the second flat.”",
                Some(("Fire chief Ravi Anand", "Ravi Anand", "The blaze started")),
            ),
            (
                "The port's director, Lena Okafor, said that “no ship will be turned away this winter.”",
                Some(("The port's director, Lena Okafor", "Lena Okafor", "no ship will be turned")),
            ),
            ("The leaflet on every door reads: “The mine will close within the year.”", None),
            ("It was said: “The mine will close within the year.”", None),
        ],
    );
}

#[test]
fn direct_continuation_of_the_previous_turn() {
    // (text, speaker of the quote starting with the given words; "-" when it must not continue)
    let rows = [
        (
            "“The water rose a metre in an hour,” said farmer Jonas Berg. “We moved the cattle to the ridge before dark.”",
            "We moved the cattle",
            "Jonas Berg",
        ),
        (
            "“The water rose a metre in an hour,” said farmer Jonas Berg.\n“We moved the cattle to the ridge before dark.”",
            "We moved the cattle",
            "Jonas Berg",
        ),
        (
            "“The water rose a metre in an hour,” said farmer Jonas Berg.\nThe river crested at noon on Sunday.\n\
             “We moved the cattle to the ridge before dark.”",
            "We moved the cattle",
            "-",
        ),
    ];
    for (text, start, speaker) in rows {
        let found = found_in(text);
        let q = found.iter().find(|q| q.3.starts_with(start)).unwrap_or_else(|| panic!("{text:?}: {found:?}"));
        assert_eq!((q.1.as_deref(), q.2.as_str()), (None, speaker), "{text:?}: {found:?}");
    }
    // Too short to stand alone, and nothing to continue: not a statement.
    assert!(found_in("The council called the plan “reckless and cruel” on Monday.").is_empty());
}

#[test]
fn reported_speaker_said_that() {
    check_table(
        QuoteKind::Reported,
        &[
            (
                "Finance Minister Karin Holt said that the budget would be balanced by next spring.",
                Some(("Finance Minister Karin Holt", "Karin Holt", "the budget would be balanced")),
            ),
            (
                "On Monday, the harbour authority told reporters that two cranes had been damaged in the storm.",
                Some(("the harbour authority", "-", "two cranes had been damaged")),
            ),
            (
                "Finance Minister Karin Holt spoke first.\nBut Holt has said the cuts will not touch hospitals or schools.",
                Some(("Holt", "Karin Holt", "the cuts will not touch")),
            ),
            (
                "The regional weather office fears that the river will peak on Thursday night.",
                Some(("The regional weather office", "-", "the river will peak")),
            ),
            // A belief verb attributes only before "that".
            ("The regional weather office fears the river will peak on Thursday night.", None),
            ("If the council said no, the whole project would stop at once.", None),
            ("Officials said it again.", None),
        ],
    );
}

#[test]
fn reported_content_then_speaker_said() {
    check_table(
        QuoteKind::Reported,
        &[
            (
                "The repairs will take at least three weeks, the operator's chief engineer, Mara Quist, said on Tuesday.",
                Some(("the operator's chief engineer, Mara Quist", "Mara Quist", "The repairs will take")),
            ),
            (
                "Two more ferries will run from Monday, Transport Secretary Olu Benn said.",
                Some(("Transport Secretary Olu Benn", "Olu Benn", "Two more ferries")),
            ),
            ("The repairs will take at least three weeks, which is what everyone said.", None),
        ],
    );
}

#[test]
fn reported_content_then_said_speaker() {
    check_table(
        QuoteKind::Reported,
        &[
            (
                "The vote will be held again in March, said Ilse Varga, the commission's chair.",
                Some(("Ilse Varga, the commission's chair", "Ilse Varga", "The vote will be held")),
            ),
            (
                "Both reactors were shut down safely overnight, said a senior official.",
                Some(("a senior official", "-", "Both reactors were shut")),
            ),
            ("The vote will be held again in March, said to be the earliest date possible under the law.", None),
        ],
    );
}

#[test]
fn reported_according_to_before_the_content() {
    check_table(
        QuoteKind::Reported,
        &[
            (
                "According to the coast guard, six sailors were rescued from the water overnight.",
                Some(("the coast guard", "-", "six sailors were rescued")),
            ),
            (
                "Mara Quist leads the inquiry.\nAccording to Quist, three of the five damaged spans must be replaced.",
                Some(("Quist", "Mara Quist", "three of the five")),
            ),
            (
                "According to the latest figures from the national statistics office published on Monday morning \
                 in the capital, prices rose by a fifth.",
                None,
            ),
            ("According to plan the ferry left at noon and reached the island by dusk.", None),
        ],
    );
}

#[test]
fn reported_according_to_after_the_content() {
    check_table(
        QuoteKind::Reported,
        &[
            (
                "Six sailors were rescued from the water overnight, according to the coast guard.",
                Some(("the coast guard", "-", "Six sailors were rescued")),
            ),
            (
                "Three of the five damaged spans must be replaced, according to Mara Quist.",
                Some(("Mara Quist", "Mara Quist", "Three of the five")),
            ),
            ("The ferry was late according to the timetable published last week.", None),
            ("Prices rose, according to the central bank of the republic.", None),
        ],
    );
}

#[test]
fn a_low_9_quote_closes_at_its_high_mark_with_nothing_left_open_after_it() {
    let q = quotes_of(&["„We are ready for such attacks on the port“, said Interior Minister Lena Hartwig on Friday."]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(by(&q, "We are ready").0, "Lena Hartwig");
    assert_eq!(q[0].2, "We are ready for such attacks on the port");
}

/// Regression: "According to SPEAKER," with no words after the comma (an ellipsis, or the end of
/// the line) sliced a reversed span and panicked, taking the whole batch down.
#[test]
fn according_to_with_nothing_after_the_comma_reports_nothing_and_does_not_panic() {
    let q =
        quotes_of(&["Port strike\n\nAccording to officials in the city of Paris, ...\n\nAccording to the mayor,\n"]);
    assert!(q.is_empty(), "{q:?}");
}
