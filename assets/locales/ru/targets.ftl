# Вкладка «Цели», показатели цели (их же печатает `tradedash targets`) и как они рассчитаны.

## Показатели цели и база текущего значения
target-measure-turnover = Товарооборот
target-measure-exports = Экспорт
target-measure-imports = Импорт
target-basis-last-full-year = Последний полный год
target-basis-ytd = С начала года
target-basis-ytd-annualised = С начала года в пересчёте на год
target-basis-rolling = Скользящие 12 месяцев

## Панель
targets-heading = Цели
targets-add = Добавить цель
targets-none = Целей пока нет. «Добавить цель» задаёт значение, срок и базу для сравнения.
targets-computing = Расчёт показателей целей…
targets-copy-name = { $name } (копия)
targets-sample = Текущее значение по УСЛОВНЫМ данным (для иллюстрации)
targets-baseline-source = Источник базового значения: { $source }
targets-no-deadline = Срок не задан: задайте его, изменив цель.
targets-how-computed = Как рассчитаны эти показатели
targets-delete-question = Удалить «{ $name }»?
targets-delete-yes = Да, удалить
targets-delete-keep = Оставить
targets-edit = Изменить цель
targets-duplicate = Дублировать
targets-delete = Удалить
targets-export-png = Экспорт в PNG…
targets-default-name = Цель { $number }

## Редактор
target-editor-new = Новая цель
target-editor-edit = Изменить цель
target-editor-name = Название
target-editor-reporter = Отчитывающаяся страна (код или название)
target-editor-reporter-hint = все отчитывающиеся
target-editor-partner = Партнёр (код или название)
target-editor-partner-hint = все партнёры
target-editor-commodity = Товар (начало кода ТН ВЭД)
target-editor-commodity-hint = все товары
target-editor-measure = Показатель
target-editor-value = Целевое значение (долл. США)
target-editor-value-hint = например, 1 billion
target-editor-deadline = Срок (год)
target-editor-deadline-hint = не задан
target-editor-current = Текущее значение
target-editor-baseline-year = Базовый год
target-editor-baseline-year-hint = например, 2017
target-editor-baseline-value = Базовое значение
target-editor-baseline-computed = Рассчитать по данным
target-editor-baseline-reported = Опубликованная цифра
target-editor-reported-value = Опубликованное базовое значение (долл. США)
target-editor-reported-value-hint = например, 690 million
target-editor-reported-by = Кто сообщил
target-editor-reported-by-hint = кто и где это сказал
target-editor-baseline-note = Примечание к базе
target-editor-amber = Жёлтый с (% от цели)
target-editor-green = Зелёный с (% от цели)
target-editor-note = Примечание
target-editor-save = Сохранить цель
target-editor-cancel = Отмена
target-error-amount = { $field }: «{ $text }» — не сумма; напишите, например, 1 billion или 690 million.
target-error-year = { $field }: «{ $text }» — не год; напишите, например, 2020.
target-error-pct = { $field }: «{ $text }» — не процент; напишите, например, 90.
target-field-value = Целевое значение
target-field-baseline-value = Базовое значение
target-field-baseline-year = Базовый год
target-field-deadline = Срок
target-field-amber = Жёлтый с
target-field-green = Зелёный с

## Индикатор
gauge-label = Индикатор: { $value } из { $target }, { $pct }% от цели
gauge-label-no-value = Индикатор: нет текущего значения
gauge-pct-of-target = { $pct }% от цели
gauge-no-value = нет текущего значения
gauge-met = цель достигнута

## Показатели (строки карточки и `tradedash targets`)
figure-current = Текущее значение
figure-current-unknown = неизвестно: нет данных по этому охвату и нет базового значения
figure-target = Цель
figure-target-by = { $target } к { $deadline } году
figure-target-no-deadline = { $target }, срок не задан
figure-gap = Отставание
figure-gap-value = { $gap } ({ $pct }%)
figure-gap-above = нет: на { $gap } выше цели
figure-gap-exact = нет: ровно на уровне цели
figure-growth-needed = Требуемый рост
figure-growth-set-deadline = задайте срок
figure-growth-none-needed = не нужен: базовое значение уже достигает цели
figure-growth-needed-value = { $growth } в год, { $from }–{ $deadline }
figure-growth-no-baseline = неизвестно: нет базового значения
figure-growth-observed = Фактический рост
figure-growth-observed-value = { $growth } к соответствующему периоду прошлого года
figure-growth-no-current = неизвестно: в данных нет текущего значения
figure-growth-no-earlier = неизвестно: нет данных годом ранее
figure-path = Требуемая траектория
figure-path-ahead = { $value } на { $year } год: с опережением
figure-path-behind = { $value } на { $year } год: отставание { $gap }
figure-path-value = { $value } на { $year } год
figure-reached = Цель будет достигнута
figure-reached-already = уже достигнута ({ $year })
figure-reached-late = в { $year } году при нынешнем темпе, позже срока
figure-reached-in = в { $year } году при нынешнем темпе
figure-reached-never = при нынешнем темпе не будет достигнута
figure-reached-unknown = неизвестно: нет темпа роста
figure-baseline = База
figure-baseline-reported = { $value } в { $year } году, по опубликованным данным
figure-baseline-computed = { $value } в { $year } году, рассчитано по данным
figure-baseline-unknown = неизвестна для { $year } года
figure-scope = Охват
figure-baseline-source = Источник базы
figure-baseline-note = Примечание к базе
figure-note = Примечание
figure-how-computed = Как рассчитано
targets-none-in-workspace = В этой рабочей области нет целей.
target-scope-all-reporters = все отчитывающиеся
target-scope-all-partners = все партнёры

## Как рассчитан каждый показатель (примечания)
note-growth-no-overlap = Рост: неизвестен: ни за один месяц периода { $range } нет данных одновременно за этот и прошлый год.
note-growth-against = Рост: { $range } к { $previous }: { $growth }.
note-growth-no-trade = Рост: неизвестен: за { $previous } торговли не было.
note-growth-common-months = Рост за эти месяцы: { $growth }.
note-annualised-short-year = За { $year } год данные только за { $months } мес.: значение в пересчёте на год, вероятно, занижено.
note-annualised-no-previous = Нет помесячных данных за { $year } год: данные с начала года пересчитаны на год как ×12/{ $months }, без учёта сезонности.
note-no-monthly-data = { $basis }: нет помесячных данных по этому охвату.
note-current-no-full-year = Текущее значение: в данных ещё нет ни одного полного календарного года.
note-current-annual-record = Текущее значение: { $year } год, по годовой записи.
note-current-full-year = Текущее значение: { $year } год, все 12 месяцев.
note-current-part-year = Текущее значение: { $year } год, { $months } мес.; нет данных за: { $missing } (не вошли в итог).
note-growth-no-data = Рост: неизвестен: нет данных за { $year } год.
note-growth-annual = Рост: { $year } год к { $previous } году (годовые итоги{ $short }).
note-growth-short-year = ; за { $year } год данные только за { $months } мес.
note-ytd = С начала года: { $range }, { $months } мес.
note-ytd-missing = С начала года: { $range }; нет данных за: { $missing } (не вошли в итог).
note-annualised-label = { $range } в пересчёте на год
note-annualised-projection = Прогноз начинается со значения с начала года в пересчёте на год.
note-rolling = Текущее значение: 12 месяцев, { $range }.
note-rolling-missing = Текущее значение: 12 месяцев, { $range }; нет данных за: { $missing } (не вошли в итог).
note-baseline-reported = База: { $value } в { $year } году, по опубликованным данным{ $by ->
        [none] {""}
       *[other] { " " }(сообщил: { $by })
    } (не рассчитана по данным).
note-baseline-computed = База: { $value } в { $year } году, рассчитана по данным ({ $how }).
note-baseline-how-annual = годовая запись
note-baseline-how-full = 12 месяцев
note-baseline-how-part = только { $months } мес.
note-baseline-missing = База: в данных нет показателя «{ $measure }» за { $year } год.
note-baseline-newer = Последние данные старше базового { $year } года: вместо них используется база.
note-baseline-stands-in = В данных нет показателя «{ $measure }» для охвата «{ $scope }»: вместо текущего значения используется база.
note-baseline-reported-label = { $year }, опубликовано
note-required-no-deadline = Требуемый рост: срок не задан.
note-required-deadline-early = Требуемый рост: срок ({ $deadline }) не позже базового года ({ $year }).
note-required-none = Требуемый рост: не нужен, база { $year } года уже достигает цели.
note-required = Требуемый рост: { $growth } в год в течение { $years ->
        [one] { $years } года
       *[other] { $years } лет
    }, { $year }–{ $deadline }.
note-projection-never = Прогноз: при нынешнем темпе цель не будет достигнута.

## Цель встроенного примера
target-example-name = Товарооборот Беларуси и Казахстана — до $1 млрд
target-example-note = Цель поставили главы государств; срок в статье не назван: задайте его.

## Почему цель нельзя сохранить
target-invalid-name = Дайте цели название.
target-invalid-value = Целевое значение должно быть больше $0.
target-invalid-baseline = Опубликованное базовое значение должно быть больше $0.
target-invalid-year = { $what ->
        [deadline] Срок { $year } вне диапазона 1900–2200.
       *[baseline] Базовый год { $year } вне диапазона 1900–2200.
    }
target-invalid-deadline = Срок ({ $deadline }) должен быть позже базового года ({ $year }).
target-invalid-thresholds = Пороги цвета должны соответствовать условию 0 ≤ жёлтый ≤ зелёный (сейчас { $amber }% и { $green }%).

## Notes added with the reported figures and the structured notes
figure-unknown = неизвестно
note-growth-partial = Рост сравнивается только по месяцам, которые есть в обоих годах ({ $count } мес.); не вошли: { $left } (нет данных за этот или прошлый год).
note-annualised-seasonality = Пересчёт на год с учётом сезонности { $year } года: на { $months } пришлось { $share }% от { $year } года, поэтому значение с начала года разделено на { $factor }.
note-label-part-year = { $year } ({ $months } мес.)
note-pinned-figure = Текущее значение: опубликованная цифра, закреплённая в настройках цели.
note-pinned-missing = Закреплённой опубликованной цифры больше нет: используется последняя.
note-reported-not-later = Опубликованная цифра { $value } за { $period } ({ $source }) не новее данных: используется значение из данных (чтобы использовать опубликованную, закрепите её в настройках цели).
note-reported-current = Текущее значение: { $value } за { $period }, по опубликованным данным ({ $source }), не рассчитано по данным.
note-reported-annualised = Прогноз начинается с { $period } в пересчёте на год как ×12/{ $months }, без учёта сезонности.
note-reported-growth-published = Рост: { $growth }, как опубликовано вместе с цифрой.
note-reported-growth-against = Рост: { $growth } к опубликованным { $value } за { $period } ({ $source }).
note-reported-growth-unknown = Рост: неизвестен: темп роста с цифрой не опубликован, и цифры годом ранее нет.
note-reported-label = { $period }, опубликовано
note-reported-label-annualised = { $period } в пересчёте на год, опубликовано
target-scope-hs = ТН ВЭД { $code }
