//! The aggregate queries, each one SQL statement with GROUP BY, by the same double-counting
//! rules as the in-process engine (`model::query`, rules 1–6 in its module documentation).
//!
//! The innermost level groups the table itself, so on a `Distributed` table each shard sums
//! its own rows and sends only its groups; the levels above work on those groups:
//! 1. the selection (reporter, partner, commodity prefix, months), valid kept rows only,
//!    summed per (month, reporter, partner, flow, commodity level);
//! 2. per (month, reporter, partner, flow): the most aggregate level's sum (`argMin`);
//! 3. with no partner chosen, per (month, reporter, flow): World's value where there is a
//!    World row, else the countries' sum;
//! 4. per (month, reporter[, partner]): turnover-only values only without a split;
//! 5. per month: exports, imports, turnover-only, split.
//!
//! Years, annual records and unknown flows are then made by the same Rust code as for a file
//! (`model::query::aggregate_periods`).

use super::shape::Shape;
use super::sql::{Sql, cat};
use crate::model::dataset::is_total_code;
use crate::model::query::Selection;

/// The row expressions under the names the queries use, as a WITH clause: the query that
/// reads the table groups it at the same level, so a shard sends groups, not rows.
fn with(shape: &Shape) -> Sql {
    cat(&[
        &Sql::raw("WITH "),
        shape.ym.clone().push(" AS td_ym, "),
        shape.reporter_code.clone().push(" AS td_rc, "),
        shape.reporter_name.clone().push(" AS td_rn, "),
        shape.partner_code.clone().push(" AS td_pc, "),
        shape.partner_name.clone().push(" AS td_pn, "),
        shape.flow.clone().push(" AS td_f, "),
        shape.commodity.clone().push(" AS td_c, "),
        shape.commodity_name.clone().push(" AS td_cn, "),
        shape.value.clone().push(" AS td_v, "),
        shape.value_ok.clone().push(" AS td_vok "),
    ])
}

/// A kept, readable row: a period, a flow, a reporter, a partner and a value.
const VALID: &str = "td_ym != 0 AND td_f IN ('export', 'import', 'turnover') AND NOT (td_rc = '' AND td_rn = '') \
     AND NOT (td_pc = '' AND td_pn = '') AND td_vok = 1";

/// Rows the importer would skip (no period, no flow, no party, no value); a breakdown set
/// aside is not one of them.
const BAD: &str = "td_f != 'aside' AND (td_ym = 0 OR td_f = '' OR (td_rc = '' AND td_rn = '') \
     OR (td_pc = '' AND td_pn = '') OR td_vok = 0)";

const TOTAL_CODES: &str = "('TOTAL', 'AG0', 'ALL', '')";

/// `Party::matches` in SQL: the code ignoring ASCII case, or the name ignoring case.
fn party_filter(code: &str, name: &str, query: Option<&str>) -> Sql {
    let Some(q) = query else { return Sql::raw("1") };
    let q = q.trim();
    if q.is_empty() {
        return Sql::raw("0");
    }
    let mut s = Sql::raw("(lower(");
    s.push(code).push(") = ").lit(&q.to_ascii_lowercase()).push(" OR lowerUTF8(").push(name);
    s.push(") = ").lit(&q.to_lowercase()).push(")");
    s
}

/// Rule 1 for the reporter and partner only (what rule 6 looks at).
fn parties(sel: &Selection) -> Sql {
    cat(&[
        &party_filter("td_rc", "td_rn", sel.reporter.as_deref()),
        &Sql::raw(" AND "),
        &party_filter("td_pc", "td_pn", sel.partner.as_deref()),
    ])
}

/// Rule 1: the whole selection.
fn selection(sel: &Selection) -> Sql {
    let mut s = parties(sel);
    match sel.commodity.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        None => {}
        Some(p) if is_total_code(p) => {
            s.push(" AND upper(td_c) IN ").push(TOTAL_CODES);
        }
        Some(p) => {
            s.push(" AND upper(td_c) NOT IN ")
                .push(TOTAL_CODES)
                .push(" AND startsWith(td_c, ")
                .lit(p)
                .push(")");
        }
    }
    if let Some(r) = sel.range {
        let (a, b) =
            (r.start.year * 100 + i32::from(r.start.month), r.end.year * 100 + i32::from(r.end.month));
        s.push(&format!(
            " AND ((td_ym % 100 != 0 AND td_ym BETWEEN {a} AND {b}) OR (td_ym % 100 = 0 AND intDiv(td_ym, 100) BETWEEN {} AND {}))",
            r.start.year, r.end.year
        ));
    }
    s
}

/// FROM the table (in the client's database).
fn from(table: &str) -> Sql {
    let mut s = Sql::raw(" FROM ");
    s.ident(table);
    s
}

/// Per month: (period number, exports, imports, turnover-only, split 0/1, and 0/1 for
/// whether export, import and turnover-only rows are behind it), in month order.
pub(super) fn periods(shape: &Shape, table: &str, sel: &Selection) -> Sql {
    let mut l1 = with(shape);
    l1.push("SELECT td_ym, td_rc, td_rn, td_pc, td_pn, td_f, if(upper(td_c) IN ").push(TOTAL_CODES);
    l1.push(", 0, length(td_c)) AS td_l, sum(td_v) AS td_s1");
    l1.add(&from(table)).push(" WHERE ").push(VALID).push(" AND ").add(&selection(sel));
    l1.push(" GROUP BY td_ym, td_rc, td_rn, td_pc, td_pn, td_f, td_l");
    let mut l2 = Sql::raw("SELECT td_ym, td_rc, td_rn, td_pc, td_pn, td_f, argMin(td_s1, td_l) AS td_s2, ");
    l2.push("toUInt8(td_pc IN ('0', 'W00', 'WLD') OR lower(td_pn) = 'world') AS td_w FROM (").add(&l1);
    l2.push(") GROUP BY td_ym, td_rc, td_rn, td_pc, td_pn, td_f");
    let (l3, block) = if sel.partner.is_none() {
        let mut l3 = Sql::raw("SELECT td_ym, td_rc, td_rn, td_f, ");
        l3.push("if(max(td_w) = 1, sumIf(td_s2, td_w = 1), sumIf(td_s2, td_w = 0)) AS td_s3 FROM (").add(&l2);
        l3.push(") GROUP BY td_ym, td_rc, td_rn, td_f");
        (l3, "td_ym, td_rc, td_rn")
    } else {
        let mut l3 = Sql::raw("SELECT td_ym, td_rc, td_rn, td_pc, td_pn, td_f, td_s2 AS td_s3 FROM (");
        l3.add(&l2).push(")");
        (l3, "td_ym, td_rc, td_rn, td_pc, td_pn")
    };
    let mut l4 = Sql::raw(
        "SELECT td_ym, sumIf(td_s3, td_f = 'export') AS td_e, sumIf(td_s3, td_f = 'import') AS td_i, ",
    );
    l4.push(
        "max(toUInt8(td_f IN ('export', 'import'))) AS td_split, max(toUInt8(td_f = 'export')) AS td_he, ",
    );
    l4.push("max(toUInt8(td_f = 'import')) AS td_hi, max(toUInt8(td_f = 'turnover')) AS td_ht, ");
    l4.push("if(td_split = 1, 0, sumIf(td_s3, td_f = 'turnover')) AS td_t FROM (").add(&l3);
    l4.push(&format!(") GROUP BY {block}"));
    let mut l5 = Sql::raw(
        "SELECT td_ym, sum(td_e), sum(td_i), sum(td_t), max(td_split), max(td_he), max(td_hi), max(td_ht) FROM (",
    );
    l5.add(&l4).push(") GROUP BY td_ym ORDER BY td_ym");
    l5
}

/// Rule 6: the flows the table holds for the selection's reporter and partner.
pub(super) fn flows_held(shape: &Shape, table: &str, sel: &Selection) -> Sql {
    let mut s = with(shape);
    s.push("SELECT td_f").add(&from(table)).push(" WHERE ").push(VALID).push(" AND ").add(&parties(sel));
    s.push(" GROUP BY td_f ORDER BY td_f");
    s
}

/// Rows in the table, rows set aside (breakdowns), rows unreadable.
pub(super) fn counts(shape: &Shape, table: &str) -> Sql {
    let mut s = with(shape);
    s.push("SELECT count(), countIf(td_f = 'aside'), countIf(").push(BAD).push(")").add(&from(table));
    s
}

/// The reporters, partners or commodities (`code`, `name`: `td_rc`, `td_rn` and the like)
/// with their row counts, in code and name order. Commodities (`td_c`, `td_cn`) are listed by
/// code with any of their names, as the dataset interns them.
pub(super) fn list(shape: &Shape, table: &str, code: &str, name: &str) -> Sql {
    let mut s = with(shape);
    let (key, label) = if code == "td_c" {
        (code.to_owned(), format!("any({name})"))
    } else {
        (format!("{code}, {name}"), name.to_owned())
    };
    s.push(&format!("SELECT {code}, {label}, count()")).add(&from(table)).push(" WHERE ").push(VALID);
    s.push(&format!(" GROUP BY {key} ORDER BY {key}"));
    s
}

/// The table summed per (month, reporter, partner, flow, commodity): the data the window's
/// panels and `targets` work on in memory, with declarations and duplicates of a key summed.
///
/// With `sel`, only the rows of its reporter, partner, commodity prefix and months (rule 1,
/// as for the totals): what `breakdown` needs of the table.
pub(super) fn summed_rows(shape: &Shape, table: &str, sel: Option<&Selection>) -> Sql {
    let mut s = with(shape);
    s.push("SELECT td_ym, td_rc, td_rn, td_pc, td_pn, td_f, td_c, any(td_cn), sum(td_v)").add(&from(table));
    s.push(" WHERE ").push(VALID);
    if let Some(sel) = sel {
        s.push(" AND ").add(&selection(sel));
    }
    s.push(" GROUP BY td_ym, td_rc, td_rn, td_pc, td_pn, td_f, td_c ORDER BY td_ym, td_rc, td_rn, td_pc, td_pn, td_f, td_c");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::clickhouse::shape::{Column, recognise};

    #[test]
    fn user_values_are_placeholders_not_text() {
        let cols: Vec<Column> = ["period", "reporter", "partner", "flow", "commodity", "value_usd"]
            .iter()
            .map(|n| Column { name: (*n).to_owned(), ty: "String".to_owned() })
            .collect();
        let shape = recognise(&cols).unwrap();
        let sel = Selection {
            partner: Some("O'Brien \"x\"; DROP".into()),
            commodity: Some("03'".into()),
            ..Selection::default()
        };
        let q = periods(&shape, "trade", &sel);
        assert!(!q.text().contains("O'Brien") && !q.text().contains("DROP") && !q.text().contains("03'"));
        assert!(!q.text().contains("trade"), "the table is bound too");
    }
}
