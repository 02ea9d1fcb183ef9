# Как пишутся числа, суммы и месяцы. Цифры, разделители и названия месяцев дают ICU4X (данные
# CLDR); эти сообщения только ставят единицу и порядок частей.

money-billion = { $amount } млрд долл. США
money-million = { $amount } млн долл. США
money-thousand = { $amount } тыс. долл. США
money-units = { $amount } долл. США
money-short-billion = ${ $amount } млрд
money-short-million = ${ $amount } млн
money-short-thousand = ${ $amount } тыс.
money-short-units = ${ $amount }
money-negative = −{ $amount }
pct-change-up = +{ $pct }%
pct-change-down = −{ $pct }%
pct-change-zero = { $pct }%
pct = { $pct }%
month-year = { $month } { $year }
month-span = { $first }–{ $last } { $year }
month-span-years = { $first } { $first-year } – { $last } { $last-year }

## Даты ($*-day и $*-year — числа, $*-month — название месяца в родительном падеже)
date-day-label = { $weekday }, { $day } { $month }
date-single = { $first-day } { $first-month } { $first-year } г.
date-span-month = { $first-day }–{ $last-day } { $last-month } { $last-year } г.
date-span-year = { $first-day } { $first-month } – { $last-day } { $last-month } { $last-year } г.
date-span-years = { $first-day } { $first-month } { $first-year } г. – { $last-day } { $last-month } { $last-year } г.
