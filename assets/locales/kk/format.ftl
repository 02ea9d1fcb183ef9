# Сандар, сомалар және айлар қалай жазылады. Цифрлар, бөлгіштер және айлардың атаулары ICU4X-тен
# (CLDR деректері) алынады; бұл хабарлар тек өлшем бірлігін қойып, бөліктердің ретін белгілейді.

money-billion = { $amount } млрд АҚШ доллары
money-million = { $amount } млн АҚШ доллары
money-thousand = { $amount } мың АҚШ доллары
money-units = { $amount } АҚШ доллары
money-short-billion = ${ $amount } млрд
money-short-million = ${ $amount } млн
money-short-thousand = ${ $amount } мың
money-short-units = ${ $amount }
money-negative = −{ $amount }
pct-change-up = +{ $pct }%
pct-change-down = −{ $pct }%
pct-change-zero = { $pct }%
pct = { $pct }%
month-year = { $month } { $year }
month-span = { $year } жылғы { $first }–{ $last }
month-span-years = { $first-year } жылғы { $first } – { $last-year } жылғы { $last }

## Күндер ($*-day және $*-year — сандар, $*-month — айдың атауы)
date-day-label = { $day } { $month }, { $weekday }
date-single = { $first-year } жылғы { $first-day } { $first-month }
date-span-month = { $last-year } жылғы { $first-day }–{ $last-day } { $last-month }
date-span-year = { $last-year } жылғы { $first-day } { $first-month } – { $last-day } { $last-month }
date-span-years = { $first-year } жылғы { $first-day } { $first-month } – { $last-year } жылғы { $last-day } { $last-month }
