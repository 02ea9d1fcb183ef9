# Деректер файлдарын оқу: импорт есебі, бағандарды сәйкестендіру терезесі және жолдың өткізіліп
# жіберілуінің немесе файлдың қабылданбауының барлық себептері.

## Пішімдер
format-long = tradedash ұзын кестесі
format-comtrade = UN Comtrade
format-comtrade-legacy = UN Comtrade (ескі пішім)
format-wide = әр айға бөлек бағаны бар кесте
format-mapped = бағандар қолмен сәйкестендірілген
source-excel-unicode = Excel-дің Юникод мәтіні ({ $encoding })
source-tsv = табуляциямен бөлінген мәтін, { $encoding }
source-csv = CSV, { $encoding }
source-sheet = { $workbook }, «{ $sheet }» парағы
delimiter-tab = табуляция
delimiter-semicolon = нүктелі үтір
delimiter-comma = үтір

## Импорт есебі терезесі
report-title = Импорт есебі
report-read-as = { $format } · { $source }{ $delimiter ->
        [none] {""}
       *[other] { " · " }бөлгіш: { $delimiter }
    } · тақырып { $line }-жолда
report-counts = Оқылған жолдар: { $read }; пайдаланылды: { $used }, өткізілді: { $skipped }, бөлек қойылды: { $aside }
report-kept-heading = Қабылданған деректердің қорытындылары (барлық есеп берушілер мен серіктестер)
report-set-aside-heading = Екі рет есептемеу үшін бөлек қойылды
report-set-aside-row = { $count } жол (біріншісі { $line }-жолда): { $reason }
report-skipped-heading = Өткізілді
report-col-year = жыл
report-col-exports = экспорт
report-col-imports = импорт
report-col-turnover = тауар айналымы
report-col-months = ай
report-not-in-file = файлда жоқ
report-and-more = … және тағы { $count }
report-sheet = Парақ
report-sheets-hint = Парақтар саны: { $count }; парақты таңдағанда файл сол парақтан қайта оқылады
report-summary = { $file }: пайдаланылған жолдар: { $used }, өткізілді: { $skipped }, бөлек қойылды: { $aside } ({ $format }, { $source })
import-rows = { $count } жол
skipped-at-line = { $line }-жол: { $reason }
skipped-at-line-column = { $line }-жол, «{ $column }» бағаны: { $reason }

## Бағандарды сәйкестендіру терезесі
mapping-title = Бағандарды сәйкестендіру
mapping-field-period = Кезең
mapping-field-flow = Бағыт
mapping-field-reporter = Есеп беруші
mapping-field-partner = Серіктес
mapping-field-commodity = Тауар
mapping-field-value = Құны
mapping-field-unit = Өлшем бірлігі
mapping-column = «{ $column }» бағаны
mapping-fixed = барлық жолдар үшін бір мән
mapping-months = әр айға бөлек баған
mapping-header-line = Тақырып { $line }-жолда{ $sheet ->
        [none] {""}
       *[other] { " " }(«{ $sheet }» парағы)
    }. Әр өрістің қайдан алынатынын таңдаңыз; үлгіде алғашқы жолдардың неге айналатыны көрінеді.
mapping-title-row = Кесте атауы: { $title }
mapping-flow-hint = экспорт, импорт немесе тауар айналымы
mapping-unit-hint = usd, thousand немесе million
mapping-name-hint = атауы
mapping-col-line = жол
mapping-col-period = кезең
mapping-col-flow = ағын
mapping-col-reporter = есеп беретін ел
mapping-col-partner = серіктес
mapping-col-commodity = тауар
mapping-col-value = құны
mapping-value-of = { $field }: мәні
mapping-remember = Осындай тақырыбы бар файлдар үшін есте сақтау (жұмыс кеңістігінде сақталады)
mapping-preview = Үлгі
mapping-still-to-choose = Әлі таңдалмағаны: { $fields }
mapping-import = Импорттау
mapping-cancel = Бас тарту
mapping-no-values = бұл жолда мәндер жоқ
mapping-more-values = … бұл жолда тағы { $count } мән
mapping-skipped = өткізілді: { $reason }
mapping-set-aside = бөлек қойылды: { $reason }

## Файл қалай оқылды
note-title-rows = Кесте тақырыбының үстіндегі { $count } атау жолы өткізілді ({ $line }-жол{ $more })
note-remembered-mapping = осы тақырып үшін есте сақталған бағандар сәйкестендіруімен оқылды
note-two-row-header = { $first }–{ $last } жолдар бір тақырып ретінде оқылды: бағыттар жоғарыда, кезеңдер төменде
note-flows-above = бағыттар тақырыптың жоғарғы жолынан, кезең бағандарының үстінен оқылды
note-unit-default = өлшем бірлігі көрсетілмеген: мәндер АҚШ долларымен оқылды
note-unit-from-title = мәндер { $unit } («{ $text }»): { $factor } санына көбейтілді
note-unit-given = мәндер { $unit } (көрсетілгені: { $text })
note-value-flow = барлық мәндер { $flow ->
        [export] экспорт
        [import] импорт
       *[other] тауар айналымы
    } ретінде оқылды, мұны { $place } көрсетеді
note-flow-in-header = құн бағанының тақырыбы
note-flow-in-title = кесте атауы
note-column-year-total = «{ $column }» бағаны пайдаланылмады: бұл оқылған айлардың жылдық қорытындысы
note-growth-column = «{ $column }» бағаны «{ $value }» үшін жарияланған өсу қарқыны ретінде оқылды (118,6 = +18,6%)
note-columns-not-months = Пайдаланылмаған бағандар (ай емес, { $count }): { $columns }
note-no-name = файлда { $what ->
        [reporter] есеп беруші
       *[partner] серіктес
    } көрсетілмеген: «{ $name }» деп берілді
note-one-commodity = барлық жолдарда { $code } тауары
note-sheet-read = { $count } парақтың ішінен «{ $name }» парағы оқылды ({ $sheets }); басқасын импорт есебіндегі «Парақ» өрісінде немесе --sheet параметрімен таңдауға болады
note-cr-cr-lf = жолдар CR CR LF таңбаларымен аяқталады (кейбір бағдарламалар жазатын артық каретка қайтару): әрқайсысы бір жол ауысуы ретінде оқылады, жолдар LF бойынша саналады
note-rows-repaired = { $count } жол түзетілді: үтірі бар атаулар тырнақшаға алынбаған (біріншісі — { $line }-жол: «{ $names }»)
note-second-header = { $line }-жолда екінші тақырып: файлдар біріктірілген
note-headers-again = тақырып { $lines } жолдарда қайталанады: файлдар біріктірілген
note-duplicates = { $count } жазба сол мәнмен қайта оқылды (кезеңдері қабаттасқан біріктірілген файлдар): бір рет есептелді (біріншісі — { $line }-жол, { $same }-жолмен бірдей)
note-conflicts = { $count } қайшы жазба пайдаланылмады: сол кезең, есеп беруші, серіктес, бағыт және тауар бойынша басқа жазбаның мәні өзгеше; файлдағы соңғысы алынады, кезең толық емес деп белгіленеді (біріншісі: { $period } { $what }; { $values })
note-conflict-value = { $line }-жол: ${ $value }
note-totals-differ = Файлдағы { $count } қорытынды өз бөліктерінің қосындысынан 0,5%-дан артық өзгеше (кейбір серіктестер не бөлімдер ғана жүктелгенде бұл заңды; біріншісі: { $period } { $what }: қорытынды ${ $total }, бөліктер ${ $parts }, айырма ${ $difference })
note-clickhouse-set-aside = бөлек қойылған бөлшектеу жолдары: { $count } (реэкспорт пен реимпорт, C00-ден басқа кеден рәсімдері, 0-ден басқа көлік түрлері, 0-ден басқа екінші серіктестер)
note-clickhouse-unreadable = кезеңі, бағыты, есеп берушісі немесе серіктесі оқылмайтын жолдар есептелмеді: { $count } (кезең — 2018-07 сияқты ай, 2018 сияқты жыл немесе 2018-01..2018-07 сияқты айлар: docs/clickhouse.md қараңыз)
note-clickhouse-aggregated = ClickHouse серверінде қосындыланды
unit-usd = АҚШ долларымен
unit-thousand = мың АҚШ долларымен
unit-million = миллион АҚШ долларымен
unit-billion = миллиард АҚШ долларымен

## Бөлек қойылған жолдар (файлда олардың қорытындысы бар)
aside-flow-detail = реэкспорт, реимпорт немесе бағыттың басқа бөлшектері (X/M қорытындысына кіреді)
aside-customs = кедендік рәсімдер бойынша бөліну (C00 қорытындысы пайдаланылады)
aside-transport = көлік түрлері бойынша бөліну (motCode 0 қорытындысы пайдаланылады)
aside-partner2 = екінші серіктес бойынша бөліну (partner2 қорытындысы пайдаланылады)

## Жол неге өткізілді
# $found — ұяшықтың мәтіні, оқылғандай тырнақшада ("abc").
row-empty-field = { $what ->
        [reporter] есеп беруші
       *[partner] серіктес
    } көрсетілмеген
row-bad-unit = USD немесе мың АҚШ доллары сияқты өлшем бірлігі күтілді, табылғаны: { $found }
row-too-large = { $found } кез келген сауда көрсеткішінен үлкен (1 квадриллион доллардан асады)
row-negative = сауда құны теріс бола алмайды, табылғаны: { $found }
row-not-number = сан күтілді, табылғаны: { $found }
row-value-empty = құны көрсетілмеген
row-not-number-of = { $unit } сан күтілді, табылғаны: { $found }
row-bad-change = өткен жылға пайыздық өзгеріс күтілді (мысалы, 18,6 немесе -2,5), табылғаны: { $found }
row-bad-growth = өткен жылдың сәйкес кезеңіне пайыз күтілді (мысалы, 118,6), табылғаны: { $found }; жанындағы мән сақталды
row-bad-flow = export, import немесе turnover күтілді, табылғаны: { $found }
row-bad-flow-code = X немесе M сияқты flowCode күтілді, табылғаны: { $found }
row-bad-flow-legacy = Export немесе Import күтілді, табылғаны: { $found }
row-bad-flow-word = экспорт, импорт немесе тауар айналымы (export, import, turnover) күтілді, табылғаны: { $found }
row-bad-month = ЖЖЖЖ-АА түріндегі ай (мысалы, 2018-07) немесе ЖЖЖЖ-АА..ЖЖЖЖ-АА түріндегі айлар (мысалы, 2018-01..2018-07) күтілді, табылғаны: { $found }
row-bad-month-word = 2018-07, қаңтар 2018 немесе Jan-18 сияқты ай не "январь-июль 2018", "I квартал 2018", "1 кв. 2018", "I полугодие 2018", "9 месяцев 2018", "қаңтар-шілде 2018", "Jan-Jul 2018", "Q1 2018", "2018-Q1", "H1 2018", "9M 2018" немесе "2018-01..2018-07" сияқты кезең күтілді, табылғаны: { $found }
row-bad-year = 2018 сияқты жыл күтілді, табылғаны: { $found }
row-bad-period = { $year } ішінде 201807 сияқты кезең күтілді, табылғаны: { $found }
row-bad-unit-word = { $found } өлшем бірлігі usd, thousand немесе million емес (АҚШ долларымен)
row-not-dollars = мәндер АҚШ долларымен емес ({ $unit }… { $found } ішінде)
row-fields = жолда { $fields } өріс, ал тақырыпта { $header }
row-too-wide = жолда { $count } баған бар (ең көбі { $max })
row-not-csv = жарамсыз CSV: { $error }
row-line-too-long = жолдың ұзындығы { $size } МБ (ең көбі { $max } МБ)
row-wide-cell = { $column }-бағандағы ұяшық (ең көбі { $max } баған оқылады)

## Файл неге қабылданбады
file-cannot-read = { $file }: файлды оқу мүмкін емес: { $error }
file-too-large = { $file }: файлдың көлемі { $size } МБ; { $max } МБ-тан асатын файлдар оқылмайды
file-oversized = { $file }: { $line }-жол: { $what }; tradedash мұндай кестені оқымайды
file-empty = { $file }: файл бос
file-reason = { $file }: { $reason }
file-not-text = бұл мәтін емес (екілік деректер немесе tradedash оқымайтын файл түрі); CSV, табуляциялы мәтін, XLSX немесе XLS күтілді
file-unknown-header = { $file }: { $line }-жол: tradedash бұл тақырыпты танымайды. Ұзын пішім (period,reporter,partner,flow,commodity,value_usd), UN Comtrade үлгісі (refYear, flowCode, primaryValue, …), Comtrade-тің ескі үлгісі (Year, Trade Flow, Trade Value (US$), …) немесе әр айға бөлек баған күтілді; табылғаны: { $found }. Бағандарды терезеде таңдаңыз немесе --map және --set параметрлерімен беріңіз
file-incomplete = { $file }: { $line }-жол: { $problem }
file-cancelled = { $file }: жүктеу тоқтатылды; ештеңе өзгерген жоқ
file-no-usable-rows = { $file }: жарамды жолдар жоқ (оқылды: { $read }, өткізілді: { $skipped }){ $first ->
        [none] {""}
       *[other] ; біріншісі: { $first }
    }
header-missing-column = { $format } тақырыбында { $column } бағаны жоқ
header-mapping-unknown-columns = сәйкестендіруде тақырыпта жоқ { $columns } бағандары аталған ({ $count }); тақырып бағандары: { $header }
header-mapping-no-period = сәйкестендіруде кезең жоқ: кезең бағанын көрсетіңіз немесе әр кезеңге бөлек баған таңдаңыз; тақырып бағандары: { $header }
header-mapping-no-period-columns = сәйкестендіру әр кезеңге бөлек бағанды оқиды, бірақ тақырыптың бірде-бір бағаны ай да, "январь-июль 2018", "I квартал 2018", "1 кв. 2018", "I полугодие 2018", "9 месяцев 2018", "қаңтар-шілде 2018", "Jan-Jul 2018", "Q1 2018", "2018-Q1", "H1 2018", "9M 2018" немесе "2018-01..2018-07" сияқты кезең да емес; тақырып бағандары: { $header }
header-two-row-mapping-clash = { $first }–{ $last } жолдар — екі жолдан тұратын бір тақырып: жоғарыда ағындар төмендегі кезең бағандарының үстінде біріктірілген, сондықтан әр кезең бағанының өз ағыны бар; сәйкестендіру сонымен қатар { $what ->
        [flow] ағынды атайды, оны бұл тақырып онсыз да береді: ағынды
       *[other] кезең бағанын атайды, оны бұл тақырып онсыз да береді: кезең бағанын
    } сәйкестендіруден алып тастаңыз («әр кезеңге бір баған» таңдаңыз)
header-two-row-problem = { $first }–{ $last } жолдар, екі жолдық тақырып: { $problem }
header-wide-problem = әр айға бөлек бағаны бар кесте: { $problem }
header-no-month-column = тақырыпта ай (мысалы, 2018-01, қаңтар 2018 немесе Jan-18) не ұзағырақ кезең (мысалы, январь-июль 2018, I квартал 2018 немесе Q1 2018) жазылған баған жоқ
header-no-value-column = құн бағаны жоқ
header-no-period = кезең жоқ: кезең бағанын көрсетіңіз немесе «әр айға бөлек баған» таңдаңыз
header-no-flow = бағыт жоқ: бағыт бағанын көрсетіңіз немесе барлық жолдарға экспорт, импорт не тауар айналымын беріңіз (терезеде немесе --set flow=export параметрімен)
header-no-column-for = тақырыпта «{ $field }» өрісі үшін { $column } бағаны жоқ
header-bad-flow = { $found } бағыты экспорт, импорт немесе тауар айналымы емес

## Excel кітаптары
workbook-damaged = кітап зақымдалған: Excel оқу құралы оны оқи алмады
workbook-bad-zip = ашылмайтын zip мұрағаты: { $error }
workbook-too-big = кітап { $size } МБ-қа ашылады, бұл рұқсат етілген { $max } МБ-тан көп
workbook-not-xlsx = Excel кітабы (XLSX) ретінде оқу мүмкін емес: { $error }
workbook-not-xls = Excel кітабы (XLS) ретінде оқу мүмкін емес: { $error }
workbook-no-sheets = кітапта парақтар жоқ
workbook-no-sheet = { $name } парағы жоқ; кітаптың парақтары: { $sheets }
workbook-sheet-empty = «{ $name }» парағы бос
workbook-sheet-unreadable = «{ $name }» парағын оқу мүмкін емес: { $error }
workbook-too-many-cells = кітапта { $max } ұяшықтан көп
xls-past-end = { $what }: { $sector } секторы файлдың шегінен тыс
xls-loops = { $what }: секторлар тізбегі өз-өзіне тұйықталады
xls-missing-sector = { $what }: жалғасы орналастыру кестесінде жоқ { $sector } секторында
xls-mini-past-end = кітап ағыны мини-ағынның шегінен тыс { $sector } мини-секторында
xls-mini-missing = кітап ағыны мини-секторлар кестесінде жоқ { $sector } мини-секторында жалғасады
xls-table-loops = { $what }: { $sector } секторында өз-өзіне тұйықталады
xls-table-bad-link = { $what }: { $sector } секторынан жоқ { $next } секторына сілтеме
xls-part-sat = секторларды орналастыру кестесі
xls-part-sat-index = секторларды орналастыру кестесінің индексі
xls-part-directory = каталог
xls-part-mini-stream = мини-ағын
xls-part-mini-sat = мини-секторларды орналастыру кестесі
xls-part-workbook = кітап ағыны

## Командалық жолдағы бағандарды сәйкестендіру (--map, --set)
map-not-field-value = { $part } өріс=мән түрінде емес (өрістер: period, flow, reporter, partner, commodity, value, unit)
map-unknown-field = белгісіз өріс { $field }; өрістер: period, flow, reporter, partner, commodity, value, unit
map-needs-value = { $field }= мәнді қажет етеді
map-needs-column = { $field } --set арқылы емес, бағаннан (--map) алынуы керек

## Жұмыс кеңістіктері
workspace-cannot-read = { $path }: жұмыс кеңістігін оқу мүмкін емес: { $error }
workspace-too-large = { $path }: жұмыс кеңістігінің файлы { $size } МБ, бұл рұқсат етілген { $max } МБ-тан көп
workspace-parse = { $path }: { $line }-жол, { $column }-позиция: { $message }
workspace-too-new = { $path }: бұл жұмыс кеңістігі сызбасының нұсқасы { $found }, ол осы tradedash оқитын { $supported } нұсқасынан жаңа; оны tradedash-тің жаңа нұсқасымен ашыңыз (файл өзгертілген жоқ)
workspace-not-utf8 = UTF-8 мәтіні емес: { $error }
workspace-untitled = Атаусыз жұмыс кеңістігі
write-not-a-file-name = бұл файл аты емес
write-failed = { $path }: файлды жазу мүмкін емес: { $error }
