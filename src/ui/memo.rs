//! The one cache contract of the panels: a value derived from the view, recomputed only when
//! its key changes. A key is made of the [`super::Revisions`] the value reads (and, where a
//! value depends on a small piece of state, that state by value); nothing else invalidates it.

/// A value kept until its key changes.
#[derive(Debug, Clone)]
pub struct Memo<K, V> {
    entry: Option<(K, V)>,
    computations: u64,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Self { entry: None, computations: 0 }
    }
}

impl<K: PartialEq, V> Memo<K, V> {
    /// The value for `key`: the kept one when the key is the same, else `compute()`'s.
    pub fn get(&mut self, key: K, compute: impl FnOnce() -> V) -> &mut V {
        if !self.holds(&key) {
            self.computations += 1;
            self.entry = None;
        }
        let (_, v) = self.entry.get_or_insert_with(|| (key, compute()));
        v
    }

    /// Whether the kept value is that of `key`.
    #[must_use]
    pub fn holds(&self, key: &K) -> bool {
        self.entry.as_ref().is_some_and(|(k, _)| k == key)
    }

    /// Whether the kept value's key passes `same` (a key compared with borrowed parts, so that
    /// checking it allocates nothing).
    #[must_use]
    pub fn holds_where(&self, same: impl FnOnce(&K) -> bool) -> bool {
        self.entry.as_ref().is_some_and(|(k, _)| same(k))
    }

    /// Keeps `value` for `key` (a value computed elsewhere, e.g. in the background).
    pub fn set(&mut self, key: K, value: V) {
        self.computations += 1;
        self.entry = Some((key, value));
    }

    /// The kept value, whatever its key.
    #[must_use]
    pub fn value(&self) -> Option<&V> {
        self.entry.as_ref().map(|(_, v)| v)
    }

    /// The kept value's key.
    #[must_use]
    pub fn key(&self) -> Option<&K> {
        self.entry.as_ref().map(|(k, _)| k)
    }

    /// How often a value was computed (tests: once per change, never per frame).
    #[must_use]
    pub fn computations(&self) -> u64 {
        self.computations
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recomputes_only_when_the_key_changes() {
        let mut m: Memo<(u64, u64), String> = Memo::default();
        assert_eq!(m.get((1, 1), || "a".into()), "a");
        assert_eq!(m.get((1, 1), || "b".into()), "a");
        assert_eq!(m.computations(), 1);
        assert_eq!(m.get((2, 1), || "c".into()), "c");
        assert!(m.holds(&(2, 1)));
        m.set((3, 1), "d".into());
        assert_eq!(m.value().map(String::as_str), Some("d"));
        assert_eq!(m.computations(), 3);
    }
}
