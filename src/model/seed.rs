//! The built-in seed data in one place: the goal and the visit of the seed article (BelTA via
//! Kazinform, 11 September 2018). The built-in example workspace
//! (`assets/default-workspace.ron`, with the published figures of `assets/published` as its
//! data and the illustrative SAMPLE monthly split of `assets/sample` off) holds exactly these,
//! the target pinned to the example's reported 2018 figure (its data holds 2018 as exports plus
//! imports: the pin keeps the gauge on the same $896 million with its source and its published
//! +30.0%); its tests check that.

use chrono::NaiveDate;

use super::itinerary::{GeoPoint, Person, Stop, StopKind, Visit, hm};
use super::target::{Baseline, BaselineOrigin, CurrentBasis, CurrentPin, Target, TargetMeasure, Thresholds};

impl Target {
    /// The goal quoted in the seed article: Belarus–Kazakhstan commodity trade of $1 billion,
    /// measured from the $690 million the ambassador reported for 2017. The article gives no
    /// deadline, so there is none and the note asks for one.
    #[must_use]
    pub fn belarus_kazakhstan_1bn() -> Self {
        Self {
            name: "Belarus – Kazakhstan trade to $1 billion".into(),
            reporter: "Belarus".into(),
            partner: "Kazakhstan".into(),
            commodity: String::new(),
            measure: TargetMeasure::Turnover,
            target_usd: 1e9,
            deadline_year: None,
            baseline: Baseline {
                year: 2017,
                value_usd: 690e6,
                origin: BaselineOrigin::Reported {
                    source: "Kazakhstan's ambassador Yermukhamet Yertysbayev, BelTA via Kazinform, \
                             11 Sep 2018"
                        .into(),
                    note: "Reported figure, not computed from the data. Kazakhstan's own statistics \
                           give $604.1 million for 2017."
                        .into(),
                },
            },
            basis: CurrentBasis::LastFullYear,
            pin: CurrentPin::Latest,
            thresholds: Thresholds::default(),
            note: "The heads of state set the goal; the article gives no deadline: set one.".into(),
            groups: Vec::new(),
        }
    }
}

/// The visit described in the seed article (BelTA via Kazinform, 11 September 2018): Kazakhstan's
/// ambassador in Brest Oblast, 11–13 September 2018. The article names the places but gives
/// no schedule beyond the meeting with the governor on 11 September, so every time here is a
/// placeholder (`placeholder_times`), and the order of days is a plausible guess to be
/// corrected. Coordinates are given for the two sites far enough apart to matter (the fortress
/// in Brest, the national park's visitor centre at Kamenyuki), approximate to about 1 km.
#[must_use]
pub fn seed_visit() -> Visit {
    let day = |d: u32| NaiveDate::from_ymd_opt(2018, 9, d).unwrap_or_default();
    let stop = |id: &str, date: u32, start: (u32, u32), end: (u32, u32)| Stop {
        id: format!("brest-kz-2018-{id}@tradedash"),
        date: day(date),
        start: hm(start.0, start.1),
        end: hm(end.0, end.1),
        placeholder_times: true,
        ..Stop::default()
    };
    Visit {
        title: "Visit of Kazakhstan's ambassador to Brest Oblast".into(),
        delegation: vec![Person::new(
            "Yermukhamet Yertysbayev",
            "Ambassador Extraordinary and Plenipotentiary of Kazakhstan to Belarus",
        )],
        hosts: vec![Person::new("Anatoly Lis", "Governor of Brest Oblast")],
        start_date: day(11),
        end_date: day(13),
        tzid: "Europe/Minsk".into(),
        utc_offset_minutes: 180,
        notes: "Source: BelTA via Kazinform, 11 September 2018 (seed/brest-kazakhstan-2018.txt). \
                The article names the places visited during the three-day visit but gives no \
                times: all times are placeholders to fill in."
            .into(),
        stops: vec![
            Stop {
                place: "Brest".into(),
                organisation: "Brest Oblast Executive Committee".into(),
                kind: StopKind::Meeting,
                notes: "Meeting with Governor Anatoly Lis on 11 September (the article's date). \
                        Brest Oblast – Kazakhstan trade $58.3 million in Jan–Jul 2018, +18.6%; \
                        seven enterprises with Kazakh capital in the oblast."
                    .into(),
                ..stop("governor", 11, (10, 0), (11, 30))
            },
            Stop {
                place: "Brest".into(),
                organisation: "Santa Bremor".into(),
                kind: StopKind::Enterprise,
                notes: "Fish-processing company.".into(),
                hs_codes: vec!["03".into(), "16".into()],
                ..stop("santa-bremor", 11, (14, 0), (16, 0))
            },
            Stop {
                place: "Brest".into(),
                organisation: "Savushkin Product".into(),
                kind: StopKind::Enterprise,
                notes: "Dairy.".into(),
                hs_codes: vec!["04".into()],
                ..stop("savushkin", 12, (10, 0), (12, 0))
            },
            Stop {
                place: "Brest".into(),
                organisation: "Pushkin Brest State University".into(),
                kind: StopKind::University,
                notes: "Meeting with students.".into(),
                ..stop("brsu", 12, (14, 0), (15, 30))
            },
            Stop {
                place: "Brest".into(),
                organisation: "Brest Hero Fortress".into(),
                kind: StopKind::Memorial,
                notes: "Memorial complex.".into(),
                coordinates: Some(GeoPoint::new(52.0833, 23.6553)),
                ..stop("fortress", 12, (16, 30), (18, 0))
            },
            Stop {
                place: "Kamenyuki".into(),
                organisation: "Belovezhskaya Pushcha National Park".into(),
                kind: StopKind::Nature,
                notes: "About 60 km north of Brest; allow the drive before the visit.".into(),
                coordinates: Some(GeoPoint::new(52.5631, 23.8121)),
                ..stop("pushcha", 13, (11, 0), (15, 0))
            },
        ],
    }
}
