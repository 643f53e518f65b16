//! Entity detection and merging on short invented reports.

use super::keys::translit_key;
use super::*;
use crate::read::Article;

fn entities_of(texts: &[&str]) -> Entities {
    let articles = texts.iter().enumerate().map(|(i, t)| Article::from_text(format!("t{i}"), *t)).collect();
    find_entities(&Analysis::new(articles))
}

fn find<'a>(e: &'a Entities, name: &str) -> &'a Entity {
    e.list.iter().find(|x| x.name == name || x.aliases.iter().any(|a| a == name)).unwrap_or_else(|| {
        panic!("no entity called {name}: {:?}", e.list.iter().map(|x| (&x.name, &x.aliases)).collect::<Vec<_>>())
    })
}

#[test]
fn transliterations_and_surnames_merge_across_documents() {
    let e = entities_of(&[
        "Foreign Minister Yevgeny Orlanov said on Monday that talks in Vardenburg had stalled. Orlanov left early.",
        "Yevgeniy Orlanov, the country's foreign minister, arrived late. Reporters waited for Orlanov for an hour.",
    ]);
    let o = find(&e, "Orlanov");
    assert_eq!(o.kind, EntityType::Person);
    assert_eq!(o.documents, vec![0, 1], "{o:?}");
    assert!(o.aliases.iter().any(|a| a == "Yevgeniy Orlanov") || o.name == "Yevgeniy Orlanov", "{o:?}");
    assert!(o.roles.iter().any(|r| r.to_lowercase().contains("foreign minister")), "{:?}", o.roles);
}

#[test]
fn acronyms_merge_with_the_name_they_abbreviate() {
    let e = entities_of(&[
        "The Northern Coastal Defence League claimed the attack on the port late on Tuesday night.",
        "Officials blamed the NCDL for the blast, which damaged two ships in the harbour overnight.",
    ]);
    let league = find(&e, "NCDL");
    assert!(
        league.name == "Northern Coastal Defence League"
            || league.aliases.contains(&"Northern Coastal Defence League".into())
    );
    assert_eq!(league.documents, vec![0, 1]);
}

#[test]
fn the_known_table_links_names_no_spelling_rule_can() {
    let e = entities_of(&[
        "Jets struck positions held by Islamic State near the river crossing on Sunday morning.",
        "Residents said Daesh fighters had withdrawn before the raids began, leaving the town quiet.",
        "The ISIL convoy was seen heading east, according to a monitoring group based abroad.",
    ]);
    let is = find(&e, "Islamic State");
    assert_eq!(is.kind, EntityType::Group);
    assert_eq!(is.documents, vec![0, 1, 2], "{is:?}");
}

#[test]
fn two_people_sharing_a_surname_stay_apart_and_a_bare_surname_is_not_guessed() {
    let e = entities_of(&[
        "Helena Marsh, the mayor, opened the bridge. Her brother Tomas Marsh, a builder, watched from the bank.",
        "Marsh said the bridge would carry four thousand cars a day once the toll booths were removed.",
    ]);
    let helena = find(&e, "Helena Marsh");
    let tomas = find(&e, "Tomas Marsh");
    assert_ne!(helena.name, tomas.name);
    // The bare "Marsh" of the second report could be either: it is not merged into one of them.
    assert!(!helena.documents.contains(&1) && !tomas.documents.contains(&1), "{helena:?} {tomas:?}");
}

#[test]
fn a_role_on_its_own_resolves_to_the_person_given_that_role() {
    let e = entities_of(&[
        "Harbour Board spokesman Idris Kellam said the port would reopen on Friday after repairs.",
        "The Harbour Board Spokesman later declined to give a date for the reopening of the ferry terminal.",
    ]);
    let k = find(&e, "Idris Kellam");
    assert_eq!(k.documents, vec![0, 1], "{k:?}");
}

#[test]
fn sentence_openers_adjectives_and_headlines_are_not_names() {
    let e = entities_of(&[
        "Officials said the Russian jets flew low. Officials then left. US-led forces stayed in the US zone.\n\
         Floods Sweep Across Three Valleys As Rivers Rise",
    ]);
    let names: Vec<&str> = e.list.iter().map(|x| x.name.as_str()).collect();
    for bad in ["Officials", "Russian", "US-led", "Floods Sweep Across Three Valleys As Rivers Rise"] {
        assert!(!names.contains(&bad), "{bad} in {names:?}");
    }
    assert!(names.contains(&"United States"), "the US of US-led is not needed, but plain US is: {names:?}");
}

#[test]
fn transliteration_key_is_tolerant_but_not_loose() {
    assert_eq!(translit_key("sergei"), translit_key("sergey"));
    assert_eq!(translit_key("qaeda"), translit_key("qaida"));
    assert_eq!(translit_key("mohammed"), translit_key("muhammad"));
    assert_ne!(translit_key("maria"), translit_key("mario"));
    assert_ne!(translit_key("ben"), translit_key("bin"));
}

/// A stand-in for the model worker: labels every "Vantor" as an organisation.
const FAKE_WORKER: &str = r#"
import json, sys
print(json.dumps({"ready": "fake 1"}), flush=True)
for line in sys.stdin:
    text = json.loads(line)["text"]
    found, at = [], text.find("Vantor")
    while at >= 0:
        found.append({"start": at, "end": at + 6, "type": "organisation"})
        at = text.find("Vantor", at + 1)
    print(json.dumps({"mentions": found}), flush=True)
"#;

#[test]
fn a_model_worker_types_entities_and_a_broken_one_falls_back_to_rules() {
    let dir = tempfile::tempdir().expect("temp dir");
    let script = dir.path().join("fake_worker.py");
    std::fs::write(&script, FAKE_WORKER).expect("write worker");
    let text = "Quarterly results beat forecasts\n\
        Shares in Vantor rose by six percent on Monday after the quarterly figures were published.\n\
        Analysts said Vantor had beaten the forecasts of most banks for a third quarter in a row.";
    let analysis = Analysis::new(vec![Article::from_text("a", text)]);

    let by_rules = find_entities(&analysis);
    assert_ne!(find(&by_rules, "Vantor").kind, EntityType::Organisation, "the rules alone cannot tell");

    let command = format!("python3 {}", script.display());
    let Ok(mut worker) = ner::NerWorker::spawn(&command) else {
        eprintln!("python3 not available; skipping the worker half of this test");
        return;
    };
    let with_model = find_entities_with(&analysis, Some(&mut worker));
    assert_eq!(find(&with_model, "Vantor").kind, EntityType::Organisation);

    let missing = ner::NerWorker::spawn("/nonexistent/ner-worker --flag");
    assert!(matches!(missing, Err(ner::NerError::Spawn { .. })), "a missing worker is a clear error");
}
