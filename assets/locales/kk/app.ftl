# Терезе: мәзірлер, қойындылар, күй жолағы, хабарлар, диалогтар, жұмысты жоғалтудан қорғау.

app-title = { $workspace }{ $file ->
        [none] {""}
       *[other] { " — " }{ $file }
    }{ $unsaved ->
        [yes] { " •" }
       *[no] {""}
    } — tradedash

## Қойындылар
tab-chart = Айлық сауда
tab-targets = Мақсаттар
tab-visit = Сапар

## Мәзірлер
menu-file = Файл
menu-file-new = Жаңа жұмыс кеңістігі
menu-file-open-data = Деректерді ашу…
menu-file-open-workspace = Жұмыс кеңістігін ашу…
menu-file-open-recent = Соңғы файлдар
menu-file-open-example = Кірістірілген мысалды ашу
menu-file-save = Жұмыс кеңістігін сақтау
menu-file-save-as = Жұмыс кеңістігін басқаша сақтау…
menu-file-export-brief = Сапар анықтамасын экспорттау…
menu-file-quit = Шығу
menu-edit = Өңдеу
menu-edit-undo = Болдырмау
menu-edit-redo = Қайталау
menu-chart = График
menu-chart-export-png = PNG-ге экспорттау…
menu-chart-export-csv = CSV-ге экспорттау…
menu-itinerary = Сапар бағдарламасы
menu-itinerary-save-ics = Бағдарламаны iCalendar ретінде сақтау…
menu-itinerary-export-png = Бағдарламаны PNG-ге экспорттау…
menu-view = Көрініс
menu-view-import-report = Импорт есебі
menu-view-language = Тіл
menu-view-theme-system = Жүйелік
menu-view-theme-light = Ашық
menu-view-theme-dark = Қараңғы

## Файл таңдау диалогтары
dialog-open-data = Сауда деректерін ашу
dialog-filter-data = Сауда деректері мен жұмыс кеңістіктері
dialog-filter-all = Барлық файлдар
dialog-open-workspace = Жұмыс кеңістігін ашу
dialog-filter-workspace = tradedash жұмыс кеңістігі
dialog-save-workspace = Жұмыс кеңістігін басқаша сақтау
dialog-export-png = Графикті PNG-ге экспорттау
dialog-filter-png = PNG суреті
dialog-save-ics = Сапар бағдарламасын iCalendar ретінде сақтау
dialog-filter-ics = iCalendar
dialog-export-csv = Кестені CSV-ге экспорттау
dialog-filter-csv = CSV
dialog-export-brief = Анықтаманы PDF ретінде экспорттау
dialog-filter-pdf = PDF

## Жұмыс үстелінде файл таңдау диалогы болмағанда жолды енгізу
path-open-title = Файлды жолы бойынша ашу
path-open-prompt = CSV деректер файлының немесе .ron жұмыс кеңістігінің жолы:
path-open-button = Ашу
path-save-title = Жұмыс кеңістігін жол бойынша сақтау
path-save-prompt = Жазылатын .ron файлының жолы:
path-save-button = Сақтау
path-export-title = PNG-ді жол бойынша экспорттау
path-export-prompt = Жазылатын .png файлының жолы:
path-export-button = Экспорттау
path-brief-title = Анықтаманы жол бойынша экспорттау
path-brief-prompt = Жазылатын .pdf файлының жолы:
path-no-dialog = Бұл жұмыс үстелінде файл таңдау диалогы жоқ. Жазылатын жолды енгізіңіз.
path-no-dialog-open = Бұл жұмыс үстелінде файл таңдау диалогы жоқ. Жолды енгізіңіз, файлды терезеге сүйреп әкеліңіз немесе оны пәрмен жолында көрсетіңіз.
path-no-dialog-ics = Бұл жұмыс үстелінде файл таңдау диалогы жоқ: «Күнтізбе файлы» өрісіне жолды енгізіп, «.ics сақтау» батырмасын басыңыз немесе `tradedash export-ics` командасын қолданыңыз.
path-no-dialog-visit-png = Бұл жұмыс үстелінде файл таңдау диалогы жоқ: бағдарлама суретін `tradedash export-visit-png` командасымен сақтауға болады.

## Күй жолағы
status-ready = Дайын. CSV ашыңыз (Ctrl+O), файлды терезеге сүйреп әкеліңіз немесе мысалды қараңыз.
status-import-report = Импорт есебі
status-loading = { $file } жүктелуде — { $size }, { $rows }
status-loading-of = { $done } / { $total }
status-rows = { $count } жол
status-size-kb = { $size } КБ
status-size-mb = { $size } МБ
status-cancel = Бас тарту
    .tooltip = Жүктеуді тоқтату; көрсетілген деректер өзгермейді
status-cancelling = Тоқтатылуда…
status-working = Орындалуда
status-updating = Жаңартылуда…
    .tooltip = Жаңа таңдау бойынша көрсеткіштер есептелуде; графикте әзірге бұрынғылары

## Хабарлар
notice-problem = Мәселе
notice-ok = ОК
notice-example-opened = Кірістірілген «Брест облысы – Қазақстан» жұмыс кеңістігі ашылды (жарияланған сандар)
notice-load-replaced = { $old } жүктеуі тоқтатылды: оның орнына { $new } ашылуда
notice-load-not-started = Жүктеуді бастау мүмкін болмады: { $error }
notice-load-cancelled = Жүктеу тоқтатылды: { $file }. Көрсетілген деректер өзгерген жоқ.
notice-workspace-opened = Жұмыс кеңістігі ашылды: { $path }
notice-needs-mapping = { $path }: «Бағандарды сәйкестендіру» терезесінде бағандарды таңдаңыз. Көрсетілген деректер өзгерген жоқ.
notice-open-failed = { $error }. { $what ->
        [workspace] Көрсетілген жұмыс кеңістігі өзгерген жоқ.
       *[data] Көрсетілген деректер өзгерген жоқ.
    }
notice-loaded-sheets = { $summary } — парақтар саны: { $count }; басқасын импорт есебінен таңдауға болады
notice-data-label = { $file }{ $sheet ->
        [none] {""}
       *[other] , «{ $sheet }» парағы
    } ({ $format })
notice-workspace-saved = Жұмыс кеңістігі сақталды: { $path }
notice-write-failed = { $error }. Бұрынғы файл өзгерген жоқ.
notice-nothing-written = { $error }. Файл жазылған жоқ.
notice-table-exported = Кесте экспортталды: { $path } ({ $rows } жол, { $columns } баған)
notice-no-visit = Экспорттайтын сапар жоқ
notice-no-such-visit = Мұндай сапар жоқ
notice-ics-no-name = Алдымен күнтізбе файлының атын енгізіңіз
notice-ics-saved = Сапар бағдарламасы сақталды: { $path } ({ $events } оқиға, iCalendar)
notice-not-on-screen-yet = { $what ->
        [chart] График әлі экранда емес; қайталап көріңіз
        [gauge] Индикатор әлі экранда емес; қайталап көріңіз
       *[itinerary] Сапар бағдарламасы әлі экранда емес; қайталап көріңіз
    }
notice-not-on-screen = { $what ->
        [chart] График экранда емес; ештеңе экспортталған жоқ
        [gauge] Индикатор экранда емес; ештеңе экспортталған жоқ
       *[itinerary] Сапар бағдарламасы экранда емес; ештеңе экспортталған жоқ
    }
notice-exported = { $what ->
        [chart] График экспортталды:
        [gauge] Индикатор экспортталды:
       *[itinerary] Сапар бағдарламасы экспортталды:
    } { $path } ({ $width }×{ $height } пикс.)
notice-no-target = { $target } мақсаты жоқ (жұмыс кеңістігіндегі мақсаттар саны: { $count })
notice-no-screenshot = бейнелеу модулінен экран суреті келмеді
notice-brief-exported = Анықтама экспортталды: { $path } ({ $pages } бет)

## Жұмысты жоғалтудан қорғау
guard-title = Өзгерістерді сақтау керек пе?
guard-body = «{ $title }» ішінде сақталмаған өзгерістер бар. Сақтамасаңыз, олар жоғалады.
guard-save = Сақтау
guard-dont-save = Сақтамау
guard-cancel = Бас тарту
recover-title = Сақталмаған жұмысты қалпына келтіру керек пе?
recover-body = Өткен жолы tradedash дұрыс жабылмады. «{ $title }» ішіндегі сақталмаған өзгерістер сақталып қалды.
recover-unreadable = Автосақтау файлы қалған, бірақ оны оқу мүмкін емес: { $error }
recover-file = Автосақтау файлы:
recover-recover = Қалпына келтіру
recover-discard = Жою
recover-copy-path = Жолды көшіру
recover-done = Сақталмаған жұмыс қалпына келтірілді. Жоғалтпау үшін оны сақтаңыз.
recover-failed = { $error }. Автосақтау файлы орнында қалдырылды.
recover-discarded = { $path } ішіндегі сақталмаған жұмыс жойылды
autosave-failed = автосақтау сәтсіз аяқталды: { $error }
autosave-no-thread = автосақтау ағыны іске қосылмады: { $error }
