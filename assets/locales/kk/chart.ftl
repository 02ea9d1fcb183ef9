# «График» қойындысы: көріністер, көрсеткіштер, негізгі көрсеткіштер жолы, график, кесте,
# оқиғалар және бүйірлік панельдегі сүзгілер.

## Көрсеткіштер
measure-exports = Экспорт
measure-imports = Импорт
measure-turnover = Тауар айналымы
measure-balance = Сальдо

## Көріністер: атаулары және график тақырыбында не айтылады
view-monthly = Айлар бойынша
view-yoy = Өсу қарқыны, %
view-ytd = Жыл басынан
view-rolling = Жылжымалы 12 ай
view-annual = Жылдар бойынша
view-title-monthly = айлық сауда
view-title-yoy = өткен жылдың сәйкес айына қарағанда, %
view-title-ytd = жыл басынан бергі сауда
view-title-rolling = соңғы 12 айдағы сауда
view-title-annual = жылдық сауда

## График тақырыбы
chart-title = { $reporter } – { $partner }: { $what }{ $details }
chart-title-mirror = { $reporter } – { $partner }, екі тараптың деректері: { $what }{ $details }
chart-title-compare = { $reporter } – { $partner }, { $others }: { $what } ({ $measure }){ $details }
chart-title-commodity = , СЭҚ ТН { $code }
chart-all-reporters = Барлық есеп берушілер
chart-all-partners = Барлық серіктестер
chart-sample-note = Шартты деректер: жарияланған қорытындылардың айлар бойынша бөлінуі мысал ретінде берілген
chart-no-data = Бұл таңдау бойынша деректер жоқ.
chart-window-too-small = Кесте мен оқиғаларды көру үшін терезенің биіктігін үлкейтіңіз.
chart-open-import-report = Импорт есебін ашу

## Басқару элементтері
chart-lines = Сызықтар
chart-bars = Бағандар
chart-stacked = Жинақталған
chart-reset-zoom = Масштабты қалпына келтіру
    .tooltip = Немесе графикті екі рет шертіңіз
chart-export-png = PNG-ге экспорттау…
chart-table-and-events = Кесте және оқиғалар
chart-mirror = Айна статистикасы
    .tooltip = Есеп беруші елді және онымен саудасы туралы да есеп беретін серіктесті таңдаңыз
    .explain = Есеп беретін елдің экспорты серіктестің одан импортымен салыстырылады (және керісінше), айырмашылығымен бірге. Өз деректері файлда бар есеп беретін ел мен серіктес қажет.
chart-from = Бастап
chart-to = дейін
chart-all-months = Барлық айлар

## Негізгі көрсеткіштер жолы
kpi-ytd-caption = Жыл басынан, { $measure }
kpi-latest-caption = Соңғы ай, { $measure }
kpi-balance-caption = Сальдо (экспорт − импорт)
kpi-headline = { $range } тауар айналымы: { $value }, өткен жылдың сәйкес кезеңіне ({ $previous }) қарағанда { $change }
kpi-headline-no-previous = { $range } тауар айналымы: { $value } (салыстыру үшін { $previous } бойынша толық деректер жоқ)
kpi-headline-measure = { $range } { $measure }: { $value }{ $change ->
        [none] {""}
       *[other] , өткен жылдың сәйкес кезеңіне ({ $previous }) қарағанда { $change }
    }
kpi-left-out = { " " }екі жылда да деректері бар { $count } ай бойынша (есепке алынбаған: { $months })
kpi-missing-flow = ; { $flow }, тауар айналымы және сальдо файлда жоқ
kpi-latest = { $month }: { $value }, өткен жылдың сәйкес айына ({ $previous }) қарағанда { $change }
kpi-latest-no-previous = { $month }: { $value }
kpi-balance = { $range } сальдо: { $value }

## График және кеңестер
plot-hover = { $series }
    { $period }: { $value }
plot-hover-yoy = Өткен жылға қарағанда: { $change }
plot-hover-share = Тауар айналымындағы үлесі: { $share }
plot-events = Оқиғалар

## Қатарлар және кесте бағандары
series-yoy = { $name }, өткен жылға қарағанда %
series-ytd-yoy = { $name } жыл басынан, өткен жылға қарағанда %
series-ytd = { $name } жыл басынан
series-ytd-year-earlier = { $name } жыл басынан, бір жыл бұрын
series-rolling = { $name }, 12 ай
series-mirror-reporter-exports = Экспорт: { $reporter }
series-mirror-partner-imports = Импорт: { $partner }, { $reporter } елінен
series-mirror-reporter-imports = Импорт: { $reporter }
series-mirror-partner-exports = Экспорт: { $partner }, { $reporter } еліне
series-gap-exports = Экспорт бойынша алшақтық
series-gap-imports = Импорт бойынша алшақтық
year-basis-annual-record = жылдық жазба
year-basis-full = 12 ай
year-basis-span = { $first }–{ $last }, { $count } ай
year-basis-with-derived = { $basis }, { $derived } — есептелген
year-basis-one = { $month }, 1 ай
year-basis-months = { $count } ай
year-with-basis = { $year } ({ $basis })

## Кесте
table-heading = График негізіндегі сандар
table-sort-hint = сұрыптау үшін тақырыпты шертіңіз
table-export-csv = CSV-ге экспорттау…
table-columns = Бағандар
    .tooltip = Көрсетілетін бағандарды таңдау; «CSV-ге экспорттау…» барлық бағанды жазады
table-columns-hidden = Бағандар ({ $count } жасырылған)
table-column-empty = { $name } (деректер жоқ)
table-period = Кезең
# Кесте бағанының тақырыбындағы көрсеткіш: сөз ұзын болса, қысқа түрі («Айналым» — тауар айналымы).
table-measure-exports = Экспорт
table-measure-imports = Импорт
table-measure-turnover = Айналым
table-month-span = { $year } ж. { $first }–{ $last }
table-measure-balance = Сальдо
table-sorted-desc = { $name } (кему бойынша)
table-sorted-asc = { $name } (өсу бойынша)
table-incomplete = Толық емес
    .tooltip = Осы кезеңнің оқылмаған немесе басқа жолдармен қайшы келетін жолдары: көрсеткіштері толық емес. Толығырақ — импорт есебінде.
table-rows-unread = { $count } жол оқылмады

## Уақыт шкаласындағы оқиғалар
events-heading = Уақыт шкаласындағы оқиғалар
events-add = Оқиға қосу
events-none = Әзірге оқиғалар жоқ.
events-edit = Оқиғаны өзгерту
events-delete = Оқиғаны жою
events-new = Жаңа оқиға
events-date = Күні
events-date-hint = 2018-09-11 немесе 2018-11
events-until = Дейін
events-until-hint = міндетті емес
events-what = Не болды
events-save = Оқиғаны сақтау
events-cancel = Бас тарту
events-date-error = Күні: { $error }
events-until-error = Дейін: { $error }
events-until-before = Аяқталу күні басталу күнінен бұрын
events-what-missing = Не болғанын жазыңыз

## Бүйірлік панель
sidebar-selection = Таңдау
sidebar-reporter = Есеп беруші
sidebar-partner = Серіктес
sidebar-all-reporters = Барлық есеп берушілер
sidebar-all-partners = Барлық серіктестер
sidebar-commodity = Тауар (СЭҚ ТН)
sidebar-commodity-hint = барлығы; коды немесе атауы
sidebar-levels-all = Барлық деңгейлер
sidebar-levels-chapters = Топтар
sidebar-levels-headings = Тауар позициялары
sidebar-no-commodity = Тауар табылмады
sidebar-more-commodities = … және тағы { $count }: атауын немесе кодын толығырақ жазыңыз
sidebar-compare = Басқа серіктестермен салыстыру ({ $count })
sidebar-data = Деректер
sidebar-sample-banner = ШАРТТЫ ДЕРЕКТЕР: айлар бойынша бөліну мысал ретінде берілген; тек қорытындылар жарияланған.
sidebar-no-data = Деректер жүктелмеген
sidebar-rows = { $count } жол

## Periods longer than a month (issue 14)
view-quarterly = Тоқсандар бойынша
view-title-quarterly = тоқсандық сауда
# Beside a published growth rate that differs from the one computed from the figures by more than 0.1 point.
chart-published-differs = есептеуден өзгеше

## Incomplete periods (rows that could not be read)
chart-incomplete-rows = толық емес: { $count ->
        [one] осы кезеңнің { $count } жолын оқу мүмкін болмады
       *[other] осы кезеңнің { $count } жолын оқу мүмкін болмады
    }
chart-incomplete-ytd = Жыл басынан ({ $range })
chart-incomplete-latest = Соңғы ай ({ $month })

## Published spans and quarters
series-ytd-published = { $name } жыл басынан, жарияланған
series-ytd-yoy-published = { $name } жыл басынан, өткен жылға қарағанда %, жарияланған
series-yoy-published = { $name }, өткен жылға қарағанда %, жарияланған
table-quarter = { $year } ж. { $quarter }-тоқсан
table-derived = { $label } (есептелген)

# Файлдың кейбір жолдарын пайдалану мүмкін болмағанда графиктің үстіндегі ескерту.
chart-banner-rows = { $file } файлынан оқылған { $read } жолдың { $missing } жолын пайдалану мүмкін болмады
chart-banner-conflict = ({ $conflicts } жол кілті бірдей басқа жолға қайшы келеді)
chart-banner-both = ({ $skipped } жол оқылмады, { $conflicts } жол қайшы келеді)
chart-banner-shown = олардың { $shown } жолы көрсетілген кезеңдерге түседі, бұл кезеңдер толық емес деп белгіленген.
chart-banner-none-shown = олардың ешқайсысы көрсетілген кезеңдерге түспейді.
