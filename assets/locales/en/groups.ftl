## Country groups as a partner (issue 15): the sidebar's partner picker and the group editor

groups-in-picker = Country groups
groups-coverage = { $group }: { $present } of { $members ->
        [one] { $members } member
       *[other] { $members } members
    } in the data
groups-coverage-present = In the data: { $names }
groups-coverage-missing = Not in the data: { $names }
groups-reporter-left-out = { $name } is left out: it is the reporter.
groups-as-of = Members as of { $date }.
groups-rule = A group's figure is the sum over its members in the data: never World, never a row that is itself a group, never a member twice.
groups-unknown = No country group named “{ $name }”.
groups-heading = My country groups ({ $count })
groups-none = No groups of your own yet. The EAEU, the CIS and EU-27 come with the app.
groups-new = New group…
groups-edit = Edit
groups-delete = Delete
groups-name = Name
groups-members = Members ({ $count })
groups-save = Save group
groups-cancel = Cancel
groups-error-name-empty = Give the group a name.
groups-error-name-taken = There is a group named “{ $name }” already.
groups-error-no-members = Tick at least one member.

## The itinerary's figures for a stop's products

stop-figures-line = HS { $codes }, { $period }: { $value } ({ $change } on a year earlier)
stop-figures-line-no-change = HS { $codes }, { $period }: { $value } (no comparison: { $why })
stop-figures-why-months = months missing a year earlier
stop-figures-none = HS { $codes }: no exports in the data for this selection
stop-figures-computing = HS { $codes }: computing…
stop-figures-hint = Exports of these products for the reporter and partner chosen in the sidebar, latest year to date
