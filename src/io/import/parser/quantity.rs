//! Where a row's quantities are: Comtrade's `netWgt` (kg) and `qty` in `qtyUnitAbbr` with
//! their "estimated" flags; the legacy Comtrade `Netweight (kg)`, `Qty`, `Qty Unit` and
//! estimation flag; the long format's `quantity` and `quantity_unit` (or `unit`).
//!
//! A quantity the source flags as estimated, zero, empty or not a number is unknown (the
//! row's value is kept: a quantity never costs a row). A supplementary quantity in a unit of
//! weight (`kg`, `t`) is a net weight.

use super::{Cells, RowParser};
use crate::io::import::Format;
use crate::io::import::header::Header;
use crate::io::import::words;
use crate::model::dataset::{RowQuantity, kilograms_per};

/// The columns holding quantities; all `None` for a file without them.
#[derive(Clone, Debug, Default)]
pub(super) struct QuantitySource {
    /// Net weight, kg.
    net_weight: Option<usize>,
    /// "True" where the net weight is estimated (Comtrade `isNetWgtEstimated`).
    net_weight_estimated: Option<usize>,
    /// Supplementary quantity (or the long format's one quantity).
    count: Option<usize>,
    /// Its unit, as an abbreviation (`qtyUnitAbbr`, `Qty Unit`, `quantity_unit`).
    unit: Option<usize>,
    /// Comtrade `qtyUnitCode`: -1 is "no quantity".
    unit_code: Option<usize>,
    /// "True" where the quantity is estimated (`isQtyEstimated`).
    count_estimated: Option<usize>,
    /// Legacy Comtrade's estimation flag: 2 quantity estimated, 4 net weight, 6 both.
    flag: Option<usize>,
}

impl QuantitySource {
    /// The quantity columns of a known layout.
    pub(super) fn known(format: Format, h: &Header) -> Self {
        match format {
            Format::Comtrade => Self {
                net_weight: h.find(&["netwgt"]),
                net_weight_estimated: h.find(&["isnetwgtestimated"]),
                count: h.find(&["qty"]),
                unit: h.find(&["qtyunitabbr"]),
                unit_code: h.find(&["qtyunitcode"]),
                count_estimated: h.find(&["isqtyestimated"]),
                flag: None,
            },
            Format::ComtradeLegacy => Self {
                net_weight: h.find(&["netweight (kg)", "netweight"]),
                count: h.find(&["qty"]),
                unit: h.find(&["qty unit"]),
                unit_code: h.find(&["qty unit code"]),
                flag: h.find(&["estimation code", "flag"]),
                ..Self::default()
            },
            Format::Long => {
                let count = h.find(&["quantity"]);
                Self {
                    count,
                    unit: count.and_then(|_| h.find(&["quantity_unit", "unit"])),
                    ..Self::default()
                }
            }
            Format::Wide | Format::Mapped => Self::default(),
        }
    }

    /// Whether the layout has any quantity column.
    pub(super) fn any(&self) -> bool {
        self.net_weight.is_some() || self.count.is_some()
    }
}

/// Whether a flag cell says "estimated".
fn flagged(text: &str) -> bool {
    text.eq_ignore_ascii_case("true") || text == "1"
}

/// A quantity cell as a number; 0 (unknown) when empty or not a number.
fn amount(text: &str) -> f64 {
    words::parse_usd(text).filter(|v| *v > 0.0).unwrap_or(0.0)
}

impl RowParser {
    /// The row's quantities (all unknown for a layout without quantity columns).
    #[inline]
    pub(super) fn row_quantity<'a, R: Cells + ?Sized>(&self, rec: &'a R) -> RowQuantity<'a> {
        let q = &self.quantity;
        if !q.any() {
            return RowQuantity::default();
        }
        let field = |i: Option<usize>| Self::field(rec, i);
        let flag = field(q.flag).parse::<u8>().unwrap_or(0);
        let mut kg = if flagged(field(q.net_weight_estimated)) || flag & 4 != 0 {
            0.0
        } else {
            amount(field(q.net_weight))
        };
        let unit = field(q.unit);
        let no_unit = unit.is_empty()
            || matches!(unit.to_ascii_lowercase().as_str(), "n/a" | "na" | "-" | "no quantity")
            || field(q.unit_code) == "-1";
        let mut count = if no_unit || flagged(field(q.count_estimated)) || flag & 2 != 0 {
            0.0
        } else {
            amount(field(q.count))
        };
        // A quantity in a unit of weight is a net weight (the one the row gives, if any).
        if count > 0.0
            && let Some(per) = kilograms_per(unit)
        {
            if kg == 0.0 {
                kg = count * per;
            }
            count = 0.0;
        }
        RowQuantity { kg, count, unit: if count > 0.0 { unit } else { "" } }
    }
}
