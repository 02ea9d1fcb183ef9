# Вкладка «График»: представления, показатели, строка ключевых показателей, график, таблица,
# события и фильтры на боковой панели.

## Показатели
measure-exports = Экспорт
measure-imports = Импорт
measure-turnover = Товарооборот
measure-balance = Сальдо

## Представления: подписи и то, что говорит заголовок графика
view-monthly = По месяцам
view-yoy = Темп роста, %
view-ytd = С начала года
view-rolling = Скользящие 12 месяцев
view-annual = По годам
view-title-monthly = торговля по месяцам
view-title-yoy = в % к соответствующему месяцу прошлого года
view-title-ytd = торговля с начала года нарастающим итогом
view-title-rolling = торговля за последние 12 месяцев
view-title-annual = торговля по годам

## Заголовок графика
chart-title = { $reporter } – { $partner }: { $what }{ $details }
chart-title-mirror = { $reporter } – { $partner }, данные обеих сторон: { $what }{ $details }
chart-title-compare = { $reporter } – { $partner }, { $others }: { $what } ({ $measure }){ $details }
chart-title-commodity = , ТН ВЭД { $code }
chart-all-reporters = Все отчитывающиеся
chart-all-partners = Все партнёры
chart-sample-note = Условные данные: помесячная разбивка опубликованных итогов приведена для иллюстрации
chart-no-data = Нет данных для этой выборки.
chart-window-too-small = Увеличьте высоту окна, чтобы увидеть таблицу и события.
chart-open-import-report = Открыть отчёт об импорте

## Элементы управления
chart-lines = Линии
chart-bars = Столбцы
chart-stacked = С накоплением
chart-reset-zoom = Сбросить масштаб
    .tooltip = Или дважды щёлкните по графику
chart-export-png = Экспорт в PNG…
chart-table-and-events = Таблица и события
chart-mirror = Зеркальная статистика
    .tooltip = Выберите отчитывающуюся страну и партнёра, который тоже даёт данные по торговле с ней
    .explain = Экспорт отчитывающейся страны в сравнении с импортом партнёра из неё (и наоборот) и расхождение между ними. Нужны отчитывающаяся страна и партнёр, чьи собственные данные есть в файле.
chart-from = С
chart-to = по
chart-all-months = Все месяцы

## Строка ключевых показателей
kpi-ytd-caption = С начала года, { $measure }
kpi-latest-caption = Последний месяц, { $measure }
kpi-balance-caption = Сальдо (экспорт − импорт)
kpi-headline = Товарооборот за { $range }: { $value }, { $change } к соответствующему периоду прошлого года ({ $previous })
kpi-headline-no-previous = Товарооборот за { $range }: { $value } (нет полных данных за { $previous } для сравнения)
kpi-headline-measure = { $measure } за { $range }: { $value }{ $change ->
        [none] {""}
       *[other] , { $change } к соответствующему периоду прошлого года ({ $previous })
    }
kpi-left-out = { " " }по { $count } месяцам, данные за которые есть в обоих годах (не учтены: { $months })
kpi-missing-flow = ; { $flow }, товарооборот и сальдо в файле отсутствуют
kpi-latest = { $month }: { $value }, { $change } к тому же месяцу прошлого года ({ $previous })
kpi-latest-no-previous = { $month }: { $value }
kpi-balance = Сальдо за { $range }: { $value }

## График и подсказки
plot-hover = { $series }
    { $period }: { $value }
plot-hover-yoy = К прошлому году: { $change }
plot-hover-share = Доля в товарообороте: { $share }
plot-events = События

## Ряды и столбцы таблицы
series-yoy = { $name }, в % к прошлому году
series-ytd-yoy = { $name } с начала года, в % к прошлому году
series-ytd = { $name } с начала года
series-ytd-year-earlier = { $name } с начала года, годом ранее
series-rolling = { $name } за 12 месяцев
series-mirror-reporter-exports = Экспорт: { $reporter }
series-mirror-partner-imports = Импорт: { $partner } из { $reporter }
series-mirror-reporter-imports = Импорт: { $reporter }
series-mirror-partner-exports = Экспорт: { $partner } в { $reporter }
series-gap-exports = Расхождение по экспорту
series-gap-imports = Расхождение по импорту
year-basis-annual-record = годовая запись
year-basis-full = 12 месяцев
year-basis-span = { $first }–{ $last }, { $count ->
        [one] { $count } месяц
        [few] { $count } месяца
       *[many] { $count } месяцев
    }
year-basis-with-derived = { $basis }, { $derived } — расчётно
year-basis-one = { $month }, 1 месяц
year-basis-months = { $count ->
        [one] { $count } месяц
        [few] { $count } месяца
       *[many] { $count } месяцев
    }
year-with-basis = { $year } ({ $basis })

## Таблица
table-heading = Цифры, по которым построен график
table-sort-hint = щёлкните по заголовку, чтобы отсортировать
table-export-csv = Экспорт в CSV…
table-columns = Столбцы
    .tooltip = Выбрать показываемые столбцы; «Экспорт в CSV…» записывает все столбцы
table-columns-hidden = Столбцы (скрыто: { $count })
table-column-empty = { $name } (нет данных)
table-period = Период
# Показатель в заголовке столбца таблицы: короче там, где слово длинное («Оборот» — товарооборот).
table-measure-exports = Экспорт
table-measure-imports = Импорт
table-measure-turnover = Оборот
table-month-span = { $first }–{ $last } { $year }
table-measure-balance = Сальдо
table-sorted-desc = { $name } (по убыванию)
table-sorted-asc = { $name } (по возрастанию)
table-incomplete = Неполные
    .tooltip = Строки этого периода, которые не удалось прочитать или которые противоречат другим: его показатели неполные. Подробности — в отчёте об импорте.
table-rows-unread = { $count ->
        [one] { $count } строка не прочитана
        [few] { $count } строки не прочитаны
       *[many] { $count } строк не прочитано
    }

## События на шкале времени
events-heading = События на шкале времени
events-add = Добавить событие
events-none = Событий пока нет.
events-edit = Изменить событие
events-delete = Удалить событие
events-new = Новое событие
events-date = Дата
events-date-hint = 2018-09-11 или 2018-11
events-until = По
events-until-hint = необязательно
events-what = Что
events-save = Сохранить событие
events-cancel = Отмена
events-date-error = Дата: { $error }
events-until-error = По: { $error }
events-until-before = Дата окончания раньше даты начала
events-what-missing = Укажите, что произошло

## Боковая панель
sidebar-selection = Выборка
sidebar-reporter = Отчитывающаяся страна
sidebar-partner = Партнёр
sidebar-all-reporters = Все отчитывающиеся
sidebar-all-partners = Все партнёры
sidebar-commodity = Товар (ТН ВЭД)
sidebar-commodity-hint = все; код или название
sidebar-levels-all = Все уровни
sidebar-levels-chapters = Группы
sidebar-levels-headings = Товарные позиции
sidebar-no-commodity = Товар не найден
sidebar-more-commodities = … и ещё { $count }: уточните название или код
sidebar-compare = Сравнить с другими партнёрами ({ $count })
sidebar-data = Данные
sidebar-sample-banner = УСЛОВНЫЕ ДАННЫЕ: помесячная разбивка приведена для иллюстрации; опубликованы только итоги.
sidebar-no-data = Данные не загружены
sidebar-rows = { $count ->
        [one] { $count } строка
        [few] { $count } строки
       *[many] { $count } строк
    }

## Periods longer than a month (issue 14)
view-quarterly = По кварталам
view-title-quarterly = торговля по кварталам
# Beside a published growth rate that differs from the one computed from the figures by more than 0.1 point.
chart-published-differs = расходится с расчётом

## Incomplete periods (rows that could not be read)
chart-incomplete-rows = неполные данные: { $count ->
        [one] { $count } строку этого периода не удалось прочитать
        [few] { $count } строки этого периода не удалось прочитать
       *[many] { $count } строк этого периода не удалось прочитать
    }
chart-incomplete-ytd = С начала года ({ $range })
chart-incomplete-latest = Последний месяц ({ $month })

## Published spans and quarters
series-ytd-published = { $name } с начала года, опубликовано
series-ytd-yoy-published = { $name } с начала года, в % к прошлому году, опубликовано
series-yoy-published = { $name }, в % к прошлому году, опубликовано
table-quarter = { $quarter } кв. { $year }
table-derived = { $label } (расчётно)

# Предупреждение над графиком, когда часть строк файла не удалось использовать.
chart-banner-rows = Не удалось использовать { $missing } { $missing ->
    [one] строку
    [few] строки
   *[other] строк
} из { $read } прочитанных из { $file }
chart-banner-conflict = ({ $conflicts } в противоречии с другой строкой с тем же ключом)
chart-banner-both = ({ $skipped } не прочитано, { $conflicts } в противоречии)
chart-banner-shown = из них { $shown } { $shown ->
    [one] приходится
   *[other] приходятся
} на показанные периоды, они отмечены как неполные.
chart-banner-none-shown = ни одна из них не приходится на показанные периоды.
