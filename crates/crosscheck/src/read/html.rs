//! HTML pages: the main article text and its metadata, by the `trafilatura` crate (a port of
//! the extractor that scores best on news pages; see DESIGN.md). Only the character decoding
//! is ours: pages declare their charset in a meta tag, which `encoding_rs` then decodes.

use super::{Article, Markup};
use crate::error::{ReadError, ReadErrorKind};

pub(super) fn parse_html(name: &str, bytes: &[u8]) -> Result<Article, ReadError> {
    parse_html_with_charset(name, bytes, None)
}

/// Like [`parse_html`], with the charset an HTTP header declared (used when the page names none).
pub(super) fn parse_html_with_charset(name: &str, bytes: &[u8], charset: Option<&str>) -> Result<Article, ReadError> {
    let html = decode_html(bytes, charset);
    // Fallback extractors on, precision favoured: the best of the option combinations measured
    // on the article-extraction benchmark (bench/RESULTS.md).
    let opts =
        trafilatura::Options::default().with_fallback(true).with_focus(trafilatura::ExtractionFocus::FavorPrecision);
    // The extractor and its fallbacks recurse over the DOM; a page nested thousands of levels
    // deep would overflow the stack (a crash, not an error), so such pages skip to plain text.
    if nesting_depth(&html) > MAX_DEPTH {
        return visible_text_article(name, &html);
    }
    let result = match trafilatura::extract(&html, &opts) {
        Ok(r) => r,
        // Too little for the extractor (it also gives up on trees nested past its depth
        // limit): fall back to all visible text, which the block classifier then sorts.
        Err(trafilatura::TrafilaturaError::InsufficientContent { .. }) => return visible_text_article(name, &html),
        Err(other) => return Err(ReadError::new(name, ReadErrorKind::Html(other.to_string()))),
    };
    // trafilatura's `content_text` joins paragraphs with spaces; block classification needs
    // one line per paragraph, so the text is taken from its cleaned HTML instead.
    let (text, markup) = html_to_lines_with_markup(&result.content_html);
    if text.split_whitespace().count() < 3 {
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
        author: non_empty(meta.author),
        text,
        markup,
    })
}

/// Deepest element nesting the extractor is given; real pages stay under 100.
const MAX_DEPTH: usize = 400;

fn visible_text_article(name: &str, html: &str) -> Result<Article, ReadError> {
    let text = html_to_lines(&strip_invisible(html));
    if text.split_whitespace().count() < 5 {
        return Err(ReadError::new(name, ReadErrorKind::Empty));
    }
    Ok(Article { source: name.to_string(), text, ..Default::default() })
}

/// An upper estimate of element nesting: opening tags minus closing tags, void and
/// self-closing elements not counted. Unclosed tags only make the estimate larger.
fn nesting_depth(html: &str) -> usize {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li",
    ];
    let (mut depth, mut max) = (0usize, 0usize);
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let start = i + off + 1;
        let Some(&next) = bytes.get(start) else { break };
        let end = bytes[start..].iter().position(|&b| b == b'>').map_or(bytes.len(), |p| start + p);
        if next == b'/' {
            depth = depth.saturating_sub(1);
        } else if next.is_ascii_alphabetic() {
            let name: String = html[start..end]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if !VOID.contains(&name.as_str()) && !html[start..end].ends_with('/') {
                depth += 1;
                max = max.max(depth);
            }
        }
        i = end.min(bytes.len());
        if i >= bytes.len() {
            break;
        }
    }
    max
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// Text of trafilatura's cleaned HTML: one line per block element, a space at every other
/// tag boundary, whitespace collapsed inside lines, entities decoded.
fn html_to_lines(html: &str) -> String {
    html_to_lines_with_markup(html).0
}

/// As [`html_to_lines`], with the lines that an element opening them marks as a heading,
/// list item, table row, figure caption or block quote.
fn html_to_lines_with_markup(html: &str) -> (String, Vec<(std::ops::Range<usize>, Markup)>) {
    const BLOCK: &[&str] = &[
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "figcaption",
        "tr",
        "pre",
        "section",
        "article",
        "header",
        "footer",
        "ul",
        "ol",
        "table",
        "hr",
        "dd",
        "dt",
    ];
    // Segments of text between block boundaries, each with the element whose opening tag
    // started it (a closing tag starts an unmarked segment: text after `</h2>` is no heading).
    let mut segments: Vec<(String, Option<Markup>)> = vec![(String::new(), None)];
    let mut rest = html;
    let push_text = |raw: &mut String, t: &str| raw.extend(t.chars().map(|c| if c.is_whitespace() { ' ' } else { c }));
    while let Some(open) = rest.find('<') {
        push_text(&mut segments.last_mut().expect("never empty").0, &rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[open + 1..open + close];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        // Blocks break lines; any other tag boundary separates words, as trafilatura's own
        // text output does (table cells, adjacent spans: "Top 5" not "Top5").
        if BLOCK.contains(&name.as_str()) {
            let markup = if closing { None } else { markup_of(&name) };
            segments.push((String::new(), markup));
        } else {
            segments.last_mut().expect("never empty").0.push(' ');
        }
        rest = &rest[open + close + 1..];
    }
    push_text(&mut segments.last_mut().expect("never empty").0, rest);
    let mut text = String::with_capacity(html.len() / 2);
    let mut markup = Vec::new();
    for (raw, mark) in segments {
        let decoded = html_escape::decode_html_entities(&raw);
        // An entity may decode to a line break; each piece is a line of its own.
        for line in decoded.lines() {
            let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
            if line.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push('\n');
            }
            if let Some(m) = mark {
                markup.push((text.len()..text.len() + line.len(), m));
            }
            text.push_str(&line);
        }
    }
    (text, markup)
}

fn markup_of(element: &str) -> Option<Markup> {
    Some(match element {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Markup::Heading,
        "li" | "dt" | "dd" => Markup::ListItem,
        "tr" => Markup::TableRow,
        "figcaption" => Markup::FigureCaption,
        "blockquote" => Markup::BlockQuote,
        _ => return None,
    })
}

/// The page without what a browser does not show as text: the head, scripts, styles, comments.
fn strip_invisible(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut pos = 0;
    while pos < html.len() {
        let next = ["<script", "<style", "<noscript", "<head", "<template", "<!--"]
            .iter()
            .filter_map(|open| lower[pos..].find(open).map(|i| (pos + i, *open)))
            .min_by_key(|&(i, _)| i);
        let Some((start, open)) = next else {
            out.push_str(&html[pos..]);
            break;
        };
        out.push_str(&html[pos..start]);
        let close = if open == "<!--" { "-->".to_string() } else { format!("</{}>", &open[1..]) };
        pos = match lower[start..].find(&close) {
            Some(i) => start + i + close.len(),
            None => html.len(),
        };
    }
    out
}

/// Decodes by BOM, then by a `charset` declared in the first 2 KB, then as UTF-8 with
/// replacement (HTML offsets refer to the extracted text, so replacement shifts nothing).
fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> String {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[bom_len..]).0.into_owned();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let declared = head.find("charset=").and_then(|i| {
        let rest = head[i + 8..].trim_start_matches(['"', '\'']);
        let label: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
        encoding_rs::Encoding::for_label(label.as_bytes())
    });
    let from_http = http_charset.and_then(|c| encoding_rs::Encoding::for_label(c.trim().as_bytes()));
    let enc = declared.or(from_http).unwrap_or(encoding_rs::UTF_8);
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaned_html_becomes_one_line_per_paragraph() {
        let html =
            "<h1>Flood &amp; rain</h1><p>First   para\nwraps.</p><p>Second <b>bold</b> one.</p><ul><li>item</li></ul>";
        assert_eq!(html_to_lines(html), "Flood & rain\nFirst para wraps.\nSecond bold one.\nitem");
    }

    #[test]
    fn headings_list_items_rows_and_captions_are_marked() {
        let html = "<h2>What happens next</h2><p>The board meets in May.</p><ul><li>Two new <b>routes</b></li>\
            <li>Fares frozen</li></ul><figure><figcaption>The depot at dawn.</figcaption></figure>\
            <table><tr><td>Route 4</td><td>12 min</td></tr></table><p>After the &lt;table&gt;.</p>";
        let (text, markup) = html_to_lines_with_markup(html);
        assert_eq!(text, "What happens next\nThe board meets in May.\nTwo new routes\nFares frozen\nThe depot at dawn.\nRoute 4 12 min\nAfter the <table>.");
        let marked: Vec<(&str, Markup)> = markup.iter().map(|(r, m)| (&text[r.clone()], *m)).collect();
        assert_eq!(
            marked,
            [
                ("What happens next", Markup::Heading),
                ("Two new routes", Markup::ListItem),
                ("Fares frozen", Markup::ListItem),
                ("The depot at dawn.", Markup::FigureCaption),
                ("Route 4 12 min", Markup::TableRow),
            ]
        );
        assert_eq!(html_to_lines(html), text);
    }

    #[test]
    fn fallback_text_skips_scripts_styles_and_comments() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body><script>var x='<p>';</script>\
            <!-- note --><p>Visible words here.</p><noscript>Enable JS</noscript></body></html>";
        assert_eq!(html_to_lines(&strip_invisible(html)), "Visible words here.");
    }

    #[test]
    fn deeply_nested_page_still_gives_its_text() {
        let depth = 10_000;
        let html = format!(
            "<html><body>{}<p>The bridge reopened on Friday after engineers checked its piers, the council said.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let a = parse_html("deep.html", html.as_bytes()).unwrap();
        assert!(a.text.contains("bridge reopened"), "{}", a.text);
    }

    #[test]
    fn nesting_is_estimated_from_tags() {
        assert_eq!(nesting_depth("<html><body><div><p>a<br>b</p></div></body></html>"), 3);
        assert_eq!(nesting_depth(&"<div>".repeat(5000)), 5000);
    }

    #[test]
    fn declared_latin1_is_decoded() {
        let mut page = b"<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 news</title></head>".to_vec();
        page.extend_from_slice(b"<body><p>x</p></body></html>");
        assert!(decode_html(&page, None).contains("Caf\u{e9} news"));
    }
}
