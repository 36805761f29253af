# Project → Geschiedenis…: het auditlogboek (src/history.rs).

cmd-history = Geschiedenis…
    .tooltip = Elke wijziging in dit project, ook ongedaan maken en opnieuw: wie, wanneer, wat
history-title = Geschiedenis
history-title-of = Geschiedenis van ‘{ $name }’
history-count = { $n ->
    [one] { $n } wijziging, nieuwste eerst
   *[other] { $n } wijzigingen, nieuwste eerst
}
history-empty = Er is nog niets gewijzigd.
history-of-source = Geschiedenis…
    .tooltip = Elke wijziging die deze bron raakte: wie, wanneer, wat
history-of-code = Geschiedenis…
    .tooltip = Elke wijziging die deze code raakte: wie, wanneer, wat
