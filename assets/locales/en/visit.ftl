# The Visit tab: the itinerary, its timeline, the stop editor and the plan's checks.
# $day is a day as formatted by tradedash ("Tue 11 Sep"), $time a time span ("10:00–11:30").

## Stop kinds and statuses (kinds are also the calendar's CATEGORIES)
stop-kind-enterprise = Enterprise
stop-kind-university = University
stop-kind-memorial = Memorial
stop-kind-nature = Nature
stop-kind-meeting = Meeting
stop-kind-travel = Travel
stop-status-planned = Planned
stop-status-confirmed = Confirmed
stop-status-done = Done
stop-status-cancelled = Cancelled

## Panel
visit-none = No visit planned in this workspace.
visit-new = New visit
visit-new-title = New visit
visit-placeholder-note = Times marked TBC are placeholders: the source gives none. Fill them in.
visit-calendar-file = Calendar file
visit-save-ics = Save .ics
    .tooltip = Write the itinerary as an iCalendar file
visit-save-ics-as = Save .ics as…
visit-export-png = Export PNG…
    .tooltip = Save a picture of the itinerary
visit-no-days = No days to show
visit-day = Day { $number }
visit-outside = outside the visit
visit-tbc = { " " }(TBC)
visit-details = Visit details
visit-add-stop = Add stop
    .tooltip = Add a stop on { $day }
visit-warnings = { $count ->
        [one] { $count } warning in the plan
       *[other] { $count } warnings in the plan
    }
visit-day-heading = { $day } · Day { $number }
visit-day-heading-outside = { $day } · outside the visit
visit-no-stops = No stops
visit-up = Up
    .tooltip = Earlier in the day
visit-down = Down
    .tooltip = Later in the day
visit-edit-stop = Edit this stop
visit-chart-hs = Chart HS { $code }
    .tooltip = Show HS { $code } trade on the monthly chart
visit-click-to-chart = Click: show { $codes } trade on the monthly chart
visit-placeholder-times = { " " }(placeholder times)
visit-day-choice = { $day } (day { $number })
visit-day-choice-outside = { $day } (outside the visit)
visit-use-format = use { $format }
visit-delegation-line = Delegation: { $people }
visit-hosts-line = Hosts: { $people }
visit-untitled-stop = Untitled stop
visit-stop-number = stop { $number }
visit-annotation = Visit: { $title }

## Stop editor
stop-organisation = Organisation
stop-place = Place
stop-day = Day
stop-start = Start
stop-end = End
stop-time-hint = HH:MM
stop-kind = Kind
stop-status = Status
stop-address = Address
stop-hs-codes = HS codes
stop-coordinates = Coordinates
stop-coordinates-hint = lat, lon
stop-notes = Notes
stop-placeholder-times = Times are placeholders (TBC)
stop-done = Done
stop-delete = Delete stop

## Visit details
visit-title = Title
visit-first-day = First day
visit-date-hint = YYYY-MM-DD
visit-last-day = Last day
visit-time-zone = Time zone
visit-utc-offset = UTC offset, min
visit-delegation = Delegation
visit-delegation-member = Delegation member
visit-hosts = Hosts
visit-host = Host
visit-notes = Notes
person-name = Name
person-role = Role
person-name-of = { $who } name
person-role-of = { $who } role
person-remove = Remove
person-add-delegation = Add to delegation
person-add-hosts = Add to hosts

## Checks of the plan
issue-visit-ends-before-start = The visit ends ({ $end }) before it starts ({ $start })
issue-end-not-after-start = Ends before it starts: the end time must be after the start time
issue-outside-dates = Outside the visit's dates ({ $dates })
issue-overlap = Overlaps with { $other }
issue-no-travel-time = No travel time from { $from }: { $km } km, about { $needed } by road, { $planned } planned
duration-min = { $minutes } min
duration-h = { $hours } h
duration-h-min = { $hours } h { $minutes } min
