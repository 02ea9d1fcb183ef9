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
        &shape.aliases,
        shape.ym.clone().push(" AS td_ym, "),
        shape.reporter_code.clone().push(" AS td_rc, "),
        shape.reporter_name.clone().push(" AS td_rn, "),
        shape.partner_code.clone().push(" AS td_pc, "),
        shape.partner_name.clone().push(" AS td_pn, "),
        shape.flow.clone().push(" AS td_f, "),
        shape.commodity.clone().push(" AS td_c, "),
        shape.commodity_name.clone().push(" AS td_cn, "),
        shape.value.clone().push(" AS td_v, "),
        shape.value_ok.clone().push(" AS td_vok, "),
        shape.span_start.clone().push(" AS td_sa, "),
        shape.span_end.clone().push(" AS td_sb, "),
        shape.published.clone().push(" AS td_pub "),
    ])
}

/// A kept row with a flow, a reporter, a partner and a value (its period aside).
macro_rules! kept {
    () => {
        "td_f IN ('export', 'import', 'turnover') AND NOT (td_rc = '' AND td_rn = '') \
         AND NOT (td_pc = '' AND td_pn = '') AND td_vok = 1"
    };
}

/// A kept, readable row of a month or a year: what the totals, the cube and the sums are of.
const VALID: &str = concat!("td_ym != 0 AND ", kept!());

/// A kept, readable span (`2018-01..2018-07`): summed apart ([`spans`]).
const SPAN: &str = concat!("td_sa != 0 AND ", kept!());

/// A kept, readable row of any period: what the lists of parties, commodities and flows held
/// are of, as a file's are of all its rows.
const READABLE: &str = concat!("(td_ym != 0 OR td_sa != 0) AND ", kept!());

/// Rows the importer would skip (no period, no flow, no party, no value); a breakdown set
/// aside is not one of them, and neither is a span.
const BAD: &str = "td_f != 'aside' AND ((td_ym = 0 AND td_sa = 0) OR td_f = '' OR (td_rc = '' AND td_rn = '') \
     OR (td_pc = '' AND td_pn = '') OR td_vok = 0)";

const TOTAL_CODES: &str = "('TOTAL', 'AG0', 'ALL', '')";

/// A reporter or partner as the table stores it: code and name as the app reads them, and
/// the stored name column's text (what the table may be ordered by).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Stored {
    pub code: String,
    pub name: String,
    pub key: String,
}

/// The stored reporters and partners a selection's text matches (`Party::matches`, decided in
/// Rust on the lists read once per connection); `None`: any.
#[derive(Clone, Debug, Default)]
pub(super) struct Matched {
    pub reporter: Option<Vec<Stored>>,
    pub partner: Option<Vec<Stored>>,
}

/// Rows of the parties in `m`: the stored name column compared with the exact stored values
/// (so that ClickHouse reads only their granules when the table is ordered by it), then the
/// (code, name) pairs, which are what the selection matched.
fn party_filter(code: &str, name: &str, key: &Sql, m: Option<&[Stored]>) -> Sql {
    let Some(m) = m else { return Sql::raw("1") };
    if m.is_empty() {
        return Sql::raw("0");
    }
    let mut keys: Vec<&str> = m.iter().map(|s| s.key.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    let mut s = Sql::raw("(");
    s.add(key).push(" IN (");
    for (i, k) in keys.iter().enumerate() {
        if i > 0 {
            s.push(", ");
        }
        s.lit(k);
    }
    s.push(") AND (");
    for (i, p) in m.iter().enumerate() {
        if i > 0 {
            s.push(" OR ");
        }
        s.push(&format!("({code} = ")).lit(&p.code).push(&format!(" AND {name} = ")).lit(&p.name).push(")");
    }
    s.push("))");
    s
}

/// Rule 1 for the reporter and partner only (what rule 6 looks at).
fn parties(shape: &Shape, m: &Matched) -> Sql {
    cat(&[
        &party_filter("td_rc", "td_rn", &shape.reporter_key, m.reporter.as_deref()),
        &Sql::raw(" AND "),
        &party_filter("td_pc", "td_pn", &shape.partner_key, m.partner.as_deref()),
    ])
}

/// Rule 1: the whole selection (its reporter and partner as matched in `m`).
fn selection(shape: &Shape, sel: &Selection, m: &Matched) -> Sql {
    let mut s = parties(shape, m);
    if let Some(c) = commodity_filter(sel) {
        s.push(" AND ").add(&c);
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

/// Rule 1 for the commodity (a code prefix, or the TOTAL rows), when the selection has one.
fn commodity_filter(sel: &Selection) -> Option<Sql> {
    let p = sel.commodity.as_deref().map(str::trim).filter(|c| !c.is_empty())?;
    let mut s = Sql::default();
    if is_total_code(p) {
        s.push("upper(td_c) IN ").push(TOTAL_CODES);
    } else {
        s.push("(upper(td_c) NOT IN ").push(TOTAL_CODES).push(" AND startsWith(td_c, ").lit(p).push("))");
    }
    Some(s)
}

/// FROM the table (in the client's database).
fn from(table: &str) -> Sql {
    let mut s = Sql::raw(" FROM ");
    s.ident(table);
    s
}

/// Rules 1 and 2 (the selection, or the whole table): per (month, reporter, partner, flow),
/// the most aggregate commodity level's sum as `td_s2`, and the caller's `extra` columns.
fn levels_1_2(shape: &Shape, table: &str, sel: Option<(&Selection, &Matched)>, extra: &str) -> Sql {
    let mut l1 = with(shape);
    l1.push("SELECT td_ym, td_rc, td_rn, td_pc, td_pn, td_f, if(upper(td_c) IN ").push(TOTAL_CODES);
    l1.push(", 0, length(td_c)) AS td_l, sum(td_v) AS td_s1");
    l1.add(&from(table));
    // A commodity is not in a table's sort key: its rows are spread over every granule. As
    // PREWHERE (MergeTree and Distributed tables) it is tested first, on its column alone,
    // and the row expressions below are computed for its rows only (half the time of the
    // query on the 20 M-row bench table, docs/clickhouse.md).
    if let Some(c) = sel.filter(|_| shape.prewhere).and_then(|(sel, _)| commodity_filter(sel)) {
        l1.push(" PREWHERE ").add(&c);
    }
    l1.push(" WHERE ").push(VALID);
    if let Some((sel, m)) = sel {
        l1.push(" AND ").add(&selection(shape, sel, m));
    }
    l1.push(" GROUP BY td_ym, td_rc, td_rn, td_pc, td_pn, td_f, td_l");
    let mut l2 = Sql::raw("SELECT td_ym, td_rc, td_rn, td_pc, td_pn, td_f, argMin(td_s1, td_l) AS td_s2");
    l2.push(extra).push(" FROM (").add(&l1).push(") GROUP BY td_ym, td_rc, td_rn, td_pc, td_pn, td_f");
    l2
}

/// Rules 1 (the whole table) and 2: per (month, reporter, partner, flow), the most aggregate
/// commodity level's sum, in that order. What the window holds of a table whose sums per
/// commodity do not fit in memory: rules 3–5 then work on it in memory, and give the same
/// figures as [`periods`] for every selection without a commodity.
pub(super) fn cube(shape: &Shape, table: &str) -> Sql {
    let mut s = levels_1_2(shape, table, None, "");
    s.push(" ORDER BY td_ym, td_rc, td_rn, td_pc, td_pn, td_f");
    s
}

/// Rules 1 (the whole table) and 2 inside each HS chapter (the first two characters of the
/// code; the TOTAL rows left out): per (month, reporter, partner, flow, chapter), the most
/// aggregate level's sum among the chapter's codes, with the chapter's own name when the table
/// has a row for the chapter itself. For every key and chapter this is what the in-process
/// engine makes of the table's rows for the selection of that 2-digit commodity prefix, so the
/// window answers such a selection from these rows in memory.
pub(super) fn chapter_cube(shape: &Shape, table: &str) -> Sql {
    let mut l1 = with(shape);
    l1.push("SELECT td_ym, td_rc, td_rn, td_pc, td_pn, td_f, substring(td_c, 1, 2) AS td_ch, ");
    l1.push("length(td_c) AS td_l, sum(td_v) AS td_s1, anyIf(td_cn, length(td_c) = 2) AS td_chn");
    l1.add(&from(table));
    l1.push(" WHERE ").push(VALID).push(" AND upper(td_c) NOT IN ").push(TOTAL_CODES);
    l1.push(" GROUP BY td_ym, td_rc, td_rn, td_pc, td_pn, td_f, td_ch, td_l");
    let mut l2 =
        Sql::raw("SELECT td_ym, td_rc, td_rn, td_pc, td_pn, td_f, td_ch, max(td_chn), argMin(td_s1, td_l)");
    l2.push(" FROM (").add(&l1).push(") GROUP BY td_ym, td_rc, td_rn, td_pc, td_pn, td_f, td_ch");
    l2.push(" ORDER BY td_ym, td_rc, td_rn, td_pc, td_pn, td_f, td_ch");
    l2
}

/// Per month: (period number, exports, imports, turnover-only, split 0/1, and 0/1 for
/// whether export, import and turnover-only rows are behind it), in month order.
pub(super) fn periods(shape: &Shape, table: &str, sel: &Selection, m: &Matched) -> Sql {
    let w = ", toUInt8(td_pc IN ('0', 'W00', 'WLD') OR lower(td_pn) = 'world') AS td_w";
    let l2 = levels_1_2(shape, table, Some((sel, m)), w);
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

/// Per stored (reporter, partner): the reporter and the partner as [`Stored`], the rows, the
/// rows set aside (breakdowns), the rows unreadable, about how many (month, flow, commodity)
/// keys the kept rows have (`uniq`, within a few percent), and 0/1 for whether kept export,
/// import and turnover-only rows are among them (rule 6, "not in the table", for any
/// selection's reporter and partner without another scan; spans included, as in a file), and
/// the rows that are spans (read by [`spans`] only when there are some). One scan per connection gives the
/// row counts and the values the selection filters compare with.
pub(super) fn parties_and_counts(shape: &Shape, table: &str) -> Sql {
    let mut s = with(shape);
    s.push(", ").add(&shape.reporter_key).push(" AS td_rk, ").add(&shape.partner_key).push(" AS td_pk ");
    s.push("SELECT td_rc, td_rn, td_rk, td_pc, td_pn, td_pk, count(), countIf(td_f = 'aside'), countIf(");
    s.push(BAD).push("), uniqIf(td_ym, td_f, td_c, ").push(VALID).push(")");
    s.push(", uniqIf(td_ym, td_f, substring(td_c, 1, 2), ").push(VALID);
    s.push(" AND upper(td_c) NOT IN ").push(TOTAL_CODES).push(")");
    for f in ["export", "import", "turnover"] {
        s.push(&format!(", max(toUInt8(td_f = '{f}' AND {READABLE}))"));
    }
    s.push(", countIf(").push(SPAN).push(")");
    s.add(&from(table)).push(" GROUP BY td_rc, td_rn, td_rk, td_pc, td_pn, td_pk");
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
    s.push(&format!("SELECT {code}, {label}, count()")).add(&from(table)).push(" WHERE ").push(READABLE);
    s.push(&format!(" GROUP BY {key} ORDER BY {key}"));
    s
}

/// The table summed per (month, reporter, partner, flow, commodity): the data the window's
/// panels and `targets` work on in memory, with declarations and duplicates of a key summed.
///
/// With `sel`, only the rows of its reporter, partner, commodity prefix and months (rule 1,
/// as for the totals): what `breakdown` needs of the table.
pub(super) fn summed_rows(shape: &Shape, table: &str, sel: Option<(&Selection, &Matched)>) -> Sql {
    let mut s = with(shape);
    s.push("SELECT td_ym, td_rc, td_rn, td_pc, td_pn, td_f, td_c, any(td_cn), sum(td_v)").add(&from(table));
    s.push(" WHERE ").push(VALID);
    if let Some((sel, m)) = sel {
        s.push(" AND ").add(&selection(shape, sel, m));
    }
    s.push(" GROUP BY td_ym, td_rc, td_rn, td_pc, td_pn, td_f, td_c ORDER BY td_ym, td_rc, td_rn, td_pc, td_pn, td_f, td_c");
    s
}

/// The spans (`Period::Span`, cumulative figures such as January–July) summed per (first
/// month, last month, reporter, partner, flow, commodity), with the growth rate published with
/// the figure where one row makes the sum (`nan` otherwise: a sum of several published figures
/// has none, as in a file). Spans are few (published figures, not declarations): the in-process
/// span engine works on them as on a file's.
pub(super) fn spans(shape: &Shape, table: &str) -> Sql {
    let mut s = with(shape);
    s.push("SELECT td_sa, td_sb, td_rc, td_rn, td_pc, td_pn, td_f, td_c, any(td_cn), sum(td_v), ");
    s.push("if(count() = 1, any(td_pub), nan)").add(&from(table)).push(" WHERE ").push(SPAN);
    let key = "td_sa, td_sb, td_rc, td_rn, td_pc, td_pn, td_f, td_c";
    s.push(&format!(" GROUP BY {key} ORDER BY {key}"));
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::clickhouse::shape::{Column, recognise};

    /// The client sends a query over 8 KiB as a POST with `readonly=1`, where a view's own
    /// SETTINGS are refused ("Cannot execute SET query in readonly mode"): every query stays
    /// well under that, the names bound in it included.
    #[test]
    fn queries_stay_short_enough_for_a_get() {
        let cols: Vec<Column> =
            LONG_COLUMNS.iter().map(|n| Column { name: (*n).to_owned(), ty: "String".to_owned() }).collect();
        let shape = recognise(&cols).unwrap();
        let sel = Selection { commodity: Some("0401".into()), ..Selection::default() };
        let m = Matched::default();
        for q in [
            periods(&shape, "a_table_named_at_length", &sel, &m),
            parties_and_counts(&shape, "t"),
            chapter_cube(&shape, "t"),
            cube(&shape, "t"),
            spans(&shape, "t"),
            summed_rows(&shape, "t", Some((&sel, &m))),
        ] {
            assert!(q.text().len() < 7000, "{} bytes: {}", q.text().len(), q.text());
        }
    }

    const LONG_COLUMNS: [&str; 10] = [
        "period",
        "reporter",
        "reporter_code",
        "partner",
        "partner_code",
        "flow",
        "commodity",
        "commodity_name",
        "value_usd",
        "published_change_pct",
    ];

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
        let stored = Stored {
            code: "OB".into(),
            name: "O'Brien \"x\"; DROP".into(),
            key: "O'Brien \"x\"; DROP".into(),
        };
        let m = Matched { reporter: None, partner: Some(vec![stored]) };
        let q = periods(&shape, "trade", &sel, &m);
        assert!(!q.text().contains("O'Brien") && !q.text().contains("DROP") && !q.text().contains("03'"));
        assert!(!q.text().contains("trade"), "the table is bound too");
    }
}
