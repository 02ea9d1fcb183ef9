# The Composition tab (src/ui/composition): products and partners ranked.
composition-tab = Composition
composition-by-commodity = Products
composition-by-partner = Partners
composition-level-section = HS sections
composition-level-2 = Chapters (2 digits)
composition-level-4 = Headings (4 digits)
composition-level-6 = Subheadings (6 digits)
composition-period-latest = Latest year to date
composition-period-shown = Months shown
composition-top = Top
composition-all-products = All products
composition-no-data = No data of this flow for the selection in this period.
composition-computing = Computing the breakdown…
composition-total = { $period }: { $value }, { $change } on { $previous }
composition-total-no-comparison = { $period }: { $value } (no comparison: { $previous } does not hold the same months of data)
composition-col-item = Item
composition-col-value = Value
composition-col-share = Share
composition-col-change = Change
composition-col-contribution = Contribution to growth
composition-pp = { $value } pp
composition-other = Other ({ $count } more)
composition-not-broken-down = Includes the part of the total not broken down at this level: { $value }
composition-drill-hint = Click to see what it is made of
composition-chart = Monthly
composition-chart-hint = Open the monthly chart of { $code }
composition-export-png = Save PNG…
composition-export-csv = Save CSV…
composition-level = Level
composition-period = Period
composition-rest = Rest of the total
composition-products = HS { $codes }
composition-stop = Composition of HS { $codes }
composition-stop-hint = What these products are made of and how they changed, for the reporter and partner chosen
composition-export-not-ready = The composition is not computed yet; try again. No file was written.
composition-exported = Exported composition { $path } ({ $count ->
    [one] { $count } item
   *[other] { $count } items
}, other and total)
