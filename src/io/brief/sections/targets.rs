//! 3. The targets with their gauges and the figures behind them.

use crate::model::chart::Measure;
use crate::model::dataset::Dataset;
use crate::model::format;
use crate::model::query::aggregate;
use crate::model::target::{self, BaselineOrigin, Target, TargetStatus};
use crate::model::workspace::Workspace;
use crate::ui::theme;

use super::super::page::{Layout, MARGIN_X, Rgb, TEXT_W, Weight, text_width};
use super::super::strings::Lang;

use super::charts::measure_key;
use super::*;

pub(super) fn targets(l: &mut Layout, ws: &Workspace, data: &Dataset, lang: Lang) {
    l.heading(lang.t("brief-sec-targets"), 150.0);
    if ws.targets.is_empty() {
        l.paragraph(lang.t("brief-no-targets"), BODY, Rgb::WEAK, Weight::Regular, 0.0);
        return;
    }
    for t in &ws.targets {
        let status = target::evaluate(t, &aggregate(data, &t.selection()), &ws.reported);
        target_block(l, t, &status, lang);
        l.gap(12.0);
    }
}

const GAUGE_W: f32 = 170.0;
const GAUGE_H: f32 = 130.0;

fn target_block(l: &mut Layout, t: &Target, status: &TargetStatus, lang: Lang) {
    let rows: Vec<(String, String)> = std::iter::once((
        lang.t("brief-t-scope").to_owned(),
        format!(
            "{}, {}",
            t.scope_label(),
            lang.t(measure_key(match t.measure {
                target::TargetMeasure::Turnover => Measure::Turnover,
                target::TargetMeasure::Exports => Measure::Exports,
                target::TargetMeasure::Imports => Measure::Imports,
            }))
            .to_lowercase()
        ),
    ))
    .chain(target::figure_rows(t, status).into_iter().map(|(k, v)| (lang.t(figure_key(k)).to_owned(), v)))
    .collect();
    l.need(GAUGE_H + 40.0);
    l.paragraph(&t.name, 12.0, Rgb::TEXT, Weight::Bold, 0.0);
    l.gap(4.0);
    let top = l.y;
    gauge(l, t, status, MARGIN_X, top, lang);
    l.y = top;
    let widths = [100.0, TEXT_W - GAUGE_W - 100.0];
    for (label, value) in &rows {
        table_row(
            l,
            GAUGE_W,
            &widths,
            &[label.clone(), value.clone()],
            SMALL + 0.5,
            &[Rgb::WEAK, Rgb::TEXT],
            false,
        );
    }
    l.y = l.y.max(top + GAUGE_H);
    let mut notes: Vec<(String, String)> = Vec::new();
    if let BaselineOrigin::Reported { source, note } = &t.baseline.origin {
        if !source.trim().is_empty() {
            notes.push((lang.t("brief-t-baseline-source").into(), source.trim().into()));
        }
        if !note.trim().is_empty() {
            notes.push((lang.t("brief-t-note").into(), note.trim().into()));
        }
    }
    if !t.note.trim().is_empty() {
        notes.push((lang.t("brief-t-note").into(), t.note.trim().into()));
    }
    for (i, n) in status.notes.iter().enumerate() {
        notes.push((if i == 0 { lang.t("brief-t-how").into() } else { String::new() }, n.clone()));
    }
    let widths = [100.0, TEXT_W - 100.0];
    for (label, value) in notes {
        table_row(l, 0.0, &widths, &[label, value], SMALL, &[Rgb::WEAK, Rgb::WEAK], false);
    }
}

/// The window's arc gauge, drawn with vector paths: a track from zero to the target, the
/// current value over it in its band's colour, the band ring outside, the required-path tick.
fn gauge(l: &mut Layout, t: &Target, status: &TargetStatus, x: f32, top: f32, lang: Lang) {
    use std::f32::consts::PI;
    const START: f32 = 150.0 / 180.0 * PI;
    const SWEEP: f32 = 240.0 / 180.0 * PI;
    let visuals = egui::Visuals::light();
    let r = 52.0;
    let thick = 12.0;
    let c = (x + GAUGE_W / 2.0 - 8.0, top + r + thick / 2.0 + 10.0);
    let arc = |radius: f32, from: f32, to: f32| -> Vec<(f32, f32)> {
        let n = 48;
        (0..=n)
            .map(|i| {
                #[allow(clippy::cast_precision_loss)]
                let a = START + SWEEP * (from + (to - from) * i as f32 / n as f32);
                (c.0 + radius * a.cos(), c.1 + radius * a.sin())
            })
            .collect()
    };
    let th = &t.thresholds;
    for (from, to, level) in [
        (0.0, th.amber_from_pct / 100.0, target::Band::Low),
        (th.amber_from_pct / 100.0, th.green_from_pct / 100.0, target::Band::Medium),
        (th.green_from_pct / 100.0, 1.0, target::Band::High),
    ] {
        #[allow(clippy::cast_possible_truncation)]
        let (from, to) = (from.clamp(0.0, 1.0) as f32, to.clamp(0.0, 1.0) as f32);
        if to > from {
            l.line(
                arc(r + thick / 2.0 + 4.0, from, to),
                2.5,
                Rgb::from_egui(theme::gauge_level(&visuals, level)),
                false,
            );
        }
    }
    l.line(arc(r, 0.0, 1.0), thick, Rgb::from_egui(theme::gauge_track(&visuals)), false);
    if let (Some(p), Some(level)) = (status.progress_pct, status.level) {
        #[allow(clippy::cast_possible_truncation)]
        let p = (p / 100.0).clamp(0.0, 1.0) as f32;
        if p > 0.0 {
            l.line(arc(r, 0.0, p), thick, Rgb::from_egui(theme::gauge_level(&visuals, level)), false);
        }
    }
    if let Some(path) = status.required_path_usd.filter(|_| t.target_usd > 0.0) {
        #[allow(clippy::cast_possible_truncation)]
        let f = (path / t.target_usd).clamp(0.0, 1.0) as f32;
        let a = START + SWEEP * f;
        let (i, o) = (r - thick / 2.0 - 3.0, r + thick / 2.0 + 3.0);
        l.line(
            vec![(c.0 + i * a.cos(), c.1 + i * a.sin()), (c.0 + o * a.cos(), c.1 + o * a.sin())],
            2.0,
            Rgb::TEXT,
            false,
        );
    }
    let (big, sub) = match (status.current_usd(), status.progress_pct) {
        (Some(v), Some(p)) => {
            (format::usd_short_in(lang, v), format!("{p:.0}% {}", lang.t("brief-t-of-target")))
        }
        _ => ("—".to_owned(), lang.t("brief-t-no-value").to_owned()),
    };
    l.text_at(c.0 - text_width(&big, 18.0) / 2.0, c.1 + 4.0, 18.0, &big, Rgb::TEXT, Weight::Bold);
    l.text_at(c.0 - text_width(&sub, SMALL) / 2.0, c.1 + 18.0, SMALL, &sub, Rgb::WEAK, Weight::Regular);
    let end = |f: f32| {
        let a = START + SWEEP * f;
        (c.0 + (r + thick / 2.0) * a.cos(), c.1 + (r + thick / 2.0) * a.sin())
    };
    let (zx, zy) = end(0.0);
    l.text_at(zx - 2.0, zy + 12.0, SMALL, "$0", Rgb::WEAK, Weight::Regular);
    let goal = format::usd_short_in(lang, t.target_usd);
    let (gx, gy) = end(1.0);
    l.text_at(gx - text_width(&goal, SMALL) + 2.0, gy + 12.0, SMALL, &goal, Rgb::WEAK, Weight::Regular);
}

fn figure_key(label: &str) -> &'static str {
    match label {
        "Current" => "brief-t-current",
        "Target" => "brief-t-target",
        "Gap" => "brief-t-gap",
        "Growth needed" => "brief-t-growth-needed",
        "Growth observed" => "brief-t-growth-observed",
        "Required path" => "brief-t-required-path",
        "Target reached" => "brief-t-reached",
        "Baseline" => "brief-t-baseline",
        _ => "brief-t-note",
    }
}
