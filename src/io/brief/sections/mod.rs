//! The briefing's sections, laid out page by page: the title page and the shared table
//! helpers here; each numbered section in its own file.

//! The sections of the briefing, laid out on [`Layout`] pages from the model's figures.

use crate::model::dataset::Dataset;
use crate::model::itinerary::Visit;
use crate::model::query::{Selection, aggregate};
use crate::model::table::party_name;
use crate::model::workspace::Workspace;
use crate::ui::theme;

use super::BriefOptions;
use super::page::{Layout, MARGIN_X, Page, Rgb, TEXT_W, Weight, wrap};
use super::strings::Lang;

mod charts;
mod figures;
mod programme;
mod targets;

use charts::charts;
use figures::key_figures;
use programme::itinerary;
use targets::targets;

const BODY: f32 = 9.5;
const SMALL: f32 = 8.0;

/// Every section, in order, on fresh pages.
pub(super) fn lay_out(
    ws: &Workspace,
    data: &Dataset,
    visit: Option<&Visit>,
    opts: &BriefOptions,
) -> Vec<Page> {
    let lang = opts.lang;
    let mut l = Layout::new();
    title_page(&mut l, ws, visit, opts);
    l.page_break();
    let sel = Selection { compare: Vec::new(), ..ws.selection.clone() };
    let agg = aggregate(data, &sel);
    key_figures(&mut l, ws, data, &sel, &agg, opts);
    charts(&mut l, ws, data, &sel, &agg, lang);
    targets(&mut l, ws, data, lang);
    itinerary(&mut l, ws, data, visit, lang);
    l.pages
}

/// Months beside a year in the briefing's language: "Jan–Jul 2018" in English as before,
/// "январь–июль 2018", "2018 жылғы қаңтар–шілде".
fn span_text(lang: Lang, r: crate::model::period::MonthRange) -> String {
    crate::model::format::month_span(
        lang,
        (r.start.year, r.start.month),
        (r.end.year, r.end.month),
        month_style(lang),
    )
}

/// One month: "Jul 2018", "июль 2018", "шілде 2018".
fn month_text(lang: Lang, m: crate::model::period::YearMonth) -> String {
    crate::model::format::month_year(lang, m.year, m.month, month_style(lang))
}

/// English keeps its short months ("Jul 2018"); Russian and Kazakh write them whole.
fn month_style(lang: Lang) -> crate::i18n::format::MonthStyle {
    match lang {
        Lang::En => crate::i18n::format::MonthStyle::Short,
        Lang::Ru | Lang::Kk => crate::i18n::format::MonthStyle::Long,
    }
}

fn scope_label(data: &Dataset, sel: &Selection, lang: Lang) -> String {
    let reporter = party_name(sel.reporter.as_deref(), data.reporters(), lang.t("brief-all-reporters"));
    let partner = party_name(sel.partner.as_deref(), data.partners(), lang.t("brief-all-partners"));
    let mut s = format!("{reporter} – {partner}");
    if let Some(c) = sel.commodity.as_deref() {
        s.push_str(&format!(", HS {c}"));
    }
    if let Some(r) = sel.range {
        s.push_str(&format!(", {}", span_text(lang, r)));
    }
    s
}

fn date_text(d: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => d.format("%-d %B %Y").to_string(),
        // "11 сентября 2018 г.", "2018 жылғы 11 қыркүйек".
        Lang::Ru | Lang::Kk => {
            use chrono::Datelike;
            let (m, day) = (u8::try_from(d.month()).unwrap_or(1), u8::try_from(d.day()).unwrap_or(1));
            crate::model::format::date(lang, (d.year(), m, day))
        }
    }
}

fn sample_banner(l: &mut Layout, lang: Lang) {
    let text = lang.t("brief-sample-banner");
    let lines = wrap(text, BODY, TEXT_W - 16.0);
    #[allow(clippy::cast_precision_loss)]
    let h = lines.len() as f32 * BODY * 1.35 + 10.0;
    l.need(h + 4.0);
    l.rect(MARGIN_X, l.y, TEXT_W, h, Rgb::from_egui(theme::SAMPLE_BANNER));
    let mut y = l.y + 5.0;
    for line in lines {
        y += BODY * 1.35;
        l.text_at(
            MARGIN_X + 8.0,
            y - 3.0,
            BODY,
            &line,
            Rgb::from_egui(theme::SAMPLE_BANNER_TEXT),
            Weight::Bold,
        );
    }
    l.y += h + 8.0;
}

fn title_page(l: &mut Layout, ws: &Workspace, visit: Option<&Visit>, opts: &BriefOptions) {
    let lang = opts.lang;
    l.gap(90.0);
    l.paragraph(&lang.t("brief-briefing").to_uppercase(), 12.0, Rgb::WEAK, Weight::Bold, 0.0);
    l.gap(6.0);
    l.paragraph(&ws.title, 24.0, Rgb::TEXT, Weight::Bold, 0.0);
    l.gap(18.0);
    if ws.data.sample {
        sample_banner(l, lang);
    }
    let mut rows: Vec<(String, String)> = Vec::new();
    match visit {
        Some(v) => {
            rows.push((lang.t("brief-visit").into(), v.title.clone()));
            rows.push((lang.t("brief-dates").into(), v.dates_label()));
            let people = |list: &[crate::model::itinerary::Person]| {
                if list.is_empty() {
                    return lang.t("brief-nobody").to_owned();
                }
                list.iter()
                    .map(|p| {
                        if p.role.trim().is_empty() {
                            p.name.clone()
                        } else {
                            format!("{}, {}", p.name, p.role)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            rows.push((lang.t("brief-delegation").into(), people(&v.delegation)));
            rows.push((lang.t("brief-hosts").into(), people(&v.hosts)));
        }
        None => rows.push((lang.t("brief-visit").into(), lang.t("brief-no-visit").into())),
    }
    rows.push((lang.t("brief-prepared").into(), date_text(opts.prepared, lang)));
    let data_label =
        if ws.data.label.trim().is_empty() { lang.t("brief-no-data-loaded") } else { ws.data.label.as_str() };
    rows.push((lang.t("brief-data").into(), data_label.to_owned()));
    label_rows(l, &rows, 120.0, 11.0, 0.0);
}

/// Rows of "label: value" with the values wrapped in a column; `x` indents the block.
fn label_rows(l: &mut Layout, rows: &[(String, String)], label_w: f32, size: f32, x: f32) {
    let widths = [label_w, TEXT_W - x - label_w];
    for (label, value) in rows {
        table_row(l, x, &widths, &[label.clone(), value.clone()], size, &[Rgb::WEAK, Rgb::TEXT], false);
    }
}

/// One table row at the cursor: each cell wrapped in its column; returns the row's height.
fn table_row(
    l: &mut Layout,
    x: f32,
    widths: &[f32],
    cells: &[String],
    size: f32,
    colors: &[Rgb],
    bold: bool,
) -> f32 {
    let leading = size * 1.35;
    let wrapped: Vec<Vec<String>> =
        cells.iter().zip(widths).map(|(c, w)| wrap(c, size, (w - 8.0).max(10.0))).collect();
    let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
    #[allow(clippy::cast_precision_loss)]
    let h = lines as f32 * leading + 5.0;
    l.need(h);
    let top = l.y;
    let mut cx = MARGIN_X + x;
    for (i, (cell, w)) in wrapped.iter().zip(widths).enumerate() {
        let color = colors.get(i).copied().unwrap_or(Rgb::TEXT);
        let mut y = top + 2.0;
        for line in cell {
            y += leading;
            l.text_at(
                cx,
                y - size * 0.3,
                size,
                line,
                color,
                if bold { Weight::Bold } else { Weight::Regular },
            );
        }
        cx += w;
    }
    l.y = top + h;
    h
}

/// A table with a header row, repeated on each page it runs onto, and rules between rows.
fn table(l: &mut Layout, widths: &[f32], header: &[String], rows: &[Vec<String>], size: f32) {
    let rule = |l: &mut Layout, w: f32| {
        let y = l.y;
        l.line(vec![(MARGIN_X, y), (MARGIN_X + TEXT_W, y)], w, Rgb::GRID, false);
    };
    let head = |l: &mut Layout| {
        table_row(l, 0.0, widths, header, size, &[Rgb::WEAK; 4], true);
        rule(l, 0.8);
    };
    l.need(size * 5.0);
    head(l);
    for row in rows {
        let page_before = l.pages.len();
        let leading = size * 1.35;
        let lines =
            row.iter().zip(widths).map(|(c, w)| wrap(c, size, (w - 8.0).max(10.0)).len()).max().unwrap_or(1);
        #[allow(clippy::cast_precision_loss)]
        l.need(lines as f32 * leading + 5.0);
        if l.pages.len() != page_before {
            head(l);
        }
        table_row(l, 0.0, widths, row, size, &[Rgb::TEXT; 4], false);
        rule(l, 0.4);
    }
}
