# Messages of the command line (`tradedash summary`, `targets`, the exports). Errors go to
# stderr after "tradedash: "; JSON output and its keys are never translated.

cli-error = tradedash: { $message }
cli-unknown-measure = unknown measure { $found }; use exports, imports, turnover, balance
cli-no-such-party = { $what ->
        [reporter] no reporter { $found } in the data; there are: { $names }
       *[partner] no partner { $found } in the data; there are: { $names }
    }
cli-mirror-needs-both = --mirror needs a reporter and a partner that also reports the reporter in the data
cli-no-months = the data has no months to choose from
cli-months-reversed = the months start ({ $start }) after they end ({ $end }); the data covers { $covers }
cli-no-data-in-range = no data in { $range }: the data covers { $covers }
cli-generated = { $path }: { $rows } rows ({ $aside } set aside by the importer), { $bytes } bytes of SYNTHETIC data
cli-generate-kept = { $path }: kept (already written with { $rows } rows, seed { $seed })
cli-map-error = --map/--set: { $error }
cli-no-data-folder = no data folder for this user: autosave is off
cli-cannot-open-window = cannot open the window: { $error }
cli-built-in-example = the built-in example
cli-no-visit = { $name } has no visit to export
cli-no-such-visit = { $name } has { $count ->
        [one] { $count } visit
       *[other] { $count } visits
    }; there is no visit { $number }
cli-ics-written = { $path } ({ $events ->
        [one] { $events } event
       *[other] { $events } events
    })
cli-no-target = there is no target { $number }; the workspace has { $count }
cli-not-exported = { $what ->
        [chart] chart not exported: { $error }
        [gauge] gauge not exported: { $error }
        [composition] composition not exported: { $error }
       *[itinerary] itinerary not exported: { $error }
    }
cli-window-closed = { $what ->
        [chart] the window closed before the chart was exported
        [gauge] the window closed before the gauge was exported
        [composition] the window closed before the composition was exported
       *[itinerary] the window closed before the itinerary was exported
    }
cli-visit-from-one = --visit counts from 1
cli-brief-not-written = briefing not written: { $error }

## `tradedash summary` and `tradedash targets` as text
summary-data = Data: { $label }
summary-sample = SAMPLE DATA: the monthly split is illustrative; only the totals are reported.
summary-built-in-targets = Targets of the built-in workspace, evaluated against this data.
summary-read-as = read as { $format }
summary-selection = reporter: { $reporter }, partner: { $partner }{ $commodity ->
        [none] {""}
       *[other] , commodity: { $commodity }
    }
summary-all = all
summary-and = { " " }and{ " " }
summary-not-in-file = not in the file
summary-flows-unknown = { $flows }, turnover and balance are not in the file (unknown, not zero)
summary-rows = rows read { $read }, skipped { $skipped }, set aside { $aside }
summary-set-aside = { "  " }set aside { $rows } rows (first on line { $line }): { $reason }
summary-note = { "  " }note: { $note }
summary-skipped = { "  " }skipped line { $line }: { $reason }
summary-skipped-column = { "  " }skipped line { $line }, column { $column }: { $reason }
summary-col-month = month
summary-col-exports = exports
summary-col-imports = imports
summary-col-turnover = turnover
summary-col-balance = balance
summary-col-year = year
summary-col-months = months
summary-unread = incomplete: { $count ->
    [one] { $count } row unread
   *[other] { $count } rows unread
}
summary-no-figure = no figure
cli-no-sample-split = --sample-split: this data has no illustrative monthly split (only the built-in example has one)
