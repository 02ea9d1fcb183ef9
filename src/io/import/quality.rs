//! What `summary --json` says about the quality of the figures, beside them: per month and
//! year the rows that could not be read (`"skipped_rows"`, 0 when complete), and at the top
//! the rows repaired, read twice, in conflict, the repeated headers and the reconciliation of
//! totals with their parts. Kept here, next to the report it reads, so that the summary
//! command only hands its JSON over.

use serde_json::{Value, json};

use super::ImportReport;
use crate::model::completeness::incomplete_counts;
use crate::model::period::YearMonth;
use crate::model::query::Selection;

/// `summary` (any serialisable object with `"months"` and `"years"` arrays) as JSON text,
/// with the quality fields of [`extend_summary_json`].
///
/// # Errors
/// When `summary` cannot be written as JSON.
pub fn summary_json_text(
    summary: &impl serde::Serialize,
    report: Option<&ImportReport>,
    sel: &Selection,
) -> serde_json::Result<String> {
    let mut v = serde_json::to_value(summary)?;
    extend_summary_json(&mut v, report, sel);
    serde_json::to_string(&v)
}

/// Adds the quality fields to a `summary --json` object (with `"months"` and `"years"`
/// arrays) for the selection the figures are of. Without a report (a workspace with its data
/// embedded), every count is 0 and every list empty.
pub fn extend_summary_json(summary: &mut Value, report: Option<&ImportReport>, sel: &Selection) {
    let counts = incomplete_counts(report.map_or(&[][..], |r| &r.incomplete), sel);
    if let Some(months) = summary.get_mut("months").and_then(Value::as_array_mut) {
        for m in months {
            let n =
                m["period"].as_str().and_then(|p| YearMonth::parse(p).ok()).map_or(0, |p| counts.month(p));
            if let Some(o) = m.as_object_mut() {
                o.insert("skipped_rows".into(), n.into());
            }
        }
    }
    if let Some(years) = summary.get_mut("years").and_then(Value::as_array_mut) {
        for y in years {
            let n = y["year"].as_i64().and_then(|y| i32::try_from(y).ok()).map_or(0, |y| counts.year(y));
            if let Some(o) = y.as_object_mut() {
                o.insert("skipped_rows".into(), n.into());
            }
        }
    }
    let Some(top) = summary.as_object_mut() else { return };
    // Every month with rows missing, those without any figure left included (a month whose only
    // row could not be read is absent from "months").
    top.insert(
        "incomplete_months".into(),
        counts.months.iter().map(|(m, n)| json!({ "period": m.to_string(), "skipped_rows": n })).collect(),
    );
    fn list<T: serde::Serialize>(
        report: Option<&ImportReport>,
        field: impl Fn(&ImportReport) -> &T,
    ) -> Value {
        report.and_then(|r| serde_json::to_value(field(r)).ok()).unwrap_or_else(|| Value::Array(Vec::new()))
    }
    top.insert("rows_repaired".into(), list(report, |r| &r.repaired));
    top.insert("duplicate_rows".into(), list(report, |r| &r.duplicates));
    top.insert("conflicting_rows".into(), list(report, |r| &r.conflicts));
    top.insert("repeated_headers".into(), list(report, |r| &r.repeated_headers));
    top.insert("reconciliation".into(), list(report, |r| &r.reconciliation));
    top.insert(
        "row_counts".into(),
        json!({
            "rows_repaired": report.map_or(0, |r| r.rows_repaired),
            "duplicate_rows": report.map_or(0, |r| r.duplicate_rows),
            "conflicting_rows": report.map_or(0, |r| r.conflicting_rows),
        }),
    );
}
