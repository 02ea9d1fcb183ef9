# The Targets tab, the target figures (also printed by `tradedash targets`) and how each was computed.
# $value, $target, $gap are amounts already formatted ("$690 million"); $growth a change ("+18.6%").

## Target measures and current bases
target-measure-turnover = Turnover
target-measure-exports = Exports
target-measure-imports = Imports
target-basis-last-full-year = Last full year
target-basis-ytd = Year to date
target-basis-ytd-annualised = Year to date, annualised
target-basis-rolling = Rolling 12 months

## Panel
targets-heading = Targets
targets-add = Add target
targets-none = No targets yet. “Add target” sets one: a value, a deadline and a baseline to measure from.
targets-computing = Computing the targets' figures…
targets-copy-name = { $name } (copy)
targets-sample = Current value from SAMPLE data (illustrative)
targets-baseline-source = Baseline source: { $source }
targets-no-deadline = No deadline set: edit the target to set one.
targets-how-computed = How these figures are computed
targets-delete-question = Delete “{ $name }”?
targets-delete-yes = Yes, delete
targets-delete-keep = Keep
targets-edit = Edit target
targets-duplicate = Duplicate
targets-delete = Delete
targets-export-png = Export PNG…
targets-default-name = Target { $number }

## Editor
target-editor-new = New target
target-editor-edit = Edit target
target-editor-name = Name
target-editor-reporter = Reporter (code or name)
target-editor-reporter-hint = all reporters
target-editor-partner = Partner (code or name)
target-editor-partner-hint = all partners
target-editor-commodity = Commodity (HS prefix)
target-editor-commodity-hint = all commodities
target-editor-measure = Measure
target-editor-value = Target value (USD)
target-editor-value-hint = e.g. 1 billion
target-editor-deadline = Deadline year
target-editor-deadline-hint = none set
target-editor-current = Current value
target-editor-baseline-year = Baseline year
target-editor-baseline-year-hint = e.g. 2017
target-editor-baseline-value = Baseline value
target-editor-baseline-computed = Computed from the data
target-editor-baseline-reported = Reported figure
target-editor-reported-value = Reported baseline (USD)
target-editor-reported-value-hint = e.g. 690 million
target-editor-reported-by = Reported by
target-editor-reported-by-hint = who said it, where
target-editor-baseline-note = Baseline note
target-editor-amber = Amber from (% of target)
target-editor-green = Green from (% of target)
target-editor-note = Note
target-editor-save = Save target
target-editor-cancel = Cancel
target-error-amount = { $field }: “{ $text }” is not an amount; write e.g. 1 billion or 690 million.
target-error-year = { $field }: “{ $text }” is not a year; write e.g. 2020.
target-error-pct = { $field }: “{ $text }” is not a percentage; write e.g. 90.
target-field-value = Target value
target-field-baseline-value = Baseline value
target-field-baseline-year = Baseline year
target-field-deadline = Deadline
target-field-amber = Amber from
target-field-green = Green from

## Gauge
gauge-label = Gauge: { $value } of { $target }, { $pct }% of the target
gauge-label-no-value = Gauge: no current value
gauge-pct-of-target = { $pct }% of target
gauge-no-value = no current value
gauge-met = target met

## Figures (card rows and `tradedash targets`)
figure-current = Current
figure-current-unknown = unknown: no data for the scope and no baseline
figure-target = Target
figure-target-by = { $target } by { $deadline }
figure-target-no-deadline = { $target }, no deadline set
figure-gap = Gap
figure-gap-value = { $gap } ({ $pct }%)
figure-gap-above = none: { $gap } above the target
figure-gap-exact = none: exactly at the target
figure-growth-needed = Growth needed
figure-growth-set-deadline = set a deadline
figure-growth-none-needed = none: the baseline already reaches the target
figure-growth-needed-value = { $growth } a year, { $from }–{ $deadline }
figure-growth-no-baseline = unknown: no baseline value
figure-growth-observed = Growth observed
figure-growth-observed-value = { $growth } year on year
figure-growth-no-current = unknown: no current figure in the data
figure-growth-no-earlier = unknown: no data a year earlier
figure-path = Required path
figure-path-ahead = { $value } for { $year }: ahead
figure-path-behind = { $value } for { $year }: behind by { $gap }
figure-path-value = { $value } for { $year }
figure-reached = Target reached
figure-reached-already = already met ({ $year })
figure-reached-late = in { $year } at this rate, after the deadline
figure-reached-in = in { $year } at this rate
figure-reached-never = not reached at this rate
figure-reached-unknown = unknown: no growth rate
figure-baseline = Baseline
figure-baseline-reported = { $value } in { $year }, reported
figure-baseline-computed = { $value } in { $year }, computed from the data
figure-baseline-unknown = unknown for { $year }
figure-scope = Scope
figure-baseline-source = Baseline source
figure-baseline-note = Baseline note
figure-note = Note
figure-how-computed = How computed
targets-none-in-workspace = No targets in this workspace.
target-scope-all-reporters = all reporters
target-scope-all-partners = all partners

## How each figure was computed (notes)
note-growth-no-overlap = Growth: unknown: no month of { $range } has data both then and a year earlier.
note-growth-against = Growth: { $range } against { $previous }: { $growth }.
note-growth-no-trade = Growth: unknown: { $previous } had no trade.
note-growth-common-months = Growth on those months: { $growth }.
note-annualised-short-year = { $year } has only { $months } months of data: the annualised value is likely too low.
note-annualised-no-previous = No monthly data for { $year }: the year to date is annualised as ×12/{ $months }, ignoring seasonality.
note-no-monthly-data = { $basis }: no monthly data for the scope.
note-current-no-full-year = Current: no calendar year is complete in the data yet.
note-current-annual-record = Current: { $year }, from an annual record.
note-current-full-year = Current: { $year }, all 12 months.
note-current-part-year = Current: { $year }, { $months } months; missing: { $missing } (left out of the total).
note-growth-no-data = Growth: unknown: no data for { $year }.
note-growth-annual = Growth: { $year } against { $previous } (annual totals{ $short }).
note-growth-short-year = ; { $year } has only { $months } months
note-ytd = Year to date: { $range }, { $months } months.
note-ytd-missing = Year to date: { $range }; missing: { $missing } (left out of the total).
note-annualised-label = { $range } annualised
note-annualised-projection = Projection starts from the annualised year to date.
note-rolling = Current: 12 months { $range }.
note-rolling-missing = Current: 12 months { $range }; missing: { $missing } (left out of the total).
note-baseline-reported = Baseline: { $value } in { $year }, as reported{ $by ->
        [none] {""}
       *[other] {" "}by { $by }
    } (not computed from the data).
note-baseline-computed = Baseline: { $value } in { $year }, computed from the data ({ $how }).
note-baseline-how-annual = an annual record
note-baseline-how-full = 12 months
note-baseline-how-part = only { $months } months
note-baseline-missing = Baseline: the data has no { $measure } for { $year }.
note-baseline-newer = The data's latest figure is older than the { $year } baseline: the baseline stands in.
note-baseline-stands-in = The data has no { $measure } for { $scope }: the baseline stands in for the current value.
note-baseline-reported-label = { $year }, reported
note-required-no-deadline = Required growth: no deadline set.
note-required-deadline-early = Required growth: the deadline ({ $deadline }) is not after the baseline year ({ $year }).
note-required-none = Required growth: none, the { $year } baseline already reaches the target.
note-required = Required growth: { $growth } a year over { $years } years, { $year }–{ $deadline }.
note-projection-never = Projection: not reached at this rate.

## The built-in example's target
target-example-name = Belarus – Kazakhstan trade to $1 billion
target-example-note = The heads of state set the goal; the article gives no deadline: set one.

## Why a target cannot be saved
target-invalid-name = Give the target a name.
target-invalid-value = The target value must be more than $0.
target-invalid-baseline = The reported baseline value must be more than $0.
target-invalid-year = { $what ->
        [deadline] The deadline { $year } is outside 1900–2200.
       *[baseline] The baseline year { $year } is outside 1900–2200.
    }
target-invalid-deadline = The deadline ({ $deadline }) must come after the baseline year ({ $year }).
target-invalid-thresholds = Colour thresholds must satisfy 0 ≤ amber ≤ green (now { $amber }% and { $green }%).

## Notes added with the reported figures and the structured notes
figure-unknown = unknown
note-growth-partial = Growth compares only the { $count } months present in both years; left out: { $left } (missing then or a year earlier).
note-annualised-seasonality = Annualised with { $year }'s seasonality: { $months } made { $share }% of { $year }, so the year to date is divided by { $factor }.
note-label-part-year = { $year } ({ $months } months)
note-pinned-figure = Current: the reported figure pinned in the target's settings.
note-pinned-missing = The pinned reported figure no longer exists: the latest figure is used.
note-reported-not-later = A reported figure, { $value } for { $period } ({ $source }), is not later than the data's: the data's figure is used (pin the reported one in the target's settings to use it).
note-reported-current = Current: { $value } for { $period }, reported ({ $source }), not computed from the data.
note-reported-annualised = Projection starts from { $period } annualised as ×12/{ $months }, ignoring seasonality.
note-reported-growth-published = Growth: { $growth } as published with the figure.
note-reported-growth-against = Growth: { $growth } against the { $value } reported for { $period } ({ $source }).
note-reported-growth-unknown = Growth: unknown: no growth was published with the figure and no figure a year earlier.
note-reported-label = { $period }, reported
note-reported-label-annualised = { $period } annualised, reported
target-scope-hs = HS { $code }
