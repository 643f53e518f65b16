//! Multi-News bundles (`|||||` between documents, `NEWLINE_CHAR` for line breaks).
#![no_main]

use crosscheck::{parse_bytes, Format, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions::default();
    if let Ok(articles) = parse_bytes("f.txt", Some(Format::MultiNews), data, &opts) {
        assert!(!articles.is_empty(), "Ok with no articles");
        for a in &articles {
            assert!(!a.text.trim().is_empty(), "article with blank text");
        }
    }
    // A .txt file holding a bundle is read as one.
    let _ = parse_bytes("f.txt", Some(Format::Text), data, &opts);
});
