//! Figures quoted in public reporting ("Brest Oblast – Kazakhstan trade, Jan–Jul 2018: $58.3
//! million, +18.6%"), held as data: a value for a span of months, a measure of one reporter's
//! trade with one partner, the published growth, which side's statistics it is, and where it
//! was published. Charts, KPIs and gauges use them beside the computed figures, always
//! labelled with their source; nothing is ever spread over months.
//!
//! A figure whose span is not known (a label from an old workspace that could not be read) is
//! kept and listed, but charts and gauges leave it out: they need to know where it belongs.

mod parse;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use parse::{LegacyParse, parse_legacy_label, parse_span};

use crate::model::dataset::{Dataset, Party};
use crate::model::format;
use crate::model::period::MonthRange;
use crate::model::query::Selection;
pub use crate::model::target::TargetMeasure as Measure;

/// Which side's statistics a figure comes from. Mirror statistics differ (exports FOB, imports
/// CIF, origin against consignment): Belarus put 2017 at $690 million, Kazakhstan at $604.1
/// million.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Statistics {
    /// The source does not say.
    #[default]
    Unstated,
    /// The reporter's own statistics.
    Reporter,
    /// The partner's statistics (mirror figures).
    Partner,
}

impl Statistics {
    /// Every choice, in the order the editor shows them.
    pub const ALL: [Self; 3] = [Self::Unstated, Self::Reporter, Self::Partner];

    /// Machine-readable name: "unstated", "reporter", "partner".
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Unstated => "unstated",
            Self::Reporter => "reporter",
            Self::Partner => "partner",
        }
    }
}

/// A figure quoted by an official, a statistics office or the press, with its source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportedFigure {
    /// Stable number within the workspace, so a gauge can pin the figure.
    pub id: u32,
    /// The months the figure covers; `None` when unknown (a label from an old workspace that
    /// could not be read): listed, but not charted or used by gauges.
    pub span: Option<MonthRange>,
    /// Exports or imports of the reporter to or from the partner, or their sum.
    pub measure: Measure,
    /// Whose trade ("Brest Oblast", "Belarus", or a code such as "BY-BR").
    pub reporter: String,
    /// With whom ("Kazakhstan", "KAZ").
    pub partner: String,
    /// The value, US dollars.
    pub value_usd: f64,
    /// Published growth on the same span a year earlier, as a fraction (0.186 for "+18.6%",
    /// "118.6% of the same period of 2017").
    pub change: Option<f64>,
    /// Which side's statistics.
    pub statistics: Statistics,
    /// Who said it ("Brest Oblast Governor Anatoly Lis").
    pub reported_by: String,
    /// Where it was published ("BelTA via Kazinform, 11 Sep 2018").
    pub source: String,
    /// When it was published, when known to the day.
    pub published: Option<NaiveDate>,
    /// The value was not published itself but computed from a published figure and its
    /// published growth rate (Jan–Jul 2017 = $58.3 million ÷ 1.186).
    pub derived_from_growth: bool,
    /// What the figure was called where it came from; for figures of old workspaces whose
    /// label could not be read, the only description there is.
    pub label: String,
    /// Anything else the reader should know ("about", "exports $783.7 M, imports $112.3 M").
    pub note: String,
}

impl Default for ReportedFigure {
    fn default() -> Self {
        Self {
            id: 0,
            span: None,
            measure: Measure::Turnover,
            reporter: String::new(),
            partner: String::new(),
            value_usd: 0.0,
            change: None,
            statistics: Statistics::Unstated,
            reported_by: String::new(),
            source: String::new(),
            published: None,
            derived_from_growth: false,
            label: String::new(),
            note: String::new(),
        }
    }
}

/// Something wrong with a reported figure as entered; the editor shows the message.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FigureError {
    /// The value is zero, negative or not a number.
    #[error("the value must be an amount of US dollars above $0")]
    ValueNotPositive,
    /// No span.
    #[error("the period is missing")]
    NoSpan,
    /// Reporter or partner missing.
    #[error("name both the reporter and the partner")]
    NoParties,
    /// No source.
    #[error("name the source: a reported figure is only as good as where it was published")]
    NoSource,
    /// Growth of −100% or less.
    #[error("a published growth of −100% or less is not possible")]
    ChangeImpossible,
}

impl ReportedFigure {
    /// "Brest Oblast – Kazakhstan turnover, Jan–Jul 2018"; the label when the span is unknown.
    #[must_use]
    pub fn title(&self) -> String {
        match self.span {
            Some(span) if !self.reporter.trim().is_empty() => format!(
                "{} – {} {}, {}",
                self.reporter.trim(),
                self.partner.trim(),
                self.measure.key(),
                span_label(span)
            ),
            _ if !self.label.trim().is_empty() => self.label.trim().to_owned(),
            Some(span) => span_label(span),
            None => "(no period)".into(),
        }
    }

    /// "$58.3 million, +18.6%".
    #[must_use]
    pub fn value_text(&self) -> String {
        let change = self.change.map_or_else(String::new, |c| format!(", {}", format::pct_change(c)));
        format!("{}{change}", format::usd(self.value_usd))
    }

    /// Whether the figure is about `reporter`'s trade with `partner` (codes or names, any case).
    /// Turnover is the same both ways round; exports and imports are not.
    #[must_use]
    pub fn is_between(&self, reporter: &str, partner: &str) -> bool {
        let same =
            |a: &str, b: &str| !a.trim().is_empty() && a.trim().to_lowercase() == b.trim().to_lowercase();
        let direct = same(&self.reporter, reporter) && same(&self.partner, partner);
        let swapped = same(&self.reporter, partner) && same(&self.partner, reporter);
        direct || (self.measure == Measure::Turnover && swapped)
    }

    /// As [`Self::is_between`], for parties of the data, which match by code or name.
    #[must_use]
    pub fn is_between_parties(&self, reporter: &Party, partner: &Party) -> bool {
        let direct = reporter.matches(&self.reporter) && partner.matches(&self.partner);
        let swapped = reporter.matches(&self.partner) && partner.matches(&self.reporter);
        direct || (self.measure == Measure::Turnover && swapped)
    }

    /// Whether the figure is about the selection's reporter and partner, for all commodities.
    /// The data's parties match by code or name ("BY-BR" selects "Brest Oblast"); without data
    /// for them, the selection's text is compared with the figure's.
    #[must_use]
    pub fn matches_selection(&self, sel: &Selection, data: &Dataset) -> bool {
        let (Some(r), Some(p)) = (sel.reporter.as_deref(), sel.partner.as_deref()) else { return false };
        if sel.commodity.is_some() || self.span.is_none() {
            return false;
        }
        let reporter = data.reporters().iter().find(|x| x.matches(r));
        let partner = data.partners().iter().find(|x| x.matches(p));
        match (reporter, partner) {
            (Some(rp), Some(pp)) => self.is_between_parties(rp, pp),
            _ => self.is_between(r, p),
        }
    }

    /// Whether the span is a calendar year (January to December of one year).
    #[must_use]
    pub fn is_calendar_year(&self) -> bool {
        self.span.is_some_and(|s| s.start.month == 1 && s.end.month == 12 && s.start.year == s.end.year)
    }

    /// Whether the span runs from January to a month of the same year (a year to date).
    #[must_use]
    pub fn is_from_january(&self) -> bool {
        self.span.is_some_and(|s| s.start.month == 1 && s.start.year == s.end.year)
    }

    /// Everything wrong with the figure, in the order the editor shows the fields.
    #[must_use]
    pub fn validate(&self) -> Vec<FigureError> {
        let mut errors = Vec::new();
        if !(self.value_usd.is_finite() && self.value_usd > 0.0) {
            errors.push(FigureError::ValueNotPositive);
        }
        if self.span.is_none() {
            errors.push(FigureError::NoSpan);
        }
        if self.reporter.trim().is_empty() || self.partner.trim().is_empty() {
            errors.push(FigureError::NoParties);
        }
        if self.source.trim().is_empty() {
            errors.push(FigureError::NoSource);
        }
        if self.change.is_some_and(|c| !(c.is_finite() && c > -1.0)) {
            errors.push(FigureError::ChangeImpossible);
        }
        errors
    }
}

/// "2018" for a calendar year, else "Jan–Jul 2018", "Nov 2017–Feb 2018".
#[must_use]
pub fn span_label(span: MonthRange) -> String {
    if span.start.month == 1 && span.end.month == 12 && span.start.year == span.end.year {
        span.start.year.to_string()
    } else {
        span.label()
    }
}

/// The next free id for a figure added to `figures`.
#[must_use]
pub fn next_id(figures: &[ReportedFigure]) -> u32 {
    figures.iter().map(|f| f.id).max().map_or(1, |m| m.saturating_add(1))
}

/// Gives every figure without an id (0, or one already taken) a fresh one, keeping the others.
pub fn assign_ids(figures: &mut [ReportedFigure]) {
    let mut seen = std::collections::BTreeSet::new();
    let mut next = next_id(figures);
    for f in figures.iter_mut() {
        if f.id == 0 || !seen.insert(f.id) {
            f.id = next;
            seen.insert(next);
            next = next.saturating_add(1);
        }
    }
}
