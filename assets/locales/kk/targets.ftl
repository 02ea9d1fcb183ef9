# «Мақсаттар» қойындысы, мақсат көрсеткіштері (оларды `tradedash targets` те басып шығарады)
# және олардың қалай есептелгені.

## Мақсат көрсеткіштері және ағымдағы мәннің негізі
target-measure-turnover = Тауар айналымы
target-measure-exports = Экспорт
target-measure-imports = Импорт
target-basis-last-full-year = Соңғы толық жыл
target-basis-ytd = Жыл басынан
target-basis-ytd-annualised = Жыл басынан, жылдық есеппен
target-basis-rolling = Жылжымалы 12 ай

## Панель
targets-heading = Мақсаттар
targets-add = Мақсат қосу
targets-none = Әзірге мақсаттар жоқ. «Мақсат қосу» мәнді, мерзімді және салыстыру базасын белгілейді.
targets-computing = Мақсаттардың көрсеткіштері есептелуде…
targets-copy-name = { $name } (көшірме)
targets-sample = ШАРТТЫ деректер бойынша ағымдағы мән (мысал ретінде)
targets-baseline-source = Базалық мәннің дереккөзі: { $source }
targets-no-deadline = Мерзім белгіленбеген: мақсатты өзгертіп, мерзімді белгілеңіз.
targets-how-computed = Бұл көрсеткіштер қалай есептеледі
targets-delete-question = «{ $name }» жойылсын ба?
targets-delete-yes = Иә, жою
targets-delete-keep = Қалдыру
targets-edit = Мақсатты өзгерту
targets-duplicate = Көшірмесін жасау
targets-delete = Жою
targets-export-png = PNG-ге экспорттау…
targets-default-name = { $number }-мақсат

## Өңдегіш
target-editor-new = Жаңа мақсат
target-editor-edit = Мақсатты өзгерту
target-editor-name = Атауы
target-editor-reporter = Есеп беруші (коды немесе атауы)
target-editor-reporter-hint = барлық есеп берушілер
target-editor-partner = Серіктес (коды немесе атауы)
target-editor-partner-hint = барлық серіктестер
target-editor-commodity = Тауар (СЭҚ ТН кодының басы)
target-editor-commodity-hint = барлық тауарлар
target-editor-measure = Көрсеткіш
target-editor-value = Мақсатты мән (АҚШ доллары)
target-editor-value-hint = мысалы, 1 billion
target-editor-deadline = Мерзімі (жыл)
target-editor-deadline-hint = белгіленбеген
target-editor-current = Ағымдағы мән
target-editor-baseline-year = Базалық жыл
target-editor-baseline-year-hint = мысалы, 2017
target-editor-baseline-value = Базалық мән
target-editor-baseline-computed = Деректер бойынша есептеу
target-editor-baseline-reported = Жарияланған көрсеткіш
target-editor-reported-value = Жарияланған базалық мән (АҚШ доллары)
target-editor-reported-value-hint = мысалы, 690 million
target-editor-reported-by = Кім хабарлады
target-editor-reported-by-hint = кім, қайда айтты
target-editor-baseline-note = Базаға ескертпе
target-editor-amber = Сары түс (мақсаттың %-ынан бастап)
target-editor-green = Жасыл түс (мақсаттың %-ынан бастап)
target-editor-note = Ескертпе
target-editor-save = Мақсатты сақтау
target-editor-cancel = Бас тарту
target-error-amount = { $field }: «{ $text }» сома емес; мысалы, 1 billion немесе 690 million деп жазыңыз.
target-error-year = { $field }: «{ $text }» жыл емес; мысалы, 2020 деп жазыңыз.
target-error-pct = { $field }: «{ $text }» пайыз емес; мысалы, 90 деп жазыңыз.
target-field-value = Мақсатты мән
target-field-baseline-value = Базалық мән
target-field-baseline-year = Базалық жыл
target-field-deadline = Мерзімі
target-field-amber = Сары түс
target-field-green = Жасыл түс

## Индикатор
gauge-label = Индикатор: { $target } ішінен { $value }, мақсаттың { $pct }%-ы
gauge-label-no-value = Индикатор: ағымдағы мән жоқ
gauge-pct-of-target = мақсаттың { $pct }%-ы
gauge-no-value = ағымдағы мән жоқ
gauge-met = мақсатқа жетті

## Көрсеткіштер (карточка жолдары және `tradedash targets`)
figure-current = Ағымдағы мән
figure-current-unknown = белгісіз: бұл қамту бойынша деректер де, базалық мән де жоқ
figure-target = Мақсат
figure-target-by = { $deadline } жылға қарай { $target }
figure-target-no-deadline = { $target }, мерзім белгіленбеген
figure-gap = Алшақтық
figure-gap-value = { $gap } ({ $pct }%)
figure-gap-above = жоқ: мақсаттан { $gap } жоғары
figure-gap-exact = жоқ: дәл мақсат деңгейінде
figure-growth-needed = Қажетті өсім
figure-growth-set-deadline = мерзімді белгілеңіз
figure-growth-none-needed = қажет емес: базалық мән мақсатқа жетіп тұр
figure-growth-needed-value = жылына { $growth }, { $from }–{ $deadline }
figure-growth-no-baseline = белгісіз: базалық мән жоқ
figure-growth-observed = Нақты өсім
figure-growth-observed-value = өткен жылдың сәйкес кезеңіне қарағанда { $growth }
figure-growth-no-current = белгісіз: деректерде ағымдағы мән жоқ
figure-growth-no-earlier = белгісіз: бір жыл бұрынғы деректер жоқ
figure-path = Қажетті траектория
figure-path-ahead = { $year } жылға { $value }: озып келеді
figure-path-behind = { $year } жылға { $value }: { $gap } артта
figure-path-value = { $year } жылға { $value }
figure-reached = Мақсатқа жету
figure-reached-already = жетті ({ $year })
figure-reached-late = осы қарқынмен { $year } жылы, мерзімнен кейін
figure-reached-in = осы қарқынмен { $year } жылы
figure-reached-never = осы қарқынмен жетпейді
figure-reached-unknown = белгісіз: өсу қарқыны жоқ
figure-baseline = База
figure-baseline-reported = { $year } жылы { $value }, жарияланған дерек
figure-baseline-computed = { $year } жылы { $value }, деректер бойынша есептелген
figure-baseline-unknown = { $year } жыл үшін белгісіз
figure-scope = Қамту
figure-baseline-source = База дереккөзі
figure-baseline-note = Базаға ескертпе
figure-note = Ескертпе
figure-how-computed = Қалай есептелді
targets-none-in-workspace = Бұл жұмыс кеңістігінде мақсаттар жоқ.
target-scope-all-reporters = барлық есеп берушілер
target-scope-all-partners = барлық серіктестер

## Әр көрсеткіш қалай есептелді (ескертпелер)
note-growth-no-overlap = Өсім: белгісіз: { $range } кезеңінің бірде-бір айында осы жыл мен өткен жыл үшін қатар деректер жоқ.
note-growth-against = Өсім: { $range }, { $previous } кезеңіне қарағанда: { $growth }.
note-growth-no-trade = Өсім: белгісіз: { $previous } кезеңінде сауда болмаған.
note-growth-common-months = Осы айлардағы өсім: { $growth }.
note-annualised-short-year = { $year } жыл бойынша тек { $months } айдың деректері бар: жылдық есеппен алынған мән төмен болуы ықтимал.
note-annualised-no-previous = { $year } жыл бойынша айлық деректер жоқ: жыл басынан бергі мән маусымдылықсыз ×12/{ $months } ретінде жылдық есепке келтірілді.
note-no-monthly-data = { $basis }: бұл қамту бойынша айлық деректер жоқ.
note-current-no-full-year = Ағымдағы мән: деректерде әлі бірде-бір толық күнтізбелік жыл жоқ.
note-current-annual-record = Ағымдағы мән: { $year } жыл, жылдық жазба бойынша.
note-current-full-year = Ағымдағы мән: { $year } жыл, барлық 12 ай.
note-current-part-year = Ағымдағы мән: { $year } жыл, { $months } ай; деректер жоқ: { $missing } (қорытындыға кірмеді).
note-growth-no-data = Өсім: белгісіз: { $year } жыл бойынша деректер жоқ.
note-growth-annual = Өсім: { $year } жыл, { $previous } жылға қарағанда (жылдық қорытындылар{ $short }).
note-growth-short-year = ; { $year } жыл бойынша тек { $months } ай
note-ytd = Жыл басынан: { $range }, { $months } ай.
note-ytd-missing = Жыл басынан: { $range }; деректер жоқ: { $missing } (қорытындыға кірмеді).
note-annualised-label = { $range }, жылдық есеппен
note-annualised-projection = Болжам жыл басынан бергі мәннің жылдық есебінен басталады.
note-rolling = Ағымдағы мән: 12 ай, { $range }.
note-rolling-missing = Ағымдағы мән: 12 ай, { $range }; деректер жоқ: { $missing } (қорытындыға кірмеді).
note-baseline-reported = База: { $year } жылы { $value }, жарияланған дерек{ $by ->
        [none] {""}
       *[other] { " " }(хабарлаған: { $by })
    } (деректер бойынша есептелмеген).
note-baseline-computed = База: { $year } жылы { $value }, деректер бойынша есептелген ({ $how }).
note-baseline-how-annual = жылдық жазба
note-baseline-how-full = 12 ай
note-baseline-how-part = тек { $months } ай
note-baseline-missing = База: деректерде { $year } жыл үшін «{ $measure }» көрсеткіші жоқ.
note-baseline-newer = Деректердің соңғы мәні { $year } базалық жылынан ескі: оның орнына база қолданылады.
note-baseline-stands-in = Деректерде «{ $scope }» қамтуы үшін «{ $measure }» көрсеткіші жоқ: ағымдағы мәннің орнына база қолданылады.
note-baseline-reported-label = { $year }, жарияланған
note-required-no-deadline = Қажетті өсім: мерзім белгіленбеген.
note-required-deadline-early = Қажетті өсім: мерзім ({ $deadline }) базалық жылдан ({ $year }) кейін емес.
note-required-none = Қажетті өсім: қажет емес, { $year } жылғы база мақсатқа жетіп тұр.
note-required = Қажетті өсім: { $years } жыл бойы жылына { $growth }, { $year }–{ $deadline }.
note-projection-never = Болжам: осы қарқынмен мақсатқа жетпейді.

## Кірістірілген мысалдың мақсаты
target-example-name = Беларусь пен Қазақстан арасындағы тауар айналымы — 1 млрд долларға дейін
target-example-note = Мақсатты мемлекет басшылары қойды; мақалада мерзімі аталмаған: оны белгілеңіз.

## Мақсатты неге сақтауға болмайды
target-invalid-name = Мақсатқа атау беріңіз.
target-invalid-value = Мақсатты мән $0-ден көп болуы керек.
target-invalid-baseline = Жарияланған базалық мән $0-ден көп болуы керек.
target-invalid-year = { $what ->
        [deadline] { $year } мерзімі 1900–2200 аралығынан тыс.
       *[baseline] { $year } базалық жылы 1900–2200 аралығынан тыс.
    }
target-invalid-deadline = Мерзім ({ $deadline }) базалық жылдан ({ $year }) кейін болуы керек.
target-invalid-thresholds = Түс шектері 0 ≤ сары ≤ жасыл шартына сай болуы керек (қазір { $amber }% және { $green }%).

## Notes added with the reported figures and the structured notes
figure-unknown = белгісіз
note-growth-partial = Өсім екі жылда да бар айлар бойынша ғана салыстырылады ({ $count } ай); енгізілмегені: { $left } (осы немесе бір жыл бұрынғы деректер жоқ).
note-annualised-seasonality = { $year } жылғы маусымдылықпен жылдық есепке келтірілді: { $months } { $year } жылдың { $share }%-ын құрады, сондықтан жыл басынан бергі мән { $factor }-ға бөлінді.
note-label-part-year = { $year } ({ $months } ай)
note-pinned-figure = Ағымдағы мән: мақсат баптауларында бекітілген жарияланған көрсеткіш.
note-pinned-missing = Бекітілген жарияланған көрсеткіш енді жоқ: соңғысы қолданылады.
note-reported-not-later = Жарияланған көрсеткіш, { $period } үшін { $value } ({ $source }), деректерден жаңа емес: деректердегі мән қолданылады (жарияланғанын қолдану үшін оны мақсат баптауларында бекітіңіз).
note-reported-current = Ағымдағы мән: { $period } үшін { $value }, жарияланған ({ $source }), деректерден есептелмеген.
note-reported-annualised = Болжам { $period } кезеңінің ×12/{ $months } ретінде жылдық есепке келтірілген мәнінен басталады, маусымдылық ескерілмейді.
note-reported-growth-published = Өсім: { $growth }, көрсеткішпен бірге жарияланғандай.
note-reported-growth-against = Өсім: { $period } үшін жарияланған { $value } мәніне қарағанда { $growth } ({ $source }).
note-reported-growth-unknown = Өсім: белгісіз: көрсеткішпен бірге өсім жарияланбаған және бір жыл бұрынғы көрсеткіш жоқ.
note-reported-label = { $period }, жарияланған
note-reported-label-annualised = { $period } жылдық есепте, жарияланған
target-scope-hs = СЭҚ ТН { $code }
