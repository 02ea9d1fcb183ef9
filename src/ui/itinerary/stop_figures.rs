//! The itinerary's figure for each stop with HS codes ("Santa Bremor: HS 03, 16"): the
//! reporter's exports of those products to the partner chosen in the sidebar (a country or a
//! group), latest year to date, and the change on the same months a year earlier, by the
//! breakdown's rules (a code under another one listed counts once; no comparison when a
//! month is missing a year earlier).
//!
//! Computed for all the stops of the visit shown at once, on an `itinerary-figures` thread
//! above [`BACKGROUND_ROWS`] rows, and kept until the data, the workspace (selection, visits,
//! groups) or the visit shown change: frames only look the figures up.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use egui::{RichText, Ui};

use crate::i18n::{Lang, tr};
use crate::model::breakdown::{By, Level, NameLang, PeriodChoice, Request, breakdown, default_period};
use crate::model::dataset::{Dataset, Flow};
use crate::model::itinerary::Visit;
use crate::model::query::{BACKGROUND_ROWS, Selection, aggregate};
use crate::ui::memo::Memo;
use crate::ui::{ViewCtx, theme};

/// The flow the figures are of: what a region sells to the partner, the usual question of a
/// visit to a producer.
const FLOW: Flow = Flow::Export;

/// One stop's figure.
#[derive(Clone, Debug, PartialEq)]
pub struct StopFigure {
    /// The period: the latest year to date of the selection's exports.
    pub period: PeriodChoice,
    /// US dollars in the period.
    pub value: f64,
    /// The same months a year earlier; `None` when they cannot be compared.
    pub previous: Option<f64>,
}

/// Figures by the stop's codes (as the stop lists them); `None` where there are no exports.
pub type Figures = HashMap<Vec<String>, Option<StopFigure>>;

/// (data revision, workspace revision, visit index).
type Key = (u64, u64, usize);

/// Computes the figure of each list of codes for the selection's reporter and partner.
#[must_use]
pub fn compute(data: &Dataset, selection: &Selection, stops: &[Vec<String>]) -> Figures {
    let mut sel = selection.clone();
    sel.commodity = None;
    sel.range = None;
    sel.compare.clear();
    let period = default_period(&aggregate(data, &sel), FLOW);
    stops
        .iter()
        .map(|codes| {
            let figure = period.and_then(|period| {
                let req = Request {
                    by: By::Commodity,
                    level: Level::Digits(2),
                    flow: FLOW,
                    period,
                    top: 1,
                    products: codes.clone(),
                    selection: sel.clone(),
                };
                let b = breakdown(data, &req, NameLang::En);
                let none = b.total == 0.0 && b.previous_total.is_none_or(|p| p == 0.0);
                (!none).then_some(StopFigure { period, value: b.total, previous: b.previous_total })
            });
            (codes.clone(), figure)
        })
        .collect()
}

/// The figures shown and the ones being computed.
#[derive(Debug, Default)]
pub struct StopFigures {
    shown: Memo<Key, Arc<Figures>>,
    job: Option<(Key, Receiver<Figures>)>,
}

impl StopFigures {
    /// Brings the figures up to date for the visit shown (a key comparison on idle frames).
    pub fn refresh(&mut self, ctx: &egui::Context, view: &ViewCtx<'_>, visit_index: usize, visit: &Visit) {
        if let Some((key, rx)) = &self.job {
            match rx.try_recv() {
                Ok(f) => {
                    self.shown.set(*key, Arc::new(f));
                    self.job = None;
                }
                Err(TryRecvError::Disconnected) => self.job = None,
                Err(TryRecvError::Empty) => {}
            }
        }
        let key = (view.revisions.data, view.revisions.workspace, visit_index);
        if self.shown.holds(&key) || self.job.as_ref().is_some_and(|j| j.0 == key) {
            return;
        }
        let stops: Vec<Vec<String>> =
            visit.stops.iter().filter(|s| !s.hs_codes.is_empty()).map(|s| s.hs_codes.clone()).collect();
        let sel = view.workspace.selection.clone();
        if view.dataset.len() <= BACKGROUND_ROWS || stops.is_empty() {
            self.job = None;
            self.shown.set(key, Arc::new(compute(view.dataset, &sel, &stops)));
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let data = Arc::clone(view.dataset);
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new().name("itinerary-figures".into()).spawn(move || {
            // The receiver is gone when newer figures replaced these: nothing to do then.
            if tx.send(compute(&data, &sel, &stops)).is_ok() {
                repaint.request_repaint();
            }
        });
        match spawned {
            Ok(_) => self.job = Some((key, rx)),
            Err(e) => eprintln!("tradedash: itinerary figures thread did not start: {e}"),
        }
    }

    /// The line under a stop with codes: value and change, or why there is none.
    pub fn ui(&self, ui: &mut Ui, lang: Lang, codes: &[String]) {
        if codes.is_empty() {
            return;
        }
        let joined = codes.join(", ");
        let text = match self.shown.value().and_then(|f| f.get(codes)) {
            None => tr!(lang, "stop-figures-computing", codes = joined),
            Some(None) => tr!(lang, "stop-figures-none", codes = joined),
            Some(Some(f)) => line(lang, &joined, f),
        };
        ui.label(RichText::new(text).small().color(theme::weak(ui.visuals())))
            .on_hover_text(tr(lang, "stop-figures-hint"));
    }
}

/// "HS 03, 16, Jan–Jul 2019: $12.4 million (+18.6% on a year earlier)".
fn line(lang: Lang, codes: &str, f: &StopFigure) -> String {
    let period = match f.period {
        PeriodChoice::Year(y) => y.to_string(),
        PeriodChoice::Months(r) => crate::i18n::chart_text::span(lang, r),
    };
    let value = crate::model::format::usd_in(lang, f.value);
    match f.previous.filter(|p| *p > 0.0) {
        Some(p) => {
            let change = crate::model::format::pct_change_in(lang, (f.value - p) / p);
            tr!(
                lang,
                "stop-figures-line",
                codes = codes.to_owned(),
                period = period,
                value = value,
                change = change
            )
        }
        None => tr!(
            lang,
            "stop-figures-line-no-change",
            codes = codes.to_owned(),
            period = period,
            value = value,
            why = tr(lang, "stop-figures-why-months")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::{Commodity, Party, Period, Record};
    use crate::model::period::{MonthRange, YearMonth};

    fn party(code: &str, name: &str) -> Party {
        Party { code: code.into(), name: name.into() }
    }

    /// Belarus's exports, Jan–Mar of 2018 and 2019 (made up): to Kazakhstan HS 03 100 a month in
    /// 2018 and 150 in 2019, HS 16 50 each month, HS 04 1,000; to Russia HS 03 70 a month.
    fn data() -> Dataset {
        let mut d = Dataset::default();
        for year in [2018, 2019] {
            for month in 1..=3 {
                for (partner, code, v) in [
                    (party("KAZ", "Kazakhstan"), "03", if year == 2018 { 100.0 } else { 150.0 }),
                    (party("KAZ", "Kazakhstan"), "16", 50.0),
                    (party("KAZ", "Kazakhstan"), "04", 1_000.0),
                    (party("RUS", "Russian Federation"), "03", 70.0),
                ] {
                    d.push(Record {
                        period: Period::Month(YearMonth::new(year, month).unwrap()),
                        reporter: party("BLR", "Belarus"),
                        partner,
                        flow: Flow::Export,
                        commodity: Commodity { code: code.into(), name: String::new() },
                        value_usd: v,
                    });
                }
            }
        }
        d
    }

    #[test]
    fn a_stops_products_latest_year_to_date_by_hand() {
        let sel = Selection {
            reporter: Some("BLR".into()),
            partner: Some("KAZ".into()),
            commodity: Some("04".into()),
            ..Selection::default()
        };
        let stops = vec![
            vec!["03".to_owned(), "16".to_owned()],
            vec!["0402".to_owned()],
            vec!["03".to_owned(), "0302".to_owned()],
        ];
        let f = compute(&data(), &sel, &stops);
        let jan_mar_2019 = PeriodChoice::Months(MonthRange::new(
            YearMonth::new(2019, 1).unwrap(),
            YearMonth::new(2019, 3).unwrap(),
        ));
        // 03 and 16 together: 3 × (150 + 50) = 600 against 3 × (100 + 50) = 450; the sidebar's
        // commodity (04) does not narrow a stop's products.
        assert_eq!(
            f[&stops[0]],
            Some(StopFigure { period: jan_mar_2019, value: 600.0, previous: Some(450.0) })
        );
        assert_eq!(f[&stops[1]], None, "no 0402 rows: no figure, not zero");
        // 0302 lies under 03: counted once.
        assert_eq!(f[&stops[2]].as_ref().map(|s| s.value), Some(450.0));
        assert_eq!(
            line(Lang::En, "03, 16", f[&stops[0]].as_ref().unwrap()),
            "HS 03, 16, Jan–Mar 2019: $600 (+33.3% on a year earlier)"
        );
        // A group as the partner: Kazakhstan and Russia.
        let eaeu = Selection { partner: Some("group:EAEU".into()), ..sel };
        let f = compute(&data(), &eaeu, &stops[..1]);
        assert_eq!(f[&stops[0]].as_ref().map(|s| s.value), Some(600.0 + 210.0));
    }
}
