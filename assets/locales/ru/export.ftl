# Экспортируемые файлы. Изображения PNG снимаются с окна и используют его сообщения.
# CSV: переводятся только заголовки; числа остаются машиночитаемыми (точка в дробях, без
# разделителей разрядов). iCalendar: названия и описания событий; имена свойств — по RFC 5545.

## Заголовки CSV
csv-period = Период
csv-header-usd = { $name } (долл. США)
csv-header-pct = { $name } (%)

## iCalendar
ics-calendar-name = Визиты
ics-time-tbc = { " " }(время уточняется)
ics-placeholder-times = Время условное ({ $time }): в источнике расписания нет; уточните у принимающей стороны.
ics-kind-status = { $kind } · { $status }
ics-trade-concerned = Торговля по кодам: { $codes }
ics-delegation = Делегация: { $people }
ics-hosts = Принимающая сторона: { $people }
ics-visit = Визит: { $title } ({ $dates })
