# Командалық жолдың хабарлары (`tradedash summary`, `targets`, экспорт). Қателер stderr-ге
# «tradedash: » кейін шығады; JSON шығысы мен оның кілттері аударылмайды.

cli-error = tradedash: { $message }
cli-unknown-measure = белгісіз көрсеткіш { $found }; рұқсат етілгендері: exports, imports, turnover, balance
cli-no-such-party = { $what ->
        [reporter] деректерде { $found } есеп берушісі жоқ; барлары: { $names }
       *[partner] деректерде { $found } серіктесі жоқ; барлары: { $names }
    }
cli-mirror-needs-both = --mirror үшін есеп беруші ел және деректерде онымен саудасы туралы да есеп беретін серіктес керек
cli-no-months = деректерде таңдайтын айлар жоқ
cli-months-reversed = кезең аяқталуынан ({ $end }) кейін басталады ({ $start }); деректер { $covers } кезеңін қамтиды
cli-no-data-in-range = { $range } кезеңінде деректер жоқ: деректер { $covers } кезеңін қамтиды
cli-generated = { $path }: { $rows } жол (оның { $aside } жолын импорт бөлек қояды), { $bytes } байт; СИНТЕТИКАЛЫҚ деректер
cli-generate-kept = { $path }: қалдырылды ({ $rows } жолмен, seed { $seed } арқылы жазылып қойған)
cli-map-error = --map/--set: { $error }
cli-no-data-folder = пайдаланушының деректер қалтасы жоқ: автосақтау өшірулі
cli-cannot-open-window = терезені ашу мүмкін емес: { $error }
cli-built-in-example = кірістірілген мысал
cli-no-visit = { $name }: экспорттайтын сапар жоқ
cli-no-such-visit = { $name }: сапарлар саны { $count }; { $number }-сапар жоқ
cli-ics-written = { $path } ({ $events } оқиға)
cli-no-target = { $number }-мақсат жоқ; жұмыс кеңістігіндегі мақсаттар саны: { $count }
cli-not-exported = { $what ->
        [chart] график экспортталмады: { $error }
        [gauge] индикатор экспортталмады: { $error }
        [composition] сауда құрылымы экспортталмады: { $error }
       *[itinerary] сапар бағдарламасы экспортталмады: { $error }
    }
cli-window-closed = { $what ->
        [chart] график экспортталмай тұрып терезе жабылды
        [gauge] индикатор экспортталмай тұрып терезе жабылды
        [composition] сауда құрылымы экспортталмай тұрып терезе жабылды
       *[itinerary] сапар бағдарламасы экспортталмай тұрып терезе жабылды
    }
cli-visit-from-one = --visit 1-ден бастап саналады
cli-brief-not-written = анықтама жазылмады: { $error }

## `tradedash summary` және `tradedash targets` мәтін түрінде
summary-data = Деректер: { $label }
summary-sample = ШАРТТЫ ДЕРЕКТЕР: айлар бойынша бөліну мысал ретінде берілген; тек қорытындылар жарияланған.
summary-built-in-targets = Кірістірілген жұмыс кеңістігінің мақсаттары, осы деректер бойынша есептелген.
summary-read-as = { $format } ретінде оқылды
summary-selection = есеп беруші: { $reporter }, серіктес: { $partner }{ $commodity ->
        [none] {""}
       *[other] , тауар: { $commodity }
    }
summary-all = барлығы
summary-and = { " " }және{ " " }
summary-not-in-file = файлда жоқ
summary-flows-unknown = { $flows }, тауар айналымы және сальдо файлда жоқ (белгісіз, нөлге тең емес)
summary-rows = оқылған жолдар: { $read }, өткізілді: { $skipped }, бөлек қойылды: { $aside }
summary-set-aside = { "  " }бөлек қойылды: { $rows } жол (біріншісі { $line }-жолда): { $reason }
summary-note = { "  " }ескертпе: { $note }
summary-skipped = { "  " }{ $line }-жол өткізілді: { $reason }
summary-skipped-column = { "  " }{ $line }-жол, «{ $column }» бағаны өткізілді: { $reason }
summary-col-month = ай
summary-col-exports = экспорт
summary-col-imports = импорт
summary-col-turnover = тауар айналымы
summary-col-balance = сальдо
summary-col-year = жыл
summary-col-months = айлар
summary-unread = толық емес: { $count } жол оқылмады
summary-no-figure = дерек жоқ
cli-no-sample-split = --sample-split: бұл деректерде айлар бойынша иллюстрациялық бөлу жоқ (ол тек кірістірілген мысалда бар)
