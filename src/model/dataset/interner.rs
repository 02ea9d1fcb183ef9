//! Values interned once; rows refer to them by index.

use hashbrown::{Equivalent, HashMap};

/// Values interned once; rows refer to them by index.
#[derive(Clone, Debug)]
pub(super) struct Interner<T> {
    pub(super) items: Vec<T>,
    index: HashMap<T, u32>,
    /// The last id handed out or found: rows of a file mostly repeat their neighbour's
    /// reporter and partner, which then cost one comparison instead of a hash.
    last: Option<u32>,
}

impl<T> Default for Interner<T> {
    fn default() -> Self {
        Self { items: Vec::new(), index: HashMap::new(), last: None }
    }
}

/// Two interners are equal when they hold the same values in the same order.
impl<T: PartialEq> PartialEq for Interner<T> {
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items
    }
}

impl<T: Clone + Eq + std::hash::Hash> Interner<T> {
    #[allow(
        clippy::expect_used,
        reason = "a file holds at most about 600 million rows (16 GiB at 30 bytes or more a row), so \
                  never 4 billion distinct values; a wrapped id would silently merge two of them"
    )]
    pub(super) fn intern(&mut self, item: T) -> u32 {
        if let Some(&id) = self.index.get(&item) {
            return id;
        }
        let id = u32::try_from(self.items.len()).expect("fewer than 4 billion distinct values");
        self.items.push(item.clone());
        self.index.insert(item, id);
        id
    }

    /// Interns a borrowed form of `T`, allocating only for a value not seen before.
    pub(super) fn intern_ref<Q>(&mut self, item: &Q, to_owned: impl FnOnce(&Q) -> T) -> u32
    where
        Q: std::hash::Hash + Equivalent<T> + ?Sized,
    {
        if let Some(last) = self.last
            && item.equivalent(&self.items[last as usize])
        {
            return last;
        }
        let id = match self.index.get(item) {
            Some(&id) => id,
            None => self.intern(to_owned(item)),
        };
        self.last = Some(id);
        id
    }
}
