# Exported files. PNG pictures are taken from the window, so they use the window's messages.
# CSV: only the headers are translated; numbers stay machine-readable (a dot for decimals, no
# thousands separators). iCalendar: summaries and descriptions; property names stay as RFC 5545
# defines them.

## CSV headers
csv-period = Period
csv-header-usd = { $name } (USD)
csv-header-pct = { $name } (%)

## iCalendar
ics-calendar-name = Visits
ics-time-tbc = { " " }(time TBC)
ics-placeholder-times = Times are placeholders ({ $time }): the source gives no schedule; confirm with the host.
ics-kind-status = { $kind } · { $status }
ics-trade-concerned = Trade concerned: { $codes }
ics-delegation = Delegation: { $people }
ics-hosts = Hosts: { $people }
ics-visit = Visit: { $title } ({ $dates })
