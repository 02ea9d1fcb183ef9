# Reading data files: the import report, the column mapping window, and every reason a row is
# skipped or a file refused. $file is a file name, $line a line number (the header is line 1),
# $found the text found, quoted as read.

## Formats
format-long = tradedash long table
format-comtrade = UN Comtrade
format-comtrade-legacy = UN Comtrade (legacy)
format-wide = table with one column per month
format-mapped = columns mapped by hand
source-excel-unicode = Excel Unicode text ({ $encoding })
source-tsv = tab-separated text, { $encoding }
source-csv = CSV, { $encoding }
source-sheet = { $workbook }, sheet "{ $sheet }"
delimiter-tab = tab
delimiter-semicolon = semicolon
delimiter-comma = comma

## Import report window
report-title = Import report
report-read-as = { $format } · { $source }{ $delimiter ->
        [none] {""}
       *[other] { " · " }delimiter { $delimiter }
    } · header on line { $line }
report-counts = { $read ->
        [one] { $read } row read
       *[other] { $read } rows read
    }: { $used } used, { $skipped } skipped, { $aside } set aside
report-kept-heading = Totals of what was kept (all reporters and partners)
report-set-aside-heading = Set aside to avoid double counting
report-set-aside-row = { $count ->
        [one] { $count } row
       *[other] { $count } rows
    } (first on line { $line }): { $reason }
report-skipped-heading = Skipped
report-col-year = year
report-col-exports = exports
report-col-imports = imports
report-col-turnover = turnover
report-col-months = months
report-not-in-file = not in the file
report-and-more = … and { $count } more
report-sheet = Sheet
report-sheets-hint = { $count } sheets; choosing one reads the file again from it
report-summary = { $file }: { $used ->
        [one] { $used } row used
       *[other] { $used } rows used
    }, { $skipped } skipped, { $aside } set aside ({ $format }, { $source })
import-rows = { $count ->
        [one] { $count } row
       *[other] { $count } rows
    }
skipped-at-line = line { $line }: { $reason }
skipped-at-line-column = line { $line }, column { $column }: { $reason }

## Column mapping window
mapping-title = Column mapping
mapping-field-period = Period
mapping-field-flow = Flow
mapping-field-reporter = Reporter
mapping-field-partner = Partner
mapping-field-commodity = Commodity
mapping-field-value = Value
mapping-field-unit = Unit
mapping-column = column “{ $column }”
mapping-fixed = same value for all rows
mapping-months = one column per month
mapping-header-line = Header on line { $line }{ $sheet ->
        [none] {""}
       *[other] { " " }of sheet “{ $sheet }”
    }. Choose where each field comes from; the preview shows what the first rows become.
mapping-title-row = Title: { $title }
mapping-flow-hint = export, import or turnover
mapping-unit-hint = usd, thousand or million
mapping-name-hint = name
mapping-col-line = line
mapping-col-period = period
mapping-col-flow = flow
mapping-col-reporter = reporter
mapping-col-partner = partner
mapping-col-commodity = commodity
mapping-col-value = value
mapping-value-of = { $field } value
mapping-remember = Remember for files with this header (saved in the workspace)
mapping-preview = Preview
mapping-still-to-choose = Still to choose: { $fields }
mapping-import = Import
mapping-cancel = Cancel
mapping-no-values = no values in this row
mapping-more-values = … { $count } more values in this row
mapping-skipped = skipped: { $reason }
mapping-set-aside = set aside: { $reason }

## Notes on how the file was read
note-title-rows = { $count ->
        [one] { $count } title row
       *[other] { $count } title rows
    } above the header skipped (line { $line }{ $more })
note-remembered-mapping = read with the column mapping remembered for this header
note-two-row-header = lines { $first }–{ $last } read as one header: flows above, periods below
note-flows-above = flows read from the header's upper row, over the period columns
note-unit-default = no unit named: values read as US dollars
note-unit-from-title = values in { $unit } ("{ $text }"): multiplied by { $factor }
note-unit-given = values in { $unit } (given: { $text })
note-value-flow = every value read as { $flow }, as the { $place } says
note-flow-in-header = value column's header
note-flow-in-title = title
note-column-year-total = column "{ $column }" not used: it is the total of the year's months, which are read
note-growth-column = column "{ $column }" read as the growth rate published with "{ $value }" (118,6 = +18.6%)
note-columns-not-months = { $count ->
        [one] column
       *[other] columns
    } not used (not a month): { $columns }
note-no-name = the file names no { $what }: shown as "{ $name }"
note-one-commodity = every row is commodity { $code }
note-sheet-read = read sheet "{ $name }" of { $count } ({ $sheets }); choose another with Sheet in the import report, or --sheet
note-cr-cr-lf = lines end in CR CR LF (a carriage return too many, as some tools write): each is read as one line break, and line numbers count line feeds
note-rows-repaired = { $count ->
        [one] { $count } row
       *[other] { $count } rows
    } repaired: names containing commas were not quoted (first on line { $line }: "{ $names }")
note-second-header = a second header on line { $line }: files appended
note-headers-again = the header comes again on lines { $lines }: files appended
note-duplicates = { $count ->
        [one] { $count } record
       *[other] { $count } records
    } read again with the same value (files appended with overlapping periods): counted once (first on line { $line }, the same as line { $same })
note-conflicts = { $count ->
        [one] { $count } conflicting record
       *[other] { $count } conflicting records
    } not used: another record for the same period, reporter, partner, flow and commodity has a different value; the last in the file is used and the period is marked incomplete (first: { $period } { $what }; { $values })
note-conflict-value = line { $line }: ${ $value }
note-totals-differ = { $count ->
        [one] { $count } total differs from the sum of its parts
       *[other] { $count } totals differ from the sum of their parts
    } in the file by over 0.5% (a download of some partners or chapters only differs by design; first: { $period } { $what }: total ${ $total }, parts ${ $parts }, difference ${ $difference })
note-clickhouse-set-aside = { $count } breakdown rows set aside (re-exports and re-imports, customs procedures other than C00, transport modes other than 0, second partners other than 0)
note-clickhouse-unreadable = { $count } rows without a readable period, flow, reporter or partner left out (a period is a month such as 2018-07, a year such as 2018 or months such as 2018-01..2018-07: see docs/clickhouse.md)
note-clickhouse-aggregated = aggregated on the ClickHouse server
unit-usd = US dollars
unit-thousand = thousands of US dollars
unit-million = millions of US dollars
unit-billion = billions of US dollars

## Rows set aside (the file also holds their total)
aside-flow-detail = re-export, re-import or other flow detail (part of total X/M)
aside-customs = customs-procedure breakdown (the C00 total is used)
aside-transport = transport-mode breakdown (the motCode 0 total is used)
aside-partner2 = second-partner breakdown (the partner2 total is used)

## Why a row was skipped
# $found is the text of the cell, quoted as read ("abc").
row-empty-field = the { $what } is empty
row-bad-unit = expected a unit such as USD or тыс. долл. США, found { $found }
row-too-large = { $found } is larger than any trade figure (over $1 quadrillion)
row-negative = a trade value cannot be negative, found { $found }
row-not-number = expected a number, found { $found }
row-value-empty = the value is empty
row-not-number-of = expected a number of { $unit }, found { $found }
row-bad-change = expected a percent change on a year earlier (such as 18.6 or -2.5), found { $found }
row-bad-growth = expected a per cent of the same period a year earlier (such as 118,6), found { $found }; the value beside it is kept
row-bad-flow = expected export, import or turnover, found { $found }
row-bad-flow-code = expected a flowCode such as X or M, found { $found }
row-bad-flow-legacy = expected Export or Import, found { $found }
row-bad-flow-word = expected export, import or turnover (экспорт, импорт), found { $found }
row-bad-month = expected a month as YYYY-MM (e.g. 2018-07) or months as YYYY-MM..YYYY-MM (e.g. 2018-01..2018-07), found { $found }
row-bad-month-word = expected a month such as 2018-07, январь 2018 or Jan-18, or a period such as "январь-июль 2018", "I квартал 2018", "1 кв. 2018", "I полугодие 2018", "9 месяцев 2018", "қаңтар-шілде 2018", "Jan-Jul 2018", "Q1 2018", "2018-Q1", "H1 2018", "9M 2018" or "2018-01..2018-07", found { $found }
row-bad-year = expected a year such as 2018, found { $found }
row-bad-period = expected a period such as 201807 in { $year }, found { $found }
row-bad-unit-word = the unit { $found } is not usd, thousand or million (of US dollars)
row-not-dollars = values are not in US dollars ({ $unit }… in { $found })
row-fields = { $fields } fields where the header has { $header }
row-too-wide = the row has { $count } columns (at most { $max })
row-not-csv = not valid CSV: { $error }
row-line-too-long = the line is { $size } MB long (at most { $max } MB)
row-wide-cell = a cell in column { $column } (at most { $max } columns are read)

## Why a file was refused
file-cannot-read = { $file }: cannot read the file: { $error }
file-too-large = { $file }: the file is { $size } MB; files over { $max } MB are not read
file-oversized = { $file }: line { $line }: { $what }; this is not a table tradedash reads
file-empty = { $file }: the file is empty
file-reason = { $file }: { $reason }
file-not-text = this is not text (binary data, or a kind of file tradedash does not read); expected CSV, tab-separated text, XLSX or XLS
file-unknown-header = { $file }: line { $line }: the header is not one tradedash knows. Expected the long format (period,reporter,partner,flow,commodity,value_usd), a UN Comtrade export (refYear, flowCode, primaryValue, …), a legacy Comtrade export (Year, Trade Flow, Trade Value (US$), …) or one column per month; found: { $found }. Choose the columns in the window, or give them with --map and --set
file-incomplete = { $file }: line { $line }: { $problem }
file-cancelled = { $file }: loading was cancelled; nothing was changed
file-no-usable-rows = { $file }: no usable rows ({ $read } read, { $skipped } skipped){ $first ->
        [none] {""}
       *[other] ; first: { $first }
    }
header-missing-column = { $format } header has no { $column } column
header-mapping-unknown-columns = the mapping names { $count ->
        [one] column
       *[other] columns
    } { $columns } that the header does not have; the columns are: { $header }
header-mapping-no-period = the mapping names no period: name a period column, or choose one column per period; the columns are: { $header }
header-mapping-no-period-columns = the mapping reads one column per period, but no column of the header is a month or a period such as "январь-июль 2018", "I квартал 2018", "1 кв. 2018", "I полугодие 2018", "9 месяцев 2018", "қаңтар-шілде 2018", "Jan-Jul 2018", "Q1 2018", "2018-Q1", "H1 2018", "9M 2018" or "2018-01..2018-07"; the columns are: { $header }
header-two-row-mapping-clash = lines { $first }–{ $last } are one header of two rows: the flows above, merged over the period columns below, so each period column has its flow; the mapping also names { $what ->
        [flow] the flow, which that header already gives: leave the flow
       *[other] a period column, which that header already gives: leave the period column
    } out of the mapping (choose one column per period)
header-two-row-problem = lines { $first }–{ $last }, a header of two rows: { $problem }
header-wide-problem = a table with one column per month: { $problem }
header-no-month-column = no column headed by a month (such as 2018-01, январь 2018 or Jan-18) or a longer period (such as январь-июль 2018, I квартал 2018 or Q1 2018)
header-no-value-column = no value column
header-no-period = no period: name a period column, or choose one column per month
header-no-flow = no flow: name a flow column, or give export, import or turnover for all rows (in the window, or --set flow=export)
header-no-column-for = no column { $column } for the { $field } in the header
header-bad-flow = the flow { $found } is not export, import or turnover

## Workbooks
workbook-damaged = the workbook is damaged: the Excel reader failed on it
workbook-bad-zip = a zip archive that cannot be opened: { $error }
workbook-too-big = the workbook unpacks to { $size } MB, more than the { $max } MB read
workbook-not-xlsx = not an Excel workbook (XLSX) that can be read: { $error }
workbook-not-xls = not an Excel workbook (XLS) that can be read: { $error }
workbook-no-sheets = the workbook has no sheets
workbook-no-sheet = no sheet { $name }; the sheets are { $sheets }
workbook-sheet-empty = sheet "{ $name }" is empty
workbook-sheet-unreadable = sheet "{ $name }" cannot be read: { $error }
workbook-too-many-cells = the workbook has more than { $max } cells
xls-past-end = the { $what } is in sector { $sector }, past the end of the file
xls-loops = the { $what } chain loops back on itself
xls-missing-sector = the { $what } goes on from sector { $sector }, which the allocation table does not have
xls-mini-past-end = the workbook stream is in mini sector { $sector }, past the end of the mini stream
xls-mini-missing = the workbook stream goes on from mini sector { $sector }, which the mini-sector table does not have
xls-table-loops = the { $what } loops back on itself at sector { $sector }
xls-table-bad-link = the { $what } links sector { $sector } to sector { $next }, which it does not have
xls-part-sat = sector allocation table
xls-part-sat-index = sector allocation index
xls-part-directory = directory
xls-part-mini-stream = mini stream
xls-part-mini-sat = mini-sector allocation table
xls-part-workbook = workbook stream

## Column mappings on the command line (--map, --set)
map-not-field-value = { $part } is not field=value (fields: period, flow, reporter, partner, commodity, value, unit)
map-unknown-field = unknown field { $field }; fields: period, flow, reporter, partner, commodity, value, unit
map-needs-value = { $field }= needs a value
map-needs-column = { $field } must come from a column (--map), not --set

## Workspaces
workspace-cannot-read = { $path }: cannot read the workspace: { $error }
workspace-too-large = { $path }: the workspace file is { $size } MB, more than the { $max } MB read
workspace-parse = { $path }: line { $line }, column { $column }: { $message }
workspace-too-new = { $path }: this workspace has schema version { $found }, newer than the version { $supported } this tradedash reads; open it with a newer tradedash (the file was not changed)
workspace-not-utf8 = not UTF-8 text: { $error }
workspace-untitled = Untitled workspace
write-not-a-file-name = not a file name
write-failed = { $path }: cannot write the file: { $error }
