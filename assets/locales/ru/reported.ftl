# Опубликованные показатели (список и редактор на боковой панели, точки на графике) и выбор
# текущего значения цели.

## Боковая панель
reported-heading = Опубликованные показатели
reported-hint = Приведены в открытых источниках; не рассчитаны по данным.
reported-add = Добавить показатель
reported-edit = Изменить
reported-delete = Удалить
reported-derived = рассчитано по опубликованному темпу роста
reported-statistics-of = статистика: { $name }
reported-unknown-span = период неизвестен: не показан на графике и не учитывается в целях; укажите его, изменив показатель

## Редактор
reported-form-new = Новый опубликованный показатель
reported-form-edit = Изменить опубликованный показатель
reported-field-period = Период
reported-field-period-hint = 2018, Jan–Jul 2018, Q1 2018
reported-field-measure = Показатель
reported-field-reporter = Чья торговля
reported-field-partner = С кем
reported-field-value = Значение, долл. США
reported-field-value-hint = например, 58.3 million
reported-field-change = Опубликованный прирост, %
reported-field-change-hint = например, 18.6 для +18,6%
reported-field-statistics = Чья статистика
reported-statistics-unstated = не указано
reported-statistics-reporter = отчитывающейся стороны
reported-statistics-partner = партнёра (зеркальная)
reported-field-by = Кто сообщил
reported-field-source = Источник
reported-field-published = Дата публикации
reported-field-published-hint = ГГГГ-ММ-ДД
reported-field-note = Примечание
reported-save = Сохранить показатель
reported-cancel = Отмена
reported-error-period = Период: «{ $text }» — не период; напишите, например, 2018, Jan–Jul 2018, Q1 2018, H1 2018, 9M 2018 или 2018-01..2018-07.
reported-error-value = Значение: «{ $text }» — не сумма больше 0 долл.; напишите, например, 58.3 million.
reported-error-change = Опубликованный прирост: «{ $text }» — не процент; напишите, например, 18.6 или -4.2.
reported-error-change-impossible = Опубликованный прирост: снижение на 100% и более невозможно.
reported-error-parties = Укажите и отчитывающуюся сторону, и партнёра.
reported-error-source = Укажите источник: опубликованный показатель стоит столько же, сколько его источник.
reported-error-published = Дата публикации: «{ $text }» — не дата; напишите в виде ГГГГ-ММ-ДД или оставьте пустым.

## График
reported-chart-derived = рассчитано по опубликованному темпу роста: { $source }
reported-chart-point = опубликовано: { $source }
reported-chart-series = Опубликованные показатели
reported-kpi-caption = Опубликовано, { $period }, товарооборот

## Цели
gauge-pin = Текущее значение
gauge-pin-latest = Последнее (по данным или опубликованное)
gauge-pin-data = Только значение по данным
gauge-pin-missing = (удалённый опубликованный показатель)
