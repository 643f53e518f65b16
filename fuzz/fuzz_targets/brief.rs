//! The whole pipeline on arbitrary text: block classification, sentence segmentation,
//! summary selection, citations, character offsets and every renderer. Checks that offsets are
//! in range and that each summary sentence's offsets give back its text.
//!
//! The input is briefed as one document; when it contains `|||||` it is also split there into
//! up to 8 documents and briefed again, so that citations across documents are exercised.
#![no_main]

use crosscheck::{build_brief, render, Article, OutputFormat, RenderOptions, Stages};
use libfuzzer_sys::fuzz_target;

fn check(articles: Vec<Article>) {
    let n_docs = articles.len();
    let brief = build_brief(articles, &[], &Stages::default());
    assert_eq!(brief.documents.len(), n_docs, "one document out per article in");
    for doc in &brief.documents {
        let n = doc.text.chars().count();
        for b in &doc.blocks {
            assert!(b.start <= b.end && b.end <= n, "block {}..{} outside 0..{n}", b.start, b.end);
        }
    }
    for s in &brief.summary {
        let doc = brief.documents.iter().find(|d| d.id == s.doc).expect("summary names a known document");
        let n = doc.text.chars().count();
        assert!(s.start <= s.end && s.end <= n, "summary {}..{} outside 0..{n}", s.start, s.end);
        let got: String = doc.text.chars().skip(s.start).take(s.end - s.start).collect();
        assert_eq!(got, s.text, "summary offsets {}..{} do not give back its text", s.start, s.end);
        for c in &s.citations {
            assert!(brief.documents.iter().any(|d| &d.id == c), "citation of unknown document {c}");
        }
    }
    for q in &brief.quotes {
        let doc = brief.documents.iter().find(|d| d.id == q.doc).expect("quote names a known document");
        let got: String = doc.text.chars().skip(q.start).take(q.end.saturating_sub(q.start)).collect();
        assert!(q.start <= q.end, "quote {}..{} reversed", q.start, q.end);
        assert_eq!(got, q.text, "quote offsets {}..{} do not give back its text", q.start, q.end);
        if let Some(speaker) = &q.speaker {
            assert!(brief.entities.iter().any(|e| &e.name == speaker), "speaker {speaker} is not an entity");
        }
    }
    for e in &brief.entities {
        for m in &e.mentions {
            let doc = brief.documents.iter().find(|d| d.id == m.doc).expect("mention names a known document");
            assert!(m.start < m.end && m.end <= doc.text.chars().count(), "mention {}..{} out of range", m.start, m.end);
        }
    }
    for format in [OutputFormat::Terminal, OutputFormat::Markdown, OutputFormat::Json, OutputFormat::Html] {
        for show_blocks in [false, true] {
            for quotes_only in [false, true] {
                let _ = render(&brief, format, RenderOptions { show_blocks, quotes_only });
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    check(vec![Article::from_text("f", text)]);
    if text.contains("|||||") {
        let docs = text.split("|||||").take(8).enumerate().map(|(i, t)| Article::from_text(format!("f#{i}"), t)).collect();
        check(docs);
    }
});
