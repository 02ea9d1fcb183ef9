use super::*;
use crate::model::period::YearMonth;

fn span(y0: i32, m0: u8, y1: i32, m1: u8) -> Option<MonthRange> {
    Some(MonthRange::new(YearMonth::new(y0, m0).unwrap(), YearMonth::new(y1, m1).unwrap()))
}

#[test]
fn periods_as_people_type_them() {
    assert_eq!(parse_span("2018"), span(2018, 1, 2018, 12));
    assert_eq!(parse_span("Jan–Jul 2018"), span(2018, 1, 2018, 7));
    assert_eq!(parse_span("Jan-Jul 2018"), span(2018, 1, 2018, 7));
    assert_eq!(parse_span("January – July 2018"), span(2018, 1, 2018, 7));
    assert_eq!(parse_span("Jul 2018"), span(2018, 7, 2018, 7));
    assert_eq!(parse_span("2018-07"), span(2018, 7, 2018, 7));
    assert_eq!(parse_span("Q1 2018"), span(2018, 1, 2018, 3));
    assert_eq!(parse_span("2018Q4"), span(2018, 10, 2018, 12));
    assert_eq!(parse_span("2018-Q2"), span(2018, 4, 2018, 6));
    assert_eq!(parse_span("H2 2019"), span(2019, 7, 2019, 12));
    assert_eq!(parse_span("9M 2018"), span(2018, 1, 2018, 9));
    assert_eq!(parse_span("Nov 2017–Feb 2018"), span(2017, 11, 2018, 2));
    assert_eq!(parse_span("2018-01..2018-07"), span(2018, 1, 2018, 7));
    assert_eq!(parse_span("январь–июль 2018 г."), span(2018, 1, 2018, 7));
    assert_eq!(parse_span("қаңтар-шілде 2018"), span(2018, 1, 2018, 7));
    for bad in
        ["", "soon", "Q5 2018", "13M 2018", "Foo–Jul 2018", "Jan–Jul", "Qж 2018", "ж", "Feb 2018–Nov 2017"]
    {
        assert_eq!(parse_span(bad), None, "{bad}");
    }
}

#[test]
fn old_labels_become_data_where_they_can() {
    let p = parse_legacy_label("Brest Oblast – Kazakhstan trade, Jan–Jul 2018");
    assert_eq!(p.span, span(2018, 1, 2018, 7));
    assert_eq!((p.reporter.as_str(), p.partner.as_str()), ("Brest Oblast", "Kazakhstan"));
    assert_eq!(p.measure, Some(Measure::Turnover));
    assert_eq!(p.statistics, Statistics::Unstated);
    let p = parse_legacy_label("Belarus – Kazakhstan trade, 2018 (Belarus' statistics)");
    assert_eq!((p.span, p.statistics), (span(2018, 1, 2018, 12), Statistics::Reporter));
    let p = parse_legacy_label("Belarus – Kazakhstan trade, 2017 (Kazakhstan's statistics)");
    assert_eq!(p.statistics, Statistics::Partner);
    let p = parse_legacy_label("Belarus - Russia exports, Q1 2019");
    assert_eq!((p.measure, p.span), (Some(Measure::Exports), span(2019, 1, 2019, 3)));
    let p = parse_legacy_label("what the minister said last spring");
    assert_eq!(p, LegacyParse::default());
}

#[test]
fn figures_match_their_pair_turnover_both_ways() {
    let f = ReportedFigure {
        reporter: "Belarus".into(),
        partner: "Kazakhstan".into(),
        ..ReportedFigure::default()
    };
    assert!(f.is_between("belarus", " Kazakhstan "));
    assert!(f.is_between("Kazakhstan", "Belarus"));
    let exports = ReportedFigure { measure: Measure::Exports, ..f.clone() };
    assert!(!exports.is_between("Kazakhstan", "Belarus"));
    let by = Party { code: "BLR".into(), name: "Belarus".into() };
    let kz = Party { code: "KAZ".into(), name: "Kazakhstan".into() };
    assert!(f.is_between_parties(&by, &kz) && f.is_between_parties(&kz, &by));
    assert!(!f.is_between("", ""));
}

#[test]
fn validation_names_each_problem() {
    let empty = ReportedFigure { change: Some(-1.0), ..ReportedFigure::default() };
    assert_eq!(
        empty.validate(),
        vec![
            FigureError::ValueNotPositive,
            FigureError::NoSpan,
            FigureError::NoParties,
            FigureError::NoSource,
            FigureError::ChangeImpossible
        ]
    );
    let ok = ReportedFigure {
        span: span(2018, 1, 2018, 7),
        reporter: "Brest Oblast".into(),
        partner: "Kazakhstan".into(),
        value_usd: 58.3e6,
        change: Some(0.186),
        source: "BelTA".into(),
        ..ReportedFigure::default()
    };
    assert!(ok.validate().is_empty());
    assert_eq!(ok.title(), "Brest Oblast – Kazakhstan turnover, Jan–Jul 2018");
    assert_eq!(ok.value_text(), "$58.3 million, +18.6%");
}

#[test]
fn ids_are_unique_after_assigning() {
    let mut v = vec![ReportedFigure::default(), ReportedFigure { id: 3, ..ReportedFigure::default() }];
    v.push(ReportedFigure { id: 3, ..ReportedFigure::default() });
    assign_ids(&mut v);
    let ids: Vec<u32> = v.iter().map(|f| f.id).collect();
    assert_eq!(ids, vec![4, 3, 5]);
    assert_eq!(next_id(&v), 6);
    assert_eq!(next_id(&[]), 1);
}
