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
    /// For values with a short code ([`Coded`]): the code, packed into a number
    /// ([`short_code`]), to a value with that code (the first one looked up by it): its id
    /// and where its name lies in `names`. A look-up then hashes eight bytes instead of the code and the
    /// whole name, and compares the name where it lies beside the others (fewer cache lines
    /// than the value's own heap text); see [`Interner::intern_coded`].
    by_code: HashMap<u64, (u32, u32, u32)>,
    /// The names of `by_code`'s values, one after another.
    names: Vec<u8>,
    /// The packed code of `by_code`'s last hit and its id.
    last_code: Option<(u64, u32)>,
}

impl<T> Default for Interner<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            index: HashMap::new(),
            last: None,
            by_code: HashMap::new(),
            names: Vec::new(),
            last_code: None,
        }
    }
}

/// Two interners are equal when they hold the same values in the same order.
impl<T: PartialEq> PartialEq for Interner<T> {
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items
    }
}

/// A value identified by a code and a name (a reporter, partner or commodity): two values
/// are equal when both are.
pub(super) trait Coded {
    fn name(&self) -> &str;
}

/// A code of at most 7 bytes as one number (its bytes and its length): two codes give the
/// same number only when they are the same. `None` for longer codes.
#[inline]
fn short_code(code: &str) -> Option<u64> {
    let bytes = code.as_bytes();
    if bytes.len() > 7 {
        return None;
    }
    // Byte by byte: a copy of a length known only here would call `memcpy`.
    let mut packed = (bytes.len() as u64) << 56;
    for (i, &b) in bytes.iter().enumerate() {
        packed |= u64::from(b) << (8 * i);
    }
    Some(packed)
}

/// `a == b`, compared eight bytes at a time in place (names are short: a call to `memcmp`
/// costs more than the comparison).
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    let word = |c: &[u8]| u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
    x.by_ref().zip(y.by_ref()).all(|(p, q)| word(p) == word(q))
        && x.remainder().iter().zip(y.remainder()).all(|(p, q)| p == q)
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

    /// [`Interner::intern_ref`] for a value whose code and name are `code` and `name`: the
    /// same id, found by the code when it is short (a Comtrade file's ISO codes and HS codes)
    /// and the name compared, without hashing the name.
    ///
    /// Exact: `by_code` maps a code only to a value with that code, and keeps that value's
    /// name, so a hit whose name is equal too is that value (each value has one id). The same
    /// code with another name takes the general way (`by_code` keeps the first name it was
    /// given, so it holds one name per code however the names alternate).
    #[inline]
    pub(super) fn intern_coded<Q>(
        &mut self,
        code: &str,
        name: &str,
        item: &Q,
        to_owned: impl FnOnce(&Q) -> T,
    ) -> u32
    where
        T: Coded,
        Q: std::hash::Hash + Equivalent<T> + ?Sized,
    {
        let Some(key) = short_code(code) else { return self.intern_ref(item, to_owned) };
        if let Some((last, id)) = self.last_code
            && last == key
            && same_bytes(self.items[id as usize].name().as_bytes(), name.as_bytes())
        {
            return id;
        }
        let id = match self.by_code.get(&key) {
            Some(&(id, start, len)) => {
                let at = start as usize..start as usize + len as usize;
                if self.names.get(at).is_some_and(|known| same_bytes(known, name.as_bytes())) {
                    id
                } else {
                    self.intern_ref(item, to_owned)
                }
            }
            None => {
                let id = self.intern_ref(item, to_owned);
                if let (Ok(start), Ok(len)) = (u32::try_from(self.names.len()), u32::try_from(name.len()))
                    && start.checked_add(len).is_some()
                {
                    self.names.extend_from_slice(name.as_bytes());
                    self.by_code.insert(key, (id, start, len));
                }
                id
            }
        };
        self.last_code = Some((key, id));
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::{Commodity, CommodityRef};
    use std::borrow::Cow;

    #[test]
    fn bytes_compare_as_slices_do() {
        let texts =
            ["", "a", "ab", "abcdefg", "abcdefgh", "abcdefgi", "abcdefgh1", "abcdefgh2", "SYNTHETIC data"];
        for a in texts {
            for b in texts {
                assert_eq!(same_bytes(a.as_bytes(), b.as_bytes()), a == b, "{a} {b}");
            }
        }
    }

    #[test]
    fn codes_pack_apart() {
        assert_ne!(short_code("01"), short_code("01\0"));
        assert_ne!(short_code(""), short_code("\0"));
        assert_eq!(short_code("0101"), short_code("0101"));
        assert_eq!(short_code("12345678"), None);
    }

    #[test]
    fn coded_look_ups_give_the_ids_of_the_general_way() {
        // The same codes with other names, long codes, and repeats in every order.
        let values = [
            ("0101", "Horses"),
            ("0101", "Horses, live"),
            ("0101", "Horses"),
            ("TOTAL", ""),
            ("123456789", "a long code"),
            ("123456789", "another name"),
            ("0101", "Horses, live"),
            ("", "no code"),
            ("123456789", "a long code"),
            ("TOTAL", ""),
        ];
        let mut coded: Interner<Commodity> = Interner::default();
        let mut general: Interner<Commodity> = Interner::default();
        for _ in 0..2 {
            for (code, name) in values {
                let r = CommodityRef { code: Cow::Borrowed(code), name: Cow::Borrowed(name) };
                let a = coded.intern_coded(code, name, &r, CommodityRef::to_commodity);
                let b = general.intern_ref(&r, CommodityRef::to_commodity);
                assert_eq!(a, b, "{code} {name}");
                assert_eq!(
                    (coded.items[a as usize].code.as_str(), coded.items[a as usize].name.as_str()),
                    (code, name)
                );
            }
        }
        assert_eq!(coded.items, general.items);
        assert_eq!(coded.items.len(), 6);
    }
}
