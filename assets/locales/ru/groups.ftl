## Country groups as a partner (issue 15): the sidebar's partner picker and the group editor

groups-in-picker = Группы стран
groups-coverage = { $group }: в данных { $present } из { $members ->
        [one] { $members } участника
       *[other] { $members } участников
    }
groups-coverage-present = Есть в данных: { $names }
groups-coverage-missing = Нет в данных: { $names }
groups-reporter-left-out = { $name } не учитывается: это отчитывающаяся страна.
groups-as-of = Состав на { $date }.
groups-rule = Показатель группы — сумма по её участникам, которые есть в данных: без строк «Мир», без строк, которые сами являются группой, и без повторного учёта участника.
groups-unknown = Группы стран «{ $name }» нет.
groups-heading = Мои группы стран ({ $count })
groups-none = Своих групп пока нет. ЕАЭС, СНГ и ЕС-27 встроены в программу.
groups-new = Новая группа…
groups-edit = Изменить
groups-delete = Удалить
groups-name = Название
groups-members = Участники ({ $count })
groups-save = Сохранить группу
groups-cancel = Отмена
groups-error-name-empty = Укажите название группы.
groups-error-name-taken = Группа «{ $name }» уже есть.
groups-error-no-members = Отметьте хотя бы одного участника.

## The itinerary's figures for a stop's products

stop-figures-line = ТН ВЭД { $codes }, { $period }: { $value } ({ $change } к прошлому году)
stop-figures-line-no-change = ТН ВЭД { $codes }, { $period }: { $value } (сравнения нет: { $why })
stop-figures-why-months = годом ранее не хватает месяцев
stop-figures-none = ТН ВЭД { $codes }: экспорта по этому выбору в данных нет
stop-figures-computing = ТН ВЭД { $codes }: считается…
stop-figures-hint = Экспорт этих товаров для отчитывающейся страны и партнёра, выбранных слева, с начала последнего года
