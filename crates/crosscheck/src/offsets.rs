//! Byte offsets (what the pipeline works in) to character offsets (what the JSON contract and
//! every reader outside Rust count in): one index per document, built in one pass.

/// Converts byte offsets of one text to character (Unicode scalar) offsets in constant time.
///
/// Keeps the number of characters before every 64-byte boundary; a conversion adds the
/// characters that start between the boundary and the offset. Pure ASCII text needs no table.
#[derive(Debug, Clone)]
pub struct CharIndex<'a> {
    text: &'a [u8],
    /// Characters before byte `64 * k`; empty when the text is ASCII (offsets are equal).
    before_block: Vec<usize>,
}

const BLOCK: usize = 64;

impl<'a> CharIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> CharIndex<'a> {
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            return CharIndex { text: bytes, before_block: Vec::new() };
        }
        let mut before_block = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut chars = 0;
        for block in bytes.chunks(BLOCK) {
            before_block.push(chars);
            chars += starts(block);
        }
        before_block.push(chars);
        CharIndex { text: bytes, before_block }
    }

    /// The character offset of byte offset `byte` (clamped to the text's end). A byte offset
    /// inside a character maps to the offset after that character's start.
    pub fn char_at(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.before_block.is_empty() {
            return byte;
        }
        let k = byte / BLOCK;
        self.before_block[k] + starts(&self.text[k * BLOCK..byte])
    }

    /// Both ends of a byte range.
    pub fn range(&self, bytes: &std::ops::Range<usize>) -> (usize, usize) {
        (self.char_at(bytes.start), self.char_at(bytes.end))
    }
}

/// How many characters start in `bytes` (every byte that is not a UTF-8 continuation byte).
fn starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_counting_characters_at_every_boundary() {
        let text = "Café “quoted” — done. ".repeat(40) + "Лавров сказал «нет». 日本語";
        let index = CharIndex::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_at(byte), chars, "byte {byte}");
        }
        assert_eq!(index.char_at(text.len()), text.chars().count());
        assert_eq!(index.char_at(text.len() + 10), text.chars().count());
    }

    #[test]
    fn ascii_offsets_are_unchanged() {
        let index = CharIndex::new("plain text");
        assert_eq!(index.range(&(6..10)), (6, 10));
    }
}
