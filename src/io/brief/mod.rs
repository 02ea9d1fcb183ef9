//! The briefing pack: one A4 PDF with what the analyst hands to the governor or the
//! ambassador — a title page (the visit, delegation and hosts), the key figures with their
//! sources, the monthly and year-to-date charts, the targets with their gauges, and the
//! programme of the visit by day with each stop's products.
//!
//! Everything is computed by the model, as the window computes it: the chart's
//! [`ChartInputs::table`] for the series, [`Kpi`] for the key figures, [`target::evaluate`] and
//! [`target::figure_rows`] for the targets. This module only lays the results out
//! ([`page`]) and writes the file atomically ([`crate::io::atomic`]): a failed export leaves no
//! partial file. Headings and labels are the `brief-*` messages of `assets/locales/*/brief.ftl`
//! ([`strings`]).
//!
//! There is no "composition of trade" section (top products, top partners): the app has no
//! such view yet (docs/briefing.md).

pub mod page;
mod sections;
pub mod strings;

use std::path::Path;

use chrono::NaiveDate;

use crate::model::dataset::Dataset;
use crate::model::workspace::Workspace;

pub use strings::Lang;

/// What to put in the briefing beyond the workspace itself.
#[derive(Clone, Debug)]
pub struct BriefOptions {
    /// Language of headings and labels.
    pub lang: Lang,
    /// Which visit, 0-based; `None` for the first one (the briefing is about one visit).
    pub visit: Option<usize>,
    /// The date printed as "Prepared on".
    pub prepared: NaiveDate,
    /// Rows of the data file that could not be read (from its import report), for the
    /// incompleteness note; 0 when all were read or the data is embedded.
    pub rows_skipped: u64,
}

impl BriefOptions {
    /// English, the first visit, prepared today, no skipped rows.
    #[must_use]
    pub fn today() -> Self {
        Self { lang: Lang::En, visit: None, prepared: chrono::Local::now().date_naive(), rows_skipped: 0 }
    }
}

/// What was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BriefReport {
    /// Number of pages.
    pub pages: usize,
    /// Size of the file, bytes.
    pub bytes: usize,
}

/// Why no briefing was written. The file at the output path, if any, is untouched.
#[derive(Debug, thiserror::Error)]
pub enum BriefError {
    /// `--visit N` names a visit the workspace does not have.
    #[error("the workspace has {count} visit(s); there is no visit {number}")]
    NoSuchVisit {
        /// The 1-based number asked for.
        number: usize,
        /// How many visits there are.
        count: usize,
    },
    /// The PDF could not be made.
    #[error(transparent)]
    Render(#[from] page::RenderError),
    /// The file could not be written.
    #[error(transparent)]
    Write(#[from] crate::io::atomic::WriteError),
}

/// Lays the briefing out: the pages with everything on them, before any PDF is made.
///
/// # Errors
/// When `opts.visit` names a visit the workspace does not have.
pub fn layout(ws: &Workspace, data: &Dataset, opts: &BriefOptions) -> Result<Vec<page::Page>, BriefError> {
    let visit = match opts.visit {
        None => ws.visits.first(),
        Some(i) => {
            Some(ws.visits.get(i).ok_or(BriefError::NoSuchVisit { number: i + 1, count: ws.visits.len() })?)
        }
    };
    Ok(sections::lay_out(ws, data, visit, opts))
}

/// Makes the briefing PDF in memory.
///
/// # Errors
/// As [`layout`], and when the PDF cannot be made.
pub fn render_brief(
    ws: &Workspace,
    data: &Dataset,
    opts: &BriefOptions,
) -> Result<(Vec<u8>, usize), BriefError> {
    let pages = layout(ws, data, opts)?;
    let lang = opts.lang;
    let label = |n: usize, total: usize| {
        crate::tr!(lang, "brief-page-of", n = n.to_string(), total = total.to_string())
    };
    let footer = ws.data.sample.then(|| lang.t("brief-sample-footer"));
    let title = format!("{} — {}", lang.t("brief-briefing"), ws.title);
    let bytes = page::render(&pages, label, footer, &title, lang.code())?;
    Ok((bytes, pages.len()))
}

/// Writes the briefing for `ws` (its data `data`) to `out` as an A4 PDF, atomically: on any
/// failure nothing is left at `out` (a previous file there stays as it was).
///
/// # Errors
/// When the visit asked for does not exist, the PDF cannot be made, or `out` cannot be
/// written (the message names the path and the OS error).
pub fn write_brief(
    ws: &Workspace,
    data: &Dataset,
    opts: &BriefOptions,
    out: &Path,
) -> Result<BriefReport, BriefError> {
    let (bytes, pages) = render_brief(ws, data, opts)?;
    crate::io::atomic::write_atomic(out, &bytes)?;
    Ok(BriefReport { pages, bytes: bytes.len() })
}
