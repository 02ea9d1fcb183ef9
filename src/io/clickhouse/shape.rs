//! The two table shapes the app reads, recognised from the table's columns, and the SQL
//! expressions that turn a row of either into the app's terms: a period number (YYYYMM, or
//! YYYY00 for an annual record, 0 when unreadable), reporter and partner (code, name), a flow
//! word (`export`, `import`, `turnover`; `aside` for a breakdown the file importer sets aside;
//! empty when unreadable), a commodity code and a value in US dollars.
//!
//! - **Long** (what `tradedash push` writes; the app's own CSV columns): `period`,
//!   `reporter`, `partner`, `flow`, `value_usd`; optional `reporter_code`, `partner_code`,
//!   `commodity` (TOTAL when absent), `commodity_name`, `published_change_pct` (the growth
//!   rate published with a span's figure), `quantity` (not used). A text `period` of the form
//!   `2018-01..2018-07` is a span (`Period::Span`, as `push` writes one).
//! - **Comtrade+** (UN Comtrade's bulk columns): `refYear`, `flowCode`, `primaryValue`;
//!   optional `refMonth`, `period`, `freqCode`, `reporterISO`/`reporterCode`, `reporterDesc`,
//!   `partnerISO`/`partnerCode`, `partnerDesc`, `partner2Code`, `cmdCode`, `cmdDesc`,
//!   `customsCode`, `motCode`. Rows the file importer sets aside are set aside the same way:
//!   re-exports and re-imports (RX, RM, …), customs procedures other than C00, transport
//!   modes other than 0, second partners other than 0.
//!
//! Column names are matched ignoring case. Values are compared as stored (`push` stores them
//! trimmed, as the importer read them).

use super::sql::Sql;

/// A column of the table: name and ClickHouse type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// As in the table.
    pub name: String,
    /// "String", "Float64", "Date", "Nullable(String)", ….
    pub ty: String,
}

/// Which of the two shapes a table has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShapeKind {
    /// period, reporter, partner, flow, commodity, value_usd.
    Long,
    /// UN Comtrade's columns.
    Comtrade,
}

impl ShapeKind {
    /// How the app names it to the user.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Long => "long format (period, reporter, partner, flow, commodity, value_usd)",
            Self::Comtrade => "UN Comtrade+ columns (refYear, flowCode, primaryValue, …)",
        }
    }
}

/// A recognised table: its kind and the expressions of its rows in the app's terms.
#[derive(Clone, Debug)]
pub struct Shape {
    /// Long or Comtrade+.
    pub kind: ShapeKind,
    pub(super) ym: Sql,
    pub(super) reporter_code: Sql,
    pub(super) reporter_name: Sql,
    pub(super) partner_code: Sql,
    pub(super) partner_name: Sql,
    /// The stored reporter and partner name columns as text (`''` when absent): compared with
    /// exact stored values, so that a table ordered by them reads only their granules.
    pub(super) reporter_key: Sql,
    pub(super) partner_key: Sql,
    pub(super) flow: Sql,
    pub(super) commodity: Sql,
    pub(super) commodity_name: Sql,
    pub(super) value: Sql,
    /// 1 where the row has a readable value.
    pub(super) value_ok: Sql,
    /// A span's first and last months (YYYYMM; 0 for a row that is not a span): a long
    /// table's text period `2018-01..2018-07`, as `push` writes a `Period::Span`.
    pub(super) span_start: Sql,
    pub(super) span_end: Sql,
    /// The growth rate published with the row's figure (`published_change_pct`, percent
    /// change on a year earlier), `nan` where there is none.
    pub(super) published: Sql,
    /// Names the expressions above use, defined first in the query's WITH clause (`td_pt AS
    /// …, `; empty when none): a text period's parts are read once, not once per use, which
    /// keeps the query short (the client sends one over 8 KiB as a POST with `readonly=1`,
    /// where a view's own SETTINGS are refused).
    pub(super) aliases: Sql,
    /// A long table's text period (`Some` when spans are read from it): what
    /// [`Shape::without_spans`] is decided on.
    pub(super) span_text: Option<Sql>,
    /// Whether the table takes PREWHERE (a MergeTree or a Distributed table; set by the
    /// source from `system.tables`).
    pub(super) prewhere: bool,
}

const VALUE_COLUMNS: &[&str] = &["primaryvalue", "tradevalueus", "tradevalue", "value_usd"];

struct Columns<'a>(&'a [Column]);

impl Columns<'_> {
    fn find(&self, names: &[&str]) -> Option<&Column> {
        names.iter().find_map(|n| self.0.iter().find(|c| c.name.eq_ignore_ascii_case(n)))
    }

    /// The column as a string ('' for NULL); `''` when absent.
    fn text(&self, names: &[&str]) -> Sql {
        let Some(c) = self.find(names) else { return Sql::raw("''") };
        let mut s = Sql::default();
        if c.ty == "String" {
            s.ident(&c.name);
        } else if c.ty.starts_with("Nullable(") {
            s.push("ifNull(toString(").ident(&c.name).push("), '')");
        } else {
            s.push("toString(").ident(&c.name).push(")");
        }
        s
    }

    /// A published growth rate, percent: `nan` where the row has none (NULL, empty text).
    fn published(&self, c: &Column) -> Sql {
        let mut s = Sql::default();
        if c.ty.contains("String") {
            s.push("ifNull(toFloat64OrNull(").add(&self.text(&[&c.name])).push("), nan)");
        } else if c.ty.starts_with("Nullable(") {
            s.push("ifNull(toFloat64(").ident(&c.name).push("), nan)");
        } else {
            s.push("toFloat64(").ident(&c.name).push(")");
        }
        s
    }

    /// The value in dollars, and whether the row has one (a text that is a number, a number
    /// that is not NULL): a row without is skipped, as by the file importer.
    fn value(&self, c: &Column) -> (Sql, Sql) {
        let mut v = Sql::default();
        let mut ok = Sql::default();
        if c.ty.contains("String") {
            let text = self.text(&[&c.name]);
            v.push("toFloat64OrZero(").add(&text).push(")");
            ok.push("isNotNull(toFloat64OrNull(").add(&text).push("))");
        } else if c.ty.starts_with("Nullable(") {
            v.push("ifNull(toFloat64(").ident(&c.name).push("), 0)");
            ok.push("isNotNull(").ident(&c.name).push(")");
        } else {
            v.push("toFloat64(").ident(&c.name).push(")");
            ok.push("1");
        }
        (v, ok)
    }
}

/// Which shape `columns` have, or what is missing from the nearer one.
///
/// # Errors
/// The missing columns of the shape the table comes closest to.
pub fn recognise(columns: &[Column]) -> Result<Shape, String> {
    let cols = Columns(columns);
    let missing = |need: &[&[&str]]| -> Vec<String> {
        need.iter().filter(|n| cols.find(n).is_none()).map(|n| n.join(" or ")).collect()
    };
    let long_need: &[&[&str]] = &[&["period"], &["reporter"], &["partner"], &["flow"], &["value_usd"]];
    let ct_need: &[&[&str]] = &[&["refYear"], &["flowCode"], VALUE_COLUMNS];
    let (long_missing, ct_missing) = (missing(long_need), missing(ct_need));
    if ct_missing.is_empty() {
        return Ok(comtrade(&cols));
    }
    if long_missing.is_empty() {
        return Ok(long(&cols, true));
    }
    let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    let (kind, lacks) = if long_missing.len() <= ct_missing.len() {
        (ShapeKind::Long, long_missing)
    } else {
        (ShapeKind::Comtrade, ct_missing)
    };
    Err(format!(
        "its columns are neither of the two shapes tradedash reads; nearest is the {}, which lacks {} (the table has: {})",
        kind.label(),
        lacks.join(", "),
        if names.is_empty() { "no columns".to_owned() } else { names.join(", ") }
    ))
}

/// `x` when it is a period number from 1900 to 2200 (month 0 for a year), else 0.
fn checked_ym(x: &Sql) -> Sql {
    let mut s = Sql::raw("toUInt32(if(intDiv(");
    s.add(x).push(", 100) BETWEEN 1900 AND 2200 AND (").add(x).push(") % 100 <= 12, ").add(x).push(", 0))");
    s
}

fn party(cols: &Columns<'_>, code: &[&str], name: &[&str]) -> (Sql, Sql) {
    let code = cols.text(code);
    let name_text = cols.text(name);
    let mut name = Sql::raw("if(");
    name.add(&name_text).push(" = '', ").add(&code).push(", ").add(&name_text).push(")");
    (code, name)
}

fn commodity(cols: &Columns<'_>, code: &[&str]) -> Sql {
    let c = cols.text(code);
    let mut s = Sql::raw("if(");
    s.add(&c).push(" = '', 'TOTAL', ").add(&c).push(")");
    s
}

/// The long shape; `spans`: whether a text period `A..B` is read as a span (else such a row
/// is unreadable, and no row pays for telling spans apart).
fn long(cols: &Columns<'_>, spans: bool) -> Shape {
    let period = cols.find(&["period"]);
    let spans = spans && period.is_some_and(|c| c.ty.contains("String"));
    let ym = match period {
        Some(c) if c.ty.starts_with("Date") || c.ty.starts_with("Nullable(Date") => {
            let mut s = Sql::raw("toYYYYMM(");
            s.ident(&c.name).push(")");
            s
        }
        Some(c) if c.ty.contains("Int") => {
            let mut s = Sql::raw("if(toUInt64(");
            s.ident(&c.name)
                .push(") < 10000, toUInt64(")
                .ident(&c.name)
                .push(") * 100, toUInt64(")
                .ident(&c.name)
                .push("))");
            s
        }
        _ => {
            // The period's text, named in the WITH clause (`shape.aliases`) when spans are read.
            let p = if spans { Sql::raw("td_pt") } else { cols.text(&["period"]) };
            let mut s = Sql::default();
            if spans {
                s.push("if(position(")
                    .add(&p)
                    .push(", '..') > 0, ")
                    .add(&TextRange::named().month_or_year())
                    .push(", ");
            }
            s.push("multiIf(length(");
            s.add(&p).push(") = 4, toUInt32OrZero(").add(&p).push(") * 100, length(");
            s.add(&p).push(") = 6, toUInt32OrZero(").add(&p).push("), length(");
            s.add(&p).push(") >= 7 AND substring(").add(&p).push(", 5, 1) = '-', toUInt32OrZero(substring(");
            s.add(&p).push(", 1, 4)) * 100 + toUInt32OrZero(substring(").add(&p).push(", 6, 2)), 0)");
            if spans {
                s.push(")");
            }
            s
        }
    };
    let (span_start, span_end, aliases, span_text) = if spans {
        let r = TextRange::named();
        let text = cols.text(&["period"]);
        (r.span_bound(&r.start), r.span_bound(&r.end), text_range_aliases(&text), Some(text))
    } else {
        (Sql::raw("toUInt32(0)"), Sql::raw("toUInt32(0)"), Sql::default(), None)
    };
    let published =
        cols.find(&["published_change_pct"]).map_or_else(|| Sql::raw("nan"), |c| cols.published(c));
    let (reporter_code, reporter_name) = party(cols, &["reporter_code"], &["reporter"]);
    let (partner_code, partner_name) = party(cols, &["partner_code"], &["partner"]);
    let (reporter_key, partner_key) = (cols.text(&["reporter"]), cols.text(&["partner"]));
    let f = cols.text(&["flow"]);
    let mut flow = Sql::raw("multiIf(lower(");
    flow.add(&f).push(") IN ('export', 'exports'), 'export', lower(").add(&f);
    flow.push(") IN ('import', 'imports'), 'import', lower(").add(&f);
    flow.push(") IN ('turnover', 'total'), 'turnover', '')");
    let (value, value_ok) =
        cols.find(&["value_usd"]).map_or_else(|| (Sql::raw("0"), Sql::raw("0")), |c| cols.value(c));
    Shape {
        kind: ShapeKind::Long,
        ym: checked_ym(&ym),
        reporter_code,
        reporter_name,
        partner_code,
        partner_name,
        reporter_key,
        partner_key,
        flow,
        commodity: commodity(cols, &["commodity"]),
        commodity_name: cols.text(&["commodity_name"]),
        value,
        value_ok,
        span_start,
        span_end,
        published,
        aliases,
        span_text,
        prewhere: false,
    }
}

/// The shape of `columns` read without spans: for a table that has none, so that no row pays
/// for telling them apart (the source decides, [`Shape::span_text`]).
///
/// # Errors
/// As [`recognise`].
pub fn recognise_without_spans(columns: &[Column]) -> Result<Shape, String> {
    let shape = recognise(columns)?;
    Ok(match shape.kind {
        ShapeKind::Long => Shape { prewhere: shape.prewhere, ..long(&Columns(columns), false) },
        ShapeKind::Comtrade => shape,
    })
}

fn comtrade(cols: &Columns<'_>) -> Shape {
    let year = cols.text(&["refYear"]);
    let month = cols.text(&["refMonth"]);
    let period = cols.text(&["period"]);
    let freq = cols.text(&["freqCode"]);
    // As the importer: annual when freqCode is A, refMonth is 52 or period is the year; else
    // the month of refMonth, else of period (YYYYMM in the year).
    let mut ym = Sql::raw("multiIf(upper(");
    ym.add(&freq).push(") = 'A' OR ").add(&month).push(" = '52' OR ").add(&period).push(" = ").add(&year);
    ym.push(", toUInt32OrZero(").add(&year).push(") * 100, toUInt32OrZero(").add(&month);
    ym.push(") BETWEEN 1 AND 12, toUInt32OrZero(").add(&year).push(") * 100 + toUInt32OrZero(").add(&month);
    ym.push("), intDiv(toUInt32OrZero(").add(&period).push("), 100) = toUInt32OrZero(").add(&year);
    ym.push(") AND toUInt32OrZero(").add(&period).push(") % 100 BETWEEN 1 AND 12, toUInt32OrZero(");
    ym.add(&period).push("), 0)");
    let (reporter_code, reporter_name) = party(cols, &["reporterISO", "reporterCode"], &["reporterDesc"]);
    let (partner_code, partner_name) = party(cols, &["partnerISO", "partnerCode"], &["partnerDesc"]);
    let (reporter_key, partner_key) = (cols.text(&["reporterDesc"]), cols.text(&["partnerDesc"]));
    let fc = cols.text(&["flowCode"]);
    let mut word = Sql::raw("multiIf(upper(");
    word.add(&fc).push(") = 'X', 'export', upper(").add(&fc).push(") = 'M', 'import', upper(").add(&fc);
    word.push(") IN ('RX', 'RM', 'DX', 'FM', 'FX', 'MIP', 'MOP', 'XIP', 'XOP'), 'aside', '')");
    // Breakdowns of a total that is also in the table (as the importer: after the flow).
    let mut flow = Sql::raw("multiIf(");
    flow.add(&word)
        .push(" = '', '', lower(")
        .add(&cols.text(&["customsCode"]))
        .push(") NOT IN ('', 'c00') OR ");
    flow.add(&cols.text(&["motCode"])).push(" NOT IN ('', '0') OR ").add(&cols.text(&["partner2Code"]));
    flow.push(" NOT IN ('', '0'), 'aside', ").add(&word).push(")");
    let (value, value_ok) =
        cols.find(VALUE_COLUMNS).map_or_else(|| (Sql::raw("0"), Sql::raw("0")), |c| cols.value(c));
    Shape {
        kind: ShapeKind::Comtrade,
        ym: checked_ym(&ym),
        reporter_code,
        reporter_name,
        partner_code,
        partner_name,
        reporter_key,
        partner_key,
        flow,
        commodity: commodity(cols, &["cmdCode"]),
        commodity_name: cols.text(&["cmdDesc"]),
        value,
        value_ok,
        span_start: Sql::raw("toUInt32(0)"),
        span_end: Sql::raw("toUInt32(0)"),
        published: Sql::raw("nan"),
        aliases: Sql::default(),
        span_text: None,
        prewhere: false,
    }
}

/// A text period of the form `A..B` (each month `YYYY-MM` or `YYYYMM`, as the importer's
/// `parse_span` reads them): its first and last months as YYYYMM (0 when unreadable), by the
/// names [`text_range_aliases`] defines.
struct TextRange {
    start: Sql,
    end: Sql,
    /// 1 when the text is such a range and it does not end before it starts.
    ok: Sql,
}

impl TextRange {
    fn named() -> Self {
        Self { start: Sql::raw("td_pa"), end: Sql::raw("td_pb"), ok: Sql::raw("td_pr") }
    }
}

fn text_range_aliases(p: &Sql) -> Sql {
    let part = |i: u8| {
        let x = format!("splitByString('..', td_pt)[{i}]");
        let m = format!(
            "toUInt32(multiIf(length({x}) = 6, toUInt32OrZero({x}), length({x}) = 7 AND substring({x}, 5, 1) = '-', \
             toUInt32OrZero(substring({x}, 1, 4)) * 100 + toUInt32OrZero(substring({x}, 6, 2)), 0))"
        );
        format!(
            "if(intDiv({m}, 100) BETWEEN 1900 AND 2200 AND ({m}) % 100 BETWEEN 1 AND 12, {m}, toUInt32(0))"
        )
    };
    let mut s = p.clone();
    s.push(" AS td_pt, ").push(&part(1)).push(" AS td_pa, ").push(&part(2)).push(" AS td_pb, ");
    s.push("(length(splitByString('..', td_pt)) = 2 AND td_pa != 0 AND td_pb != 0 AND td_pa <= td_pb) AS td_pr, ");
    s
}

impl TextRange {
    /// 1 when the range is one whole calendar year.
    fn calendar_year(&self) -> Sql {
        let mut s = Sql::raw("(");
        s.add(&self.start).push(" % 100 = 1 AND ").add(&self.end).push(" = ").add(&self.start).push(" + 11)");
        s
    }

    /// As `Period::from_range`: a one-month range is the month (YYYYMM), a calendar year the
    /// year (YYYY00); a span, or a text that is no range, 0 (a span is read by
    /// [`Self::span_bound`]).
    fn month_or_year(&self) -> Sql {
        let mut s = Sql::raw("toUInt32(multiIf(NOT ");
        s.add(&self.ok).push(", 0, ").add(&self.start).push(" = ").add(&self.end).push(", ").add(&self.start);
        s.push(", ").add(&self.calendar_year()).push(", intDiv(").add(&self.start).push(", 100) * 100, 0))");
        s
    }

    /// `bound` (the start or the end) where the range is a `Period::Span`, else 0.
    fn span_bound(&self, bound: &Sql) -> Sql {
        let mut s = Sql::raw("if(");
        s.add(&self.ok).push(" AND ").add(&self.start).push(" != ").add(&self.end).push(" AND NOT ");
        s.add(&self.calendar_year()).push(", ").add(bound).push(", toUInt32(0))");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(names: &[&str]) -> Vec<Column> {
        names.iter().map(|n| Column { name: (*n).to_owned(), ty: "String".to_owned() }).collect()
    }

    #[test]
    fn recognises_both_shapes_and_says_what_is_missing() {
        let long = cols(&["period", "Reporter", "partner", "flow", "commodity", "value_usd"]);
        assert_eq!(recognise(&long).unwrap().kind, ShapeKind::Long);
        let ct = cols(&[
            "refYear",
            "refMonth",
            "reporterISO",
            "partnerISO",
            "flowCode",
            "cmdCode",
            "primaryValue",
        ]);
        assert_eq!(recognise(&ct).unwrap().kind, ShapeKind::Comtrade);
        let e = recognise(&cols(&["period", "reporter", "partner", "value_usd"])).unwrap_err();
        assert!(e.contains("nearest is the long format") && e.contains("lacks flow"), "{e}");
        let e = recognise(&cols(&["refYear", "flowCode"])).unwrap_err();
        assert!(e.contains("Comtrade") && e.contains("primaryvalue or"), "{e}");
    }
}
