//! Cross-document entity coreference on ECB+ (Cybulska and Vossen, LREC 2014), for scoring how
//! well crosscheck merges the aliases of named participants across the reports of one story.
//!
//! Layout read: `DIR/<topic>/<topic>_<n>ecb.xml` and `DIR/<topic>/<topic>_<n>ecbplus.xml`, the
//! corpus as released (see README.upstream.txt beside it). Each file holds
//! - `<token t_id sentence number>` elements, the tokenised text;
//! - `<Markables>`: mentions (an element named after the annotation tag, e.g. `HUMAN_PART_PER`,
//!   with `<token_anchor t_id>` children) and, without anchors, the descriptors of coreference
//!   chains (a `TAG_DESCRIPTOR` attribute, and an `instance_id` for cross-document ones);
//! - `<Relations>`: `CROSS_DOC_COREF` (source mentions → target descriptor, whose `instance_id`
//!   names the entity across documents) and `INTRA_DOC_COREF` (chains that take part in no
//!   cross-document chain; their descriptor has no `instance_id`).
//!
//! Only entity mentions are kept: human participants (`HUMAN_PART*`), locations (`LOC_*`) and
//! non-human participants (`NON_HUMAN_PART*`), not actions, negated actions or times.
//! Scoring is [B-cubed](bcubed) over mentions; the evaluation covers named mentions
//! ([`is_named`]), and clusters never cross topics, so score each topic's mentions with cluster
//! ids made unique per topic and pool the items (micro average).
//!
//! Annotation was aimed at a selection of sentences per document (listed in
//! `ECBplus_coreference_sentences.csv`, read by [`read_selected_sentences`]); mentions outside
//! them are mostly in no chain, so they count as singletons unless filtered out.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::Hash;
use std::path::Path;

use crate::Error;

/// One annotated entity mention of ECB+.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldMention {
    /// Topic directory name ("1" … "45").
    pub topic: String,
    /// Document id: the file name without `.xml` ("1_10ecb", "1_10ecbplus"), as in stories.jsonl.
    pub doc: String,
    /// The corpus's sentence number (in `ecbplus` files sentence 0 is the page's URL).
    pub sentence: u32,
    /// The mention's tokens, detokenised by [`detokenize`].
    pub text: String,
    /// Its whole sentence, detokenised the same way.
    pub context: String,
    /// The annotation tag, e.g. `HUMAN_PART_PER`, `LOC_GEO`, `NON_HUMAN_PART`.
    pub kind: String,
    /// The gold entity: the `instance_id` of its cross-document chain ("HUM16236184328979740");
    /// else `<doc>#intra<m_id>` for a within-document chain (m_id of the chain's descriptor);
    /// else `<doc>#m<m_id>`, a singleton. A few instance ids (7) occur in two topics.
    pub cluster: String,
}

/// Whether an annotation tag is that of an entity mention (participant or location).
pub fn is_entity_kind(tag: &str) -> bool {
    tag.starts_with("HUMAN_PART") || tag.starts_with("NON_HUMAN_PART") || tag.starts_with("LOC_")
}

/// Reads every `*.xml` file of every topic directory of `dir`, topics and files in natural order
/// (1, 2, …, 10; `1_2ecb` before `1_2ecbplus` before `1_10ecb`), and returns their entity mentions
/// in document order. A file that cannot be read or parsed is skipped with a warning; it is an
/// error only when `dir` cannot be listed or no file at all could be read.
pub fn read_ecbplus(dir: &Path) -> Result<Vec<GoldMention>, Error> {
    let mut topics = list_dir(dir)?.into_iter().filter(|(_, path)| path.is_dir()).collect::<Vec<_>>();
    topics.sort_by_key(|(name, _)| natural_key(name));
    let mut mentions = Vec::new();
    let mut docs_read = 0usize;
    for (topic, topic_dir) in topics {
        let mut files = list_dir(&topic_dir)?
            .into_iter()
            .filter(|(name, path)| name.ends_with(".xml") && path.is_file())
            .collect::<Vec<_>>();
        files.sort_by_key(|(name, _)| natural_key(name));
        for (name, path) in files {
            let doc = name.trim_end_matches(".xml");
            let parsed = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read: {e}"))
                .and_then(|xml| parse_document(&topic, doc, &xml));
            match parsed {
                Ok(found) => {
                    docs_read += 1;
                    mentions.extend(found);
                }
                Err(message) => tracing::warn!("skipping {}: {message}", path.display()),
            }
        }
    }
    if docs_read == 0 {
        return Err(Error::NoDocuments);
    }
    Ok(mentions)
}

/// The (name, path) of each entry of a directory.
fn list_dir(dir: &Path) -> Result<Vec<(String, std::path::PathBuf)>, Error> {
    let io_error = |e| Error::Io { path: dir.display().to_string(), reason: e };
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_error)? {
        let entry = entry.map_err(io_error)?;
        entries.push((entry.file_name().to_string_lossy().into_owned(), entry.path()));
    }
    Ok(entries)
}

/// Sort key that orders runs of digits by value: "1_2ecb" < "1_2ecbplus" < "1_10ecb".
fn natural_key(name: &str) -> Vec<(u64, String)> {
    let mut key = Vec::new();
    let mut rest = name;
    while !rest.is_empty() {
        let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        let (number, tail) = rest.split_at(digits);
        let letters = tail.find(|c: char| c.is_ascii_digit()).unwrap_or(tail.len());
        let value = if number.is_empty() { 0 } else { number.parse().unwrap_or(u64::MAX) };
        key.push((value, tail[..letters].to_string()));
        rest = &tail[letters..];
    }
    key
}

/// Parses one ECB+ XML document into its entity mentions, in the order of their first token.
/// `topic` and `doc` are copied into the mentions. The error says what is wrong and where
/// (line numbers of the XML).
pub fn parse_document(topic: &str, doc: &str, xml: &str) -> Result<Vec<GoldMention>, String> {
    let tree = roxmltree::Document::parse(xml).map_err(|e| format!("malformed XML: {e}"))?;
    let root = tree.root_element();
    // Tokens by t_id, and each sentence's tokens in order.
    let mut tokens: HashMap<u32, (u32, &str)> = HashMap::new();
    let mut sentences: BTreeMap<u32, Vec<(u32, u32)>> = BTreeMap::new();
    for token in root.children().filter(|n| n.has_tag_name("token")) {
        let t_id = numeric_attribute(token, "t_id")?;
        let sentence = numeric_attribute(token, "sentence")?;
        let position = numeric_attribute(token, "number").unwrap_or(t_id);
        if tokens.insert(t_id, (sentence, token.text().unwrap_or("").trim())).is_some() {
            return Err(format!("line {}: token t_id {t_id} occurs twice", line_of(token)));
        }
        sentences.entry(sentence).or_default().push((position, t_id));
    }
    let contexts: HashMap<u32, String> = sentences
        .into_iter()
        .map(|(sentence, mut ids)| {
            ids.sort_unstable();
            (sentence, detokenize(&ids.iter().map(|&(_, t)| tokens[&t].1).collect::<Vec<_>>()))
        })
        .collect();

    // Markables: mentions (with token anchors) and chain descriptors (without).
    struct Markable<'a> {
        m_id: &'a str,
        tag: &'a str,
        anchors: Vec<u32>,
    }
    let mut mentions: Vec<Markable> = Vec::new();
    let mut instance_of: HashMap<&str, Option<&str>> = HashMap::new();
    for markables in root.children().filter(|n| n.has_tag_name("Markables")) {
        for node in markables.children().filter(|n| n.is_element()) {
            let m_id = attribute(node, "m_id")?;
            let mut anchors = Vec::new();
            for anchor in node.children().filter(|n| n.has_tag_name("token_anchor")) {
                let t_id = numeric_attribute(anchor, "t_id")?;
                if !tokens.contains_key(&t_id) {
                    return Err(format!("line {}: anchor to unknown token {t_id}", line_of(anchor)));
                }
                anchors.push(t_id);
            }
            if node.has_attribute("TAG_DESCRIPTOR") || anchors.is_empty() {
                instance_of.insert(m_id, node.attribute("instance_id").filter(|id| !id.is_empty()));
            } else {
                anchors.sort_unstable();
                anchors.dedup();
                mentions.push(Markable { m_id, tag: node.tag_name().name(), anchors });
            }
        }
    }

    // Chains: a mention's cluster is its cross-document instance, else its within-document chain.
    let mut cross: HashMap<&str, String> = HashMap::new();
    let mut intra: HashMap<&str, String> = HashMap::new();
    for relations in root.children().filter(|n| n.has_tag_name("Relations")) {
        for relation in relations.children().filter(|n| n.is_element()) {
            let is_cross = match relation.tag_name().name() {
                "CROSS_DOC_COREF" => true,
                "INTRA_DOC_COREF" => false,
                _ => continue,
            };
            let target = relation
                .children()
                .find(|n| n.has_tag_name("target"))
                .ok_or_else(|| format!("line {}: relation without a target", line_of(relation)))?;
            let target_id = attribute(target, "m_id")?;
            let cluster = if is_cross {
                match instance_of.get(target_id).copied().flatten().or(relation.attribute("note")) {
                    Some(instance) => instance.to_string(),
                    None => format!("{doc}#cross{target_id}"),
                }
            } else {
                format!("{doc}#intra{target_id}")
            };
            let chains = if is_cross { &mut cross } else { &mut intra };
            for source in relation.children().filter(|n| n.has_tag_name("source")) {
                chains.insert(attribute(source, "m_id")?, cluster.clone());
            }
        }
    }

    mentions.retain(|m| is_entity_kind(m.tag));
    mentions.sort_by_key(|m| (m.anchors[0], natural_key(m.m_id)));
    Ok(mentions
        .into_iter()
        .map(|m| {
            let sentence = tokens[&m.anchors[0]].0;
            let words = m.anchors.iter().map(|t| tokens[t].1).collect::<Vec<_>>();
            let cluster = match cross.get(m.m_id).or_else(|| intra.get(m.m_id)) {
                Some(cluster) => cluster.clone(),
                None => format!("{doc}#m{}", m.m_id),
            };
            GoldMention {
                topic: topic.to_string(),
                doc: doc.to_string(),
                sentence,
                text: detokenize(&words),
                context: contexts[&sentence].clone(),
                kind: m.tag.to_string(),
                cluster,
            }
        })
        .collect())
}

/// The line of the XML a node starts on.
fn line_of(node: roxmltree::Node) -> u32 {
    node.document().text_pos_at(node.range().start).row
}

/// An attribute that must be there.
fn attribute<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> Result<&'a str, String> {
    node.attribute(name).ok_or_else(|| format!("line {}: <{}> without {name}", line_of(node), node.tag_name().name()))
}

/// An attribute that must be a number.
fn numeric_attribute(node: roxmltree::Node, name: &str) -> Result<u32, String> {
    attribute(node, name)?
        .trim()
        .parse()
        .map_err(|_| format!("line {}: {name} of <{}> is not a number", line_of(node), node.tag_name().name()))
}

/// Joins tokens with single spaces, except none before closing punctuation (`, . ; : ! ? ) ] } %
/// '' ” ’ …`, and tokens made only of these), clitics (`'s`, `n't`, `’re`, …) and none after
/// opening ones (`( [ { $ # `` “ ‘`). Straight `"` and hyphens keep their spaces.
pub fn detokenize<S: AsRef<str>>(tokens: &[S]) -> String {
    const CLOSING: &str = ",.;:!?)]}%”’…'";
    const OPENING: [&str; 8] = ["(", "[", "{", "$", "#", "``", "“", "‘"];
    let is_clitic = |t: &str| {
        let lower = t.to_lowercase();
        lower == "n't"
            || lower == "n’t"
            || ((lower.starts_with('\'') || lower.starts_with('’'))
                && lower.chars().count() <= 3
                && lower.chars().skip(1).all(|c| c.is_alphabetic())
                && lower.chars().count() > 1)
    };
    let mut out = String::new();
    let mut previous: Option<&str> = None;
    for token in tokens.iter().map(|t| t.as_ref()).filter(|t| !t.is_empty()) {
        if let Some(before) = previous {
            let attach = token.chars().all(|c| CLOSING.contains(c)) || is_clitic(token) || OPENING.contains(&before);
            if !attach {
                out.push(' ');
            }
        }
        out.push_str(token);
        previous = Some(token);
    }
    out
}

/// Words that are not names even when capitalised (at the start of a sentence or in a
/// headline): articles, determiners, pronouns, quantifiers and number words, prepositions and
/// conjunctions.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "an", "and", "another", "any", "anybody", "anyone", "as", "at", "before", "both",
    "but", "by", "dozens", "each", "eight", "either", "every", "everybody", "everyone", "few", "five", "for", "four",
    "from", "he", "her", "hers", "herself", "him", "himself", "his", "hundreds", "i", "in", "into", "it", "its",
    "itself", "many", "me", "millions", "mine", "more", "most", "much", "my", "neither", "nine", "no", "nobody",
    "none", "nor", "of", "on", "one", "or", "other", "our", "ours", "several", "seven", "she", "six", "so", "some",
    "somebody", "someone", "such", "ten", "that", "the", "their", "theirs", "them", "themselves", "there", "these",
    "they", "this", "those", "thousands", "three", "to", "two", "us", "we", "what", "which", "who", "whom", "whose",
    "with", "you", "your", "yours",
];

/// Whether a mention is a proper name: some word of it is capitalised and not a function word
/// ("Tara Reid", "the Lakers", "Reid's"; not "The 33-year-old actress", "Her rep", "He's"), or
/// has an uppercase letter after its first ("US", "U.S.", "iPhone", "McCain"). Surrounding
/// punctuation and clitics (`'s`, `'re`, `’ll`, …) are ignored.
///
/// Judged from the text alone, so a common noun capitalised only because it starts a sentence or
/// stands in a title-case headline ("Police", "Prosecutors", "Rehab") counts as a name: on ECB+
/// about 3% of the mentions taken as named are such sentence-initial common nouns. Mentions that
/// merely contain a name count too ("South Sudanese officials", "at the Betty Ford Center").
pub fn is_named(text: &str) -> bool {
    text.split_whitespace().any(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let word = match word.find(['\'', '’']) {
            Some(at) if word[at..].chars().count() <= 3 => &word[..at],
            _ => word,
        };
        let mut chars = word.chars();
        let first_upper = chars.next().is_some_and(char::is_uppercase);
        let inner_upper = chars.any(char::is_uppercase);
        inner_upper || (first_upper && !FUNCTION_WORDS.contains(&word.to_lowercase().as_str()))
    })
}

/// The sentences selected for coreference annotation, as (document id, sentence number), from
/// `ECBplus_coreference_sentences.csv` (header `Topic,File,Sentence Number`, rows like
/// `1,10ecbplus,1` for document `1_10ecbplus`).
pub fn read_selected_sentences(path: &Path) -> Result<HashSet<(String, u32)>, Error> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io { path: name.clone(), reason: e })?;
    let mut selected = HashSet::new();
    for (index, row) in text.lines().enumerate() {
        let fields = row.split(',').map(str::trim).collect::<Vec<_>>();
        if row.trim().is_empty() || (index == 0 && fields.first().is_some_and(|f| f.eq_ignore_ascii_case("topic"))) {
            continue;
        }
        let bad = |message: &str| Error::BadRecord { path: name.clone(), line: index + 1, message: message.into() };
        let [topic, file, sentence] = fields[..] else {
            return Err(bad("expected three fields: topic, file, sentence number"));
        };
        let sentence = sentence.parse().map_err(|_| bad("sentence number is not a number"))?;
        selected.insert((format!("{topic}_{file}"), sentence));
    }
    Ok(selected)
}

/// Numbers the distinct keys 0, 1, 2, … in order of first appearance, for [`bcubed`].
pub fn cluster_ids<K: Hash + Eq>(keys: impl IntoIterator<Item = K>) -> Vec<usize> {
    let mut ids: HashMap<K, usize> = HashMap::new();
    keys.into_iter()
        .map(|key| {
            let next = ids.len();
            *ids.entry(key).or_insert(next)
        })
        .collect()
}

/// B-cubed precision, recall and F1 (Bagga and Baldwin 1998) of a predicted clustering against
/// the gold one: item `i` is in gold cluster `gold[i]` and predicted cluster `pred[i]`.
/// Precision averages, over items, the share of the item's predicted cluster that is in its gold
/// cluster; recall the share of its gold cluster that is in its predicted cluster. O(n) expected.
/// No items give (0, 0, 0).
///
/// # Panics
/// If `gold` and `pred` differ in length.
pub fn bcubed(gold: &[usize], pred: &[usize]) -> (f64, f64, f64) {
    assert_eq!(gold.len(), pred.len(), "gold and predicted clusterings cover different items");
    if gold.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let mut gold_sizes: HashMap<usize, f64> = HashMap::new();
    let mut pred_sizes: HashMap<usize, f64> = HashMap::new();
    let mut overlaps: HashMap<(usize, usize), f64> = HashMap::new();
    for (&g, &p) in gold.iter().zip(pred) {
        *gold_sizes.entry(g).or_default() += 1.0;
        *pred_sizes.entry(p).or_default() += 1.0;
        *overlaps.entry((g, p)).or_default() += 1.0;
    }
    // Each of the `n` items of a (gold, predicted) cell scores n / |predicted| and n / |gold|.
    let (mut precision, mut recall) = (0.0, 0.0);
    for (&(g, p), &n) in &overlaps {
        precision += n * n / pred_sizes[&p];
        recall += n * n / gold_sizes[&g];
    }
    let items = gold.len() as f64;
    let (precision, recall) = (precision / items, recall / items);
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    (precision, recall, f1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: (f64, f64, f64), expected: (f64, f64, f64)) {
        let ok = [(actual.0, expected.0), (actual.1, expected.1), (actual.2, expected.2)]
            .iter()
            .all(|(a, e)| (a - e).abs() < 1e-12);
        assert!(ok, "got {actual:?}, expected {expected:?}");
    }

    #[test]
    fn bcubed_of_the_bagga_baldwin_example() {
        // Gold {1..5} {6,7} {8..12}; response {1..5} {6..12}. Precision: items 1-5 score 1,
        // items 6-7 score 2/7, items 8-12 score 5/7: (5 + 4/7 + 25/7) / 12 = 16/21. Recall 1.
        let gold = [0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2];
        let pred = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1];
        close(bcubed(&gold, &pred), (16.0 / 21.0, 1.0, 32.0 / 37.0));
        // Swapping the roles swaps precision and recall.
        close(bcubed(&pred, &gold), (1.0, 16.0 / 21.0, 32.0 / 37.0));
        // Gold {a,b,c} {d,e}, predicted {a,b} {c,d,e}: P = (1+1+1/3+2/3+2/3)/5 = 11/15, R the same.
        close(bcubed(&[7, 7, 7, 9, 9], &[3, 3, 4, 4, 4]), (11.0 / 15.0, 11.0 / 15.0, 11.0 / 15.0));
    }

    #[test]
    fn bcubed_of_singletons_and_one_cluster() {
        let gold = [0, 0, 0, 1, 1, 2];
        // All singletons: precision 1, recall = clusters / items = 3/6.
        close(bcubed(&gold, &[0, 1, 2, 3, 4, 5]), (1.0, 0.5, 2.0 / 3.0));
        // One cluster: recall 1, precision = sum of squared gold sizes / n² = (9+4+1)/36.
        let p = 14.0 / 36.0;
        close(bcubed(&gold, &[5; 6]), (p, 1.0, 2.0 * p / (p + 1.0)));
        // Perfect, with other cluster ids.
        close(bcubed(&gold, &[4, 4, 4, 8, 8, 1]), (1.0, 1.0, 1.0));
        close(bcubed(&[], &[]), (0.0, 0.0, 0.0));
        assert_eq!(cluster_ids(["x", "y", "x", "z"]), vec![0, 1, 0, 2]);
    }

    const DOC: &str = r#"<Document doc_name="9_1ecb.xml" doc_id="DOC1">
<token t_id="1" sentence="0" number="0">``</token>
<token t_id="2" sentence="0" number="1">Tara</token>
<token t_id="3" sentence="0" number="2">Reid</token>
<token t_id="4" sentence="0" number="3">checked</token>
<token t_id="5" sentence="0" number="4">into</token>
<token t_id="6" sentence="0" number="5">Promises</token>
<token t_id="7" sentence="0" number="6">,</token>
<token t_id="8" sentence="0" number="7">''</token>
<token t_id="9" sentence="0" number="8">her</token>
<token t_id="10" sentence="0" number="9">rep</token>
<token t_id="11" sentence="0" number="10">said</token>
<token t_id="12" sentence="0" number="11">.</token>
<token t_id="13" sentence="1" number="0">The</token>
<token t_id="14" sentence="1" number="1">actress</token>
<token t_id="15" sentence="1" number="2">'s</token>
<token t_id="16" sentence="1" number="3">rep</token>
<token t_id="17" sentence="1" number="4">did</token>
<token t_id="18" sentence="1" number="5">n't</token>
<token t_id="19" sentence="1" number="6">say</token>
<token t_id="20" sentence="1" number="7">(</token>
<token t_id="21" sentence="1" number="8">AT&amp;T</token>
<token t_id="22" sentence="1" number="9">)</token>
<token t_id="23" sentence="1" number="10">.</token>
<Markables>
<HUMAN_PART_PER m_id="1"  >
  <token_anchor t_id="2"/>
  <token_anchor t_id="3"/>
</HUMAN_PART_PER>
<LOC_FAC m_id="2"  >
  <token_anchor t_id="6"/>
</LOC_FAC>
<HUMAN_PART_PER m_id="3"  >
  <token_anchor t_id="10"/>
  <token_anchor t_id="9"/>
</HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="4"  >
  <token_anchor t_id="4"/>
</ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="5"  >
  <token_anchor t_id="13"/>
  <token_anchor t_id="14"/>
  <token_anchor t_id="15"/>
  <token_anchor t_id="16"/>
</HUMAN_PART_PER>
<HUMAN_PART_PER m_id="6"  >
  <token_anchor t_id="13"/>
  <token_anchor t_id="14"/>
</HUMAN_PART_PER>
<HUMAN_PART_ORG m_id="7"  >
  <token_anchor t_id="21"/>
</HUMAN_PART_ORG>
<HUMAN_PART_PER m_id="40" RELATED_TO="" TAG_DESCRIPTOR="t9_tara_reid" instance_id="HUM111" />
<ACTION_OCCURRENCE m_id="41" RELATED_TO="" TAG_DESCRIPTOR="t9_checking_in" instance_id="ACT222" />
<UNKNOWN_INSTANCE_TAG m_id="42" RELATED_TO="" TAG_DESCRIPTOR="" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="HUM111" >
  <source m_id="6" />
  <source m_id="1" />
  <target m_id="40" />
</CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="2" note="ACT222" >
  <source m_id="4" />
  <target m_id="41" />
</CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="3" >
<source m_id="3" />
<source m_id="5" />
<target m_id="42" />
</INTRA_DOC_COREF>
</Relations>
</Document>
"#;

    #[test]
    fn ecbplus_document_parses_into_entity_mentions_and_clusters() {
        let mentions = parse_document("9", "9_1ecb", DOC).unwrap();
        let got = mentions.iter().map(|m| (m.text.as_str(), m.kind.as_str(), m.cluster.as_str())).collect::<Vec<_>>();
        assert_eq!(
            got,
            vec![
                ("Tara Reid", "HUMAN_PART_PER", "HUM111"),
                ("Promises", "LOC_FAC", "9_1ecb#m2"),
                ("her rep", "HUMAN_PART_PER", "9_1ecb#intra42"),
                ("The actress's rep", "HUMAN_PART_PER", "9_1ecb#intra42"),
                ("The actress", "HUMAN_PART_PER", "HUM111"),
                ("AT&T", "HUMAN_PART_ORG", "9_1ecb#m7"),
            ]
        );
        let first = &mentions[0];
        assert_eq!((first.topic.as_str(), first.doc.as_str(), first.sentence), ("9", "9_1ecb", 0));
        assert_eq!(first.context, "``Tara Reid checked into Promises,'' her rep said.");
        assert_eq!(mentions[5].sentence, 1);
        assert_eq!(mentions[5].context, "The actress's rep didn't say (AT&T).");
        let named = mentions.iter().filter(|m| is_named(&m.text)).map(|m| m.text.as_str()).collect::<Vec<_>>();
        assert_eq!(named, vec!["Tara Reid", "Promises", "AT&T"]);
    }

    #[test]
    fn ecbplus_bad_documents_are_reported_or_skipped() {
        assert!(parse_document("9", "9_1ecb", "<Document><token").unwrap_err().contains("malformed XML"));
        let dangling = DOC.replace(r#"<token_anchor t_id="21"/>"#, r#"<token_anchor t_id="99"/>"#);
        assert!(parse_document("9", "9_1ecb", &dangling).unwrap_err().contains("unknown token 99"));

        let dir = tempfile::tempdir().unwrap();
        let topic = dir.path().join("9");
        std::fs::create_dir(&topic).unwrap();
        std::fs::write(topic.join("9_10ecb.xml"), DOC.replace("HUM111", "HUM333")).unwrap();
        std::fs::write(topic.join("9_2ecb.xml"), DOC).unwrap();
        std::fs::write(topic.join("9_3ecb.xml"), "<Document>").unwrap();
        std::fs::write(topic.join(".DS_Store"), "junk").unwrap();
        let mentions = read_ecbplus(dir.path()).unwrap();
        assert_eq!(mentions.len(), 12);
        assert_eq!((mentions[0].doc.as_str(), mentions[6].doc.as_str()), ("9_2ecb", "9_10ecb"));
        assert_eq!(mentions[6].cluster, "HUM333");
        assert!(matches!(read_ecbplus(&topic), Err(Error::NoDocuments)));
    }

    #[test]
    fn named_mentions() {
        for name in [
            "Tara Reid",
            "Promises Treatment Center",
            "the Lakers",
            "Reid's",
            "U.S.",
            "the NBA",
            "US",
            "iPhone",
            "O'Brien",
        ] {
            assert!(is_named(name), "{name}");
        }
        for common in
            ["her rep", "the 33-year-old actress", "he", "The actress", "Her", "It", "33", "I'm", "He'd", "Three men"]
        {
            assert!(!is_named(common), "{common}");
        }
    }

    #[test]
    fn detokenizes_punctuation_and_clitics() {
        assert_eq!(
            detokenize(&["Reid", "'s", "rep", ",", "who", "was", "n't", "there", "."]),
            "Reid's rep, who wasn't there."
        );
        assert_eq!(detokenize(&["“", "Hi", "”", "(", "$", "5", ")", "in", "-", "patient"]), "“Hi” ($5) in - patient");
        assert_eq!(detokenize::<&str>(&[]), "");
    }

    #[test]
    fn natural_order_of_names() {
        let mut names = vec!["1_10ecb.xml", "1_2ecbplus.xml", "1_2ecb.xml", "10", "2"];
        names.sort_by_key(|n| natural_key(n));
        assert_eq!(names, vec!["1_2ecb.xml", "1_2ecbplus.xml", "1_10ecb.xml", "2", "10"]);
    }

    /// The corpus itself, where the shared data sits beside the repository; skipped elsewhere.
    #[test]
    fn ecbplus_real_corpus_baselines() {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ecbplus");
        if !data.join("xml").is_dir() {
            eprintln!("skipped: no ECB+ corpus at {}", data.display());
            return;
        }
        let mentions = read_ecbplus(&data.join("xml")).unwrap();
        let selected = read_selected_sentences(&data.join("ECBplus_coreference_sentences.csv")).unwrap();
        // README.upstream.txt: 2205 location + 9621 human + 3056 non-human participant mentions.
        assert_eq!(mentions.len(), 14882);
        let docs = mentions.iter().map(|m| &m.doc).collect::<HashSet<_>>().len();
        eprintln!("ECB+: {docs} documents, {} entity mentions", mentions.len());
        let named = mentions.iter().filter(|m| is_named(&m.text)).collect::<Vec<_>>();
        let in_selected = named.iter().copied().filter(|m| selected.contains(&(m.doc.clone(), m.sentence)));
        for (label, named) in [("all sentences", named.clone()), ("selected sentences", in_selected.collect())] {
            let gold = cluster_ids(named.iter().map(|m| (&m.topic, &m.cluster)));
            let singletons = (0..named.len()).collect::<Vec<_>>();
            let same_text = cluster_ids(named.iter().map(|m| (&m.topic, m.text.to_lowercase())));
            let clusters = gold.iter().collect::<HashSet<_>>().len();
            let (sp, sr, sf) = bcubed(&gold, &singletons);
            let (tp, tr, tf) = bcubed(&gold, &same_text);
            eprintln!(
                "  named mentions in {label}: {}, gold clusters {clusters}; B-cubed of all singletons \
                 P {sp:.4} R {sr:.4} F1 {sf:.4}; of same lowercase text per topic P {tp:.4} R {tr:.4} F1 {tf:.4}",
                named.len()
            );
            assert!(sp == 1.0 && tr > sr && tf > sf);
        }
    }
}
