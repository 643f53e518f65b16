//! Helpers shared by the library's unit tests.

/// A deterministic xorshift64 generator for randomized tests: each call gives a number in
/// `0..n`, the same sequence for the same seed on every machine.
pub(crate) fn xorshift(seed: u64) -> impl FnMut(usize) -> usize {
    let mut state = seed;
    move |n| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    }
}
