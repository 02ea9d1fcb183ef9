//! The data of the built-in example workspace (Brest Oblast – Kazakhstan, from the seed article).
//!
//! **What the example's data is.** The figures as they were published, as spans, read through
//! the ordinary importer from `assets/published/belarus-kazakhstan-published.csv` (a long CSV
//! whose `source` column names where each figure was published; the importer does not keep that
//! column, so the workspace's reported figures carry the same figures with their sources):
//! Brest Oblast – Kazakhstan Jan–Jul 2018 $58.3 million, +18.6%; Belarus – Kazakhstan 2017
//! $690 million; Kazakhstan's own 2017 figures (the mirror side); Jan–Oct 2018 about $700
//! million; 2018 $783.7 million exports and $112.3 million imports; Jan–Jun 2019 $481.7
//! million, +11.8%. Jan–Jul 2017 ($58.3 million ÷ 1.186) was not published: it is not data but a
//! reported figure marked "derived from the published growth rate".
//!
//! **The illustrative monthly split** (`assets/sample/…-SAMPLE.csv`: monthly values invented to
//! add up to the published Jan–Jul totals) is off by default. The sidebar's "Show illustrative
//! monthly split (SAMPLE)" adds its rows to the data shown (one undo step, saved with the
//! workspace as [`SampleSplit::shown`]); while they are shown the data is labelled SAMPLE
//! everywhere (banner, chart, table CSV, PNG, `summary`). Hiding it removes exactly those rows.

use std::collections::HashSet;

use super::import;
use crate::model::dataset::{Dataset, Record};
pub use crate::model::workspace::SampleSplit;

/// The published figures, as a long CSV with a `source` column.
pub const PUBLISHED_CSV: &[u8] = include_bytes!("../../assets/published/belarus-kazakhstan-published.csv");

/// The illustrative monthly split of the published Jan–Jul totals (SAMPLE).
pub const SAMPLE_CSV: &[u8] = include_bytes!("../../assets/sample/brest-kazakhstan-2017-2018-SAMPLE.csv");

/// What the example's data is called in the sidebar and on exports.
pub const PUBLISHED_LABEL: &str = "Published figures (spans and years), Brest Oblast and Belarus – Kazakhstan, 2017–2019; sources under Reported figures";

/// The published figures. Empty only if the built-in file could not be read, which a test rules
/// out.
#[must_use]
pub fn published() -> Dataset {
    import::import_bytes("belarus-kazakhstan-published.csv", PUBLISHED_CSV)
        .map(|i| i.dataset)
        .unwrap_or_default()
}

/// The rows of the illustrative monthly split.
#[must_use]
pub fn sample_rows() -> Dataset {
    import::import_bytes("brest-kazakhstan-2017-2018-SAMPLE.csv", SAMPLE_CSV)
        .map(|i| i.dataset)
        .unwrap_or_default()
}

/// Shows or hides the illustrative split in a workspace holding its data (`embedded`), as the
/// window's toggle does: the rows, [`SampleSplit::shown`] and the sample label change together.
/// Nothing happens for a workspace without a split.
pub fn show_sample_split(ws: &mut crate::model::workspace::Workspace, shown: bool) {
    let data = &mut ws.data;
    let Some(split) = data.sample_split.as_mut() else { return };
    if split.shown == shown {
        return;
    }
    split.shown = shown;
    data.sample = shown;
    let rows = data.embedded.as_deref().map(|d| with_sample_split(d, shown));
    data.embedded = rows.map(std::sync::Arc::new);
}

/// The built-in example with its illustrative split shown, in the Monthly view: what the example
/// was before its data became the published figures, for trying (and testing) the monthly views.
#[must_use]
pub fn with_split_shown() -> crate::model::workspace::Workspace {
    let mut ws = super::workspace_file::default_workspace();
    show_sample_split(&mut ws, true);
    ws.chart.view = crate::model::chart::ChartView::Monthly;
    ws
}

/// A record as a key that compares values exactly.
fn key(r: &Record) -> String {
    format!(
        "{}|{}|{}|{}|{}|{}",
        r.period,
        r.reporter.code,
        r.partner.code,
        r.flow.as_str(),
        r.commodity.code,
        r.value_usd.to_bits()
    )
}

/// `data` with the illustrative split's rows added (`shown`), or with exactly those rows
/// removed (not `shown`). Rows already there are not added twice; other rows are untouched.
#[must_use]
pub fn with_sample_split(data: &Dataset, shown: bool) -> Dataset {
    let sample = sample_rows();
    let sample_keys: HashSet<String> = (0..sample.len()).map(|i| key(&sample.record(i))).collect();
    let is_sample = |i: usize| sample_keys.contains(&key(&data.record(i)));
    if shown {
        let have: HashSet<String> =
            (0..data.len()).filter(|&i| is_sample(i)).map(|i| key(&data.record(i))).collect();
        let missing: Dataset =
            (0..sample.len()).map(|i| sample.record(i)).filter(|r| !have.contains(&key(r))).collect();
        let mut out = data.clone();
        out.append(missing);
        return out;
    }
    // Rebuilt rather than rows removed in place, so that the range of months the data spans
    // shrinks with them.
    let mut out = Dataset::default();
    for i in (0..data.len()).filter(|&i| !is_sample(i)) {
        out.push(data.record(i));
        if let Some(pct) = data.published_change(i) {
            out.set_published_change(out.len() - 1, pct);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::{Flow, Period};
    use crate::model::period::{MonthRange, YearMonth};

    fn ym(y: i32, m: u8) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    #[test]
    fn the_published_file_reads_whole_with_its_growth_rates() {
        let imported = import::import_bytes("p.csv", PUBLISHED_CSV).unwrap();
        assert_eq!(imported.report.rows_skipped, 0, "{:?}", imported.report);
        let d = imported.dataset;
        assert_eq!(d.len(), 8);
        let jan_jul = Period::Span(MonthRange::new(ym(2018, 1), ym(2018, 7)));
        let row = (0..d.len()).find(|&i| d.record(i).period == jan_jul).unwrap();
        let r = d.record(row);
        assert_eq!((r.reporter.code.as_str(), r.flow, r.value_usd), ("BY-BR", Flow::Turnover, 58_300_000.0));
        assert_eq!(d.published_change(row), Some(18.6));
        // No month: nothing is spread over months.
        assert!(d.month_span().is_none());
        assert_eq!(published(), d);
    }

    #[test]
    fn the_split_is_added_once_and_removed_exactly() {
        let published = published();
        let sample = sample_rows();
        assert_eq!(sample.len(), 38);
        let shown = with_sample_split(&published, true);
        assert_eq!(shown.len(), published.len() + sample.len());
        assert_eq!(with_sample_split(&shown, true).len(), shown.len(), "not added twice");
        let hidden = with_sample_split(&shown, false);
        assert_eq!(hidden, published);
        // The published growth rate survives both ways.
        let row = (0..hidden.len()).find(|&i| hidden.published_change(i).is_some()).unwrap();
        assert_eq!(hidden.published_change(row), Some(18.6));
    }
}
