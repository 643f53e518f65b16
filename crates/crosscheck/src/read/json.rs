//! JSON articles: one object, an array of objects, a cluster (`{"documents": [...]}`), or JSON
//! Lines holding any of these a line. Fields: `text` (or `body` / `content`), and where present
//! `title`, `url`, `outlet` (or `source`) and `date` (or `published`).

use serde_json::{Map, Value};

use super::Article;
use crate::error::{ReadError, ReadErrorKind};

const TEXT_FIELDS: [&str; 3] = ["text", "body", "content"];

/// Parses a whole JSON document into its articles.
pub fn parse_json_articles(name: &str, text: &str) -> Result<Vec<Article>, ReadError> {
    parse_json_document(name, text)
}

pub(super) fn parse_json_document(name: &str, text: &str) -> Result<Vec<Article>, ReadError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| ReadError::new(name, ReadErrorKind::Json(e.to_string())))?;
    articles_from_value(name, &value)
}

/// Parses JSON Lines: every good line gives its articles, every bad line an error "name:LINE".
pub(super) fn parse_json_lines(name: &str, bytes: &[u8]) -> (Vec<Article>, Vec<ReadError>) {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_name = format!("{name}:{}", i + 1);
        let line = match std::str::from_utf8(line) {
            Ok(l) => l.trim(),
            Err(e) => {
                errors.push(ReadError::new(line_name, ReadErrorKind::InvalidUtf8 { offset: e.valid_up_to() }));
                continue;
            }
        };
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) => match articles_from_value(&line_name, &v) {
                Ok(a) => articles.extend(a),
                Err(e) => errors.push(e),
            },
            Err(e) => errors.push(ReadError::new(line_name, ReadErrorKind::Json(e.to_string()))),
        }
    }
    if articles.is_empty() && errors.is_empty() {
        errors.push(ReadError::new(name, ReadErrorKind::Empty));
    }
    (articles, errors)
}

fn articles_from_value(name: &str, value: &Value) -> Result<Vec<Article>, ReadError> {
    match value {
        Value::Array(items) => {
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                out.extend(articles_from_value(&format!("{name}[{i}]"), item)?);
            }
            if out.is_empty() {
                return Err(ReadError::new(name, ReadErrorKind::Empty));
            }
            Ok(out)
        }
        Value::Object(obj) => match obj.get("documents") {
            Some(docs @ Value::Array(_)) => articles_from_value(name, docs),
            _ => article_from_object(name, obj).map(|a| vec![a]),
        },
        _ => Err(ReadError::new(name, ReadErrorKind::Json("expected an object or an array of objects".into()))),
    }
}

fn article_from_object(name: &str, obj: &Map<String, Value>) -> Result<Article, ReadError> {
    let field = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| obj.get(*k).and_then(Value::as_str))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
    };
    let text = TEXT_FIELDS
        .iter()
        .find_map(|k| obj.get(*k).and_then(Value::as_str))
        .ok_or_else(|| ReadError::new(name, ReadErrorKind::MissingField { field: "text".into() }))?;
    if text.trim().is_empty() {
        return Err(ReadError::new(name, ReadErrorKind::Empty));
    }
    let id = field(&["id"]);
    Ok(Article {
        source: id.map(|id| format!("{name}#{id}")).unwrap_or_else(|| name.to_string()),
        title: field(&["title", "headline"]),
        outlet: field(&["outlet", "source", "site", "publisher"]),
        url: field(&["url", "link"]),
        date: field(&["date", "published", "published_at"]),
        text: text.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_fallbacks() {
        let a = parse_json_document(
            "a.json",
            r#"{"body": "Words here.", "title": "T", "source": "Wire", "published": "2015-10-01"}"#,
        )
        .unwrap();
        assert_eq!(a[0].text, "Words here.");
        assert_eq!(a[0].outlet.as_deref(), Some("Wire"));
        assert_eq!(a[0].date.as_deref(), Some("2015-10-01"));
    }

    #[test]
    fn bad_lines_are_reported_and_good_ones_kept() {
        let data = b"{\"text\": \"One.\"}\n{not json\n\n{\"title\": \"no text\"}\n{\"text\": \"Two.\"}\n";
        let (articles, errors) = parse_json_lines("f.jsonl", data);
        assert_eq!(articles.iter().map(|a| a.text.as_str()).collect::<Vec<_>>(), ["One.", "Two."]);
        let names: Vec<_> = errors.iter().map(|e| e.source_name.as_str()).collect();
        assert_eq!(names, ["f.jsonl:2", "f.jsonl:4"]);
    }

    #[test]
    fn cluster_objects_give_their_documents() {
        let a = parse_json_document(
            "c.json",
            r#"{"id": "c1", "documents": [{"text": "A."}, {"text": "B."}], "summary": "S"}"#,
        )
        .unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(a[1].source, "c.json[1]");
    }
}
