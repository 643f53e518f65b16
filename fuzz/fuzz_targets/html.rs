//! HTML reader: any bytes given as an HTML page must give articles or a `ReadError`, never a
//! panic; an article that comes back has some non-blank text.
#![no_main]

use crosscheck::{parse_bytes, Format, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions::default();
    if let Ok(articles) = parse_bytes("f.html", Some(Format::Html), data, &opts) {
        assert!(!articles.is_empty(), "Ok with no articles");
        for a in &articles {
            assert!(!a.text.trim().is_empty(), "article with blank text");
        }
    }
});
