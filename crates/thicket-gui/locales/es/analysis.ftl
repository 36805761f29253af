# Las vistas de análisis: pestañas, elementos del menú Análisis, filtros, el menú Exportar y cada vista.

analysis-title-matrix = Matriz
analysis-title-triangulation = Triangulación
analysis-title-cooccurrence = Coocurrencia
analysis-title-sequences = Secuencias
analysis-title-timeline = Línea de tiempo
analysis-title-framework = Marco
analysis-title-agreement = Acuerdo
analysis-title-reconcile = Conciliación
analysis-menu-matrix = Matriz (códigos × casos, roles, …)
analysis-menu-triangulation = Cuadrícula de triangulación
analysis-menu-cooccurrence = Mapa de calor de coocurrencias
analysis-menu-sequences = Secuencias (A seguido de B)
analysis-menu-timeline = Línea de tiempo
analysis-menu-framework = Matriz de marco (resúmenes de caso × códigos)
analysis-menu-agreement = Acuerdo entre codificadores
analysis-menu-reconcile = Conciliación (desacuerdos entre codificadores)
analysis-format-xlsx = Libro de Excel
analysis-format-svg = Imagen SVG
analysis-format-png = Imagen PNG
analysis-format-html = Página HTML
analysis-format-docx = Documento de Word
analysis-document-tab = Documento
analysis-close-tab = Cerrar { $title }
analysis-waiting-for-write = Esperando a que se escriba el cambio…
analysis-saved = Se guardó { $path }

## controls.rs y filters.rs
controls-any = cualquiera
controls-none = ninguno
controls-all-n = los { $n }
controls-n-chosen = { $n ->
        [one] { $n } elegido
       *[other] { $n } elegidos
    }
controls-all = Todos
controls-any-button = Cualquiera
controls-none-button = Ninguno
filters-label = Filtros:
filters-across-coders = Entre codificadores
    .tooltip = Emparejar también codificaciones de distintos codificadores. Por defecto un par es de un solo codificador: los códigos de dos codificadores en un mismo pasaje son un desacuerdo, no una coocurrencia

## export_menu.rs
export-table-csv = Tabla como CSV…
export-tables-xlsx = Tablas como libro XLSX…
export-chart-svg = Gráfico como SVG…
export-chart-png = Gráfico como PNG…
export-chart-size = Tamaño del gráfico
export-width = Ancho
export-width-tooltip = Unos 85 mm para una columna de revista, 170 mm para el ancho de una página
export-at = a
export-dpi-tooltip = Resolución de un PNG: 300 para imprimir, 96 para una pantalla
export-png-width = PNG: { $n } píxeles de ancho
export-pseudonymise-tooltip = Reemplazar los nombres según el mapa de seudónimos del proyecto (menú Proyecto, Seudónimos…) en lo que se exporta; el texto del proyecto nunca cambia
analysis-reading-project = Leyendo el proyecto…
analysis-preparing-data = Preparando los datos…
analysis-computing = Calculando…
analysis-cancelled = Cancelado. Cambie una opción para volver a calcular.
analysis-nothing-to-load = nada que cargar

## drill.rs: los segmentos detrás de una celda
drill-pairs-segments = { $pairs ->
        [one] { $pairs } par
       *[other] { $pairs } pares
    } · { $segments ->
        [one] { $segments } segmento
       *[other] { $segments } segmentos
    }
drill-pair = par { $n } · { $side }
drill-close-list = Cerrar la lista
drill-coding-gone = (esta codificación ya no está en el proyecto)
drill-no-speaker = sin hablante
drill-coded-by = codificado por { $name }

## matrix.rs
matrix-dim-cases = Casos
matrix-dim-roles = Roles
matrix-dim-kinds = Tipos de fuente
matrix-dim-coders = Codificadores
matrix-dim-participants = Participantes
matrix-dim-months = Meses
matrix-dim-quarters = Trimestres
matrix-dim-sessions = Sesiones (por caso)
matrix-dim-attribute = Atributo: { $name }
matrix-dim-attribute-of = Atributo: { $name } ({ $target })
matrix-measure-segments = Segmentos
matrix-measure-sources = Fuentes (distintas)
matrix-measure-cases = Casos (distintos)
matrix-measure-words = Palabras
matrix-measure-coverage = Cobertura (% de caracteres)
matrix-columns = Columnas
matrix-measure = Medida
matrix-rollup = Agregar subcódigos
    .tooltip = Contar cada código junto con todos sus subcódigos
matrix-hide-empty = Ocultar filas vacías
matrix-status = { $codes ->
        [one] { $codes } código
       *[other] { $codes } códigos
    } × { $columns ->
        [one] { $columns } columna
       *[other] { $columns } columnas
    } · { $measure }{ $coverage ->
        [yes] {" "}(porcentaje de los caracteres de cada columna)
       *[no] {""}
    } · haga clic en un número para ver sus segmentos

## triangulation.rs
triangulation-cell-tip = { $status }
    { $codings ->
        [one] { $codings } codificación
       *[other] { $codings } codificaciones
    } en { $sources ->
        [one] { $sources } fuente
       *[other] { $sources } fuentes
    }
    tipos: { $kinds }
    roles: { $roles }
triangulation-rollup-tooltip = Reunir cada código con todos sus subcódigos
triangulation-leave-out-roles = Excluir roles

## cooccurrence.rs
cooccurrence-mode-overlap = Superpuestos
cooccurrence-mode-paragraph = Mismo párrafo
cooccurrence-mode-turn = Mismo turno de habla
cooccurrence-mode-within = A menos de N caracteres
cooccurrence-when = Coocurren cuando
cooccurrence-chars-suffix = {" "}caracteres
cooccurrence-show = Mostrar
cooccurrence-pair-counts = Conteos de pares
cooccurrence-jaccard = Coeficientes de Jaccard
cooccurrence-hide-unused = Ocultar códigos sin uso
cooccurrence-status = { $codes ->
        [one] { $codes } código
       *[other] { $codes } códigos
    } · modo { $mode } · { $across ->
        [yes] pares entre codificadores
       *[no] pares de un mismo codificador
    } · diagonal: codificaciones del código · haga clic en una celda para ver sus pares
cooccurrence-diagonal-tip = { $n ->
        [one] { $n } codificación del código
       *[other] { $n } codificaciones del código
    }

## timeline.rs
timeline-plotted-cases = Casos graficados
timeline-status = Codificaciones por sesión, según la fecha de la sesión
timeline-choose = Elija los casos y códigos que desea graficar.
timeline-sessions = { $n ->
        [one] { $n } sesión
       *[other] { $n } sesiones
    }
timeline-undated = · { $n ->
        [one] { $n } fuente sin fecha no graficada
       *[other] { $n } fuentes sin fecha no graficadas
    }

## sequences.rs
sequences-from = Desde (A)
sequences-to = Hasta (B)
sequences-within-turns = Dentro de N turnos
sequences-within-paragraphs = Dentro de N párrafos
sequences-within-sessions = Dentro de K sesiones
sequences-later-in-case = En cualquier momento posterior del caso
sequences-window = Ventana
sequences-matrix-codes = Códigos de la matriz de transiciones
sequences-matrix-shows = La matriz muestra
sequences-probabilities = Probabilidades
sequences-no-codes = El libro de códigos no tiene códigos que seguir.
sequences-status = { $from } seguido de { $to } dentro de { $window } · desfases en { $unit } (desfase×conteo) · haga clic en un caso para ver sus pares
sequences-transitions = Transiciones: qué código elegido viene después, dentro de { $window }
sequences-drill-title = { $from } seguido de { $to } en { $case }
sequences-then = { $from } y luego { $to }
