# Чтение файлов данных: отчёт об импорте, окно сопоставления столбцов и все причины, по
# которым строка пропущена или файл не принят.

## Форматы
format-long = длинная таблица tradedash
format-comtrade = UN Comtrade
format-comtrade-legacy = UN Comtrade (старый формат)
format-wide = таблица с отдельным столбцом на каждый месяц
format-mapped = столбцы сопоставлены вручную
source-excel-unicode = Текст в Юникоде из Excel ({ $encoding })
source-tsv = текст с разделителями-табуляциями, { $encoding }
source-csv = CSV, { $encoding }
source-sheet = { $workbook }, лист «{ $sheet }»
delimiter-tab = табуляция
delimiter-semicolon = точка с запятой
delimiter-comma = запятая

## Окно отчёта об импорте
report-title = Отчёт об импорте
report-read-as = { $format } · { $source }{ $delimiter ->
        [none] {""}
       *[other] { " · " }разделитель: { $delimiter }
    } · заголовок в строке { $line }
report-counts = Прочитано строк: { $read }; использовано: { $used }, пропущено: { $skipped }, отложено: { $aside }
report-kept-heading = Итоги по принятым данным (все отчитывающиеся и партнёры)
report-set-aside-heading = Отложено, чтобы не посчитать дважды
report-set-aside-row = { $count ->
        [one] { $count } строка
        [few] { $count } строки
       *[many] { $count } строк
    } (первая — в строке { $line }): { $reason }
report-skipped-heading = Пропущено
report-col-year = год
report-col-exports = экспорт
report-col-imports = импорт
report-col-turnover = товарооборот
report-col-months = месяцев
report-not-in-file = нет в файле
report-and-more = … и ещё { $count }
report-sheet = Лист
report-sheets-hint = Листов: { $count }; при выборе листа файл читается заново с него
report-summary = { $file }: использовано строк: { $used }, пропущено: { $skipped }, отложено: { $aside } ({ $format }, { $source })
import-rows = { $count ->
        [one] { $count } строка
        [few] { $count } строки
       *[many] { $count } строк
    }
skipped-at-line = строка { $line }: { $reason }
skipped-at-line-column = строка { $line }, столбец { $column }: { $reason }

## Окно сопоставления столбцов
mapping-title = Сопоставление столбцов
mapping-field-period = Период
mapping-field-flow = Направление
mapping-field-reporter = Отчитывающаяся страна
mapping-field-partner = Партнёр
mapping-field-commodity = Товар
mapping-field-value = Стоимость
mapping-field-unit = Единица
mapping-column = столбец «{ $column }»
mapping-fixed = одно значение для всех строк
mapping-months = отдельный столбец на каждый месяц
mapping-header-line = Заголовок в строке { $line }{ $sheet ->
        [none] {""}
       *[other] { " " }листа «{ $sheet }»
    }. Укажите, откуда брать каждое поле; в образце видно, во что превратятся первые строки.
mapping-title-row = Заголовок таблицы: { $title }
mapping-flow-hint = экспорт, импорт или товарооборот
mapping-unit-hint = usd, thousand или million
mapping-name-hint = название
mapping-col-line = строка
mapping-col-period = период
mapping-col-flow = поток
mapping-col-reporter = отчитывающаяся страна
mapping-col-partner = партнёр
mapping-col-commodity = товар
mapping-col-value = стоимость
mapping-value-of = { $field }: значение
mapping-remember = Запомнить для файлов с таким заголовком (сохраняется в рабочей области)
mapping-preview = Образец
mapping-still-to-choose = Осталось выбрать: { $fields }
mapping-import = Импортировать
mapping-cancel = Отмена
mapping-no-values = в этой строке нет значений
mapping-more-values = … ещё значений в этой строке: { $count }
mapping-skipped = пропущено: { $reason }
mapping-set-aside = отложено: { $reason }

## Как был прочитан файл
note-title-rows = { $count ->
        [one] Пропущена { $count } строка заголовка
        [few] Пропущены { $count } строки заголовка
       *[many] Пропущено { $count } строк заголовка
    } над шапкой таблицы (строка { $line }{ $more })
note-remembered-mapping = прочитано по сопоставлению столбцов, запомненному для этого заголовка
note-two-row-header = строки { $first }–{ $last } прочитаны как одна шапка: направления сверху, периоды снизу
note-flows-above = направления прочитаны из верхней строки шапки, над столбцами периодов
note-unit-default = единица не указана: значения прочитаны в долларах США
note-unit-from-title = значения в { $unit } («{ $text }»): умножены на { $factor }
note-unit-given = значения в { $unit } (указано: { $text })
note-value-flow = все значения прочитаны как { $flow ->
        [export] экспорт
        [import] импорт
       *[other] товарооборот
    }, как указано в { $place }
note-flow-in-header = заголовке столбца стоимости
note-flow-in-title = названии таблицы
note-column-year-total = столбец «{ $column }» не использован: это итог за месяцы года, которые прочитаны
note-growth-column = столбец «{ $column }» прочитан как темп роста, опубликованный к «{ $value }» (118,6 = +18,6%)
note-columns-not-months = { $count ->
        [one] Не использован столбец
       *[other] Не использованы столбцы
    } (не месяцы): { $columns }
note-no-name = в файле не указан { $what ->
        [reporter] отчитывающийся
       *[partner] партнёр
    }: показан как «{ $name }»
note-one-commodity = во всех строках товар { $code }
note-sheet-read = прочитан лист «{ $name }» из { $count } ({ $sheets }); другой можно выбрать в поле «Лист» отчёта об импорте или параметром --sheet
note-cr-cr-lf = строки оканчиваются на CR CR LF (лишний возврат каретки, как пишут некоторые программы): каждое такое окончание читается как один перевод строки, строки считаются по LF
note-rows-repaired = { $count ->
        [one] Исправлена { $count } строка
        [few] Исправлены { $count } строки
       *[many] Исправлено { $count } строк
    }: названия с запятыми не были взяты в кавычки (первая — строка { $line }: «{ $names }»)
note-second-header = второй заголовок в строке { $line }: файлы склеены
note-headers-again = заголовок повторяется в строках { $lines }: файлы склеены
note-duplicates = { $count ->
        [one] { $count } запись прочитана
        [few] { $count } записи прочитаны
       *[many] { $count } записей прочитаны
    } повторно с тем же значением (склеенные файлы с перекрывающимися периодами): учтены один раз (первая — строка { $line }, та же, что строка { $same })
note-conflicts = { $count ->
        [one] { $count } противоречащая запись не использована
        [few] { $count } противоречащие записи не использованы
       *[many] { $count } противоречащих записей не использованы
    }: другая запись за тот же период, с тем же отчитывающимся, партнёром, направлением и товаром имеет другое значение; используется последняя в файле, период отмечен как неполный (первая: { $period } { $what }; { $values })
note-conflict-value = строка { $line }: ${ $value }
note-totals-differ = { $count ->
        [one] { $count } итог отличается от суммы своих частей
        [few] { $count } итога отличаются от суммы своих частей
       *[many] { $count } итогов отличаются от суммы своих частей
    } в файле более чем на 0,5% (в выгрузке части партнёров или разделов это ожидаемо; первый: { $period } { $what }: итог ${ $total }, части ${ $parts }, разница ${ $difference })
note-clickhouse-set-aside = отложено строк разбивки: { $count } (реэкспорт и реимпорт, таможенные процедуры кроме C00, виды транспорта кроме 0, вторые партнёры кроме 0)
note-clickhouse-unreadable = не учтено строк без читаемого периода, направления, отчитывающегося или партнёра: { $count } (период — месяц вроде 2018-07, год вроде 2018 или месяцы вроде 2018-01..2018-07: см. docs/clickhouse.md)
note-clickhouse-aggregated = суммировано на сервере ClickHouse
unit-usd = долларах США
unit-thousand = тысячах долларов США
unit-million = миллионах долларов США
unit-billion = миллиардах долларов США

## Отложенные строки (в файле есть их итог)
aside-flow-detail = реэкспорт, реимпорт и другие детали направления (входят в итог X/M)
aside-customs = разбивка по таможенным процедурам (используется итог C00)
aside-transport = разбивка по видам транспорта (используется итог motCode 0)
aside-partner2 = разбивка по второму партнёру (используется итог partner2)

## Почему строка пропущена
# $found — текст ячейки в кавычках, как прочитан ("abc").
row-empty-field = { $what ->
        [reporter] не указан отчитывающийся
       *[partner] не указан партнёр
    }
row-bad-unit = ожидалась единица вроде USD или тыс. долл. США, найдено { $found }
row-too-large = { $found } больше любого торгового показателя (свыше 1 квадриллиона долларов)
row-negative = стоимость не может быть отрицательной, найдено { $found }
row-not-number = ожидалось число, найдено { $found }
row-value-empty = стоимость не указана
row-not-number-of = ожидалось число в { $unit }, найдено { $found }
row-bad-change = ожидалось изменение в процентах к прошлому году (например, 18,6 или -2,5), найдено { $found }
row-bad-growth = ожидался процент к соответствующему периоду прошлого года (например, 118,6), найдено { $found }; значение рядом сохранено
row-bad-flow = ожидалось export, import или turnover, найдено { $found }
row-bad-flow-code = ожидался flowCode вроде X или M, найдено { $found }
row-bad-flow-legacy = ожидалось Export или Import, найдено { $found }
row-bad-flow-word = ожидалось экспорт, импорт или товарооборот (export, import, turnover), найдено { $found }
row-bad-month = ожидался месяц в виде ГГГГ-ММ (например, 2018-07) или месяцы в виде ГГГГ-ММ..ГГГГ-ММ (например, 2018-01..2018-07), найдено { $found }
row-bad-month-word = ожидался месяц вроде 2018-07, январь 2018 или Jan-18 либо период вида "январь-июль 2018", "I квартал 2018", "1 кв. 2018", "I полугодие 2018", "9 месяцев 2018", "қаңтар-шілде 2018", "Jan-Jul 2018", "Q1 2018", "2018-Q1", "H1 2018", "9M 2018" или "2018-01..2018-07", найдено { $found }
row-bad-year = ожидался год вроде 2018, найдено { $found }
row-bad-period = ожидался период вроде 201807 в { $year } году, найдено { $found }
row-bad-unit-word = единица { $found } — не usd, thousand или million (долларов США)
row-not-dollars = значения не в долларах США ({ $unit }… в { $found })
row-fields = полей: { $fields }, а в заголовке { $header }
row-too-wide = столбцов в строке: { $count } (допускается не более { $max })
row-not-csv = некорректный CSV: { $error }
row-line-too-long = длина строки { $size } МБ (допускается не более { $max } МБ)
row-wide-cell = ячейка в столбце { $column } (читаются не более { $max } столбцов)

## Почему файл не принят
file-cannot-read = { $file }: не удаётся прочитать файл: { $error }
file-too-large = { $file }: размер файла { $size } МБ; файлы больше { $max } МБ не читаются
file-oversized = { $file }: строка { $line }: { $what }; такую таблицу tradedash не читает
file-empty = { $file }: файл пуст
file-reason = { $file }: { $reason }
file-not-text = это не текст (двоичные данные или файл, который tradedash не читает); ожидался CSV, текст с табуляциями, XLSX или XLS
file-unknown-header = { $file }: строка { $line }: такой заголовок tradedash не знает. Ожидались длинный формат (period,reporter,partner,flow,commodity,value_usd), выгрузка UN Comtrade (refYear, flowCode, primaryValue, …), выгрузка Comtrade старого формата (Year, Trade Flow, Trade Value (US$), …) или отдельный столбец на каждый месяц; найдено: { $found }. Выберите столбцы в окне или задайте их параметрами --map и --set
file-incomplete = { $file }: строка { $line }: { $problem }
file-cancelled = { $file }: загрузка отменена; ничего не изменилось
file-no-usable-rows = { $file }: нет пригодных строк (прочитано: { $read }, пропущено: { $skipped }){ $first ->
        [none] {""}
       *[other] ; первая: { $first }
    }
header-missing-column = в заголовке ({ $format }) нет столбца { $column }
header-mapping-unknown-columns = в сопоставлении { $count ->
        [one] указан столбец { $columns }, которого
       *[other] указаны столбцы { $columns }, которых
    } нет в заголовке; столбцы заголовка: { $header }
header-mapping-no-period = в сопоставлении нет периода: укажите столбец периода или выберите отдельный столбец на каждый период; столбцы заголовка: { $header }
header-mapping-no-period-columns = в сопоставлении — отдельный столбец на каждый период, но ни один столбец заголовка не месяц и не период вида "январь-июль 2018", "I квартал 2018", "1 кв. 2018", "I полугодие 2018", "9 месяцев 2018", "қаңтар-шілде 2018", "Jan-Jul 2018", "Q1 2018", "2018-Q1", "H1 2018", "9M 2018" или "2018-01..2018-07"; столбцы заголовка: { $header }
header-two-row-mapping-clash = строки { $first }–{ $last } — один заголовок из двух строк: потоки сверху, объединённые над столбцами периодов внизу, так что у каждого столбца периода свой поток; сопоставление указывает ещё и { $what ->
        [flow] поток, который этот заголовок уже задаёт: уберите поток
       *[other] столбец периода, который этот заголовок уже задаёт: уберите столбец периода
    } из сопоставления (выберите «один столбец на период»)
header-two-row-problem = строки { $first }–{ $last }, заголовок из двух строк: { $problem }
header-wide-problem = таблица с отдельным столбцом на каждый месяц: { $problem }
header-no-month-column = нет ни одного столбца с месяцем в заголовке (например, 2018-01, январь 2018 или Jan-18) или с более длинным периодом (например, январь-июль 2018, I квартал 2018 или Q1 2018)
header-no-value-column = нет столбца стоимости
header-no-period = нет периода: укажите столбец периода или выберите «отдельный столбец на каждый месяц»
header-no-flow = нет направления: укажите столбец направления или задайте экспорт, импорт или товарооборот для всех строк (в окне или параметром --set flow=export)
header-no-column-for = в заголовке нет столбца { $column } для поля «{ $field }»
header-bad-flow = направление { $found } — не экспорт, импорт или товарооборот

## Книги Excel
workbook-damaged = книга повреждена: программа чтения Excel не смогла её прочитать
workbook-bad-zip = zip-архив, который не удаётся открыть: { $error }
workbook-too-big = книга распаковывается в { $size } МБ, больше допустимых { $max } МБ
workbook-not-xlsx = не удаётся прочитать как книгу Excel (XLSX): { $error }
workbook-not-xls = не удаётся прочитать как книгу Excel (XLS): { $error }
workbook-no-sheets = в книге нет листов
workbook-no-sheet = листа { $name } нет; листы книги: { $sheets }
workbook-sheet-empty = лист «{ $name }» пуст
workbook-sheet-unreadable = лист «{ $name }» не удаётся прочитать: { $error }
workbook-too-many-cells = в книге больше { $max } ячеек
xls-past-end = { $what }: сектор { $sector } за пределами файла
xls-loops = { $what }: цепочка секторов замыкается на себя
xls-missing-sector = { $what }: продолжение в секторе { $sector }, которого нет в таблице размещения
xls-mini-past-end = поток книги в мини-секторе { $sector }, за пределами мини-потока
xls-mini-missing = поток книги продолжается в мини-секторе { $sector }, которого нет в таблице мини-секторов
xls-table-loops = { $what }: замыкается на себя в секторе { $sector }
xls-table-bad-link = { $what }: ссылка из сектора { $sector } на сектор { $next }, которого нет
xls-part-sat = таблица размещения секторов
xls-part-sat-index = индекс таблицы размещения секторов
xls-part-directory = каталог
xls-part-mini-stream = мини-поток
xls-part-mini-sat = таблица размещения мини-секторов
xls-part-workbook = поток книги

## Сопоставление столбцов в командной строке (--map, --set)
map-not-field-value = { $part } не имеет вида поле=значение (поля: period, flow, reporter, partner, commodity, value, unit)
map-unknown-field = неизвестное поле { $field }; поля: period, flow, reporter, partner, commodity, value, unit
map-needs-value = { $field }= требует значения
map-needs-column = { $field } должно браться из столбца (--map), а не из --set

## Рабочие области
workspace-cannot-read = { $path }: не удаётся прочитать рабочую область: { $error }
workspace-too-large = { $path }: файл рабочей области занимает { $size } МБ, больше допустимых { $max } МБ
workspace-parse = { $path }: строка { $line }, позиция { $column }: { $message }
workspace-too-new = { $path }: версия схемы этой рабочей области — { $found }, новее версии { $supported }, которую читает этот tradedash; откройте её более новой версией tradedash (файл не изменён)
workspace-not-utf8 = не текст в UTF-8: { $error }
workspace-untitled = Рабочая область без названия
write-not-a-file-name = это не имя файла
write-failed = { $path }: не удаётся записать файл: { $error }
