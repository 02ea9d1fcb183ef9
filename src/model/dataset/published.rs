//! Growth rates published with figures ("январь–июль 2018: 58.3 млн долл., 118.6% к
//! январю–июлю 2017"): few rows have one, so they are kept by row, not as a column.

/// Row index and percent change on the same period a year earlier, sorted by row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PublishedChange {
    entries: Vec<(u32, f64)>,
}

impl PublishedChange {
    #[allow(clippy::cast_possible_truncation)] // a dataset holds fewer than 4 billion rows
    pub(super) fn set(&mut self, row: usize, pct: f64) {
        let row = row as u32;
        match self.entries.binary_search_by_key(&row, |e| e.0) {
            Ok(i) => self.entries[i].1 = pct,
            Err(i) => self.entries.insert(i, (row, pct)),
        }
    }

    pub(super) fn get(&self, row: usize) -> Option<f64> {
        let row = u32::try_from(row).ok()?;
        self.entries.binary_search_by_key(&row, |e| e.0).ok().map(|i| self.entries[i].1)
    }

    pub(super) fn entries(&self) -> &[(u32, f64)] {
        &self.entries
    }

    /// The rates of another dataset whose rows now follow the first `offset` rows.
    #[allow(clippy::cast_possible_truncation)]
    pub(super) fn append(&mut self, offset: usize, other: Self) {
        self.entries.extend(other.entries.into_iter().map(|(r, p)| (r + offset as u32, p)));
    }

    /// Drops the rates of the rows at `sorted` and renumbers the rest.
    #[allow(clippy::cast_possible_truncation)]
    pub(super) fn remove_rows(&mut self, sorted: &[usize]) {
        self.entries.retain_mut(|(row, _)| {
            let r = *row as usize;
            let before = sorted.partition_point(|&s| s < r);
            if sorted.get(before) == Some(&r) {
                return false;
            }
            *row -= before as u32;
            true
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_follow_their_rows() {
        let mut p = PublishedChange::default();
        p.set(5, 18.6);
        p.set(1, -2.0);
        p.set(5, 18.7);
        assert_eq!(p.entries(), &[(1, -2.0), (5, 18.7)]);
        p.remove_rows(&[0, 1, 3]);
        assert_eq!(p.entries(), &[(2, 18.7)]);
        let mut q = PublishedChange::default();
        q.set(0, 30.0);
        p.append(10, q);
        assert_eq!((p.get(2), p.get(10), p.get(3)), (Some(18.7), Some(30.0), None));
    }
}
