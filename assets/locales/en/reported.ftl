# Reported figures (the sidebar list and its editor, the chart's reported points) and the
# gauge's choice of its current figure.

## Sidebar
reported-heading = Reported figures
reported-hint = Quoted in public sources; not computed from the data.
reported-add = Add reported figure
reported-edit = Edit
reported-delete = Delete
reported-derived = derived from the published growth rate
reported-statistics-of = statistics of { $name }
reported-unknown-span = period unknown: not charted and not used by gauges; edit it to give one

## Editor
reported-form-new = New reported figure
reported-form-edit = Edit reported figure
reported-field-period = Period
reported-field-period-hint = 2018, Jan–Jul 2018, Q1 2018
reported-field-measure = Measure
reported-field-reporter = Whose trade
reported-field-partner = With whom
reported-field-value = Value (USD)
reported-field-value-hint = e.g. 58.3 million
reported-field-change = Published growth, %
reported-field-change-hint = e.g. 18.6 for +18.6%
reported-field-statistics = Whose statistics
reported-statistics-unstated = not stated
reported-statistics-reporter = the reporter's
reported-statistics-partner = the partner's (mirror)
reported-field-by = Reported by
reported-field-source = Source
reported-field-published = Published
reported-field-published-hint = YYYY-MM-DD
reported-field-note = Note
reported-save = Save figure
reported-cancel = Cancel
reported-error-period = Period: “{ $text }” is not a period; write e.g. 2018, Jan–Jul 2018, Q1 2018, H1 2018, 9M 2018 or 2018-01..2018-07.
reported-error-value = Value: “{ $text }” is not an amount above $0; write e.g. 58.3 million.
reported-error-change = Published growth: “{ $text }” is not a percentage; write e.g. 18.6 or -4.2.
reported-error-change-impossible = Published growth: −100% or less is not possible.
reported-error-parties = Name both the reporter and the partner.
reported-error-source = Name the source: a reported figure is only as good as where it was published.
reported-error-published = Published: “{ $text }” is not a date; write it as YYYY-MM-DD, or leave it empty.

## Chart
reported-chart-derived = derived from the published growth rate: { $source }
reported-chart-point = reported: { $source }
reported-chart-series = Reported figures
reported-kpi-caption = Reported, { $period }, turnover

## Gauges
gauge-pin = Current figure
gauge-pin-latest = Latest (data or reported)
gauge-pin-data = The data's figure only
gauge-pin-missing = (a reported figure since deleted)
