//! A target's current value from the workspace's reported figures: the latest published figure
//! of the target's measure and pair that fits its basis, or the one the user pinned. Its
//! growth is the published one, or else the figure for the same span a year earlier.

use serde::{Deserialize, Serialize};

use super::status::{Current, CurrentSource};
use super::types::{CurrentBasis, Target};
use crate::model::note::{Arg, Note};
use crate::model::reported::{ReportedFigure, Statistics};

/// Which figure counts as the current value of a gauge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CurrentPin {
    /// The latest of the data's figure for the basis and the reported figures that fit it.
    #[default]
    Latest,
    /// Always the figure computed from the data.
    Data,
    /// This reported figure (by [`ReportedFigure::id`]), whatever the data says.
    Reported(u32),
}

/// Where a reported current value comes from, for the gauge and `targets`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportedRef {
    /// [`ReportedFigure::id`].
    pub id: u32,
    /// Where it was published.
    pub source: String,
    /// Who said it.
    pub reported_by: String,
    /// Whose statistics: the reporter's or partner's name, or empty when the source does not say.
    pub statistics_of: String,
}

impl ReportedRef {
    fn of(f: &ReportedFigure) -> Self {
        let statistics_of = match f.statistics {
            Statistics::Reporter => f.reporter.trim().to_owned(),
            Statistics::Partner => f.partner.trim().to_owned(),
            Statistics::Unstated => String::new(),
        };
        Self { id: f.id, source: f.source.clone(), reported_by: f.reported_by.clone(), statistics_of }
    }

    /// "law.by, legal news, August 2019; Belarus' statistics".
    #[must_use]
    pub fn text(&self) -> String {
        let mut parts = vec![self.source.trim().to_owned()];
        if !self.statistics_of.is_empty() {
            parts.push(format!("statistics of {}", self.statistics_of));
        }
        parts.retain(|p| !p.is_empty());
        parts.join("; ")
    }
}

/// Whether a figure can stand for the target's current value under its basis: a calendar year
/// for "last full year", a span from January for the year to date, twelve months for rolling.
fn fits_basis(f: &ReportedFigure, basis: CurrentBasis) -> bool {
    match basis {
        CurrentBasis::LastFullYear => f.is_calendar_year(),
        CurrentBasis::YearToDate | CurrentBasis::YtdAnnualised => f.is_from_january(),
        CurrentBasis::Rolling12 => f.span.is_some_and(|s| s.len_months() == 12),
    }
}

/// Figures about the target's pair and measure, for all commodities, with a known span.
fn about_target<'a>(
    target: &Target,
    figures: &'a [ReportedFigure],
) -> impl Iterator<Item = &'a ReportedFigure> + use<'a> {
    let (measure, all_commodities) = (target.measure, target.commodity.trim().is_empty());
    let (reporter, partner) = (target.reporter.clone(), target.partner.clone());
    figures.iter().filter(move |f| {
        f.span.is_some()
            && f.measure == measure
            && all_commodities
            && f.is_between(&reporter, &partner)
            && f.value_usd.is_finite()
            && f.value_usd > 0.0
    })
}

/// The latest published (not derived) figure for the target that fits its basis; among figures
/// of the same span the first listed wins.
pub(super) fn latest<'a>(target: &Target, figures: &'a [ReportedFigure]) -> Option<&'a ReportedFigure> {
    about_target(target, figures).filter(|f| !f.derived_from_growth && fits_basis(f, target.basis)).fold(
        None,
        |best: Option<&ReportedFigure>, f| match (best, f.span) {
            (Some(b), Some(s)) if b.span.is_some_and(|bs| bs.end >= s.end) => Some(b),
            _ => Some(f),
        },
    )
}

/// The pinned figure, when it still exists.
pub(super) fn pinned(id: u32, figures: &[ReportedFigure]) -> Option<&ReportedFigure> {
    figures.iter().find(|f| f.id == id && f.span.is_some())
}

/// The current value a reported figure gives, its growth, and notes on both.
pub(super) fn current_from(
    target: &Target,
    f: &ReportedFigure,
    figures: &[ReportedFigure],
    notes: &mut Vec<Note>,
) -> Option<(Current, Option<f64>)> {
    let span = f.span?;
    let src = ReportedRef::of(f);
    let months = span.len_months();
    // A span of at most 12 months: exact in f64.
    #[allow(clippy::cast_precision_loss)]
    let annual =
        if f.is_calendar_year() || months == 12 { f.value_usd } else { f.value_usd * 12.0 / months as f64 };
    let annualised = target.basis == CurrentBasis::YtdAnnualised && months < 12;
    notes.push(
        Note::new("note-reported-current")
            .with("value", Arg::Usd(f.value_usd))
            .with("period", Arg::Period(span))
            .with("source", Arg::Source(src.clone())),
    );
    if months < 12 {
        notes.push(
            Note::new("note-reported-annualised")
                .with("period", Arg::Period(span))
                .with("months", Arg::Count(months as u64)),
        );
    }
    let growth = growth_of(target, f, figures, notes);
    let period = Note::new(if annualised { "note-reported-label-annualised" } else { "note-reported-label" })
        .with("period", Arg::Period(span));
    let current = Current {
        source: CurrentSource::Reported,
        value_usd: if annualised { annual } else { f.value_usd },
        year: span.end.year,
        months: Some(span),
        label: period.to_string(),
        period,
        annual_level_usd: Some(annual),
        reported: Some(src),
    };
    Some((current, growth))
}

/// The published growth of `f`, or else its value against a figure of the target for the same
/// span a year earlier (from the same side's statistics when there is one).
fn growth_of(
    target: &Target,
    f: &ReportedFigure,
    figures: &[ReportedFigure],
    notes: &mut Vec<Note>,
) -> Option<f64> {
    if let Some(g) = f.change {
        notes.push(Note::new("note-reported-growth-published").with("growth", Arg::Growth(g)));
        return Some(g);
    }
    let span = f.span?;
    let earlier = |same_side: bool| {
        about_target(target, figures).find(|p| {
            p.span.is_some_and(|s| s.start == span.start.year_earlier() && s.end == span.end.year_earlier())
                && (!same_side || p.statistics == f.statistics)
        })
    };
    match earlier(true).or_else(|| earlier(false)) {
        Some(p) => {
            let g = f.value_usd / p.value_usd - 1.0;
            notes.push(
                Note::new("note-reported-growth-against")
                    .with("growth", Arg::Growth(g))
                    .with("value", Arg::Usd(p.value_usd))
                    .with("period", p.span.map_or_else(|| Arg::Text(String::new()), Arg::Period))
                    .with("source", Arg::Text(p.source.trim().to_owned())),
            );
            Some(g)
        }
        None => {
            notes.push(Note::new("note-reported-growth-unknown"));
            None
        }
    }
}
