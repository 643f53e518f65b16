//! HTML pages: the main article text and its metadata, by the `trafilatura` crate (a port of
//! the extractor that scores best on news pages; see DESIGN.md). Only the character decoding
//! is ours: pages declare their charset in a meta tag, which `encoding_rs` then decodes.

use super::Article;
use crate::error::{ReadError, ReadErrorKind};

pub(super) fn parse_html(name: &str, bytes: &[u8]) -> Result<Article, ReadError> {
    let html = decode_html(bytes);
    let opts = trafilatura::Options::default();
    let result = trafilatura::extract(&html, &opts).map_err(|e| match e {
        trafilatura::TrafilaturaError::InsufficientContent { .. } => ReadError::new(name, ReadErrorKind::Empty),
        other => ReadError::new(name, ReadErrorKind::Html(other.to_string())),
    })?;
    let text = result.content_text.trim().to_string();
    if text.is_empty() {
        return Err(ReadError::new(name, ReadErrorKind::Empty));
    }
    let meta = result.metadata;
    let non_empty = |s: String| {
        let s = s.trim().to_string();
        (!s.is_empty()).then_some(s)
    };
    let outlet = non_empty(meta.sitename).or_else(|| non_empty(meta.hostname));
    Ok(Article {
        source: name.to_string(),
        title: non_empty(meta.title),
        outlet,
        url: non_empty(meta.url),
        date: meta.date.map(|d| d.to_string()),
        text,
    })
}

/// Decodes by BOM, then by a `charset` declared in the first 2 KB, then as UTF-8 with
/// replacement (HTML offsets refer to the extracted text, so replacement shifts nothing).
fn decode_html(bytes: &[u8]) -> String {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[bom_len..]).0.into_owned();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let declared = head.find("charset=").and_then(|i| {
        let rest = head[i + 8..].trim_start_matches(['"', '\'']);
        let label: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
        encoding_rs::Encoding::for_label(label.as_bytes())
    });
    let enc = declared.unwrap_or(encoding_rs::UTF_8);
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_latin1_is_decoded() {
        let mut page = b"<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 news</title></head>".to_vec();
        page.extend_from_slice(b"<body><p>x</p></body></html>");
        assert!(decode_html(&page).contains("Caf\u{e9} news"));
    }
}
