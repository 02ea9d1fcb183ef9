## Country groups as a partner (issue 15): the sidebar's partner picker and the group editor

groups-in-picker = Елдер топтары
groups-coverage = { $group }: { $members } мүшенің { $present } деректерде бар
groups-coverage-present = Деректерде бар: { $names }
groups-coverage-missing = Деректерде жоқ: { $names }
groups-reporter-left-out = { $name } есепке алынбайды: бұл есеп беруші ел.
groups-as-of = Құрамы { $date } бойынша.
groups-rule = Топтың көрсеткіші — оның деректердегі мүшелерінің қосындысы: «Әлем» жолдарынсыз, өзі топ болып табылатын жолдарсыз, бір мүшені екі рет есептемей.
groups-unknown = «{ $name }» деген елдер тобы жоқ.
groups-heading = Менің елдер топтарым ({ $count })
groups-none = Өз топтарыңыз әзірге жоқ. ЕАЭО, ТМД және ЕО-27 бағдарламаға енгізілген.
groups-new = Жаңа топ…
groups-edit = Өзгерту
groups-delete = Жою
groups-name = Атауы
groups-members = Мүшелері ({ $count })
groups-save = Топты сақтау
groups-cancel = Болдырмау
groups-error-name-empty = Топтың атауын жазыңыз.
groups-error-name-taken = «{ $name }» деген топ бар.
groups-error-no-members = Кемінде бір мүшені белгілеңіз.

## The itinerary's figures for a stop's products

stop-figures-line = СЭҚ ТН { $codes }, { $period }: { $value } (бір жыл бұрынғыға { $change })
stop-figures-line-no-change = СЭҚ ТН { $codes }, { $period }: { $value } (салыстыру жоқ: { $why })
stop-figures-why-months = бір жыл бұрын айлар жетіспейді
stop-figures-none = СЭҚ ТН { $codes }: бұл таңдау бойынша деректерде экспорт жоқ
stop-figures-computing = СЭҚ ТН { $codes }: есептелуде…
stop-figures-hint = Сол жақта таңдалған есеп беруші ел мен серіктес үшін осы тауарлардың соңғы жылдың басынан бергі экспорты
