# Trust in what is shown: a file about other trade, and a view left empty by the data.
# Variables: $file is a file name; $new and $old say who data is about ("Moldova – Romania");
# $view and $other are view captions (view-monthly, view-annual, …).

## A data file that shares no reporter or partner with the data shown
context-title = This file is about other trade
context-body = “{ $file }” holds { $new }. The data shown is about { $old }, and so are this workspace's events, visits, targets and reported figures.
context-new = Start a new workspace
context-new-tip = The file's data alone, with no events, visits, targets or reported figures from this workspace. Undo goes back.
context-add = Add the data to this workspace
context-add-tip = Keep this workspace with its data, selection, events, visits, targets and reported figures, and add the file's rows beside them. Undo goes back.
context-cancel = Cancel

## A view that would be empty while another view has figures
chart-empty-elsewhere = No figures for this selection in the “{ $view }” view. The data has figures in the “{ $other }” view.
chart-empty-show = Show “{ $other }”
