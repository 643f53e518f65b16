//! Sentence vectors. The default is lexical: TF-IDF over stemmed content terms, with IDF taken
//! from the sentences of the story itself, so it needs no download and no background corpus.
//! Vectors are sparse and L2-normalised; similarity is a dot product.

use rustc_hash::FxHashMap;

/// A sparse, L2-normalised vector: term ids in increasing order with their weights.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVec {
    /// Boxed, so each vector holds exactly its terms: a story keeps one per sentence.
    pub terms: Box<[(u32, f32)]>,
}

impl SparseVec {
    /// Builds from unsorted (id, weight) pairs, summing duplicates and normalising.
    pub fn from_weights(mut pairs: Vec<(u32, f32)>) -> SparseVec {
        pairs.sort_unstable_by_key(|p| p.0);
        // Duplicates summed in place, in order, into the first of each run.
        pairs.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 += later.1;
            }
            same
        });
        let mut terms = pairs.into_boxed_slice();
        let norm = terms.iter().map(|t| t.1 * t.1).sum::<f32>().sqrt();
        if norm > 0.0 {
            terms.iter_mut().for_each(|t| t.1 /= norm);
        }
        SparseVec { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Cosine similarity (both sides are normalised), by merging the sorted term lists, or, when
    /// one list is far longer (a sentence against the story centroid, which holds the whole
    /// vocabulary), by looking the shorter one's terms up in it: merging would cost the long
    /// list per call, quadratic over a long input. Either way the same products are added in
    /// increasing term order, so the result is the same to the bit.
    pub fn dot(&self, other: &SparseVec) -> f32 {
        let (a, b) = (&self.terms, &other.terms);
        if a.len().min(b.len()) < a.len().max(b.len()) / 16 {
            return if a.len() < b.len() { lookup_dot(a, b) } else { lookup_dot(b, a) };
        }
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }
}

/// The dot product of a short sorted term list with a long one, by binary search in the long one.
fn lookup_dot(short: &[(u32, f32)], long: &[(u32, f32)]) -> f32 {
    let mut sum = 0.0;
    for &(t, w) in short {
        if let Ok(k) = long.binary_search_by_key(&t, |p| p.0) {
            sum += w * long[k].1;
        }
    }
    sum
}

/// Numbers a story's terms (by their stem numbers from [`crate::text::TermMaker`]) and pairs of
/// terms (bigrams) densely, in one space, in order of first appearance.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<u32, u32>,
    pairs: FxHashMap<(u32, u32), u32>,
    next: u32,
}

impl Vocabulary {
    /// Room for about `tokens` words without rehashing (a story's token count is a good bound).
    pub fn with_capacity(tokens: usize) -> Vocabulary {
        Vocabulary {
            ids: FxHashMap::with_capacity_and_hasher(tokens, Default::default()),
            pairs: FxHashMap::with_capacity_and_hasher(tokens, Default::default()),
            next: 0,
        }
    }

    /// The id of the term with this stem number.
    pub fn id(&mut self, stem: u32) -> u32 {
        *self.ids.entry(stem).or_insert_with(|| fresh(&mut self.next))
    }

    /// The id of the bigram of two term ids.
    pub fn pair_id(&mut self, first: u32, second: u32) -> u32 {
        *self.pairs.entry((first, second)).or_insert_with(|| fresh(&mut self.next))
    }

    /// How many ids have been handed out.
    pub fn len(&self) -> usize {
        self.next as usize
    }
}

/// The next unused id of the shared term-and-bigram space.
#[inline]
fn fresh(next: &mut u32) -> u32 {
    *next += 1;
    *next - 1
}

/// Distinct ids with how often each occurs, in increasing id order: sorted runs, since
/// sentences are short enough that sorting beats a hash map.
pub fn id_counts(ids: &[u32]) -> Vec<(u32, u32)> {
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    sorted.chunk_by(|a, b| a == b).map(|run| (run[0], run.len() as u32)).collect()
}

/// TF-IDF vectors for a set of term lists (one per sentence), IDF computed over the same set:
/// `idf = ln((1 + n) / (1 + df)) + 1`, sublinear term frequency.
pub fn tfidf<U: AsRef<[u32]>>(units: &[U], vocab_size: usize) -> Vec<SparseVec> {
    // Two passes over the units, each sorting a unit into one reused buffer, rather than
    // keeping every unit's counts between the passes: on a long input those counts were the
    // largest allocation of the run.
    let mut sorted: Vec<u32> = Vec::new();
    let sort_into = |unit: &[u32], buf: &mut Vec<u32>| {
        buf.clear();
        buf.extend_from_slice(unit);
        buf.sort_unstable();
    };
    let mut df = vec![0u32; vocab_size];
    for unit in units {
        sort_into(unit.as_ref(), &mut sorted);
        for run in sorted.chunk_by(|a, b| a == b) {
            df[run[0] as usize] += 1;
        }
    }
    // IDF only where a term occurs: the vocabulary also numbers bigrams, most ids never appear here.
    let n = units.len() as f32;
    let idf = |t: u32| ((1.0 + n) / (1.0 + df[t as usize] as f32)).ln() + 1.0;
    units
        .iter()
        .map(|unit| {
            sort_into(unit.as_ref(), &mut sorted);
            let mut weights = Vec::with_capacity(sorted.chunk_by(|a, b| a == b).count());
            weights.extend(
                sorted.chunk_by(|a, b| a == b).map(|run| (run[0], (1.0 + (run.len() as f32).ln()) * idf(run[0]))),
            );
            SparseVec::from_weights(weights)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_units_have_similarity_one_and_disjoint_zero() {
        let v = tfidf(&[vec![0, 1, 2], vec![0, 1, 2], vec![3, 4]], 5);
        assert!((v[0].dot(&v[1]) - 1.0).abs() < 1e-5);
        assert_eq!(v[0].dot(&v[2]), 0.0);
    }

    /// The merge, written out, as `dot` computed it for every pair before the lookup path.
    fn merged_dot(a: &SparseVec, b: &SparseVec) -> f32 {
        let mut sum = 0.0;
        for &(t, w) in &a.terms {
            if let Some(&(_, v)) = b.terms.iter().find(|p| p.0 == t) {
                sum += w * v;
            }
        }
        sum
    }

    #[test]
    fn a_short_vector_against_a_long_one_gives_the_merge_result_to_the_bit() {
        let mut next = crate::testing::xorshift(7);
        let mut random = |len: usize| -> SparseVec {
            SparseVec::from_weights((0..len).map(|_| (next(5000) as u32, 1.0 + next(100) as f32)).collect())
        };
        for len in 1..120 {
            let (short, long) = (random(len % 40 + 1), random(2000));
            assert_eq!(short.dot(&long).to_bits(), merged_dot(&short, &long).to_bits());
            assert_eq!(long.dot(&short).to_bits(), merged_dot(&short, &long).to_bits());
        }
    }
}
