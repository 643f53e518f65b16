//! JSON articles: one object, an array of objects, a cluster (`{"documents": [...]}`), or JSON
//! Lines holding any of these a line. Field names are configurable ([`FieldMap`]); by default
//! `text` (or `body` / `content`), `title`, `url`, `outlet` (or `source`), `date` (or
//! `published`), `author` and `id` are used where present.

use serde_json::{Map, Value};

use super::Article;
use crate::error::{ReadError, ReadErrorKind};

/// The fields of an article record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The article's text.
    Text,
    /// Its title.
    Title,
    /// Its address.
    Url,
    /// Its publisher.
    Outlet,
    /// Its publication date.
    Date,
    /// Its author.
    Author,
    /// A record id, which names the document in `source`.
    Id,
}

impl std::str::FromStr for Field {
    type Err = String;
    fn from_str(s: &str) -> Result<Field, String> {
        Ok(match s {
            "text" => Field::Text,
            "title" => Field::Title,
            "url" => Field::Url,
            "outlet" => Field::Outlet,
            "date" => Field::Date,
            "author" => Field::Author,
            "id" => Field::Id,
            other => return Err(format!("unknown field `{other}` (text, title, url, outlet, date, author, id)")),
        })
    }
}

/// Which JSON keys hold each field, tried in order. User choices (`text=body`) go first.
#[derive(Debug, Clone)]
pub struct FieldMap {
    keys: Vec<(Field, String)>,
}

impl Default for FieldMap {
    fn default() -> Self {
        let defaults: &[(Field, &str)] = &[
            (Field::Text, "text"),
            (Field::Text, "body"),
            (Field::Text, "content"),
            (Field::Text, "article"),
            (Field::Title, "title"),
            (Field::Title, "headline"),
            (Field::Url, "url"),
            (Field::Url, "link"),
            (Field::Outlet, "outlet"),
            (Field::Outlet, "source"),
            (Field::Outlet, "site"),
            (Field::Outlet, "publisher"),
            (Field::Date, "date"),
            (Field::Date, "published"),
            (Field::Date, "published_at"),
            (Field::Author, "author"),
            (Field::Author, "byline"),
            (Field::Id, "id"),
        ];
        FieldMap { keys: defaults.iter().map(|(f, k)| (*f, k.to_string())).collect() }
    }
}

impl FieldMap {
    /// Tries `key` first for `field` (a key may be a dotted path into nested objects: `meta.title`).
    pub fn prefer(&mut self, field: Field, key: impl Into<String>) {
        self.keys.insert(0, (field, key.into()));
    }

    /// Parses "field=key" as given on the command line.
    pub fn prefer_spec(&mut self, spec: &str) -> Result<(), String> {
        let (field, key) = spec.split_once('=').ok_or_else(|| format!("`{spec}` is not FIELD=KEY"))?;
        if key.trim().is_empty() {
            return Err(format!("`{spec}` names no key"));
        }
        self.prefer(field.trim().parse()?, key.trim());
        Ok(())
    }

    fn get<'a>(&self, obj: &'a Map<String, Value>, field: Field) -> Option<&'a Value> {
        self.keys.iter().filter(|(f, _)| *f == field).find_map(|(_, key)| lookup(obj, key))
    }

    fn text_keys(&self) -> String {
        self.keys.iter().filter(|(f, _)| *f == Field::Text).map(|(_, k)| k.as_str()).collect::<Vec<_>>().join(" or ")
    }
}

fn lookup<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    if let Some(v) = obj.get(key) {
        return Some(v);
    }
    let (first, rest) = key.split_once('.')?;
    match obj.get(first)? {
        Value::Object(inner) => lookup(inner, rest),
        _ => None,
    }
}

/// Parses a whole JSON document into its articles.
pub fn parse_json_articles(name: &str, text: &str, fields: &FieldMap) -> Result<Vec<Article>, ReadError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| ReadError::new(name, ReadErrorKind::Json(e.to_string())))?;
    articles_from_value(name, &value, fields)
}

/// Parses JSON Lines: every good line gives its articles, every bad line an error "name:LINE".
pub(super) fn parse_json_lines(name: &str, bytes: &[u8], fields: &FieldMap) -> (Vec<Article>, Vec<ReadError>) {
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
            Ok(v) => match articles_from_value(&line_name, &v, fields) {
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

fn articles_from_value(name: &str, value: &Value, fields: &FieldMap) -> Result<Vec<Article>, ReadError> {
    match value {
        Value::Array(items) => {
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                // `[1, 2, 3]` is reported as a whole; an object item as the item it is.
                if !matches!(item, Value::Object(_) | Value::Array(_)) {
                    let found = format!("an array whose item {i} is {}", kind_of(item));
                    return Err(not_article(name, found, fields));
                }
                out.extend(articles_from_value(&format!("{name}[{i}]"), item, fields)?);
            }
            if out.is_empty() {
                return Err(ReadError::new(name, ReadErrorKind::Empty));
            }
            Ok(out)
        }
        Value::Object(obj) => match obj.get("documents") {
            Some(docs @ Value::Array(_)) if fields.get(obj, Field::Text).is_none() => {
                articles_from_value(name, docs, fields)
            }
            _ => article_from_object(name, obj, fields).map(|a| vec![a]),
        },
        other => Err(not_article(name, kind_of(other).to_string(), fields)),
    }
}

/// JSON that parsed but is not an article; `found` says what it is instead.
fn not_article(name: &str, found: String, fields: &FieldMap) -> ReadError {
    ReadError::new(name, ReadErrorKind::NotArticle { found, fields: fields.text_keys() })
}

/// "a number", "a string", ... for saying what a JSON value is.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// What an object without article text holds: its keys (a few), or that it is empty.
fn object_without_text(obj: &Map<String, Value>, fields: &FieldMap) -> String {
    if let Some(v) = fields.get(obj, Field::Text).filter(|v| !v.is_string()) {
        return format!("an object whose text field is {}, not a string", kind_of(v));
    }
    if obj.is_empty() {
        return "an empty object".to_string();
    }
    let mut names: Vec<&String> = obj.keys().collect();
    names.sort();
    let mut keys: Vec<String> = names.iter().take(6).map(|k| format!("`{k}`")).collect();
    if obj.len() > 6 {
        keys.push("...".to_string());
    }
    format!("an object with no article text (its keys: {})", keys.join(", "))
}

fn article_from_object(name: &str, obj: &Map<String, Value>, fields: &FieldMap) -> Result<Article, ReadError> {
    let field = |f: Field| {
        {
            fields.get(obj, f).and_then(|v| match v {
                Value::String(s) => Some(s.trim().to_string()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
        }
        .filter(|s: &String| !s.is_empty())
    };
    let text = fields
        .get(obj, Field::Text)
        .and_then(Value::as_str)
        .ok_or_else(|| not_article(name, object_without_text(obj, fields), fields))?;
    if text.trim().is_empty() {
        return Err(ReadError::new(name, ReadErrorKind::Empty));
    }
    Ok(Article {
        source: field(Field::Id).map(|id| format!("{name}#{id}")).unwrap_or_else(|| name.to_string()),
        title: field(Field::Title),
        outlet: field(Field::Outlet),
        url: field(Field::Url),
        date: field(Field::Date),
        author: field(Field::Author),
        text: text.to_string(),
        markup: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_fallbacks() {
        let a = parse_json_articles(
            "a.json",
            r#"{"body": "Words here.", "title": "T", "source": "Wire", "published": "2015-10-01"}"#,
            &FieldMap::default(),
        )
        .unwrap();
        assert_eq!(a[0].text, "Words here.");
        assert_eq!(a[0].outlet.as_deref(), Some("Wire"));
        assert_eq!(a[0].date.as_deref(), Some("2015-10-01"));
    }

    #[test]
    fn bad_lines_are_reported_and_good_ones_kept() {
        let data = b"{\"text\": \"One.\"}\n{not json\n\n{\"title\": \"no text\"}\n{\"text\": \"Two.\"}\n";
        let (articles, errors) = parse_json_lines("f.jsonl", data, &FieldMap::default());
        assert_eq!(articles.iter().map(|a| a.text.as_str()).collect::<Vec<_>>(), ["One.", "Two."]);
        let names: Vec<_> = errors.iter().map(|e| e.source_name.as_str()).collect();
        assert_eq!(names, ["f.jsonl:2", "f.jsonl:4"]);
    }

    #[test]
    fn cluster_objects_give_their_documents() {
        let a = parse_json_articles(
            "c.json",
            r#"{"id": "c1", "documents": [{"text": "A."}, {"text": "B."}], "summary": "S"}"#,
            &FieldMap::default(),
        )
        .unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(a[1].source, "c.json[1]");
    }

    #[test]
    fn chosen_field_names_and_nested_keys_are_used() {
        let mut fields = FieldMap::default();
        fields.prefer_spec("text=story.body").unwrap();
        fields.prefer_spec("title=hed").unwrap();
        let a = parse_json_articles(
            "n.json",
            r#"{"hed": "H", "story": {"body": "Nested text."}, "text": "decoy"}"#,
            &fields,
        )
        .unwrap();
        assert_eq!((a[0].title.as_deref(), a[0].text.as_str()), (Some("H"), "Nested text."));
        assert!(fields.prefer_spec("colour=x").is_err());
        let e = parse_json_articles("m.json", r#"{"title": "no body"}"#, &fields).unwrap_err();
        assert!(e.to_string().contains("story.body or text"), "{e}");
    }

    #[test]
    fn json_of_the_wrong_shape_is_valid_json_but_not_an_article() {
        let data =
            b"[1,2,3]\n42\n\"text\"\n{\"title\": \"T\", \"id\": 7}\n{\"text\": 5}\n{bad\n[{\"text\": \"Fine.\"}, {}]\n";
        let (articles, errors) = parse_json_lines("w.jsonl", data, &FieldMap::default());
        assert!(articles.is_empty());
        let said: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        let expected_start = [
            "w.jsonl:1: valid JSON, but not an article: an array whose item 0 is a number (expected an object with \
             a text or body or content or article field, an array of such objects, or a cluster {\"documents\": [...]})",
            "w.jsonl:2: valid JSON, but not an article: a number (",
            "w.jsonl:3: valid JSON, but not an article: a string (",
            "w.jsonl:4: valid JSON, but not an article: an object with no article text (its keys: `id`, `title`) (",
            "w.jsonl:5: valid JSON, but not an article: an object whose text field is a number, not a string (",
            "w.jsonl:6: malformed JSON: ",
            "w.jsonl:7[1]: valid JSON, but not an article: an empty object (",
        ];
        assert_eq!(said.len(), expected_start.len(), "{said:#?}");
        for (got, want) in said.iter().zip(expected_start) {
            assert!(got.starts_with(want), "{got}\n  should start with\n{want}");
        }
        assert!(matches!(errors[0].kind, ReadErrorKind::NotArticle { .. }));
        assert!(matches!(errors[5].kind, ReadErrorKind::Json(_)));
        // A whole .json file of the wrong shape says the same, naming the file.
        let e = parse_json_articles("w.json", "[\"a\", \"b\"]", &FieldMap::default()).unwrap_err();
        assert!(e.to_string().starts_with("w.json: valid JSON, but not an article: an array whose item 0 is a string"));
    }
}
