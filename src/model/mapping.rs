//! A column mapping for files whose header tradedash does not know: which column holds the
//! period, flow, reporter, partner, commodity, value and unit, or a fixed value for all rows.
//! Given in the window's mapping step or on the command line (`--map` / `--set`), and
//! remembered per header in the workspace (see [`SavedMapping`]).

use super::note::{Arg, Note};
use serde::{Deserialize, Serialize};

/// Where one field of a trade record comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// Not given (a default applies: `TOTAL` for the commodity, US dollars for the unit).
    #[default]
    None,
    /// A column, by its header text.
    Column(String),
    /// The same value for every row ("export", "Brest Oblast", "thousand").
    Fixed(String),
    /// Only for the period: one column per month (a wide table).
    MonthColumns,
}

impl Source {
    /// The column name, when this is a column.
    #[must_use]
    pub fn column(&self) -> Option<&str> {
        match self {
            Self::Column(c) => Some(c),
            _ => None,
        }
    }

    /// Whether nothing is given.
    #[must_use]
    pub fn is_none(&self) -> bool {
        *self == Self::None
    }
}

/// The fields of a trade record, in the order the mapping step shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Month (or year) the value covers.
    Period,
    /// Export, import or turnover.
    Flow,
    /// Who reports.
    Reporter,
    /// The trading partner.
    Partner,
    /// HS code or name.
    Commodity,
    /// The value.
    Value,
    /// US dollars, thousands or millions of them.
    Unit,
}

impl Field {
    /// Every field, in display order.
    pub const ALL: [Self; 7] =
        [Self::Period, Self::Flow, Self::Reporter, Self::Partner, Self::Commodity, Self::Value, Self::Unit];

    /// The name used in `--map` and `--set` and shown in the mapping step.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Period => "period",
            Self::Flow => "flow",
            Self::Reporter => "reporter",
            Self::Partner => "partner",
            Self::Commodity => "commodity",
            Self::Value => "value",
            Self::Unit => "unit",
        }
    }

    /// Whether a fixed value makes sense for this field.
    #[must_use]
    pub fn allows_fixed(self) -> bool {
        !matches!(self, Self::Period | Self::Value)
    }

    fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// Which column holds what. Every field is a [`Source`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ColumnMapping {
    /// Month or year: a column, or [`Source::MonthColumns`] for a wide table.
    pub period: Source,
    /// Export / import / turnover.
    pub flow: Source,
    /// Reporter.
    pub reporter: Source,
    /// Partner.
    pub partner: Source,
    /// Commodity; `TOTAL` when not given.
    pub commodity: Source,
    /// The value column (not used with month columns).
    pub value: Source,
    /// `usd`, `thousand` or `million` (of US dollars); or a column with such words.
    pub unit: Source,
}

impl ColumnMapping {
    /// The source of one field.
    #[must_use]
    pub fn get(&self, field: Field) -> &Source {
        match field {
            Field::Period => &self.period,
            Field::Flow => &self.flow,
            Field::Reporter => &self.reporter,
            Field::Partner => &self.partner,
            Field::Commodity => &self.commodity,
            Field::Value => &self.value,
            Field::Unit => &self.unit,
        }
    }

    /// The source of one field, to change it.
    pub fn get_mut(&mut self, field: Field) -> &mut Source {
        match field {
            Field::Period => &mut self.period,
            Field::Flow => &mut self.flow,
            Field::Reporter => &mut self.reporter,
            Field::Partner => &mut self.partner,
            Field::Commodity => &mut self.commodity,
            Field::Value => &mut self.value,
            Field::Unit => &mut self.unit,
        }
    }

    /// Adds the command line's `--map period=COL,value=COL` (columns; `period=months` for one
    /// column per month) and `--set flow=export,reporter=Brest Oblast,unit=thousand` (fixed values).
    ///
    /// # Errors
    /// A message naming the part that is not `field=text` with a known field (`map-*` of
    /// `import.ftl`; its `Display` is English).
    pub fn parse_cli(map: Option<&str>, set: Option<&str>) -> Result<Self, Note> {
        let mut m = Self::default();
        for (text, fixed) in [(map, false), (set, true)] {
            let Some(text) = text else { continue };
            for part in text.split(',').filter(|p| !p.trim().is_empty()) {
                let (name, value) = part.split_once('=').ok_or_else(|| {
                    Note::new("map-not-field-value").with("part", Arg::Text(format!("{part:?}")))
                })?;
                let field = Field::parse(name).ok_or_else(|| {
                    Note::new("map-unknown-field").with("field", Arg::Text(format!("{:?}", name.trim())))
                })?;
                let value = value.trim().to_owned();
                if value.is_empty() {
                    return Err(
                        Note::new("map-needs-value").with("field", Arg::Text(field.name().to_owned()))
                    );
                }
                *m.get_mut(field) = if fixed {
                    if !field.allows_fixed() {
                        return Err(
                            Note::new("map-needs-column").with("field", Arg::Text(field.name().to_owned()))
                        );
                    }
                    Source::Fixed(value)
                } else if field == Field::Period && value.eq_ignore_ascii_case("months") {
                    Source::MonthColumns
                } else {
                    Source::Column(value)
                };
            }
        }
        Ok(m)
    }

    /// What is missing before rows can be read: the period, the value (unless month columns),
    /// and the flow (a column or a fixed value). A missing reporter or partner is shown as
    /// "(reporter not given)".
    #[must_use]
    pub fn missing(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.period.is_none() {
            out.push("period");
        }
        if self.value.is_none() && self.period != Source::MonthColumns {
            out.push("value");
        }
        if self.flow.is_none() {
            out.push("flow");
        }
        out
    }
}

/// A mapping remembered for files with the same header. Kept in the workspace
/// (`Workspace::import_mappings`), so that it travels with the analysis it was made for and
/// is saved with it; the CLI uses the ones of a workspace it opens.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedMapping {
    /// The header row, as [`header_key`] makes it.
    pub header: String,
    /// The mapping.
    pub mapping: ColumnMapping,
}

/// A header row reduced to what identifies it: cells trimmed, lower-cased, joined by `|`.
#[must_use]
pub fn header_key<'a>(cells: impl IntoIterator<Item = &'a str>) -> String {
    let cells: Vec<String> = cells.into_iter().map(|c| c.trim().to_lowercase()).collect();
    let end = cells.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1);
    cells[..end].join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_command_line_form() {
        let m = ColumnMapping::parse_cli(
            Some("period=Период,partner=Страна,value=Экспорт"),
            Some("flow=export,reporter=Brest Oblast,unit=thousand"),
        )
        .unwrap();
        assert_eq!(m.period, Source::Column("Период".into()));
        assert_eq!(m.reporter, Source::Fixed("Brest Oblast".into()));
        assert_eq!(m.unit, Source::Fixed("thousand".into()));
        assert!(m.missing().is_empty());
        let wide = ColumnMapping::parse_cli(Some("period=months,partner=Country"), None).unwrap();
        assert_eq!(wide.period, Source::MonthColumns);
        assert_eq!(wide.missing(), vec!["flow"]);
        assert!(
            ColumnMapping::parse_cli(Some("when=A"), None).unwrap_err().to_string().contains("unknown field")
        );
        assert!(ColumnMapping::parse_cli(None, Some("value=3")).unwrap_err().to_string().contains("--map"));
        assert!(ColumnMapping::parse_cli(Some("period"), None).is_err());
    }

    #[test]
    fn header_keys_ignore_case_space_and_trailing_empties() {
        assert_eq!(header_key([" Период", "СТРАНА ", "", ""]), "период|страна");
    }
}
