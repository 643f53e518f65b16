//! Reading inputs into [`Article`]s: plain text, HTML, JSON / JSON Lines, Multi-News bundles,
//! gzip-compressed versions of each, whole directories and standard input.
//!
//! Every input is bounded ([`ReadOptions::max_bytes`]) and every failure is a [`ReadError`]
//! naming the input; a bad file or line never stops the rest of a batch.

mod html;
mod json;
mod multinews;
mod warc;

use std::io::Read;
use std::path::Path;

use crate::error::{ReadError, ReadErrorKind};

pub use json::{Field, FieldMap};

/// Reads a stream of WARC records (already decompressed); see the `warc` module.
pub fn read_warc_stream(name: &str, reader: impl std::io::BufRead, opts: &ReadOptions) -> ReadOutcome {
    let (articles, errors) = warc::read_warc(name, reader, opts);
    ReadOutcome { articles, errors }
}

/// Extracts the article of one HTML page (bytes in any declared encoding).
pub fn parse_html_page(name: &str, bytes: &[u8]) -> Result<Article, ReadError> {
    html::parse_html(name, bytes)
}

/// One article as read, before any analysis. `text` is what all offsets refer to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// Where it came from: a path, "path:line", "-" for standard input, or an id.
    pub source: String,
    /// The title the source gives (JSON field, HTML metadata), if any.
    pub title: Option<String>,
    /// The publisher, if the source names it.
    pub outlet: Option<String>,
    /// The page's address, if known.
    pub url: Option<String>,
    /// The publication date as the source writes it.
    pub date: Option<String>,
    /// The author or byline as the source gives it.
    pub author: Option<String>,
    /// The text as read; every offset refers to it.
    pub text: String,
    /// Lines whose page markup says what they are (a heading, a list item, a figure caption),
    /// when the source was HTML; empty otherwise. Byte spans into `text`, in order.
    pub markup: Vec<(std::ops::Range<usize>, Markup)>,
}

/// The element a line of an HTML page's main content came from, where that says something
/// about the line's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// `<h1>` … `<h6>`: a title or subheading of the content.
    Heading,
    /// `<li>`, `<dt>`, `<dd>`: an item of a list in the content.
    ListItem,
    /// `<tr>`, `<td>`, `<th>`: a row or cell of a table in the content.
    TableRow,
    /// `<figcaption>`: the caption of a figure.
    FigureCaption,
    /// `<blockquote>`: quoted or embedded material.
    BlockQuote,
}

impl Article {
    /// An article of plain text with no metadata.
    pub fn from_text(source: impl Into<String>, text: impl Into<String>) -> Self {
        Article { source: source.into(), text: text.into(), ..Default::default() }
    }
}

/// Limits and choices for reading.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Largest input accepted, in bytes, before and after decompression (per record for WARC).
    pub max_bytes: u64,
    /// Which JSON keys hold the article fields.
    pub fields: FieldMap,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { max_bytes: 64 * 1024 * 1024, fields: FieldMap::default() }
    }
}

/// What reading a set of inputs gave: the articles, and one error per input that failed.
#[derive(Debug, Default)]
pub struct ReadOutcome {
    /// Every article read, in input order.
    pub articles: Vec<Article>,
    /// One error per input (file, line, record) that could not be read.
    pub errors: Vec<ReadError>,
}

impl ReadOutcome {
    fn push(&mut self, result: Result<Vec<Article>, ReadError>) {
        match result {
            Ok(articles) => self.articles.extend(articles),
            Err(e) => self.errors.push(e),
        }
    }
    fn extend(&mut self, other: ReadOutcome) {
        self.articles.extend(other.articles);
        self.errors.extend(other.errors);
    }
}

/// The formats crosscheck reads, chosen from the file name and, failing that, the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, taken as is.
    Text,
    /// An HTML page: its main text and metadata are extracted.
    Html,
    /// JSON: an article object, an array of them, or a cluster `{"documents": [...]}`.
    Json,
    /// A Multi-News bundle: documents separated by `|||||`, `NEWLINE_CHAR` for line breaks.
    MultiNews,
}

/// Reads every path (a file, a directory walked recursively in name order, or "-" for stdin).
pub fn read_inputs<P: AsRef<Path>>(paths: &[P], opts: &ReadOptions) -> ReadOutcome {
    let mut out = ReadOutcome::default();
    for p in paths {
        let p = p.as_ref();
        if p == Path::new("-") {
            out.extend(read_stdin(opts));
        } else if p.is_dir() {
            out.extend(read_dir(p, opts));
        } else {
            out.extend(read_file(p, opts));
        }
    }
    out
}

fn read_stdin(opts: &ReadOptions) -> ReadOutcome {
    let mut out = ReadOutcome::default();
    let bytes = read_bounded(std::io::stdin().lock(), opts.max_bytes);
    out.push(bytes.map_err(|k| ReadError::new("-", k)).and_then(|b| parse_bytes("-", None, &b, opts)));
    out
}

fn read_dir(dir: &Path, opts: &ReadOptions) -> ReadOutcome {
    let mut visited = std::collections::HashSet::new();
    read_dir_inner(dir, opts, &mut visited)
}

/// Walks a directory once per real directory: `visited` holds canonical paths, so a symlink
/// back to an ancestor is not followed again.
fn read_dir_inner(
    dir: &Path,
    opts: &ReadOptions,
    visited: &mut std::collections::HashSet<std::path::PathBuf>,
) -> ReadOutcome {
    let mut out = ReadOutcome::default();
    if let Ok(real) = dir.canonicalize() {
        if !visited.insert(real) {
            return out;
        }
    }
    let name = dir.display().to_string();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.errors.push(ReadError::new(name, ReadErrorKind::Io(e)));
            return out;
        }
    };
    let mut paths: Vec<_> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => paths.push(e.path()),
            Err(e) => out.errors.push(ReadError::new(name.clone(), ReadErrorKind::Io(e))),
        }
    }
    paths.sort();
    for p in paths {
        let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            out.extend(read_dir_inner(&p, opts, visited));
        } else {
            out.extend(read_file(&p, opts));
        }
    }
    out
}

/// Reads one file; a JSON Lines or WARC file may give some articles and some errors.
pub fn read_file(path: &Path, opts: &ReadOptions) -> ReadOutcome {
    let mut out = ReadOutcome::default();
    let name = path.display().to_string();
    // WARC files are streamed record by record (crawl files run to gigabytes); every other
    // format is read whole, within the size limit.
    match open_warc(path) {
        Ok(Some(reader)) => {
            let (articles, errors) = warc::read_warc(&name, reader, opts);
            out.articles.extend(articles);
            out.errors.extend(errors);
            return out;
        }
        Ok(None) => {}
        Err(e) => {
            out.errors.push(ReadError::new(&name, e));
            return out;
        }
    }
    let result = (|| {
        let meta = std::fs::metadata(path).map_err(|e| ReadError::new(&name, e.into()))?;
        if meta.len() > opts.max_bytes {
            return Err(ReadError::new(&name, ReadErrorKind::TooLarge { size: meta.len(), limit: opts.max_bytes }));
        }
        let file = std::fs::File::open(path).map_err(|e| ReadError::new(&name, e.into()))?;
        read_bounded(file, opts.max_bytes).map_err(|k| ReadError::new(&name, k))
    })();
    match result {
        Ok(bytes) => {
            let (bytes, inner_name) = match gunzip_if_needed(&name, &bytes, opts) {
                Ok(v) => v,
                Err(e) => {
                    out.errors.push(e);
                    return out;
                }
            };
            let format = format_from_name(&inner_name);
            match format {
                Some(Format::Json) if is_json_lines(&inner_name, &bytes) => {
                    let (articles, errors) = json::parse_json_lines(&name, &bytes, &opts.fields);
                    out.articles.extend(articles);
                    out.errors.extend(errors);
                }
                _ => out.push(parse_bytes(&name, format, &bytes, opts)),
            }
        }
        Err(e) => out.errors.push(e),
    }
    out
}

/// Opens `path` as a stream of WARC records if it is one (plain or gzip-compressed).
fn open_warc(path: &Path) -> Result<Option<Box<dyn std::io::BufRead>>, ReadErrorKind> {
    use std::io::BufRead;
    let mut file = std::io::BufReader::new(std::fs::File::open(path)?);
    let head = file.fill_buf()?;
    if head.starts_with(&[0x1f, 0x8b]) {
        let mut inner = std::io::BufReader::new(flate2::bufread::MultiGzDecoder::new(file));
        // A gzip stream that does not even decode its first bytes is left to the normal path,
        // which reports it.
        let is_warc = inner.fill_buf().map(warc::looks_like_warc).unwrap_or(false);
        return Ok(is_warc.then(|| Box::new(inner) as Box<dyn BufRead>));
    }
    Ok(warc::looks_like_warc(head).then(|| Box::new(file) as Box<dyn BufRead>))
}

/// Reads at most `limit` bytes; one byte more means the input is too large.
fn read_bounded(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadErrorKind> {
    let mut buf = Vec::new();
    reader.take(limit + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        return Err(ReadErrorKind::StreamTooLarge { limit });
    }
    Ok(buf)
}

/// Decompresses gzip data (detected by its magic bytes), bounded like any input.
/// Returns the bytes and the name with ".gz" removed, so the inner format can be guessed.
fn gunzip_if_needed(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<(Vec<u8>, String), ReadError> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let decoder = flate2::read::MultiGzDecoder::new(bytes);
        let data = read_bounded(decoder, opts.max_bytes).map_err(|k| match k {
            ReadErrorKind::Io(e) => ReadError::new(name, ReadErrorKind::Gzip(e.to_string())),
            other => ReadError::new(name, other),
        })?;
        Ok((data, name.strip_suffix(".gz").unwrap_or(name).to_string()))
    } else {
        Ok((bytes.to_vec(), name.to_string()))
    }
}

fn format_from_name(name: &str) -> Option<Format> {
    let lower = name.to_ascii_lowercase();
    let ext = Path::new(&lower).extension().and_then(|e| e.to_str()).unwrap_or("");
    match ext {
        "txt" | "text" | "md" => Some(Format::Text),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "json" | "jsonl" | "ndjson" => Some(Format::Json),
        _ => None,
    }
}

fn is_json_lines(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return true;
    }
    // A .json file holding one object per line is JSON Lines too.
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(1 << 20)]);
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    matches!((lines.next(), lines.next()), (Some(a), Some(b)) if a.starts_with('{') && a.ends_with('}') && b.starts_with('{'))
}

/// Guesses a format from content when the name says nothing.
fn sniff_format(text: &str) -> Format {
    let head: String = text.chars().take(2048).collect();
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return Format::Json;
    }
    let lower = trimmed.to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.contains("<body")
        || lower.contains("<p>")
    {
        return Format::Html;
    }
    if text.contains("|||||") || text.contains("NEWLINE_CHAR") {
        return Format::MultiNews;
    }
    Format::Text
}

/// Parses the bytes of one input in the given (or sniffed) format.
pub fn parse_bytes(
    name: &str,
    format: Option<Format>,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Result<Vec<Article>, ReadError> {
    let err = |k| ReadError::new(name, k);
    // UTF-16 text (with its byte-order mark) is full of NUL bytes: transcode before the binary check.
    let transcoded;
    let bytes = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, bom)) if enc != encoding_rs::UTF_8 => {
            transcoded = decode_utf16(enc, &bytes[bom..]).map_err(err)?.into_bytes();
            &transcoded[..]
        }
        _ => bytes,
    };
    check_not_binary(bytes).map_err(err)?;
    if format == Some(Format::Html) {
        return html::parse_html(name, bytes).map(|a| vec![a]);
    }
    let text = decode_utf8(bytes).map_err(err)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let format = match format {
        Some(Format::Text) if text.contains("|||||") || text.contains("NEWLINE_CHAR") => Format::MultiNews,
        Some(f) => f,
        None => sniff_format(text),
    };
    let articles = match format {
        Format::Text => {
            if text.trim().is_empty() {
                return Err(err(ReadErrorKind::Empty));
            }
            vec![Article::from_text(name, text)]
        }
        Format::Html => vec![html::parse_html(name, bytes)?],
        Format::Json => json::parse_json_articles(name, text, &opts.fields)?,
        Format::MultiNews => multinews::split_multinews(name, text)?,
    };
    Ok(articles)
}

/// Decodes what follows a UTF-16 byte-order mark, if it is plausibly UTF-16 text: two bytes a
/// unit, decoding cleanly (at most one unpaired surrogate in a thousand characters), and
/// almost free of control, private-use and non-characters. Any file can start with FF FE
/// (binary data often does); decoding such a file blindly gives a page of nonsense, in CJK
/// mostly, that would be briefed as if it were an article.
fn decode_utf16(enc: &'static encoding_rs::Encoding, body: &[u8]) -> Result<String, ReadErrorKind> {
    let not_utf16 = |reason: String| ReadErrorKind::NotUtf16 { reason };
    if !body.len().is_multiple_of(2) {
        return Err(not_utf16(format!("an odd number of bytes ({}) after the mark", body.len())));
    }
    let (text, _) = enc.decode_without_bom_handling(body);
    let (mut chars, mut replaced, mut odd) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        match c {
            '\u{fffd}' => replaced += 1,
            '\t' | '\n' | '\r' | '\u{0c}' => {}
            c if c.is_control() => odd += 1,
            '\u{e000}'..='\u{f8ff}' | '\u{fdd0}'..='\u{fdef}' | '\u{fffe}' | '\u{ffff}' => odd += 1,
            _ => {}
        }
    }
    if replaced > chars / 1000 {
        return Err(not_utf16(format!("{replaced} of its {chars} characters do not decode")));
    }
    if odd > chars / 100 {
        return Err(not_utf16(format!("{odd} of its {chars} characters are control or private-use characters")));
    }
    Ok(text.into_owned())
}

/// Text offsets are defined on the input decoded as UTF-8 unchanged, so invalid UTF-8 is an
/// error naming the first bad byte rather than a silent replacement that would shift offsets.
fn decode_utf8(bytes: &[u8]) -> Result<&str, ReadErrorKind> {
    std::str::from_utf8(bytes).map_err(|e| ReadErrorKind::InvalidUtf8 { offset: e.valid_up_to() })
}

/// Rejects data that is clearly not text: NUL bytes or many control characters early on.
fn check_not_binary(bytes: &[u8]) -> Result<(), ReadErrorKind> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(ReadErrorKind::Binary { reason: "it contains NUL bytes".into() });
    }
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    if !head.is_empty() && control * 10 > head.len() {
        return Err(ReadErrorKind::Binary {
            reason: format!("{control} control bytes in the first {} bytes", head.len()),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_formats_from_content() {
        assert_eq!(sniff_format("<!DOCTYPE html><html><body><p>x</p></body></html>"), Format::Html);
        assert_eq!(sniff_format("{\"text\": \"x\"}"), Format::Json);
        assert_eq!(sniff_format("one ||||| two"), Format::MultiNews);
        assert_eq!(sniff_format("Plain words. More words."), Format::Text);
    }

    #[test]
    fn binary_data_is_rejected_with_a_reason() {
        let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
        let e = parse_bytes("junk.bin", None, &junk, &ReadOptions::default()).unwrap_err();
        assert!(matches!(e.kind, ReadErrorKind::Binary { .. }), "{e}");
        assert!(e.to_string().starts_with("junk.bin: "));
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian { vec![0xfe, 0xff] } else { vec![0xff, 0xfe] };
        for unit in text.encode_utf16() {
            out.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        out
    }

    #[test]
    fn utf16_text_with_its_mark_is_read() {
        let text = "Lavrov said on Monday that «the strikes» were legal.\r\nПрезидент: 北京 — “quoted”.\n";
        for big_endian in [false, true] {
            let a =
                parse_bytes("u16.txt", Some(Format::Text), &utf16(text, big_endian), &ReadOptions::default()).unwrap();
            assert_eq!(a[0].text, text);
        }
        // Sniffed too, with no name to go by.
        let a = parse_bytes("-", None, &utf16("Plain words. More words.", false), &ReadOptions::default()).unwrap();
        assert_eq!(a[0].text, "Plain words. More words.");
    }

    #[test]
    fn binary_data_starting_with_a_utf16_mark_is_an_error_not_a_document() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut junk = vec![0xff, 0xfe];
        junk.extend((0..4096).map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        }));
        for bytes in [&junk[..], &junk[..junk.len() - 1]] {
            let e = parse_bytes("photo.bin", None, bytes, &ReadOptions::default()).unwrap_err();
            assert!(matches!(e.kind, ReadErrorKind::NotUtf16 { .. }), "{e}");
            let said = e.to_string();
            assert!(
                said.starts_with("photo.bin: starts with a UTF-16 byte-order mark but is not UTF-16 text ("),
                "{said}"
            );
        }
        // Mostly NUL and control units: decodes, but is not text either.
        let mut controls = vec![0xfe, 0xff];
        controls.extend((0..512u16).flat_map(|i| (i % 7).to_be_bytes()));
        let e = parse_bytes("table.dat", None, &controls, &ReadOptions::default()).unwrap_err();
        assert!(e.to_string().contains("are control or private-use characters"), "{e}");
        // One stray unit in a long text is tolerated.
        let mut text = utf16(&"Words of a report. ".repeat(200), false);
        text.extend([0x00, 0xdc]);
        assert!(parse_bytes("u16.txt", None, &text, &ReadOptions::default()).is_ok());
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let bytes = b"Good start. Then \xff\xfe bad bytes.".to_vec();
        let e = parse_bytes("bad.txt", Some(Format::Text), &bytes, &ReadOptions::default()).unwrap_err();
        assert!(matches!(e.kind, ReadErrorKind::InvalidUtf8 { offset: 17 }), "{e}");
    }
}
