# Los diálogos de exportación e intercambio: informes, REFI-QDA, fusión, QualCoder, extractos codificados.

## report_dialog.rs: el libro de códigos y los informes de caso
report-title-codebook = Exportar libro de códigos
report-title-case-report = Exportar informe de caso
report-blind = Usted está codificando a ciegas como { $name }: el libro de códigos y los informes de caso abarcan a todos los codificadores, así que salga del modo ciego para escribirlos.
report-format = Formato
report-anchors = Cita ancla por código
    .tooltip = La codificación que coincide con el ejemplo del código o, si no hay, una de longitud mediana, con su referencia
report-all-cases = Todos los casos
report-excerpts-per-code = Extractos por código
report-pseudonymise = Seudonimizar
    .tooltip = Reemplazar los nombres según el mapa de seudónimos del proyecto (menú Proyecto, Seudónimos…); el texto del proyecto nunca cambia
report-choose-file = Elegir archivo…
