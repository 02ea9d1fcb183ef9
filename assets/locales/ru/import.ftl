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
note-unit-default = единица не указана: значения прочитаны в долларах США
note-unit-from-title = значения в { $unit } («{ $text }»): умножены на { $factor }
note-unit-given = значения в { $unit } (указано: { $text })
note-value-unit = все значения прочитаны в { $unit }, как указано в: { $where }
note-value-unit-header = заголовок столбца стоимости
note-value-unit-mapping = сопоставление столбцов
note-column-year-total = столбец «{ $column }» не использован: это итог за месяцы года, которые прочитаны
note-columns-not-months = { $count ->
        [one] Не использован столбец
       *[other] Не использованы столбцы
    } (не месяцы): { $columns }
note-no-name = в файле не указано: { $what }; показано как «({ $what } не указано)»
note-not-given = ({ $what } не указано)
note-one-commodity = во всех строках товар { $code }
unit-usd = долларах США
unit-thousand = тысячах долларов США
unit-million = миллионах долларов США
unit-billion = миллиардах долларов США
party-all-countries = все страны

## Отложенные строки (в файле есть их итог)
aside-flow-detail = реэкспорт, реимпорт и другие детали направления (входят в итог X/M)
aside-customs = разбивка по таможенным процедурам (используется итог C00)
aside-transport = разбивка по видам транспорта (используется итог motCode 0)
aside-partner2 = разбивка по второму партнёру (используется итог partner2)

## Почему строка пропущена
row-empty-field = поле «{ $what }» пустое
row-bad-unit = ожидалась единица вроде USD или тыс. долл. США, найдено { $found }
row-too-large = { $found } больше любого торгового показателя (свыше $1 квадриллиона)
row-negative = стоимость не может быть отрицательной, найдено { $found }
row-not-number = ожидалось число, найдено { $found }
row-value-empty = стоимость не указана
row-not-number-of = ожидалось число в { $unit }, найдено { $found }
row-bad-flow = ожидалось export, import или turnover, найдено { $found }
row-bad-flow-code = ожидался flowCode вроде X или M, найдено { $found }
row-bad-flow-legacy = ожидалось Export или Import, найдено { $found }
row-bad-flow-word = ожидалось экспорт, импорт или товарооборот (export, import, turnover), найдено { $found }
row-bad-month = ожидался месяц в виде ГГГГ-ММ (например, 2018-07), найдено { $found }
row-bad-month-word = ожидался месяц вроде 2018-07, январь 2018 или Jan-18, найдено { $found }
row-bad-year = ожидался год вроде 2018, найдено { $found }
row-bad-period = ожидался период вроде 201807 в { $year } году, найдено { $found }
row-bad-unit-word = единица { $found } — не usd, thousand или million (долларов США)
row-not-dollars = значения не в долларах США ({ $unit }… в { $found })
row-too-wide = в строке { $count } столбцов (допускается не более { $max })
row-not-csv = некорректный CSV: { $error }
row-line-too-long = длина строки { $size } МБ (допускается не более { $max } МБ)
row-wide-cell = ячейка в столбце { $column } (читаются не более { $max } столбцов)

## Почему файл не принят
file-cannot-read = { $file }: не удаётся прочитать файл: { $error }
file-too-large = { $file }: размер файла { $size } МБ; файлы больше { $max } МБ не читаются
file-oversized = { $file }: строка { $line }: { $what }; такую таблицу tradedash не читает
file-empty = { $file }: файл пуст
file-reason = { $file }: { $reason }
file-unknown-header = { $file }: строка { $line }: такой заголовок tradedash не знает. Ожидались длинный формат (period,reporter,partner,flow,commodity,value_usd), выгрузка UN Comtrade (refYear, flowCode, primaryValue, …), выгрузка Comtrade старого формата (Year, Trade Flow, Trade Value (US$), …) или отдельный столбец на каждый месяц; найдено: { $found }. Выберите столбцы в окне или задайте их параметрами --map и --set
file-incomplete = { $file }: строка { $line }: { $problem }
file-cancelled = { $file }: загрузка отменена; ничего не изменилось
file-no-usable-rows = { $file }: нет пригодных строк (прочитано: { $read }, пропущено: { $skipped }){ $first ->
        [none] {""}
       *[other] ; первая: { $first }
    }
file-grew = файл увеличился сверх допустимого размера во время чтения
file-opened-unreadable = { $file }: открыт, но данные прочитать не удалось: { $error }
header-missing-column = в заголовке ({ $format }) нет столбца { $column }
header-mapping-unknown-columns = в сопоставлении { $count ->
        [one] указан столбец { $columns }, которого
       *[other] указаны столбцы { $columns }, которых
    } нет в заголовке; столбцы заголовка: { $header }
header-wide-problem = таблица с отдельным столбцом на каждый месяц: { $problem }
header-no-month-column = нет ни одного столбца с месяцем в заголовке (например, 2018-01, январь 2018 или Jan-18)
header-no-value-column = нет столбца стоимости
header-no-period = нет периода: укажите столбец периода или выберите «отдельный столбец на каждый месяц»
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
