//! The line of each record read, in about a byte a record (8 as a `Vec<u64>`): 33 MB less
//! at 5 million rows. Records come in file order, so a record's line is mostly its
//! predecessor's, or a few lines below it; the lines are kept only until duplicates are
//! resolved and totals reconciled, which look up a few of them.

/// Records a step, and where each run of [`RUN`] records starts.
const RUN: usize = 64;

/// A step that does not fit in a byte: the line is in `far`.
const FAR: u8 = u8::MAX;

/// Each record's line, in record order.
#[derive(Clone, Debug, Default)]
pub(super) struct RowLines {
    /// Line of the first record of each run of [`RUN`] records.
    starts: Vec<u64>,
    /// Per record: its line minus the previous record's in its run (0 for the first of a run),
    /// or [`FAR`] when that is not in `0..FAR` (a jump over many lines, or a line going back).
    steps: Vec<u8>,
    /// The record index and line of each record whose step is [`FAR`], in record order.
    far: Vec<(usize, u64)>,
    /// Line of the last record.
    last: u64,
}

impl RowLines {
    /// Number of records.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// Adds a record on `line`.
    #[inline]
    pub fn push(&mut self, line: u64) {
        let i = self.steps.len();
        let step = if i.is_multiple_of(RUN) {
            self.starts.push(line);
            0
        } else {
            match line.checked_sub(self.last).and_then(|d| u8::try_from(d).ok()).filter(|&d| d < FAR) {
                Some(d) => d,
                None => {
                    self.far.push((i, line));
                    FAR
                }
            }
        };
        self.steps.push(step);
        self.last = line;
    }

    /// Adds `n` records on `line`.
    pub fn push_n(&mut self, line: u64, n: usize) {
        for _ in 0..n {
            self.push(line);
        }
    }

    /// The line of record `i`.
    pub fn get(&self, i: usize) -> Option<u64> {
        if i >= self.steps.len() {
            return None;
        }
        let run = i / RUN;
        let mut line = *self.starts.get(run)?;
        for j in run * RUN + 1..=i {
            line = match self.steps[j] {
                FAR => self.far.binary_search_by_key(&j, |f| f.0).ok().map(|k| self.far[k].1)?,
                d => line + u64::from(d),
            };
        }
        Some(line)
    }

    /// Every record's line, in order.
    pub fn iter(&self) -> impl Iterator<Item = u64> + '_ {
        let mut far = self.far.iter().peekable();
        let mut line = 0;
        self.steps.iter().enumerate().map(move |(i, &step)| {
            line = if i.is_multiple_of(RUN) {
                self.starts.get(i / RUN).copied().unwrap_or(0)
            } else if step == FAR {
                far.find(|f| f.0 == i).map_or(line, |f| f.1)
            } else {
                line + u64::from(step)
            };
            line
        })
    }

    /// Adds the records of `later` after these.
    pub fn append(&mut self, later: &Self) {
        self.reserve(later.len());
        for line in later.iter() {
            self.push(line);
        }
    }

    /// Removes the records at `sorted` (increasing, each at most once).
    pub fn remove(&mut self, sorted: &[usize]) {
        let mut kept = Self::default();
        kept.reserve(self.len() - sorted.len().min(self.len()));
        let mut next = sorted.iter().copied().peekable();
        for (i, line) in self.iter().enumerate() {
            if next.peek() == Some(&i) {
                next.next();
            } else {
                kept.push(line);
            }
        }
        *self = kept;
    }

    /// Makes room for `more` records.
    pub fn reserve(&mut self, more: usize) {
        self.steps.reserve(more);
        self.starts.reserve(more / RUN + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gives_back_every_line() {
        // Runs of equal lines (a wide row's records), steps of one, jumps, and lines going
        // back, across run boundaries.
        let mut want: Vec<u64> = Vec::new();
        let mut line = 2u64;
        for k in 0..1000u64 {
            line = match k % 7 {
                0 => line + 1,
                1 => line,
                2 => line + 254,
                3 => line + 255,
                4 => line + 100_000 + k,
                5 => line.saturating_sub(3 + k % 5),
                _ => line + (1 << 33),
            };
            want.push(line);
        }
        let mut lines = RowLines::default();
        for &l in &want {
            lines.push(l);
        }
        assert_eq!(lines.len(), want.len());
        assert_eq!(lines.iter().collect::<Vec<_>>(), want);
        for (i, &l) in want.iter().enumerate() {
            assert_eq!(lines.get(i), Some(l), "record {i}");
        }
        assert_eq!(lines.get(want.len()), None);
        // Joined after another, and with records removed.
        let mut joined = RowLines::default();
        joined.push_n(1, 70);
        joined.append(&lines);
        let all: Vec<u64> = std::iter::repeat_n(1, 70).chain(want.iter().copied()).collect();
        assert_eq!(joined.iter().collect::<Vec<_>>(), all);
        let removed: Vec<usize> = (0..all.len()).filter(|i| i % 3 == 0 || *i == 64).collect();
        joined.remove(&removed);
        let kept: Vec<u64> = all
            .iter()
            .enumerate()
            .filter(|(i, _)| removed.binary_search(i).is_err())
            .map(|(_, &l)| l)
            .collect();
        assert_eq!(joined.iter().collect::<Vec<_>>(), kept);
        assert_eq!(joined.get(kept.len() - 1), kept.last().copied());
    }
}
