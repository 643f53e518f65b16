//! JSON and JSON Lines readers. JSON goes through the in-memory `parse_bytes`; JSON Lines is
//! only reachable through `read_file` (the line parser is private), so the input is also written
//! to a `.jsonl` file in a per-process temporary directory and read back from there.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use crosscheck::{parse_bytes, read_file, Format, ReadOptions};
use libfuzzer_sys::fuzz_target;

fn jsonl_path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("crosscheck-fuzz-jsonl-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temporary directory");
        dir.join("f.jsonl")
    })
}

fn check_articles(articles: &[crosscheck::Article]) {
    for a in articles {
        assert!(!a.text.trim().is_empty(), "article with blank text");
    }
}

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions::default();
    if let Ok(articles) = parse_bytes("f.json", Some(Format::Json), data, &opts) {
        assert!(!articles.is_empty(), "Ok with no articles");
        check_articles(&articles);
    }
    // Sniffing from content only (what stdin gets).
    if let Ok(articles) = parse_bytes("-", None, data, &opts) {
        check_articles(&articles);
    }
    // JSON Lines (and, for inputs starting with gzip magic or "WARC/", those paths too);
    // a small limit keeps gzip bombs from dominating the run.
    let path = jsonl_path();
    std::fs::write(path, data).expect("write temporary file");
    let out = read_file(path, &ReadOptions { max_bytes: 1 << 20, ..Default::default() });
    assert!(!out.articles.is_empty() || !out.errors.is_empty(), "no articles and no errors");
    check_articles(&out.articles);
});
