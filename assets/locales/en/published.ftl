# The built-in example (io/example.rs): its data is the figures as published; the illustrative
# monthly split is off until switched on here.
example-show-sample-split = Show illustrative monthly split (SAMPLE)
example-show-sample-split-hover = Adds invented monthly values that add up to the published Jan–Jul totals, to try the monthly views. They are not statistics: while shown, the data is labelled SAMPLE on the chart, the table, exports and summaries.
# `summary` text, after a year whose figures include months derived from cumulative figures.
summary-year-derived = incl. derived { $months }
