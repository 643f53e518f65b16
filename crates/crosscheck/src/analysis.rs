//! The analysed story: every article split into classified blocks, every block into sentences,
//! every sentence into terms and a vector. This is the shared input of every stage: blocks and
//! sentences are found and vectorised once (entities and quotes tokenise the sentences they
//! read again, for word spans the term pass does not keep).

use std::ops::Range;

use rayon::prelude::*;

use crate::blocks::{self, Block, BlockKind, LineCues, Register};
use crate::embed::{self, SparseVec, Vocabulary};
use crate::ids::{DocId, SentenceId};
use crate::read::Article;
use crate::text::{self, TermMaker};

/// One article with its blocks.
#[derive(Debug, Clone)]
pub struct AnalyzedDoc {
    /// The article as read.
    pub article: Article,
    /// Its lines, classified, in order.
    pub blocks: Vec<Block>,
}

impl AnalyzedDoc {
    /// The article's title, or a headline read from its first line (found when asked: only the
    /// brief's output needs it).
    pub fn title(&self) -> Option<&str> {
        self.article.title.as_deref().or_else(|| blocks::headline(&self.article.text))
    }
}

/// One sentence of one document.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Its document.
    pub doc: DocId,
    /// Index of its block in that document's blocks.
    pub block: usize,
    /// Its block's kind.
    pub kind: BlockKind,
    /// Byte span into the document's text.
    pub span: Range<usize>,
    /// Rank among the reporting sentences of its document (0 = first), or `usize::MAX`.
    pub position: usize,
    /// Whitespace-separated words.
    pub words: usize,
    /// An evaluative or personal aside, even inside a body block.
    pub opinion: bool,
    /// Share of the sentence inside quotation marks (1 for transcript turns).
    pub quoted: f32,
    /// Opens with a pronoun or connective that needs the sentence before it ("He said...",
    /// "Instead, ..."), or is the tail of a quotation; either way it reads badly on its own.
    pub dangling: bool,
    /// Where its word ids start in [`Analysis`]'s shared list: every word's id (stop words
    /// included), then its content terms, then its bigrams. One list for the whole story
    /// rather than three small vectors per sentence, whose headers, allocations and spare
    /// capacity were a large share of the memory on a long input.
    ids_at: u32,
    n_tokens: u32,
    n_terms: u32,
    n_bigrams: u32,
}

/// The analysed story.
#[derive(Debug)]
pub struct Analysis {
    /// The documents, in input order.
    pub docs: Vec<AnalyzedDoc>,
    /// Every sentence of every block, document by document and in text order.
    pub sentences: Vec<Sentence>,
    /// TF-IDF vector of each sentence (same index as `sentences`).
    pub vectors: Vec<SparseVec>,
    /// Every sentence's token, term and bigram ids, one after another (`Sentence::ids_at`).
    ids: Vec<u32>,
    /// Number of term and bigram ids in the story's vocabulary.
    pub vocab_size: usize,
}

impl Analysis {
    /// Analyses a story, documents in parallel when there are enough of them to pay for it.
    pub fn new(articles: Vec<Article>) -> Analysis {
        if articles.len() < 8 {
            return Analysis::with_term_maker(articles, &mut TermMaker::default());
        }
        let per_doc = articles.into_par_iter().map(analyze_doc).collect();
        Analysis::from_docs(per_doc, &mut TermMaker::default())
    }

    /// Analyses a story on the calling thread with the caller's `TermMaker`, whose stem cache
    /// then carries over between stories (the evaluation loop runs thousands of small ones).
    pub fn with_term_maker(articles: Vec<Article>, maker: &mut TermMaker) -> Analysis {
        let per_doc = articles.into_iter().map(analyze_doc).collect();
        Analysis::from_docs(per_doc, maker)
    }

    /// Makes terms, interns them and numbers sentences: sequential, after the per-document
    /// work, on one thread, so that stem numbers are comparable across the story.
    fn from_docs(per_doc: Vec<(AnalyzedDoc, Vec<RawSentence>)>, maker: &mut TermMaker) -> Analysis {
        maker.start_story();
        let words: usize = per_doc.iter().flat_map(|(_, raw)| raw.iter().map(|r| r.words)).sum();
        // Sized by the word count (an upper bound) for an ordinary story, but capped: distinct
        // terms grow far slower than words, and a 64 MB input would reserve 350 MB of tables.
        let mut vocab = Vocabulary::with_capacity(words.min(1 << 18));
        let mut docs = Vec::with_capacity(per_doc.len());
        // Sized exactly: on a long input a doubling vector of sentences wastes tens of MB.
        let mut sentences = Vec::with_capacity(per_doc.iter().map(|(_, raw)| raw.len()).sum());
        // About 2.4 ids per whitespace word on news text (a token, half a term, most of a
        // bigram); reserved so that a long input does not double the list past its need.
        let mut ids: Vec<u32> = Vec::with_capacity(words * 5 / 2 + 16);
        for (d, (doc, raw)) in per_doc.into_iter().enumerate() {
            let mut position = 0;
            for r in raw {
                let words = maker.tokens(&doc.article.text[r.span.clone()]);
                let ids_at = ids.len() as u32;
                ids.extend(words.iter().map(|t| vocab.id(t.stem)));
                let tokens = ids_at as usize..ids.len();
                for k in tokens.clone() {
                    if !words[k - tokens.start].stop {
                        ids.push(ids[k]);
                    }
                }
                let n_terms = ids.len() - tokens.end;
                // Bigrams of adjacent words, unless both are stop words.
                for k in 1..words.len() {
                    if !(words[k - 1].stop && words[k].stop) {
                        let pair = vocab.pair_id(ids[tokens.start + k - 1], ids[tokens.start + k]);
                        ids.push(pair);
                    }
                }
                let reporting = r.kind.is_reporting();
                sentences.push(Sentence {
                    doc: DocId::new(d),
                    block: r.block,
                    kind: r.kind,
                    span: r.span,
                    position: if reporting { position } else { usize::MAX },
                    words: r.words,
                    opinion: r.opinion,
                    quoted: r.quoted,
                    dangling: r.dangling,
                    ids_at,
                    n_tokens: tokens.len() as u32,
                    n_terms: n_terms as u32,
                    n_bigrams: (ids.len() - tokens.end - n_terms) as u32,
                });
                if reporting {
                    position += 1;
                }
            }
            docs.push(doc);
        }
        ids.shrink_to_fit();
        let vectors = {
            let units: Vec<&[u32]> = sentences.iter().map(|s| terms_in(&ids, s)).collect();
            embed::tfidf(&units, vocab.len())
        };
        Analysis { docs, sentences, vectors, ids, vocab_size: vocab.len() }
    }

    /// Ids of every word of `s`, stop words included (stemmed), in order.
    pub fn tokens(&self, s: &Sentence) -> &[u32] {
        let at = s.ids_at as usize;
        &self.ids[at..at + s.n_tokens as usize]
    }

    /// Content-term ids of `s` (stemmed, stop words removed), in order.
    pub fn terms(&self, s: &Sentence) -> &[u32] {
        terms_in(&self.ids, s)
    }

    /// Ids of the adjacent-word bigrams of `s` that are not both stop words, in order.
    pub fn bigrams(&self, s: &Sentence) -> &[u32] {
        let at = (s.ids_at + s.n_tokens + s.n_terms) as usize;
        &self.ids[at..at + s.n_bigrams as usize]
    }

    /// Document `d`.
    pub fn doc(&self, d: DocId) -> &AnalyzedDoc {
        &self.docs[d.index()]
    }

    /// Every document's id, in input order.
    pub fn doc_ids(&self) -> impl Iterator<Item = DocId> {
        (0..self.docs.len()).map(DocId::new)
    }

    /// Sentence `id`.
    pub fn sentence(&self, id: SentenceId) -> &Sentence {
        &self.sentences[id.index()]
    }

    /// The TF-IDF vector of sentence `id`.
    pub fn vector(&self, id: SentenceId) -> &SparseVec {
        &self.vectors[id.index()]
    }

    /// The sentences of document `d` (sentences are stored document by document).
    pub fn sentences_of(&self, d: DocId) -> &[Sentence] {
        let from = self.sentences.partition_point(|s| s.doc < d);
        let to = self.sentences.partition_point(|s| s.doc <= d);
        &self.sentences[from..to]
    }

    /// The text of sentence `s`.
    pub fn text_of(&self, s: &Sentence) -> &str {
        &self.doc(s.doc).article.text[s.span.clone()]
    }
}

fn terms_in<'a>(ids: &'a [u32], s: &Sentence) -> &'a [u32] {
    let at = (s.ids_at + s.n_tokens) as usize;
    &ids[at..at + s.n_terms as usize]
}

fn analyze_doc(article: Article) -> (AnalyzedDoc, Vec<RawSentence>) {
    let (blocks, cues) = blocks::classify_blocks_with_cues(&article.text, &article.markup);
    let sentences = split_sentences(&article.text, &blocks, &cues);
    (AnalyzedDoc { article, blocks }, sentences)
}

struct RawSentence {
    block: usize,
    kind: BlockKind,
    span: Range<usize>,
    words: usize,
    opinion: bool,
    quoted: f32,
    dangling: bool,
}

fn split_sentences(text: &str, blocks: &[Block], cues: &[Option<LineCues>]) -> Vec<RawSentence> {
    let mut out = Vec::new();
    for (b, (block, cues)) in blocks.iter().zip(cues).enumerate() {
        let block_text = &text[block.span.clone()];
        let mut spans = text::sentence_spans(block_text);
        // A dateline is not part of the first sentence's statement.
        if let Some(first) = spans.first_mut() {
            if let Some(len) = blocks::dateline_len(&block_text[first.clone()]).filter(|&l| l < first.len()) {
                first.start += len;
            }
        }
        // Registers from the line's cue occurrences where that is exact, else read afresh.
        let registers = cues.as_ref().map(|c| c.registers(block_text, &spans)).unwrap_or_default();
        for (n, span) in spans.into_iter().enumerate() {
            let s = &block_text[span.clone()];
            let register = registers.get(n).copied().flatten().unwrap_or_else(|| Register::of(s));
            out.push(RawSentence {
                block: b,
                kind: block.kind,
                words: text::word_count(s),
                opinion: register.is_strong_opinion(),
                // A transcript turn is direct speech even without quotation marks.
                quoted: if block.kind == BlockKind::QuoteBlock { 1.0 } else { register.quoted_share },
                dangling: text::opens_with_reference(s) || text::marks::starts_mid_quote(s),
                span: block.span.start + span.start..block.span.start + span.end,
            });
        }
    }
    out
}
