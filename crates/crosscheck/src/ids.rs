//! Typed indices: how stages refer to each other's items. A bare `usize` could be a document, a
//! sentence or an entity; these cannot be mixed up, and each names the list it indexes.

/// Defines a `Copy` index newtype over `u32` with `new` and `index`.
macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(u32);

        impl $name {
            #[doc = concat!("The id of the ", $what, " at `index`.")]
            pub fn new(index: usize) -> $name {
                // Inputs are bounded in bytes (`ReadOptions::max_bytes`), far below 2^32 items.
                $name(u32::try_from(index).expect(concat!("fewer than 2^32 ", $what, "s")))
            }

            #[doc = concat!("The position of the ", $what, " in its list.")]
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

index_type!(
    /// A document of the story: an index into `Analysis::docs` (and the brief's `d1`, `d2`, ...).
    DocId,
    "document"
);
index_type!(
    /// A sentence of the story: an index into `Analysis::sentences`.
    SentenceId,
    "sentence"
);
index_type!(
    /// An entity of the story: an index into `Entities::list` (and the brief's `e1`, `e2`, ...).
    EntityId,
    "entity"
);
