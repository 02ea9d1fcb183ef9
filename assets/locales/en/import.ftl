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
note-unit-default = no unit named: values read as US dollars
note-unit-from-title = values in { $unit } ("{ $text }"): multiplied by { $factor }
note-unit-given = values in { $unit } (given: { $text })
note-value-unit = every value read as { $unit }, as the { $where } says
note-value-unit-header = value column's header
note-value-unit-mapping = column mapping
note-column-year-total = column "{ $column }" not used: it is the total of the year's months, which are read
note-columns-not-months = { $count ->
        [one] column
       *[other] columns
    } not used (not a month): { $columns }
note-no-name = the file names no { $what }: shown as "({ $what } not given)"
note-not-given = ({ $what } not given)
note-one-commodity = every row is commodity { $code }
unit-usd = US dollars
unit-thousand = thousands of US dollars
unit-million = millions of US dollars
unit-billion = billions of US dollars
party-all-countries = all countries

## Rows set aside (the file also holds their total)
aside-flow-detail = re-export, re-import or other flow detail (part of total X/M)
aside-customs = customs-procedure breakdown (the C00 total is used)
aside-transport = transport-mode breakdown (the motCode 0 total is used)
aside-partner2 = second-partner breakdown (the partner2 total is used)

## Why a row was skipped
row-empty-field = the { $what } is empty
row-bad-unit = expected a unit such as USD or тыс. долл. США, found { $found }
row-too-large = { $found } is larger than any trade figure (over $1 quadrillion)
row-negative = a trade value cannot be negative, found { $found }
row-not-number = expected a number, found { $found }
row-value-empty = the value is empty
row-not-number-of = expected a number of { $unit }, found { $found }
row-bad-flow = expected export, import or turnover, found { $found }
row-bad-flow-code = expected a flowCode such as X or M, found { $found }
row-bad-flow-legacy = expected Export or Import, found { $found }
row-bad-flow-word = expected export, import or turnover (экспорт, импорт), found { $found }
row-bad-month = expected a month as YYYY-MM (e.g. 2018-07), found { $found }
row-bad-month-word = expected a month such as 2018-07, январь 2018 or Jan-18, found { $found }
row-bad-year = expected a year such as 2018, found { $found }
row-bad-period = expected a period such as 201807 in { $year }, found { $found }
row-bad-unit-word = the unit { $found } is not usd, thousand or million (of US dollars)
row-not-dollars = values are not in US dollars ({ $unit }… in { $found })
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
file-unknown-header = { $file }: line { $line }: the header is not one tradedash knows. Expected the long format (period,reporter,partner,flow,commodity,value_usd), a UN Comtrade export (refYear, flowCode, primaryValue, …), a legacy Comtrade export (Year, Trade Flow, Trade Value (US$), …) or one column per month; found: { $found }. Choose the columns in the window, or give them with --map and --set
file-incomplete = { $file }: line { $line }: { $problem }
file-cancelled = { $file }: loading was cancelled; nothing was changed
file-no-usable-rows = { $file }: no usable rows ({ $read } read, { $skipped } skipped){ $first ->
        [none] {""}
       *[other] ; first: { $first }
    }
file-grew = the file grew past the largest size read while being read
file-opened-unreadable = { $file }: opened, but its data could not be read: { $error }
header-missing-column = { $format } header has no { $column } column
header-mapping-unknown-columns = the mapping names { $count ->
        [one] column
       *[other] columns
    } { $columns } that the header does not have; the columns are: { $header }
header-wide-problem = a table with one column per month: { $problem }
header-no-month-column = no column headed by a month (such as 2018-01, январь 2018 or Jan-18)
header-no-value-column = no value column
header-no-period = no period: name a period column, or choose one column per month
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
