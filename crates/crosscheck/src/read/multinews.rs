//! Multi-News style bundles: documents separated by `|||||`, line breaks written as `NEWLINE_CHAR`.

use super::Article;
use crate::error::{ReadError, ReadErrorKind};

/// Splits a bundle into its documents, named "name#1", "name#2", ...; empty parts are skipped.
pub fn split_multinews(name: &str, text: &str) -> Result<Vec<Article>, ReadError> {
    let articles: Vec<Article> = text
        .split("|||||")
        .enumerate()
        .filter_map(|(i, part)| {
            let body = part.replace("NEWLINE_CHAR", "\n");
            let body = body.trim();
            (!body.is_empty()).then(|| Article::from_text(format!("{name}#{}", i + 1), body))
        })
        .collect();
    if articles.is_empty() {
        return Err(ReadError::new(name, ReadErrorKind::Empty));
    }
    Ok(articles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_restores_newlines() {
        let docs = split_multinews(
            "b.txt",
            "First story. NEWLINE_CHAR NEWLINE_CHAR Second para. ||||| Other outlet's take. |||||",
        )
        .unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].source, "b.txt#1");
        assert_eq!(docs[0].text, "First story. \n \n Second para.");
        assert_eq!(docs[1].text, "Other outlet's take.");
    }
}
