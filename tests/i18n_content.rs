//! What the model writes, shown in the window's language: the gauge card's figures and notes
//! (amounts the language's way, "896 млн долл. США"), the itinerary's stops (their status,
//! "(уточн.)"), and the chart's series names in the legend and the table. kittest fails on a
//! glyph the fonts lack, so every letter drawn here has one.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradedash::app::TradeDashApp;
use tradedash::command::Command;
use tradedash::i18n::{Lang, labels, tr};
use tradedash::model::chart::ChartView;
use tradedash::model::format::usd_in;
use tradedash::model::query::aggregate;
use tradedash::model::target::evaluate;
use tradedash::ui::Tab;

fn harness(lang: Lang) -> Harness<'static, TradeDashApp> {
    let dialogs = common::ScriptedDialogs::default();
    let app = TradeDashApp::with_default_workspace().with_dialogs(Box::new(dialogs)).with_lang(lang);
    common::harness_sized(app, [1400.0, 1000.0])
}

fn show(h: &mut Harness<'static, TradeDashApp>, tab: Tab) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::ShowTab(tab));
    h.run();
}

fn targets_tab_speaks(lang: Lang, words: [&str; 4]) {
    let mut h = harness(lang);
    show(&mut h, Tab::Targets);
    for w in words {
        assert!(h.query_all_by_label_contains(w).next().is_some(), "{w} is not shown in {lang:?}");
    }
    // The card's current value, computed here as the app computes it and written the
    // language's way.
    let ws = h.state().workspace_with_data();
    let target = &ws.targets[0];
    let data = ws.data.embedded.as_deref().expect("the example has data");
    let status = evaluate(target, &aggregate(data, &target.selection()), &ws.reported);
    let current = usd_in(lang, status.current_usd().expect("the example target has a current value"));
    assert!(h.query_all_by_label_contains(&current).next().is_some(), "{current} is not shown in {lang:?}");
    // (The sidebar's reported figures are written by their own panel.)
    for english in ["Growth needed", "Target reached", "Edit target", "Duplicate", "How these figures"] {
        assert!(h.query_by_label_contains(english).is_none(), "{english} is left in {lang:?}");
    }
}

#[test]
fn the_gauge_card_speaks_russian_and_kazakh() {
    assert!(usd_in(Lang::Ru, 896e6).starts_with("896 млн"));
    targets_tab_speaks(Lang::Ru, ["Текущее значение", "Отставание", "Требуемый рост", "Дублировать"]);
    targets_tab_speaks(Lang::Kk, ["Ағымдағы мән", "Алшақтық", "Мақсат", "мақсаттың"]);
}

fn visit_tab_speaks(lang: Lang, organisation: &str) {
    let mut h = harness(lang);
    show(&mut h, Tab::Visit);
    let ws = h.state().workspace_with_data();
    let stop = &ws.visits[0].stops[0];
    let tbc = if stop.placeholder_times { tr(lang, "visit-tbc") } else { String::new() };
    let row = format!("{}{tbc}  {}", stop.time_label(), stop.name_in(lang));
    h.get_by_label(&row).click();
    h.run();
    // The stop editor: its fields and the stop's status, in the language.
    h.get_by_label(organisation);
    let status = labels::stop_status(lang, stop.status);
    let shown =
        h.query_all_by_label_contains(&status).next().is_some() || h.query_by_value(&status).is_some();
    assert!(shown, "{status} is not shown in {lang:?}");
    for english in ["Organisation", "Add stop", "Delete stop", "No stops"] {
        assert!(h.query_by_label_contains(english).is_none(), "{english} is left in {lang:?}");
    }
}

#[test]
fn the_stop_list_and_editor_speak_russian_and_kazakh() {
    visit_tab_speaks(Lang::Ru, "Организация");
    visit_tab_speaks(Lang::Kk, "Ұйым");
}

#[test]
fn the_chart_legend_and_table_name_series_in_russian() {
    let mut h = harness(Lang::Ru);
    let ctx = h.ctx.clone();
    let mut chart = h.state().workspace().chart.clone();
    chart.view = ChartView::Ytd;
    h.state_mut().apply(&ctx, Command::SetChart(chart));
    h.run();
    // A legend entry and the table's header.
    assert!(h.query_all_by_label_contains("Товарооборот с начала года").count() >= 2);
    assert!(h.query_by_label_contains("YTD").is_none(), "an English series name is left");
}
