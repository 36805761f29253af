# Proyecto → Historial…: el registro de auditoría (src/history.rs).

cmd-history = Historial…
    .tooltip = Cada cambio hecho en este proyecto, incluidos deshacer y rehacer: quién, cuándo, qué
history-title = Historial
history-title-of = Historial de «{ $name }»
history-count = { $n ->
    [one] { $n } cambio, el más reciente primero
   *[other] { $n } cambios, los más recientes primero
}
history-empty = Todavía no se ha cambiado nada.
history-of-source = Historial…
    .tooltip = Cada cambio que afectó a esta fuente: quién, cuándo, qué
history-of-code = Historial…
    .tooltip = Cada cambio que afectó a este código: quién, cuándo, qué
