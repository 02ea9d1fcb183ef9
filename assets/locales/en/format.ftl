# How numbers, amounts and months are written. Digits, separators and month names come from
# ICU4X (CLDR data); these messages only place the unit and order the parts.
# $amount is a number already formatted for the language ("58.3", "58,3").

money-billion = ${ $amount } billion
money-million = ${ $amount } million
money-thousand = ${ $amount } thousand
money-units = ${ $amount }
money-short-billion = ${ $amount }bn
money-short-million = ${ $amount }M
money-short-thousand = ${ $amount }k
money-short-units = ${ $amount }
money-negative = −{ $amount }
pct-change-up = +{ $pct }%
pct-change-down = −{ $pct }%
pct-change-zero = { $pct }%
pct = { $pct }%
month-year = { $month } { $year }
month-span = { $first }–{ $last } { $year }
month-span-years = { $first } { $first-year }–{ $last } { $last-year }

## Dates ($*-day and $*-year are plain numbers, $*-month the month's name inside a date)
date-day-label = { $weekday } { $day } { $month }
date-single = { $first-day } { $first-month } { $first-year }
date-span-month = { $first-day }–{ $last-day } { $last-month } { $last-year }
date-span-year = { $first-day } { $first-month } – { $last-day } { $last-month } { $last-year }
date-span-years = { $first-day } { $first-month } { $first-year } – { $last-day } { $last-month } { $last-year }
