# Сообщения командной строки (`tradedash summary`, `targets`, экспорт). Ошибки выводятся в
# stderr после «tradedash: »; вывод JSON и его ключи не переводятся.

cli-error = tradedash: { $message }
cli-unknown-measure = неизвестный показатель { $found }; допустимы: exports, imports, turnover, balance
cli-no-such-party = { $what ->
        [reporter] отчитывающейся страны { $found } нет в данных; есть: { $names }
       *[partner] партнёра { $found } нет в данных; есть: { $names }
    }
cli-mirror-needs-both = для --mirror нужны отчитывающаяся страна и партнёр, который в данных тоже отчитывается о торговле с ней
cli-no-months = в данных нет месяцев для выбора
cli-months-reversed = период начинается ({ $start }) позже, чем заканчивается ({ $end }); данные охватывают { $covers }
cli-no-data-in-range = нет данных за { $range }: данные охватывают { $covers }
cli-generated = { $path }: строк: { $rows } (из них импорт отложит { $aside }), байт: { $bytes }; СИНТЕТИЧЕСКИЕ данные
cli-generate-kept = { $path }: оставлен (уже записан с { $rows } строками, seed { $seed })
cli-map-error = --map/--set: { $error }
cli-no-data-folder = у пользователя нет папки данных: автосохранение отключено
cli-cannot-open-window = не удаётся открыть окно: { $error }
cli-built-in-example = встроенный пример
cli-no-visit = { $name }: нет визита для экспорта
cli-no-such-visit = { $name }: визитов — { $count }; визита { $number } нет
cli-ics-written = { $path } ({ $events ->
        [one] { $events } событие
        [few] { $events } события
       *[many] { $events } событий
    })
cli-no-target = цели { $number } нет; в рабочей области целей: { $count }
cli-not-exported = { $what ->
        [chart] график не экспортирован: { $error }
        [gauge] индикатор не экспортирован: { $error }
        [composition] структура торговли не экспортирована: { $error }
       *[itinerary] программа визита не экспортирована: { $error }
    }
cli-window-closed = { $what ->
        [chart] окно закрылось раньше, чем был экспортирован график
        [gauge] окно закрылось раньше, чем был экспортирован индикатор
        [composition] окно закрылось раньше, чем была экспортирована структура торговли
       *[itinerary] окно закрылось раньше, чем была экспортирована программа визита
    }
cli-visit-from-one = --visit считается с 1
cli-brief-not-written = справка не записана: { $error }

## `tradedash summary` и `tradedash targets` в текстовом виде
summary-data = Данные: { $label }
summary-sample = УСЛОВНЫЕ ДАННЫЕ: помесячная разбивка приведена для иллюстрации; опубликованы только итоги.
summary-built-in-targets = Цели встроенной рабочей области, рассчитанные по этим данным.
summary-read-as = прочитано как { $format }
summary-selection = отчитывающаяся страна: { $reporter }, партнёр: { $partner }{ $commodity ->
        [none] {""}
       *[other] , товар: { $commodity }
    }
summary-all = все
summary-and = { " " }и{ " " }
summary-not-in-file = нет в файле
summary-flows-unknown = { $flows }, товарооборот и сальдо в файле отсутствуют (неизвестны, а не равны нулю)
summary-rows = прочитано строк: { $read }, пропущено: { $skipped }, отложено: { $aside }
summary-set-aside = { "  " }отложено строк: { $rows } (первая — в строке { $line }): { $reason }
summary-note = { "  " }примечание: { $note }
summary-skipped = { "  " }пропущена строка { $line }: { $reason }
summary-skipped-column = { "  " }пропущена строка { $line }, столбец { $column }: { $reason }
summary-col-month = месяц
summary-col-exports = экспорт
summary-col-imports = импорт
summary-col-turnover = товарооборот
summary-col-balance = сальдо
summary-col-year = год
summary-col-months = месяцев
summary-unread = неполные данные: { $count ->
    [one] не прочитана { $count } строка
    [few] не прочитаны { $count } строки
   *[many] не прочитано { $count } строк
}
summary-no-figure = нет данных
cli-no-sample-split = --sample-split: у этих данных нет иллюстративной помесячной разбивки (она есть только у встроенного примера)
