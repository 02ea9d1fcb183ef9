# The Chart tab: views, measures, KPI strip, plot, table, events, and the sidebar's filters.
# $range and $previous are month spans as formatted by tradedash ("Jan–Jul 2018").
# $value is an amount already formatted ("$58.3 million"), $change a change ("+18.6%").

## Measures
measure-exports = Exports
measure-imports = Imports
measure-turnover = Turnover
measure-balance = Balance

## Views: captions (view selector) and what the chart title says
view-monthly = Monthly
view-yoy = Year on year %
view-ytd = Year to date
view-rolling = Rolling 12 months
view-annual = Annual
view-title-monthly = monthly trade
view-title-yoy = change on a year earlier
view-title-ytd = year-to-date trade
view-title-rolling = trade over the last 12 months
view-title-annual = annual trade

## Chart title
chart-title = { $reporter } – { $partner }: { $what }{ $details }
chart-title-mirror = { $reporter } – { $partner }, each side's statistics: { $what }{ $details }
chart-title-compare = { $reporter } – { $partner }, { $others }: { $what } ({ $measure }){ $details }
chart-title-commodity = , HS { $code }
chart-all-reporters = All reporters
chart-all-partners = All partners
chart-sample-note = Sample data: illustrative monthly split of reported totals
chart-no-data = No data for this selection.
chart-window-too-small = Make the window taller to see the table and events.
chart-open-import-report = Open import report

## Controls
chart-lines = Lines
chart-bars = Bars
chart-stacked = Stacked
chart-reset-zoom = Reset zoom
    .tooltip = Or double-click the chart
chart-export-png = Export PNG…
chart-table-and-events = Table and events
chart-mirror = Mirror statistics
    .tooltip = Choose a reporter and a partner that also reports the reporter
    .explain = The reporter's exports against the partner's imports from it (and the other way), with the gap. Needs a reporter and a partner whose own figures are in the data.
chart-from = From
chart-to = to
chart-all-months = All months

## KPI strip
kpi-ytd-caption = Year to date, { $measure }
kpi-latest-caption = Latest month, { $measure }
kpi-balance-caption = Balance (exports − imports)
kpi-headline = { $range } turnover: { $value }, { $change } on { $previous }
kpi-headline-no-previous = { $range } turnover: { $value } (no full { $previous } to compare)
kpi-headline-measure = { $range } { $measure }: { $value }{ $change ->
        [none] {""}
       *[other] , { $change } on { $previous }
    }
kpi-left-out = { " " }over the { $count } months present in both years (left out: { $months })
kpi-missing-flow = ; { $flow }, turnover and balance not in the file
kpi-latest = { $month }: { $value }, { $change } on { $previous }
kpi-latest-no-previous = { $month }: { $value }
kpi-balance = { $range } balance: { $value }

## Plot and hover
plot-hover = { $series }
    { $period }: { $value }
plot-hover-yoy = YoY { $change }
plot-hover-share = Share of turnover: { $share }
plot-events = Events

## Series and table columns
series-yoy = { $name } YoY
series-ytd-yoy = { $name } YTD YoY
series-ytd = { $name } YTD
series-ytd-year-earlier = { $name } YTD a year earlier
series-rolling = { $name } 12 months
series-mirror-reporter-exports = { $reporter } exports
series-mirror-partner-imports = { $partner } imports from { $reporter }
series-mirror-reporter-imports = { $reporter } imports
series-mirror-partner-exports = { $partner } exports to { $reporter }
series-gap-exports = Gap on exports
series-gap-imports = Gap on imports
year-basis-annual-record = annual record
year-basis-full = 12 months
year-basis-span = { $first }–{ $last }, { $count ->
        [one] { $count } month
       *[other] { $count } months
    }
year-basis-with-derived = { $basis }, { $derived } derived
year-basis-one = { $month }, 1 month
year-basis-months = { $count ->
        [one] { $count } month
       *[other] { $count } months
    }
year-with-basis = { $year } ({ $basis })

## Table
table-heading = Numbers behind the chart
table-sort-hint = click a header to sort
table-export-csv = Export CSV…
table-columns = Columns
    .tooltip = Choose the columns shown; Export CSV… writes every column
table-columns-hidden = Columns ({ $count } hidden)
table-column-empty = { $name } (no figures)
table-period = Period
# The measure on a table column's header: short where the language's word is long.
table-measure-exports = Exports
table-measure-imports = Imports
table-measure-turnover = Turnover
table-month-span = { $first }–{ $last } { $year }
table-measure-balance = Balance
table-sorted-desc = { $name } (desc)
table-sorted-asc = { $name } (asc)
table-incomplete = Incomplete
    .tooltip = Rows of this period that could not be read or were in conflict: its figures are not the whole of it. See the import report.
table-rows-unread = { $count ->
        [one] { $count } row unread
       *[other] { $count } rows unread
    }

## Events on the timeline
events-heading = Events on the timeline
events-add = Add event
events-none = No events yet.
events-edit = Edit event
events-delete = Delete event
events-new = New event
events-date = Date
events-date-hint = 2018-09-11 or 2018-11
events-until = Until
events-until-hint = optional
events-what = What
events-save = Save event
events-cancel = Cancel
events-date-error = Date: { $error }
events-until-error = Until: { $error }
events-until-before = Until is before the date
events-what-missing = Say what happened

## Sidebar
sidebar-selection = Selection
sidebar-reporter = Reporter
sidebar-partner = Partner
sidebar-all-reporters = All reporters
sidebar-all-partners = All partners
sidebar-commodity = Commodity (HS)
sidebar-commodity-hint = all; code or name
sidebar-levels-all = All levels
sidebar-levels-chapters = Chapters
sidebar-levels-headings = Headings
sidebar-no-commodity = No commodity matches
sidebar-more-commodities = … and { $count } more: type more of the name or code
sidebar-compare = Compare with other partners ({ $count })
sidebar-data = Data
sidebar-sample-banner = SAMPLE DATA: the monthly split is illustrative; only the totals are reported.
sidebar-no-data = No data loaded
sidebar-rows = { $count ->
        [one] { $count } row
       *[other] { $count } rows
    }

## Periods longer than a month (issue 14)
view-quarterly = Quarterly
view-title-quarterly = quarterly trade
# Beside a published growth rate that differs from the one computed from the figures by more than 0.1 point.
chart-published-differs = differs from computed

## Incomplete periods (rows that could not be read)
chart-incomplete-rows = incomplete: { $count ->
        [one] 1 row of this period could not be read
       *[other] { $count } rows of this period could not be read
    }
chart-incomplete-ytd = Year to date ({ $range })
chart-incomplete-latest = Latest month ({ $month })

## Published spans and quarters
series-ytd-published = { $name } YTD published
series-ytd-yoy-published = { $name } YTD YoY published
series-yoy-published = { $name } YoY published
table-quarter = Q{ $quarter } { $year }
table-derived = { $label } (derived)

# The warning above the chart when rows of the file could not be used.
chart-banner-rows = { $missing ->
    [one] 1 row
   *[other] { $missing } rows
} of { $read } read from { $file } could not be used
chart-banner-conflict = ({ $conflicts } in conflict with another row of the same key)
chart-banner-both = ({ $skipped } unreadable, { $conflicts } in conflict)
chart-banner-shown = { $shown ->
    [one] 1 of them falls
   *[other] { $shown } of them fall
} in the periods shown, which are marked incomplete.
chart-banner-none-shown = none falls in the periods shown.
