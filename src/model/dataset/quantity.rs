//! Quantities traded: net weight in kilograms and a supplementary quantity in a unit of its
//! own (pieces, litres, pairs), kept beside the values in a side table.
//!
//! **Unknown is 0.** A quantity the source flags as estimated, a zero quantity, or none is
//! stored as 0 and read back as unknown (`None`): a unit value is never divided by a zero or
//! a guessed quantity ($∞/kg). Every column is created on the first row that has a figure for
//! it and is only as long as the last such row (rows past its end are unknown), so a file
//! without quantities costs nothing, and one with net weights only costs 8 bytes a row.

/// One row's quantities, as read (`0.0` and an empty unit where unknown).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RowQuantity<'a> {
    /// Net weight, kilograms.
    pub kg: f64,
    /// Supplementary quantity, in `unit`.
    pub count: f64,
    /// The supplementary quantity's unit ("u", "l", "2u"), as the source writes it.
    pub unit: &'a str,
}

impl RowQuantity<'_> {
    /// Whether the row has no usable quantity at all.
    #[must_use]
    pub fn is_unknown(&self) -> bool {
        !usable(self.kg) && (!usable(self.count) || self.unit.is_empty())
    }
}

/// A figure that is a quantity: finite and above zero.
fn usable(v: f64) -> bool {
    v.is_finite() && v > 0.0
}

/// Whether a unit is the kilogram (Comtrade `kg`, also `кг`): such a supplementary quantity
/// is a net weight.
#[must_use]
pub fn is_kilogram(unit: &str) -> bool {
    matches!(
        unit.trim().to_lowercase().as_str(),
        "kg" | "kgm" | "кг" | "kilogram" | "kilograms" | "weight in kilograms"
    )
}

/// Multiplier to kilograms of a unit of weight other than the kilogram (`t` → 1000), if it is one.
#[must_use]
pub fn kilograms_per(unit: &str) -> Option<f64> {
    match unit.trim().to_lowercase().as_str() {
        "t" | "tne" | "tonne" | "tonnes" | "ton" | "tons" | "т" | "тонн" | "тонна" | "тонны" => {
            Some(1000.0)
        }
        "g" | "grm" | "г" => Some(0.001),
        u if is_kilogram(u) => Some(1.0),
        _ => None,
    }
}

/// The quantity columns (see the module documentation).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Quantities {
    kg: Vec<f64>,
    count: Vec<f64>,
    /// Index into `units` + 1; 0 where unknown.
    unit: Vec<u16>,
    units: Vec<String>,
}

/// The quantity columns, borrowed (each may be shorter than the dataset: unknown past its end).
#[derive(Clone, Copy, Debug)]
pub struct QuantityColumns<'a> {
    /// Net weight, kilograms; 0 where unknown.
    pub kg: &'a [f64],
    /// Supplementary quantity; 0 where unknown.
    pub count: &'a [f64],
    /// The supplementary quantity's unit, index into `units` + 1; 0 where unknown.
    pub unit: &'a [u16],
    /// The units named.
    pub units: &'a [String],
}

impl QuantityColumns<'_> {
    /// Net weight of row `i`, if known.
    #[must_use]
    pub fn kg(&self, i: usize) -> Option<f64> {
        self.kg.get(i).copied().filter(|v| *v > 0.0)
    }

    /// Supplementary quantity of row `i` and its unit index (+1), if known.
    #[must_use]
    pub fn count(&self, i: usize) -> Option<(f64, u16)> {
        let u = self.unit.get(i).copied().unwrap_or(0);
        self.count.get(i).copied().filter(|v| *v > 0.0 && u != 0).map(|v| (v, u))
    }

    /// The name of unit index `u` (+1).
    #[must_use]
    pub fn unit_name(&self, u: u16) -> Option<&str> {
        self.units.get(usize::from(u).checked_sub(1)?).map(String::as_str)
    }
}

fn put(col: &mut Vec<f64>, row: usize, v: f64) {
    if col.len() <= row {
        col.resize(row + 1, 0.0);
    }
    col[row] = v;
}

impl Quantities {
    /// Whether no row has a quantity.
    pub(super) fn is_empty(&self) -> bool {
        self.kg.is_empty() && self.count.is_empty()
    }

    /// Sets row `row`'s quantities; unknown figures clear what the row had.
    pub(super) fn set(&mut self, row: usize, q: &RowQuantity<'_>) {
        let kg = if usable(q.kg) { q.kg } else { 0.0 };
        if kg > 0.0 || row < self.kg.len() {
            put(&mut self.kg, row, kg);
        }
        let unit = q.unit.trim();
        let count = if usable(q.count) && !unit.is_empty() { q.count } else { 0.0 };
        if count > 0.0 {
            let u = match self.units.iter().position(|x| x == unit) {
                Some(i) => i + 1,
                None if self.units.len() < usize::from(u16::MAX - 1) => {
                    self.units.push(unit.to_owned());
                    self.units.len()
                }
                None => return,
            };
            put(&mut self.count, row, count);
            if self.unit.len() <= row {
                self.unit.resize(row + 1, 0);
            }
            self.unit[row] = u16::try_from(u).unwrap_or(0);
        } else if row < self.count.len() {
            self.count[row] = 0.0;
            if let Some(u) = self.unit.get_mut(row) {
                *u = 0;
            }
        }
    }

    pub(super) fn columns(&self) -> QuantityColumns<'_> {
        QuantityColumns { kg: &self.kg, count: &self.count, unit: &self.unit, units: &self.units }
    }

    /// The quantities of another dataset whose rows now follow the first `offset` rows.
    pub(super) fn append(&mut self, offset: usize, other: &Self) {
        if other.is_empty() {
            return;
        }
        let ids: Vec<u16> = other
            .units
            .iter()
            .map(|u| match self.units.iter().position(|x| x == u) {
                Some(i) => u16::try_from(i + 1).unwrap_or(0),
                None => {
                    self.units.push(u.clone());
                    u16::try_from(self.units.len()).unwrap_or(0)
                }
            })
            .collect();
        if !other.kg.is_empty() {
            self.kg.resize(offset, 0.0);
            self.kg.extend_from_slice(&other.kg);
        }
        if !other.count.is_empty() {
            self.count.resize(offset, 0.0);
            self.unit.resize(offset, 0);
            self.count.extend_from_slice(&other.count);
            self.unit.extend(other.unit.iter().map(|&u| if u == 0 { 0 } else { ids[usize::from(u) - 1] }));
        }
    }

    /// Drops the rows at `sorted` (increasing, each once).
    pub(super) fn remove_rows(&mut self, sorted: &[usize]) {
        fn drop_from<T: Copy>(col: &mut Vec<T>, sorted: &[usize]) {
            let mut next = sorted.iter().copied().peekable();
            let mut write = 0;
            for read in 0..col.len() {
                while next.peek().is_some_and(|&s| s < read) {
                    next.next();
                }
                if next.peek() == Some(&read) {
                    continue;
                }
                col[write] = col[read];
                write += 1;
            }
            col.truncate(write);
        }
        drop_from(&mut self.kg, sorted);
        drop_from(&mut self.count, sorted);
        drop_from(&mut self.unit, sorted);
    }

    pub(super) fn shrink_to_fit(&mut self) {
        self.kg.shrink_to_fit();
        self.count.shrink_to_fit();
        self.unit.shrink_to_fit();
    }

    /// Frees spare room when more than a tenth of a column is unused.
    pub(super) fn shrink_if_spare(&mut self) {
        let spare = |cap: usize, len: usize| cap > len + len / 10 + 1024;
        if spare(self.kg.capacity(), self.kg.len()) || spare(self.count.capacity(), self.count.len()) {
            self.shrink_to_fit();
        }
    }

    pub(super) fn heap_bytes(&self) -> usize {
        self.kg.capacity() * 8
            + self.count.capacity() * 8
            + self.unit.capacity() * 2
            + self.units.iter().map(|u| u.capacity() + 24).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_without_quantities_cost_nothing_and_unknown_is_none() {
        let mut q = Quantities::default();
        q.set(3, &RowQuantity::default());
        q.set(4, &RowQuantity { kg: 0.0, count: 5.0, unit: "" });
        assert!(q.is_empty(), "no figure, no column");
        q.set(2, &RowQuantity { kg: 120.0, count: 0.0, unit: "u" });
        let c = q.columns();
        assert_eq!(c.kg.len(), 3);
        assert!(c.count.is_empty());
        assert_eq!((c.kg(0), c.kg(2), c.kg(9)), (None, Some(120.0), None));
        assert_eq!(c.count(2), None, "a zero count is unknown");
    }

    #[test]
    fn units_follow_their_rows_through_append_and_removal() {
        let mut a = Quantities::default();
        a.set(1, &RowQuantity { kg: 10.0, count: 2.0, unit: "u" });
        let mut b = Quantities::default();
        b.set(0, &RowQuantity { kg: 0.0, count: 7.0, unit: "l" });
        b.set(1, &RowQuantity { kg: 3.0, count: 4.0, unit: "u" });
        a.append(3, &b);
        let c = a.columns();
        assert_eq!((c.count(1), c.count(3), c.count(4)), (Some((2.0, 1)), Some((7.0, 2)), Some((4.0, 1))));
        assert_eq!((c.kg(3), c.kg(4), c.unit_name(2)), (None, Some(3.0), Some("l")));
        a.remove_rows(&[0, 3]);
        let c = a.columns();
        assert_eq!((c.count(0), c.count(2)), (Some((2.0, 1)), Some((4.0, 1))));
        assert_eq!((c.kg(0), c.kg(2)), (Some(10.0), Some(3.0)));
    }

    #[test]
    fn weights_in_other_units_convert() {
        assert_eq!(kilograms_per("t"), Some(1000.0));
        assert_eq!(kilograms_per("KG"), Some(1.0));
        assert_eq!(kilograms_per("u"), None);
        assert!(RowQuantity { kg: f64::NAN, count: 1.0, unit: "" }.is_unknown());
    }
}
