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

## excerpt_dialog/: exportar extractos codificados
excerpts-coders-hidden = Todos los codificadores elegidos están ocultos en la vista Equipo: muestre al menos uno allí para exportar sus codificaciones.
excerpts-preview = Vista previa
excerpts-no-preview = Sin vista previa: { $problem }
excerpts-reading = Leyendo los extractos… { $percent } %
excerpts-first-n = { $n ->
        [one] El primero, tal como aparecerá:
       *[other] Los primeros { $n }, tal como aparecerán:
    }
excerpts-count = { $n ->
        [one] { $n } extracto
       *[other] { $n } extractos
    }
excerpts-exporting = Exportando…
excerpts-exported = { $n ->
        [one] Se exportó { $n } extracto
       *[other] Se exportaron { $n } extractos
    } a { $path }
excerpts-open-folder = Abrir carpeta
excerpts-export-failed = La exportación falló: { $error }
excerpts-export-cancelled = Exportación cancelada; no se escribió ningún archivo.
excerpts-choose-hint = Elija las codificaciones y el diseño; la vista previa se actualiza.
excerpts-export-button = Exportar…
excerpts-open-ended = No se pudo abrir { $path }: { $program } terminó con { $status }.
excerpts-open-failed = No se pudo abrir { $path }: no se puede ejecutar { $program }: { $error }.
excerpts-project-changed = el proyecto cambió durante la exportación; exporte de nuevo
excerpts-preset-author-date = Autor–fecha
excerpts-preset-compact = Compacto (para tablas)
excerpts-preset-custom = Personalizado
excerpts-group-code = Código
excerpts-group-case = Caso
excerpts-group-code-case = Código y luego caso
excerpts-group-source = Fuente
excerpts-sort-case = Caso
excerpts-sort-date = Fecha
excerpts-sort-position = Posición en la fuente
excerpts-write-query = Escriba una consulta, p. ej. Ruptures AND Repair.
excerpts-tick-a-code = Marque al menos un código, o seleccione con una consulta.
excerpts-bad-date = La fecha «{ $field }» («{ $date }») no es una fecha: escriba AAAA-MM-DD.
excerpts-from = Desde
excerpts-to = Hasta
excerpts-codings = Codificaciones
excerpts-codes = Códigos
excerpts-query = Consulta
excerpts-query-help = AND, OR, NOT, NEAR/n, FOLLOWED BY, tal como los acepta `segments --query`.
excerpts-query-ok = La consulta es válida.
excerpts-cases = Casos
excerpts-kinds = Tipos
excerpts-roles = Roles
excerpts-participants = Participantes
excerpts-coders = Codificadores
excerpts-layout = Diseño
excerpts-group-by = Agrupar por
excerpts-sort-by = Ordenar por
excerpts-context = Contexto (oraciones)
excerpts-memos = Memos
excerpts-other-codes = Otros códigos
excerpts-definitions = Definiciones
excerpts-counts = Conteos
excerpts-pseudonymise-tooltip = Reemplazar los nombres según el mapa de seudónimos del proyecto (menú Proyecto, Seudónimos…), en la vista previa y en el archivo; el texto del proyecto nunca cambia
excerpts-citation = Referencia
excerpts-template = Plantilla
excerpts-insert-field = Insertar este campo en el cursor
excerpts-date-tooltip = Solo las fuentes fechadas en este día o después (Desde) o en este día o antes (Hasta); una fuente sin fecha no cumple ningún límite

## refi_dialog.rs: exportaciones REFI-QDA
refi-title-project = Exportar proyecto REFI-QDA
refi-title-codebook = Exportar libro de códigos REFI-QDA
refi-project-explain = Fuentes, códigos, codificaciones con sus codificadores y fechas, casos, participantes, atributos y memos, para NVivo, ATLAS.ti, MAXQDA o QualCoder.
refi-positions = Contar las posiciones en
refi-code-points = puntos de código Unicode (el estándar)
    .tooltip = Lo que indica REFI-QDA 1.5; ATLAS.ti y MAXQDA lo leen
refi-utf16 = unidades UTF-16 (NVivo, QualCoder)
    .tooltip = Lo que cuentan NVivo y QualCoder; ambos difieren solo después de un emoji u otro carácter poco común
refi-codebook-explain = Los códigos con su árbol, colores y descripciones, para el libro de códigos de otro programa.
refi-pseudonymise-tooltip = Reemplazar los nombres según el mapa de seudónimos del proyecto, también en los textos (las posiciones se ajustan); el proyecto mismo nunca cambia

## merge_dialog.rs: fusionar otra copia del estudio
merge-title = Fusionar «{ $name }» con este proyecto
merge-from = Desde { $path }
    .tooltip = Este archivo solo se lee: se copia aparte y se abre la copia
merge-comparing = Comparando los dos proyectos…
merge-merging = Fusionando…
merge-merged = Fusionado en un solo paso.
merge-nothing = Nada que fusionar: este proyecto ya contiene todo lo que contiene el otro.
merge-undo = Deshacer esta fusión
    .tooltip = Revierte todo lo que la fusión trajo o cambió (también Editar, Deshacer)
merge-rule-question = Donde ambos proyectos cambiaron lo mismo:
merge-rule-stop = Detenerse y mostrármelo (no fusionar nada)
merge-button = Fusionar
merge-choose-rule-first = Elija primero qué hacer con los conflictos
merge-what-came-in = Lo que se incorporó
merge-what-would-happen = Lo que haría la fusión
merge-col-new = nuevo
merge-col-already-here = ya está aquí
merge-col-same-by-name = igual por nombre
merge-col-changed = cambiado
merge-no-conflicts = Sin conflictos.
merge-conflicts = Conflictos: { $n }
merge-here = aquí: { $value }
merge-there = allá: { $value }
merge-warnings = Advertencias: { $n }

## qualcoder_import.rs y refi_import.rs: proyectos de otros programas
qualcoder-target-exists = { $path } ya existe; un proyecto de QualCoder solo se lee en un archivo nuevo.
qualcoder-importing = Importando un proyecto de QualCoder
qualcoder-reading-into = Leyendo «{ $name }» en { $path }
qualcoder-reading-database = Leyendo la base de datos de QualCoder…
qualcoder-only-read = La carpeta de QualCoder solo se lee; nunca se modifica.
qualcoder-stopping = Deteniendo…
qualcoder-stopped-nothing-written = Se detuvo la importación de QualCoder; no se escribió ningún archivo ({ $error }).
qualcoder-import-stopped = la importación de QualCoder se detuvo: { $error }
qualcoder-report-title = Informe de la importación de QualCoder
qualcoder-close-report = Cerrar el informe
qualcoder-read-into = Se leyó { $folder } (base de datos de QualCoder { $version }) en { $path }.
qualcoder-counts = Fuentes: { $sources }; códigos: { $codes } (de categorías: { $categories }); codificaciones: { $codings }, de { $coders } codificadores; casos: { $cases }; atributos: { $attributes }, con { $values } valores; memos: { $memos } (diarios: { $journals }; anotaciones: { $annotations }).
qualcoder-all-landed = Cada codificación quedó sobre el texto que citaba QualCoder.
qualcoder-not-imported = No importados ({ $n })
qualcoder-corrected = Ubicadas tras revisar de nuevo su texto ({ $n })
qualcoder-corrected-line = { $source }, { $code }: { $range } leído como { $now } ({ $how })
qualcoder-mismatched = El texto difiere de la cita de QualCoder ({ $n })
qualcoder-mismatched-line = { $source }, { $code }: { $range } conservado como { $now }
qualcoder-read-from-files = Leído de la carpeta de documentos: { $names }
qualcoder-important-marks = { $n ->
        [one] { $n } codificación estaba marcada como importante en QualCoder; Thicket no tiene esa marca.
       *[other] { $n } codificaciones estaban marcadas como importantes en QualCoder; Thicket no tiene esa marca.
    }
refi-import-exists = «{ $path }» ya existe: elija un nombre nuevo para el proyecto importado
refi-import-open-first = Abra o cree un proyecto antes de importar un libro de códigos.
refi-import-cannot-read = no se puede leer «{ $path }»: { $error }
refi-import-codebook-report = Informe de la importación del libro de códigos
refi-import-importing = Importando un proyecto REFI-QDA
refi-import-report = Informe de la importación REFI-QDA
refi-import-stopped = la importación se detuvo: { $error }
