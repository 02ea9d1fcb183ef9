# Вкладка «Визит»: программа, шкала времени, редактор пунктов программы и проверки плана.

## Виды пунктов и статусы (виды пишутся и в CATEGORIES календаря)
stop-kind-enterprise = Предприятие
stop-kind-university = Вуз
stop-kind-memorial = Мемориал
stop-kind-nature = Природа
stop-kind-meeting = Встреча
stop-kind-travel = Переезд
stop-status-planned = Запланировано
stop-status-confirmed = Подтверждено
stop-status-done = Состоялось
stop-status-cancelled = Отменено

## Панель
visit-none = В этой рабочей области визит не запланирован.
visit-new = Новый визит
visit-new-title = Новый визит
visit-placeholder-note = Время с пометкой «уточн.» условное: в источнике его нет. Заполните его.
visit-calendar-file = Файл календаря
visit-save-ics = Сохранить .ics
    .tooltip = Записать программу визита в файл iCalendar
visit-save-ics-as = Сохранить .ics как…
visit-export-png = Экспорт в PNG…
    .tooltip = Сохранить изображение программы визита
visit-no-days = Нет дней для показа
visit-day = День { $number }
visit-outside = вне дат визита
visit-tbc = { " " }(уточн.)
visit-details = Сведения о визите
visit-add-stop = Добавить пункт
    .tooltip = Добавить пункт программы на { $day }
visit-warnings = { $count ->
        [one] { $count } замечание к плану
        [few] { $count } замечания к плану
       *[many] { $count } замечаний к плану
    }
visit-day-heading = { $day } · день { $number }
visit-day-heading-outside = { $day } · вне дат визита
visit-no-stops = Пунктов нет
visit-up = Выше
    .tooltip = Раньше в этот день
visit-down = Ниже
    .tooltip = Позже в этот день
visit-edit-stop = Изменить этот пункт
visit-chart-hs = График ТН ВЭД { $code }
    .tooltip = Показать торговлю по ТН ВЭД { $code } на графике по месяцам
visit-click-to-chart = Щелчок: показать торговлю по { $codes } на графике по месяцам
visit-placeholder-times = { " " }(время условное)
visit-day-choice = { $day } (день { $number })
visit-day-choice-outside = { $day } (вне дат визита)
visit-use-format = формат: { $format }
visit-delegation-line = Делегация: { $people }
visit-hosts-line = Принимающая сторона: { $people }
visit-untitled-stop = Пункт без названия
visit-stop-number = пункт { $number }
visit-annotation = Визит: { $title }

## Редактор пункта
stop-organisation = Организация
stop-place = Место
stop-day = День
stop-start = Начало
stop-end = Окончание
stop-time-hint = ЧЧ:ММ
stop-kind = Вид
stop-status = Статус
stop-address = Адрес
stop-hs-codes = Коды ТН ВЭД
stop-coordinates = Координаты
stop-coordinates-hint = широта, долгота
stop-notes = Примечания
stop-placeholder-times = Время условное (уточняется)
stop-done = Готово
stop-delete = Удалить пункт

## Сведения о визите
visit-title = Название
visit-first-day = Первый день
visit-date-hint = ГГГГ-ММ-ДД
visit-last-day = Последний день
visit-time-zone = Часовой пояс
visit-utc-offset = Смещение от UTC, мин
visit-delegation = Делегация
visit-delegation-member = Член делегации
visit-hosts = Принимающая сторона
visit-host = Представитель принимающей стороны
visit-notes = Примечания
person-name = Имя
person-role = Должность
person-name-of = { $who }: имя
person-role-of = { $who }: должность
person-remove = Убрать
person-add-delegation = Добавить в делегацию
person-add-hosts = Добавить в принимающую сторону

## Проверки плана
issue-visit-ends-before-start = Визит заканчивается ({ $end }) раньше, чем начинается ({ $start })
issue-end-not-after-start = Заканчивается раньше, чем начинается: время окончания должно быть позже начала
issue-outside-dates = Вне дат визита ({ $dates })
issue-overlap = Накладывается на { $other }
issue-no-travel-time = Нет времени на переезд от { $from }: { $km } км, по дороге около { $needed }, запланировано { $planned }
duration-min = { $minutes } мин
duration-h = { $hours } ч
duration-h-min = { $hours } ч { $minutes } мин
