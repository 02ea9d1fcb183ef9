# Жарияланған көрсеткіштер (бүйір тақтадағы тізім мен өңдегіш, графиктегі нүктелер) және
# мақсаттың ағымдағы мәнін таңдау.

## Бүйір тақта
reported-heading = Жарияланған көрсеткіштер
reported-hint = Ашық дереккөздерде келтірілген; деректерден есептелмеген.
reported-add = Көрсеткіш қосу
reported-edit = Өзгерту
reported-delete = Жою
reported-derived = жарияланған өсу қарқыны бойынша есептелген
reported-statistics-of = статистика: { $name }
reported-unknown-span = кезеңі белгісіз: графикте көрсетілмейді және мақсаттарда ескерілмейді; көрсеткішті өзгертіп, кезеңін көрсетіңіз

## Өңдегіш
reported-form-new = Жаңа жарияланған көрсеткіш
reported-form-edit = Жарияланған көрсеткішті өзгерту
reported-field-period = Кезең
reported-field-period-hint = 2018, Jan–Jul 2018, Q1 2018
reported-field-measure = Көрсеткіш
reported-field-reporter = Кімнің саудасы
reported-field-partner = Кіммен
reported-field-value = Мәні, АҚШ доллары
reported-field-value-hint = мысалы, 58.3 million
reported-field-change = Жарияланған өсім, %
reported-field-change-hint = мысалы, +18,6% үшін 18.6
reported-field-statistics = Кімнің статистикасы
reported-statistics-unstated = көрсетілмеген
reported-statistics-reporter = есеп беруші тараптың
reported-statistics-partner = серіктестің (айналы)
reported-field-by = Кім хабарлады
reported-field-source = Дереккөз
reported-field-published = Жарияланған күні
reported-field-published-hint = ЖЖЖЖ-АА-КК
reported-field-note = Ескертпе
reported-save = Көрсеткішті сақтау
reported-cancel = Болдырмау
reported-error-period = Кезең: «{ $text }» кезең емес; мысалы, 2018, Jan–Jul 2018, Q1 2018, H1 2018, 9M 2018 немесе 2018-01..2018-07 деп жазыңыз.
reported-error-value = Мәні: «{ $text }» 0 доллардан асатын сома емес; мысалы, 58.3 million деп жазыңыз.
reported-error-change = Жарияланған өсім: «{ $text }» пайыз емес; мысалы, 18.6 немесе -4.2 деп жазыңыз.
reported-error-change-impossible = Жарияланған өсім: 100% және одан көп төмендеу мүмкін емес.
reported-error-parties = Есеп беруші тарапты да, серіктесті де көрсетіңіз.
reported-error-source = Дереккөзді көрсетіңіз: жарияланған көрсеткіштің құны оның дереккөзімен өлшенеді.
reported-error-published = Жарияланған күні: «{ $text }» күн емес; ЖЖЖЖ-АА-КК түрінде жазыңыз немесе бос қалдырыңыз.

## График
reported-chart-derived = жарияланған өсу қарқыны бойынша есептелген: { $source }
reported-chart-point = жарияланған: { $source }
reported-chart-series = Жарияланған көрсеткіштер
reported-kpi-caption = Жарияланған, { $period }, тауар айналымы

## Мақсаттар
gauge-pin = Ағымдағы мән
gauge-pin-latest = Соңғысы (деректерден немесе жарияланған)
gauge-pin-data = Тек деректердегі мән
gauge-pin-missing = (жойылған жарияланған көрсеткіш)
