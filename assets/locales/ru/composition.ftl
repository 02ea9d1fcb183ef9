# Вкладка «Структура» (src/ui/composition): товары и партнёры по убыванию.
composition-tab = Структура
composition-by-commodity = Товары
composition-by-partner = Партнёры
composition-level-section = Разделы ТН ВЭД
composition-level-2 = Группы (2 знака)
composition-level-4 = Товарные позиции (4 знака)
composition-level-6 = Субпозиции (6 знаков)
composition-period-latest = С начала последнего года
composition-period-shown = Показанные месяцы
composition-top = Первые
composition-all-products = Все товары
composition-no-data = Нет данных по этому потоку для выбранного за этот период.
composition-computing = Расчёт структуры…
composition-total = { $period }: { $value }, { $change } к периоду { $previous }
composition-total-no-comparison = { $period }: { $value } (без сравнения: за { $previous } нет данных за те же месяцы)
composition-col-item = Позиция
composition-col-value = Стоимость
composition-col-share = Доля
composition-col-change = Изменение
composition-col-contribution = Вклад в прирост
composition-pp = { $value } п.п.
composition-other = Прочие ({ $count } ещё)
composition-not-broken-down = Включая часть итога, не разбитую на этом уровне: { $value }
composition-drill-hint = Нажмите, чтобы увидеть, из чего состоит
composition-chart = По месяцам
composition-chart-hint = Открыть помесячный график { $code }
composition-export-png = Сохранить PNG…
composition-export-csv = Сохранить CSV…
composition-level = Уровень
composition-period = Период
composition-rest = Остальное в итоге
composition-products = ТН ВЭД { $codes }
composition-stop = Структура ТН ВЭД { $codes }
composition-stop-hint = Из чего состоят эти товары и как они изменились, для выбранных отчитывающейся страны и партнёра
composition-export-not-ready = Структура ещё не рассчитана; повторите попытку. Файл не записан.
composition-exported = Структура выгружена в { $path } ({ $count ->
    [one] { $count } позиция
    [few] { $count } позиции
   *[many] { $count } позиций
}, «прочие» и итог)
composition-col-unit-value = Цена за единицу
composition-col-effects = Эффект цены / объёма
composition-unit-kg = кг
composition-unit-value = { $value } долл./{ $unit }
composition-quantity = { $value } { $unit }
composition-unknown = неизвестно
composition-unknown-hint = Количество, помеченное источником как оценочное, нулевое или отсутствующее, а также в разных единицах, считается неизвестным.
composition-unit-value-hint = Количество { $quantity }; годом ранее { $previous_quantity } по { $previous }. Количество, помеченное источником как оценочное, нулевое или отсутствующее, а также в разных единицах, считается неизвестным.
composition-unit-value-column-hint = Долларов США за единицу количества (вес нетто в кг или единица из файла, например u — штуки): стоимость ÷ количество.
composition-effects = { $price } / { $volume }
composition-effects-hint = Эффект цены (p₁ − p₀) × q₁: { $price }. Эффект объёма (q₁ − q₀) × p₀: { $volume }. Вместе — изменение стоимости: { $change }. (q — количество, p — цена за единицу; ₀ — годом ранее, ₁ — сейчас.)
composition-effects-column-hint = Изменение стоимости, разложенное на эффект цены (p₁ − p₀) × q₁ и эффект объёма (q₁ − q₀) × p₀, которые в сумме дают его (q — количество, p — цена за единицу; ₀ — годом ранее, ₁ — сейчас). Неизвестно, если неизвестно количество.
