//! Importer tests on in-memory files.

use super::*;
use crate::model::period::YearMonth;
use crate::model::query::{Selection, aggregate};

#[test]
fn long_format_with_bom_crlf_and_a_bad_row() {
    let csv = "\u{feff}period,reporter,partner,flow,commodity,value_usd\r\n\
               2018-01,Brest Oblast,Kazakhstan,export,TOTAL,5000000\r\n\
               2018-01,Brest Oblast,Kazakhstan,import,TOTAL,1000000\r\n\
               2018-13,Brest Oblast,Kazakhstan,export,TOTAL,1\r\n\
               2018-02,Brest Oblast,Kazakhstan,sideways,TOTAL,1\r\n\
               \r\n";
    let imp = import_bytes("t.csv", csv.as_bytes()).unwrap();
    assert_eq!(imp.report.format, CsvFormat::Long);
    assert_eq!(imp.report.rows_read, 4);
    assert_eq!(imp.report.rows_used, 2);
    assert_eq!(imp.report.rows_skipped, 2);
    assert_eq!(imp.report.skipped[0].line, 4);
    assert_eq!(imp.report.skipped[0].column.as_deref(), Some("period"));
    assert_eq!(imp.report.skipped[1].line, 5);
    assert_eq!(imp.report.skipped[1].column.as_deref(), Some("flow"));
    assert!(imp.report.skipped[1].reason.to_string().contains("sideways"), "{:?}", imp.report.skipped[1]);
    let a = aggregate(&imp.dataset, &Selection::default());
    assert_eq!(a.months[0].sums.turnover_usd(), Some(6_000_000.0));
}

#[test]
fn a_wholly_bad_file_says_why() {
    let err = import_bytes("x.csv", b"name,age\nbob,3\n").unwrap_err();
    assert!(matches!(err, ImportError::UnknownHeader { .. }));
    assert!(err.to_string().starts_with("x.csv: line 1: the header is not one tradedash knows"));
    let err = import_bytes("e.csv", b"\n\n").unwrap_err();
    assert_eq!(err.to_string(), "e.csv: the file is empty");
    let err = import_bytes(
        "n.csv",
        b"period,reporter,partner,flow,commodity,value_usd\n2018-01,A,B,export,TOTAL,\n",
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "n.csv: no usable rows (1 read, 1 skipped); first: line 2, column value_usd: the value is empty"
    );
    let err = import_bytes("m.csv", b"period,reporter,partner,flow,commodity\n").unwrap_err();
    assert!(matches!(err, ImportError::UnknownHeader { .. }));
}

#[test]
fn comtrade_current_as_downloaded_without_double_counting() {
    // Every field quoted, a trailing comma, an empty field, TOTAL beside chapters,
    // a customs breakdown beside C00, a re-export row, an annual row.
    let csv = concat!(
        "\"freqCode\",\"refYear\",\"refMonth\",\"period\",\"reporterISO\",\"reporterDesc\",\"flowCode\",",
        "\"partnerISO\",\"partnerDesc\",\"partner2Code\",\"cmdCode\",\"cmdDesc\",\"customsCode\",\"motCode\",\"primaryValue\",\n",
        "\"M\",\"2018\",\"1\",\"201801\",\"BLR\",\"Belarus\",\"X\",\"KAZ\",\"Kazakhstan\",\"0\",\"TOTAL\",\"All\",\"C00\",\"0\",\"40000000\",\n",
        "\"M\",\"2018\",\"1\",\"201801\",\"BLR\",\"Belarus\",\"X\",\"KAZ\",\"Kazakhstan\",\"0\",\"04\",\"Dairy\",\"C00\",\"0\",\"9000000\",\n",
        "\"M\",\"2018\",\"1\",\"201801\",\"BLR\",\"Belarus\",\"X\",\"KAZ\",\"Kazakhstan\",\"0\",\"TOTAL\",\"All\",\"C01\",\"0\",\"1000\",\n",
        "\"M\",\"2018\",\"1\",\"201801\",\"BLR\",\"Belarus\",\"RX\",\"KAZ\",\"Kazakhstan\",\"0\",\"TOTAL\",\"All\",\"C00\",\"0\",\"500\",\n",
        "\"M\",\"2018\",\"1\",\"201801\",\"BLR\",\"Belarus\",\"M\",\"KAZ\",\"Kazakhstan\",\"0\",\"TOTAL\",\"All\",\"C00\",\"0\",\"7000000.5\",\n",
        "\"M\",\"2018\",\"2\",\"201802\",\"BLR\",\"Belarus\",\"M\",\"KAZ\",\"Kazakhstan\",\"0\",\"TOTAL\",\"All\",\"C00\",\"0\",\"\",\n",
        "\"A\",\"2017\",\"52\",\"2017\",\"BLR\",\"Belarus\",\"X\",\"KAZ\",\"Kazakhstan\",\"0\",\"TOTAL\",\"All\",\"C00\",\"0\",\"508600000\",\n",
    );
    let imp = import_bytes("c.csv", csv.as_bytes()).unwrap();
    let r = &imp.report;
    assert_eq!(r.format, CsvFormat::Comtrade);
    assert_eq!((r.rows_read, r.rows_used, r.rows_skipped, r.rows_set_aside()), (7, 4, 1, 2));
    assert_eq!(r.skipped[0].line, 7);
    assert_eq!(r.skipped[0].column.as_deref(), Some("primaryValue"));
    let a = aggregate(&imp.dataset, &Selection { partner: Some("KAZ".into()), ..Selection::default() });
    assert_eq!(a.months.len(), 1);
    assert_eq!(a.months[0].sums.exports_usd, 40_000_000.0);
    assert_eq!(a.months[0].sums.imports_usd, 7_000_000.5);
    assert_eq!(a.years[0].year, 2017);
    assert!(a.years[0].from_annual);
}

#[test]
fn comtrade_legacy_as_downloaded() {
    let csv = concat!(
        "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,",
        "Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,",
        "Trade Value (US$),Flag\n",
        "HS,2017,201707,July 2017,0,0,2,Export,112,Belarus,BLR,398,Kazakhstan,KAZ,TOTAL,All Commodities,42000000,0\n",
        "HS,2017,201707,July 2017,0,0,1,Import,112,Belarus,BLR,398,Kazakhstan,KAZ,TOTAL,All Commodities,8000000,0\n",
        "HS,2017,201707,July 2017,0,0,3,Re-Export,112,Belarus,BLR,398,Kazakhstan,KAZ,TOTAL,All Commodities,1,0\n",
        "HS,2017,201707,July 2017,2,1,2,Export,112,Belarus,BLR,398,Kazakhstan,KAZ,04,Dairy,1000,0\n",
    );
    let imp = import_bytes("l.csv", csv.as_bytes()).unwrap();
    assert_eq!(imp.report.format, CsvFormat::ComtradeLegacy);
    assert_eq!((imp.report.rows_used, imp.report.rows_set_aside()), (3, 1));
    let a = aggregate(&imp.dataset, &Selection { reporter: Some("belarus".into()), ..Selection::default() });
    assert_eq!(a.months[0].period, YearMonth::new(2017, 7).unwrap());
    assert_eq!(a.months[0].sums.turnover_usd(), Some(50_000_000.0));
}

#[test]
fn semicolons_decimal_commas_and_windows_1251() {
    let text = "period;reporter;partner;flow;commodity;value_usd\n2018-01;Брестская область;Казахстан;export;TOTAL;1 234,5\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let imp = import_bytes("r.csv", &bytes).unwrap();
    assert_eq!(imp.report.encoding, "windows-1251");
    assert_eq!(imp.report.delimiter, Some(';'));
    assert_eq!(imp.dataset.record(0).value_usd, 1234.5);
    assert_eq!(imp.dataset.record(0).partner.name, "Казахстан");
}

/// A long CSV of `months` × 2 flows rows, with known totals.
fn long_csv(rows: usize) -> String {
    let mut s = String::from("period,reporter,partner,flow,commodity,value_usd\n");
    for i in 0..rows {
        let flow = if i % 2 == 0 { "export" } else { "import" };
        s.push_str(&format!(
            "2018-{:02},Brest Oblast,Kazakhstan,{flow},{:06},{}\n",
            1 + i % 12,
            10_000 + i,
            i
        ));
    }
    s
}

#[test]
fn progress_counts_bytes_and_rows_of_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    let text = long_csv(40_000);
    std::fs::write(&path, &text).unwrap();
    let progress = Progress::default();
    let imp = import_path_with_progress(&path, &ImportOptions::default(), &progress).unwrap();
    assert_eq!(imp.report.rows_used, 40_000);
    let s = progress.snapshot();
    assert_eq!(s.total_bytes, text.len() as u64);
    assert_eq!(s.bytes, text.len() as u64);
    assert!(s.rows > 0 && s.rows <= 40_000, "{s:?}");
}

#[test]
fn a_cancelled_load_says_so_and_returns_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    std::fs::write(&path, long_csv(40_000)).unwrap();
    let progress = Progress::default();
    progress.cancel();
    let err = import_path_with_progress(&path, &ImportOptions::default(), &progress).unwrap_err();
    assert!(matches!(err, ImportError::Cancelled { .. }), "{err}");
    assert!(err.to_string().contains("cancelled"), "{err}");
}

/// A row's commodity code, net weight and supplementary quantity with its unit.
type RowQty = (String, Option<f64>, Option<(f64, String)>);

/// The quantities of each row.
fn quantities(d: &crate::model::dataset::Dataset) -> Vec<RowQty> {
    let Some(q) = d.quantities() else { return Vec::new() };
    (0..d.len())
        .map(|i| {
            let unit = q.count(i).map(|(n, u)| (n, q.unit_name(u).unwrap_or("?").to_owned()));
            (d.record(i).commodity.code, q.kg(i), unit)
        })
        .collect()
}

#[test]
fn legacy_comtrade_and_long_quantities_with_estimates_and_zeros_unknown() {
    let csv = concat!(
        "Year,Period,Trade Flow Code,Reporter ISO,Reporter,Partner ISO,Partner,Commodity Code,Commodity,",
        "Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag\n",
        "2017,201707,2,BLR,Belarus,KAZ,Kazakhstan,TOTAL,All,,,,,500,0\n",
        "2017,201707,2,BLR,Belarus,KAZ,Kazakhstan,0402,Milk,8,Weight in kilograms,250,250,100,0\n",
        "2017,201707,2,BLR,Belarus,KAZ,Kazakhstan,8703,Cars,5,Number of items,3,4500,200,4\n",
        "2017,201707,2,BLR,Belarus,KAZ,Kazakhstan,8704,Lorries,5,Number of items,2,0,150,2\n",
    );
    let imp = import_bytes("l.csv", csv.as_bytes()).unwrap();
    let q = quantities(&imp.dataset);
    assert_eq!(q[0], ("TOTAL".into(), None, None));
    // Legacy Comtrade names the unit: "Weight in kilograms" is the net weight.
    assert_eq!(q[1], ("0402".into(), Some(250.0), None));
    // Flag 4: net weight estimated (unknown); flag 2: quantity estimated; a zero weight unknown.
    assert_eq!(q[2], ("8703".into(), None, Some((3.0, "Number of items".into()))));
    assert_eq!(q[3], ("8704".into(), None, None));

    let long = "period,reporter,partner,flow,commodity,value_usd,quantity,unit\n\
                2018-01,Belarus,Kazakhstan,export,0402,100,2.5,t\n\
                2018-01,Belarus,Kazakhstan,export,8703,200,4,u\n\
                2018-01,Belarus,Kazakhstan,export,8704,200,,u\n\
                2018-01,Belarus,Kazakhstan,export,8705,200,lots,u\n";
    let imp = import_bytes("q.csv", long.as_bytes()).unwrap();
    assert_eq!(imp.report.rows_used, 4, "a quantity never costs a row");
    let q = quantities(&imp.dataset);
    assert_eq!(q[0], ("0402".into(), Some(2500.0), None), "tonnes are kilograms × 1000");
    assert_eq!(q[1], ("8703".into(), None, Some((4.0, "u".into()))));
    assert_eq!((q[2].1.is_none() && q[2].2.is_none(), q[3].1.is_none() && q[3].2.is_none()), (true, true));
}

#[test]
fn comtrade_net_weights_units_estimates_and_zeros() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/comtrade-quantities-synthetic.csv");
    let bytes = std::fs::read(path).unwrap();
    let imp = import_bytes("comtrade-quantities-synthetic.csv", &bytes).unwrap();
    let q = quantities(&imp.dataset);
    let find = |code: &str, year: i32| {
        let i = (0..imp.dataset.len())
            .find(|&i| {
                imp.dataset.record(i).commodity.code == code && imp.dataset.row(i).period.year() == year
            })
            .unwrap();
        q[i].clone()
    };
    assert_eq!(find("TOTAL", 2018), ("TOTAL".into(), None, None));
    assert_eq!(find("03", 2018).1, Some(20_000.0));
    assert_eq!(find("03", 2019).1, None, "a zero net weight is unknown");
    assert_eq!(find("0402", 2019), ("0402".into(), Some(90_000.0), None), "qty in kg is the net weight");
    assert_eq!(find("0406", 2019), ("0406".into(), None, None), "estimated: unknown");
    assert_eq!(find("8703", 2019), ("8703".into(), Some(18_000.0), Some((12.0, "u".into()))));
}
