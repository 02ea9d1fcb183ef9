# «Сапар» қойындысы: бағдарлама, уақыт шкаласы, бағдарлама тармағының өңдегіші және жоспарды тексеру.

## Тармақ түрлері мен күйлері (түрлер күнтізбенің CATEGORIES өрісіне де жазылады)
stop-kind-enterprise = Кәсіпорын
stop-kind-university = ЖОО
stop-kind-memorial = Мемориал
stop-kind-nature = Табиғат
stop-kind-meeting = Кездесу
stop-kind-travel = Жол жүру
stop-status-planned = Жоспарланған
stop-status-confirmed = Расталған
stop-status-done = Өтті
stop-status-cancelled = Болдырылмады

## Панель
visit-none = Бұл жұмыс кеңістігінде сапар жоспарланбаған.
visit-new = Жаңа сапар
visit-new-title = Жаңа сапар
visit-placeholder-note = «нақт.» белгісі қойылған уақыт шартты: дереккөзде ол жоқ. Оны толтырыңыз.
visit-calendar-file = Күнтізбе файлы
visit-save-ics = .ics сақтау
    .tooltip = Сапар бағдарламасын iCalendar файлына жазу
visit-save-ics-as = .ics басқаша сақтау…
visit-export-png = PNG-ге экспорттау…
    .tooltip = Сапар бағдарламасының суретін сақтау
visit-no-days = Көрсететін күндер жоқ
visit-day = { $number }-күн
visit-outside = сапар күндерінен тыс
visit-tbc = { " " }(нақт.)
visit-details = Сапар туралы мәліметтер
visit-add-stop = Тармақ қосу
    .tooltip = { $day } күніне тармақ қосу
visit-warnings = Жоспарда { $count } ескерту бар
visit-day-heading = { $day } · { $number }-күн
visit-day-heading-outside = { $day } · сапар күндерінен тыс
visit-no-stops = Тармақтар жоқ
visit-up = Жоғары
    .tooltip = Осы күні ертерек
visit-down = Төмен
    .tooltip = Осы күні кешірек
visit-edit-stop = Осы тармақты өзгерту
visit-chart-hs = СЭҚ ТН { $code } графигі
    .tooltip = Айлық графикте СЭҚ ТН { $code } бойынша сауданы көрсету
visit-click-to-chart = Шертіңіз: айлық графикте { $codes } бойынша сауданы көрсету
visit-placeholder-times = { " " }(уақыты шартты)
visit-day-choice = { $day } ({ $number }-күн)
visit-day-choice-outside = { $day } (сапар күндерінен тыс)
visit-use-format = пішімі: { $format }
visit-delegation-line = Делегация: { $people }
visit-hosts-line = Қабылдаушы тарап: { $people }
visit-untitled-stop = Атаусыз тармақ
visit-stop-number = { $number }-тармақ
visit-annotation = Сапар: { $title }

## Тармақ өңдегіші
stop-organisation = Ұйым
stop-place = Орны
stop-day = Күні
stop-start = Басталуы
stop-end = Аяқталуы
stop-time-hint = СС:ММ
stop-kind = Түрі
stop-status = Күйі
stop-address = Мекенжайы
stop-hs-codes = СЭҚ ТН кодтары
stop-coordinates = Координаттары
stop-coordinates-hint = ендік, бойлық
stop-notes = Ескертпелер
stop-placeholder-times = Уақыты шартты (нақтыланады)
stop-done = Дайын
stop-delete = Тармақты жою

## Сапар туралы мәліметтер
visit-title = Атауы
visit-first-day = Бірінші күні
visit-date-hint = ЖЖЖЖ-АА-КК
visit-last-day = Соңғы күні
visit-time-zone = Уақыт белдеуі
visit-utc-offset = UTC-тен ауытқу, мин
visit-delegation = Делегация
visit-delegation-member = Делегация мүшесі
visit-hosts = Қабылдаушы тарап
visit-host = Қабылдаушы тарап өкілі
visit-notes = Ескертпелер
person-name = Аты-жөні
person-role = Лауазымы
person-name-of = { $who }: аты-жөні
person-role-of = { $who }: лауазымы
person-remove = Алып тастау
person-add-delegation = Делегацияға қосу
person-add-hosts = Қабылдаушы тарапқа қосу

## Жоспарды тексеру
issue-visit-ends-before-start = Сапар басталмай ({ $start }) тұрып аяқталады ({ $end })
issue-end-not-after-start = Басталмай тұрып аяқталады: аяқталу уақыты басталу уақытынан кейін болуы керек
issue-outside-dates = Сапар күндерінен тыс ({ $dates })
issue-overlap = { $other } тармағымен қабаттасады
issue-no-travel-time = { $from } тармағынан жол жүруге уақыт жоқ: { $km } км, жолмен шамамен { $needed }, жоспарда { $planned }
duration-min = { $minutes } мин
duration-h = { $hours } сағ
duration-h-min = { $hours } сағ { $minutes } мин
