# Окно: меню, вкладки, строка состояния, уведомления, диалоги, защита от потери работы.

app-title = { $workspace }{ $file ->
        [none] {""}
       *[other] { " — " }{ $file }
    }{ $unsaved ->
        [yes] { " •" }
       *[no] {""}
    } — tradedash

## Вкладки
tab-chart = Помесячная торговля
tab-targets = Цели
tab-visit = Визит

## Меню
menu-file = Файл
menu-file-new = Новая рабочая область
menu-file-open-data = Открыть данные…
menu-file-open-workspace = Открыть рабочую область…
menu-file-open-recent = Недавние файлы
menu-file-open-example = Открыть встроенный пример
menu-file-save = Сохранить рабочую область
menu-file-save-as = Сохранить рабочую область как…
menu-file-export-brief = Экспорт справки к визиту…
menu-file-quit = Выход
menu-edit = Правка
menu-edit-undo = Отменить
menu-edit-redo = Повторить
menu-chart = График
menu-chart-export-png = Экспорт в PNG…
menu-chart-export-csv = Экспорт в CSV…
menu-itinerary = Программа визита
menu-itinerary-save-ics = Сохранить программу в iCalendar…
menu-itinerary-export-png = Экспорт программы в PNG…
menu-view = Вид
menu-view-import-report = Отчёт об импорте
menu-view-language = Язык
menu-view-theme-system = Системная
menu-view-theme-light = Светлая
menu-view-theme-dark = Тёмная

## Диалоги выбора файла
dialog-open-data = Открыть данные о торговле
dialog-filter-data = Данные о торговле и рабочие области
dialog-filter-all = Все файлы
dialog-open-workspace = Открыть рабочую область
dialog-filter-workspace = Рабочая область tradedash
dialog-save-workspace = Сохранить рабочую область как
dialog-export-png = Экспорт графика в PNG
dialog-filter-png = Изображение PNG
dialog-save-ics = Сохранить программу визита в iCalendar
dialog-filter-ics = iCalendar
dialog-export-csv = Экспорт таблицы в CSV
dialog-filter-csv = CSV
dialog-export-brief = Экспорт справки в PDF
dialog-filter-pdf = PDF

## Ввод пути, когда на рабочем столе нет диалога выбора файла
path-open-title = Открыть файл по пути
path-open-prompt = Путь к файлу данных CSV или рабочей области .ron:
path-open-button = Открыть
path-save-title = Сохранить рабочую область по пути
path-save-prompt = Путь к файлу .ron для записи:
path-save-button = Сохранить
path-export-title = Экспорт PNG по пути
path-export-prompt = Путь к файлу .png для записи:
path-export-button = Экспортировать
path-brief-title = Экспорт справки по пути
path-brief-prompt = Путь к файлу .pdf для записи:
path-no-dialog = На этом рабочем столе нет диалога выбора файла. Введите путь для записи.
path-no-dialog-open = На этом рабочем столе нет диалога выбора файла. Введите путь, перетащите файл в окно или укажите его в командной строке.
path-no-dialog-ics = На этом рабочем столе нет диалога выбора файла: введите путь в поле «Файл календаря» и нажмите «Сохранить .ics» или воспользуйтесь командой `tradedash export-ics`.
path-no-dialog-visit-png = На этом рабочем столе нет диалога выбора файла: сохранить изображение программы визита можно командой `tradedash export-visit-png`.

## Строка состояния
status-ready = Готово. Откройте CSV (Ctrl+O), перетащите файл в окно или изучите пример.
status-import-report = Отчёт об импорте
status-loading = Загрузка { $file } — { $size }, { $rows }
status-loading-of = { $done } из { $total }
status-rows = { $count ->
        [one] { $count } строка
        [few] { $count } строки
       *[many] { $count } строк
    }
status-size-kb = { $size } КБ
status-size-mb = { $size } МБ
status-cancel = Отмена
    .tooltip = Остановить загрузку; показанные данные останутся как есть
status-cancelling = Отмена…
status-working = Выполняется
status-updating = Обновление…
    .tooltip = Рассчитываются показатели для новой выборки; на графике пока прежние

## Уведомления
notice-problem = Проблема
notice-ok = ОК
notice-example-opened = Открыта встроенная рабочая область «Брестская область – Казахстан» (опубликованные цифры)
notice-load-replaced = Загрузка { $old } отменена: открывается { $new }
notice-load-not-started = Не удалось начать загрузку: { $error }
notice-load-cancelled = Загрузка отменена: { $file }. Показанные данные не изменились.
notice-workspace-opened = Открыта рабочая область { $path }
notice-needs-mapping = { $path }: выберите столбцы в окне «Сопоставление столбцов». Показанные данные не изменились.
notice-open-failed = { $error }. { $what ->
        [workspace] Показанная рабочая область не изменилась.
       *[data] Показанные данные не изменились.
    }
notice-loaded-sheets = { $summary } — листов: { $count }; другой можно выбрать в отчёте об импорте
notice-data-label = { $file }{ $sheet ->
        [none] {""}
       *[other] , лист «{ $sheet }»
    } ({ $format })
notice-workspace-saved = Рабочая область сохранена: { $path }
notice-write-failed = { $error }. Прежний файл не изменился.
notice-nothing-written = { $error }. Файл не записан.
notice-table-exported = Таблица экспортирована: { $path } ({ $rows ->
        [one] { $rows } строка
        [few] { $rows } строки
       *[many] { $rows } строк
    }, { $columns ->
        [one] { $columns } столбец
        [few] { $columns } столбца
       *[many] { $columns } столбцов
    })
notice-no-visit = Нет визита для экспорта
notice-no-such-visit = Такого визита нет
notice-ics-no-name = Сначала введите имя файла календаря
notice-ics-saved = Программа визита сохранена: { $path } ({ $events ->
        [one] { $events } событие
        [few] { $events } события
       *[many] { $events } событий
    }, iCalendar)
notice-not-on-screen-yet = { $what ->
        [chart] График ещё не на экране; попробуйте снова
        [gauge] Индикатор ещё не на экране; попробуйте снова
       *[itinerary] Программа визита ещё не на экране; попробуйте снова
    }
notice-not-on-screen = { $what ->
        [chart] График не на экране; ничего не экспортировано
        [gauge] Индикатор не на экране; ничего не экспортировано
       *[itinerary] Программа визита не на экране; ничего не экспортировано
    }
notice-exported = { $what ->
        [chart] График экспортирован:
        [gauge] Индикатор экспортирован:
       *[itinerary] Программа визита экспортирована:
    } { $path } ({ $width }×{ $height } пикс.)
notice-no-target = цели { $target } нет (в рабочей области целей: { $count })
notice-no-screenshot = снимок экрана от модуля отрисовки не получен
notice-brief-exported = Справка экспортирована: { $path } ({ $pages ->
        [one] { $pages } страница
        [few] { $pages } страницы
       *[many] { $pages } страниц
    })

## Защита от потери работы
guard-title = Сохранить изменения?
guard-body = В «{ $title }» есть несохранённые изменения. Если не сохранить, они будут потеряны.
guard-save = Сохранить
guard-dont-save = Не сохранять
guard-cancel = Отмена
recover-title = Восстановить несохранённую работу?
recover-body = В прошлый раз tradedash завершился некорректно. Несохранённые изменения в «{ $title }» сохранены.
recover-unreadable = Осталась автосохранённая копия, но её не удаётся прочитать: { $error }
recover-file = Файл автосохранения:
recover-recover = Восстановить
recover-discard = Удалить
recover-copy-path = Скопировать путь
recover-done = Несохранённая работа восстановлена. Сохраните её, чтобы не потерять.
recover-failed = { $error }. Файл автосохранения оставлен на месте.
recover-discarded = Несохранённая работа в { $path } удалена
autosave-failed = автосохранение не удалось: { $error }
autosave-no-thread = поток автосохранения не запустился: { $error }
