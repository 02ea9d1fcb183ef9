# The window: menus, tabs, status bar, notices, dialogs, the never-lose-work guard.
# Variables: $file and $path are file names or paths; $count is a number.

app-title = { $workspace }{ $file ->
        [none] {""}
       *[other] { " — " }{ $file }
    }{ $unsaved ->
        [yes] { " •" }
       *[no] {""}
    } — tradedash

## Tabs
tab-chart = Monthly trade
tab-targets = Targets
tab-visit = Visit

## Menus
menu-file = File
menu-file-new = New workspace
menu-file-open-data = Open data…
menu-file-open-workspace = Open workspace…
menu-file-open-recent = Open recent
menu-file-open-example = Open built-in example
menu-file-save = Save workspace
menu-file-save-as = Save workspace as…
menu-file-export-brief = Export briefing…
menu-file-quit = Quit
menu-edit = Edit
menu-edit-undo = Undo
menu-edit-redo = Redo
menu-chart = Chart
menu-chart-export-png = Export PNG…
menu-chart-export-csv = Export CSV…
menu-itinerary = Itinerary
menu-itinerary-save-ics = Save itinerary as iCalendar…
menu-itinerary-export-png = Export itinerary PNG…
menu-view = View
menu-view-import-report = Import report
menu-view-language = Language
menu-view-theme-system = System
menu-view-theme-light = Light
menu-view-theme-dark = Dark

## File dialogs
dialog-open-data = Open trade data
dialog-filter-data = Trade data and workspaces
dialog-filter-all = All files
dialog-open-workspace = Open workspace
dialog-filter-workspace = tradedash workspace
dialog-save-workspace = Save workspace as
dialog-export-png = Export chart as PNG
dialog-filter-png = PNG image
dialog-save-ics = Save itinerary as iCalendar
dialog-filter-ics = iCalendar
dialog-export-csv = Export table as CSV
dialog-filter-csv = CSV
dialog-export-brief = Export briefing as PDF
dialog-filter-pdf = PDF

## Path fields, when the desktop has no file dialog
path-open-title = Open a file by path
path-open-prompt = Path of a CSV data file or a .ron workspace:
path-open-button = Open
path-save-title = Save the workspace to a path
path-save-prompt = Path of the .ron file to write:
path-save-button = Save
path-export-title = Export PNG to a path
path-export-prompt = Path of the .png file to write:
path-export-button = Export
path-brief-title = Export the briefing to a path
path-brief-prompt = Path of the .pdf file to write:
path-no-dialog = No file dialog is available on this desktop. Type the path to write to.
path-no-dialog-open = No file dialog is available on this desktop. Type a path, drop the file on the window, or give it on the command line.
path-no-dialog-ics = No file dialog is available on this desktop: type a path in "Calendar file" and click "Save .ics", or use `tradedash export-ics`.
path-no-dialog-visit-png = No file dialog is available on this desktop: use `tradedash export-visit-png` to save a picture of the itinerary.

## Status bar
status-ready = Ready. Open a CSV (Ctrl+O), drop one on the window, or explore the example.
status-import-report = Import report
status-loading = Loading { $file } — { $size }, { $rows }
status-loading-of = { $done } of { $total }
status-rows = { $count ->
        [one] { $count } row
       *[other] { $count } rows
    }
status-size-kb = { $size } kB
status-size-mb = { $size } MB
status-cancel = Cancel
    .tooltip = Stop loading; the data shown stays as it is
status-cancelling = Cancelling…
status-working = Working
status-updating = Updating…
    .tooltip = Computing the figures for the new selection; the chart shows the previous ones

## Notices
notice-problem = Problem
notice-ok = OK
notice-example-opened = Opened the built-in Brest Oblast – Kazakhstan workspace (published figures)
notice-load-replaced = Loading { $old } cancelled: opening { $new } instead
notice-load-not-started = Cannot start loading: { $error }
notice-load-cancelled = Loading cancelled: { $file }. The data shown is unchanged.
notice-workspace-opened = Opened workspace { $path }
notice-needs-mapping = { $path }: choose the columns in the Column mapping window. The data shown is unchanged.
notice-open-failed = { $error }. { $what ->
        [workspace] The workspace shown is unchanged.
       *[data] The data shown is unchanged.
    }
notice-loaded-sheets = { $summary } — { $count } sheets: choose another in the Import report
notice-data-label = { $file }{ $sheet ->
        [none] {""}
       *[other] , sheet “{ $sheet }”
    } ({ $format })
notice-workspace-saved = Saved workspace { $path }
notice-write-failed = { $error }. The previous file is unchanged.
notice-nothing-written = { $error }. No file was written.
notice-table-exported = Exported table { $path } ({ $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    }, { $columns ->
        [one] { $columns } column
       *[other] { $columns } columns
    })
notice-no-visit = There is no visit to export
notice-no-such-visit = No such visit to export
notice-ics-no-name = Type a file name for the calendar file first
notice-ics-saved = Saved itinerary { $path } ({ $events ->
        [one] { $events } event
       *[other] { $events } events
    }, iCalendar)
notice-not-on-screen-yet = { $what ->
        [chart] The chart is not on screen yet; try again
        [gauge] The gauge is not on screen yet; try again
       *[itinerary] The itinerary is not on screen yet; try again
    }
notice-not-on-screen = { $what ->
        [chart] The chart is not on screen; nothing was exported
        [gauge] The gauge is not on screen; nothing was exported
       *[itinerary] The itinerary is not on screen; nothing was exported
    }
notice-exported = { $what ->
        [chart] Exported chart
        [gauge] Exported gauge
       *[itinerary] Exported itinerary
    } { $path } ({ $width }×{ $height } px)
notice-no-target = there is no target { $target } (the workspace has { $count })
notice-no-screenshot = no screenshot arrived from the renderer
notice-brief-exported = Exported briefing { $path } ({ $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    })

## Never losing work
guard-title = Save changes?
guard-body = “{ $title }” has changes that are not saved. They will be lost if you don't save them.
guard-save = Save
guard-dont-save = Don't save
guard-cancel = Cancel
recover-title = Recover unsaved work?
recover-body = tradedash did not close properly last time. Unsaved changes to “{ $title }” were kept.
recover-unreadable = An autosave was left behind but cannot be read: { $error }
recover-file = Autosave file:
recover-recover = Recover
recover-discard = Discard
recover-copy-path = Copy path
recover-done = Recovered the unsaved work. Save it to keep it.
recover-failed = { $error }. The autosave file was left where it is.
recover-discarded = Discarded the unsaved work in { $path }
autosave-failed = autosave failed: { $error }
autosave-no-thread = autosave thread did not start: { $error }
