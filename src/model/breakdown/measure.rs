//! Quantities beside the values of a breakdown: each item's quantity, unit value and the split
//! of its value change into a price effect and a volume effect.
//!
//! **Which quantity.** Rows give a net weight (kg) and a supplementary quantity in a unit of
//! its own (`u` pieces, `l` litres). An item is measured in the supplementary unit when every
//! row under it has that same unit, in both periods (cars in `u`); else in kilograms when every
//! row has a net weight in both periods (chapter 87 as a whole); else in whichever of the two is
//! known in the period alone, then a year earlier alone. A row with no value is passed over. An
//! item with a row whose quantity is unknown (estimated, zero or missing) or with rows in more
//! than one unit has no quantity in that measure — "unknown", never a unit value over part of
//! the trade. The same rows as the values are summed (the level and World rules of the
//! module documentation).
//!
//! **Price and volume.** With quantities q₀, q₁ and unit values p₀ = v₀/q₀, p₁ = v₁/q₁ a year
//! earlier and now, in the same unit (Laspeyres volume, Paasche price):
//! volume effect = (q₁ − q₀) × p₀, price effect = (p₁ − p₀) × q₁, and
//! volume effect + price effect = p₁q₁ − p₀q₀ = v₁ − v₀. The volume effect is rounded to the
//! cent and the price effect is the change less it, so the two add up to the change exactly.
//! None without a comparison, or when either quantity is unknown.

use super::compute::Cells;
use crate::model::dataset::QuantityColumns;
use hashbrown::HashMap;

/// Unit index for "rows in more than one unit".
const MIXED: u16 = u16::MAX;

/// Quantities summed over rows.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Qty {
    kg: f64,
    count: f64,
    /// Unit index of `count` (+1); 0 none seen, [`MIXED`] more than one.
    unit: u16,
    kg_missing: bool,
    count_missing: bool,
    /// Whether any row with a value was added.
    rows: bool,
}

impl Qty {
    /// Row `i`'s quantities (nothing for a row with no value).
    #[inline]
    pub(super) fn row(q: &QuantityColumns<'_>, i: usize, value: f64) -> Self {
        if value == 0.0 {
            return Self::default();
        }
        let mut s = Self { rows: true, ..Self::default() };
        match q.kg(i) {
            Some(k) => s.kg = k,
            None => s.kg_missing = true,
        }
        match q.count(i) {
            Some((n, u)) => (s.count, s.unit) = (n, u),
            None => s.count_missing = true,
        }
        s
    }

    /// Adds the quantities of other rows.
    pub(super) fn join(&mut self, o: Self) {
        if !o.rows {
            return;
        }
        if !self.rows {
            *self = o;
            return;
        }
        self.kg += o.kg;
        self.count += o.count;
        self.kg_missing |= o.kg_missing;
        self.count_missing |= o.count_missing;
        self.unit = match (self.unit, o.unit) {
            (0, u) | (u, 0) => u,
            (a, b) if a == b => a,
            _ => MIXED,
        };
    }

    fn kg(self) -> Option<f64> {
        (self.rows && !self.kg_missing && self.kg > 0.0).then_some(self.kg)
    }

    fn count(self) -> Option<(f64, u16)> {
        (self.rows && !self.count_missing && !matches!(self.unit, 0 | MIXED) && self.count > 0.0)
            .then_some((self.count, self.unit))
    }
}

/// The quantities of the most aggregate commodity level seen in a group (as `LevelSum`).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct LevelQty {
    level: u16,
    pub q: Qty,
}

impl LevelQty {
    pub(super) fn add(&mut self, level: u16, q: Qty) {
        let l = level.saturating_add(1);
        if self.level == 0 || l < self.level {
            *self = Self { level: l, q };
        } else if l == self.level {
            self.q.join(q);
        }
    }

    pub(super) fn join(&mut self, later: Self) {
        if later.level == 0 {
            return;
        }
        if self.level == 0 || later.level < self.level {
            *self = later;
        } else if later.level == self.level {
            self.q.join(later.q);
        }
    }
}

/// World rows and country rows of one cell (as `KeyCell`, whose `world_seen` picks one).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct QtyCell {
    pub world: Qty,
    pub countries: Qty,
}

impl QtyCell {
    fn join(&mut self, later: Self) {
        self.world.join(later.world);
        self.countries.join(later.countries);
    }

    /// The World rows' quantities, or the countries'.
    pub(super) fn pick(self, world_seen: bool) -> Qty {
        if world_seen { self.world } else { self.countries }
    }
}

/// Where a row's figures go in the pass.
#[derive(Clone, Copy, Debug)]
pub(super) enum Place {
    /// A partner ranking's cell, at a commodity level.
    Partner(usize, u16),
    /// An item with codes of several lengths: (group, partner, item), at a level.
    Nested((usize, u32, u32), u16),
    /// An item's cell; whether the row is World's.
    Key(usize, bool),
}

/// The quantities the pass sums, beside the values (only for data with quantities).
pub(super) struct QtySums {
    pub keys: Cells<QtyCell>,
    pub nested: HashMap<(usize, u32, u32), LevelQty>,
    pub partners: Cells<LevelQty>,
}

impl QtySums {
    pub(super) fn new(keys: usize, partners: usize) -> Self {
        Self { keys: Cells::new(keys), nested: HashMap::new(), partners: Cells::new(partners) }
    }

    #[inline]
    pub(super) fn add(&mut self, place: Place, q: Qty) {
        match place {
            Place::Partner(i, level) => {
                if let Some(c) = self.partners.at(i) {
                    c.add(level, q);
                }
            }
            Place::Nested(k, level) => self.nested.entry(k).or_default().add(level, q),
            Place::Key(i, world) => {
                if let Some(c) = self.keys.at(i) {
                    if world { c.world.join(q) } else { c.countries.join(q) }
                }
            }
        }
    }

    pub(super) fn join(&mut self, later: Self) {
        self.keys.join_with(later.keys, QtyCell::join);
        self.partners.join_with(later.partners, LevelQty::join);
        for (k, v) in later.nested {
            self.nested.entry(k).or_default().join(v);
        }
    }
}

/// An item's quantities, unit values and effects (all `None` where unknown).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Measure {
    /// `kg`, or the supplementary unit as the file writes it (`u`, `l`); `None` when unknown.
    pub unit: Option<String>,
    /// Quantity in the period, in `unit`.
    pub quantity: Option<f64>,
    /// Quantity a year earlier.
    pub previous_quantity: Option<f64>,
    /// US dollars per `unit` in the period.
    pub unit_value: Option<f64>,
    /// US dollars per `unit` a year earlier.
    pub previous_unit_value: Option<f64>,
    /// (p₁ − p₀) × q₁, US dollars to the cent: the change less the volume effect.
    pub price_effect: Option<f64>,
    /// (q₁ − q₀) × p₀, US dollars to the cent.
    pub volume_effect: Option<f64>,
}

/// The measure an item is given in.
#[derive(Clone, Copy, PartialEq)]
enum Unit {
    Kg,
    Count(u16),
}

/// Chooses the unit and the quantities in it (rules in the module documentation).
fn choose(now: Qty, before: Option<Qty>) -> Option<(Unit, Option<f64>, Option<f64>)> {
    let (cn, cb) = (now.count(), before.and_then(Qty::count));
    let (kn, kb) = (now.kg(), before.and_then(Qty::kg));
    let same = |u: u16| cb.filter(|b| b.1 == u).map(|b| b.0);
    match (cn, kn, cb, kb) {
        (Some((a, u)), ..) if same(u).is_some() => Some((Unit::Count(u), Some(a), same(u))),
        (_, Some(a), _, Some(b)) => Some((Unit::Kg, Some(a), Some(b))),
        (Some((a, u)), ..) => Some((Unit::Count(u), Some(a), None)),
        (None, Some(a), ..) => Some((Unit::Kg, Some(a), None)),
        (None, None, Some((b, u)), _) => Some((Unit::Count(u), None, Some(b))),
        (None, None, None, Some(b)) => Some((Unit::Kg, None, Some(b))),
        (None, None, None, None) => None,
    }
}

/// An item's measure from its quantities and its values in cents (`before` `None` without a
/// comparison); `units` names the supplementary units.
pub(super) fn measure(now: Qty, before: Option<Qty>, cents: (i64, Option<i64>), units: &[String]) -> Measure {
    let Some((unit, q1, q0)) = choose(now, before) else { return Measure::default() };
    let (v1, v0) = (cents.0 as f64 / 100.0, cents.1.map(|c| c as f64 / 100.0));
    let p1 = q1.map(|q| v1 / q);
    let p0 = q0.zip(v0).map(|(q, v)| v / q);
    let volume = match (q1, q0, p0) {
        (Some(q1), Some(q0), Some(p0)) => Some(((q1 - q0) * p0 * 100.0).round() as i64),
        _ => None,
    };
    let change = cents.1.map(|b| cents.0 - b);
    let (volume_effect, price_effect) = match (volume, change, p1) {
        (Some(v), Some(c), Some(_)) => (Some(v as f64 / 100.0), Some((c - v) as f64 / 100.0)),
        _ => (None, None),
    };
    let name = match unit {
        Unit::Kg => Some("kg".to_owned()),
        Unit::Count(u) => units.get(usize::from(u) - 1).cloned(),
    };
    Measure {
        unit: name,
        quantity: q1,
        previous_quantity: q0,
        unit_value: p1,
        previous_unit_value: p0,
        price_effect,
        volume_effect,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kg(kg: f64) -> Qty {
        Qty { kg, rows: true, count_missing: true, ..Qty::default() }
    }

    fn units(n: f64, unit: u16, kg: f64) -> Qty {
        Qty { kg, count: n, unit, rows: true, kg_missing: kg == 0.0, ..Qty::default() }
    }

    #[test]
    fn effects_add_up_to_the_change_and_follow_the_formula() {
        // 0402 of the fixture: 300,000 $ for 100,000 kg, then 360,000 $ for 90,000 kg.
        let m = measure(kg(90_000.0), Some(kg(100_000.0)), (36_000_000, Some(30_000_000)), &[]);
        assert_eq!(m.unit.as_deref(), Some("kg"));
        assert_eq!((m.unit_value, m.previous_unit_value), (Some(4.0), Some(3.0)));
        assert_eq!(m.volume_effect, Some(-30_000.0), "(90,000 − 100,000) × 3");
        assert_eq!(m.price_effect, Some(90_000.0), "(4 − 3) × 90,000");
        // A third of a dollar a kilogram: still to the cent, summing to the change.
        let m = measure(kg(60_000.0), Some(kg(60_000.0)), (24_000_000, Some(20_000_000)), &[]);
        assert_eq!((m.volume_effect, m.price_effect), (Some(0.0), Some(40_000.0)));
        let m = measure(kg(7.0), Some(kg(3.0)), (1_000, Some(1_000)), &[]);
        let (v, p) = (m.volume_effect.unwrap(), m.price_effect.unwrap());
        assert_eq!(((v + p) * 100.0).round(), 0.0);
        assert_eq!(v, 13.33);
    }

    #[test]
    fn a_single_unit_in_both_periods_comes_before_kilograms() {
        let names = ["u".to_owned()];
        let m = measure(
            units(12.0, 1, 18_000.0),
            Some(units(10.0, 1, 15_000.0)),
            (30_000_000, Some(20_000_000)),
            &names,
        );
        assert_eq!((m.unit.as_deref(), m.quantity, m.unit_value), (Some("u"), Some(12.0), Some(25_000.0)));
        assert_eq!((m.volume_effect, m.price_effect), (Some(40_000.0), Some(60_000.0)));
        // Mixed units: kilograms.
        let mut mixed = units(12.0, 1, 18_000.0);
        mixed.join(units(3.0, 2, 100.0));
        let m = measure(mixed, Some(kg(15_000.0)), (1, Some(1)), &names);
        assert_eq!((m.unit.as_deref(), m.quantity), (Some("kg"), Some(18_100.0)));
    }

    #[test]
    fn unknown_quantities_give_no_unit_value_and_no_effects() {
        let mut part = kg(100.0);
        part.join(Qty { rows: true, kg_missing: true, count_missing: true, ..Qty::default() });
        let m = measure(part, Some(kg(50.0)), (10_000, Some(5_000)), &[]);
        assert_eq!((m.unit.as_deref(), m.quantity, m.previous_unit_value), (Some("kg"), None, Some(1.0)));
        assert_eq!((m.unit_value, m.price_effect, m.volume_effect), (None, None, None));
        // No comparison: no effects, the period's unit value still.
        let m = measure(kg(100.0), None, (10_000, None), &[]);
        assert_eq!((m.unit_value, m.volume_effect), (Some(1.0), None));
        assert_eq!(measure(Qty::default(), None, (0, None), &[]), Measure::default());
    }
}
