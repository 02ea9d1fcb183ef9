# File ▸ Connect to ClickHouse… (src/ui/connect.rs, src/app/connect.rs)
menu-file-connect-clickhouse = Connect to ClickHouse…
connect-title = Connect to ClickHouse
connect-url = Server URL
connect-database = Database
connect-table = Table
connect-user = User
connect-password = Password
connect-timeout = Query timeout, s
connect-password-env-set = Leave the password empty to use { $var }. The password is never saved.
connect-password-env-unset = { $var } is not set: type the password (empty for a user without one). It is never saved.
connect-connect = Connect
connect-cancel = Cancel
connect-stage-connecting = Connecting to { $table }…
connect-stage-summing = The server is summing { $table }…
connect-stage-counting = The server is counting the rows of { $table }…
connect-shape-long = long format
connect-shape-comtrade = UN Comtrade+ columns
connect-label = ClickHouse: { $table }
connect-done = Connected to { $table } ({ $shape }): { $rows } rows on the server, summed there into { $sums } rows for the panels; { $aside } breakdown rows set aside, { $unreadable } unreadable.
connect-failed = ClickHouse: { $error }. The data shown is unchanged.
connect-asks-password = This workspace reads a ClickHouse table as user { $user }: type the password to reconnect. The figures shown are those saved with the workspace.
connect-cancelled = Connecting to { $table } cancelled. The data shown is unchanged.
connect-cube = The table makes about { $sums } sums per month, reporter, partner, flow and commodity, more than the window holds ({ $max }). The window holds { $cube } sums per month, reporter, partner and flow (all commodities, most aggregate level) and answers reporter, partner and month changes from them; a commodity selection (type its HS code or name) is summed by the server, one query each. { $listed ->
        [none] The commodity search knows only the commodities held (the table has more codes than the window holds).
       *[other] The commodity search knows the table's { $listed } commodity codes and their names.
    } The Composition tab's breakdowns by commodity are computed from the rows the server sums for each.
server-answered = Figures for commodity { $commodity }: summed by the ClickHouse server.
server-failed = The ClickHouse server did not answer the selection (commodity { $commodity }): { $error }. No figures are shown for it.
server-summing = The ClickHouse server is summing commodity { $commodity }…
    .tooltip = Stop waiting for the server; the figures shown stay those of the previous selection
server-cancelled = Stopped waiting for the ClickHouse server (commodity { $commodity }). The figures shown are still those of the previous selection; choose the commodity again to ask again.
connect-cube-chapters = The table makes about { $sums } sums per month, reporter, partner, flow and commodity, more than the window holds ({ $max }). The window holds { $cube } sums per month, reporter, partner and flow (all commodities, most aggregate level) and { $chapters } per HS chapter beside them: reporter, partner and month changes and 2-digit commodity selections are answered from memory; a 4- or 6-digit commodity selection is summed by the server, one query each. { $listed ->
        [none] The commodity search knows only the commodities held (the table has more codes than the window holds).
       *[other] The commodity search knows the table's { $listed } commodity codes and their names.
    } The Composition tab's breakdowns by commodity are computed from the rows the server sums for each.
connect-cube-commodity = all commodities, most aggregate level, summed by the ClickHouse server
server-summing-breakdown = The ClickHouse server is summing the rows of the Composition tab's breakdown…
    .tooltip = Stop waiting for the server; the breakdown shown stays the previous one
server-breakdown-cancelled = Stopped waiting for the ClickHouse server (the Composition tab's breakdown). The breakdown shown is the previous one; change the breakdown or the selection to ask again.
composition-server-failed = The ClickHouse server did not give the rows of this breakdown: { $error }. The breakdown shown is the previous one.
composition-server-cancelled = Stopped waiting for the ClickHouse server: the breakdown shown is the previous one. Change the breakdown or the selection to ask again.
