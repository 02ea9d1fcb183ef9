# Экспортталатын файлдар. PNG суреттері терезеден алынады, сондықтан терезенің хабарларын қолданады.
# CSV: тек тақырыптар аударылады; сандар машинамен оқылатын күйде қалады (бөлшекте нүкте, разряд
# бөлгіштері жоқ). iCalendar: оқиғалардың атаулары мен сипаттамалары; қасиет атаулары RFC 5545 бойынша.

## CSV тақырыптары
csv-period = Кезең
csv-header-usd = { $name } (АҚШ доллары)
csv-header-pct = { $name } (%)

## iCalendar
ics-calendar-name = Сапарлар
ics-time-tbc = { " " }(уақыты нақтыланады)
ics-placeholder-times = Уақыты шартты ({ $time }): дереккөзде кесте жоқ; қабылдаушы тараппен нақтылаңыз.
ics-kind-status = { $kind } · { $status }
ics-trade-concerned = Қатысты сауда: { $codes }
ics-delegation = Делегация: { $people }
ics-hosts = Қабылдаушы тарап: { $people }
ics-visit = Сапар: { $title } ({ $dates })
