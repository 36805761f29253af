# La ventana principal: mensajes de la aplicación, la barra de estado, la pantalla de bienvenida,
# la lista de fuentes, los diálogos de archivos, la importación, el codificador, el trabajo en
# segundo plano y las preferencias.

## app.rs y writing.rs: mensajes después de una acción
app-say-coder-first = Indique primero quién codifica y vuelva a intentarlo.
app-coder-retired = { $name } está retirado/a: elija otro codificador, o reincorpore a { $name } en la vista Equipo, y vuelva a intentarlo.
app-cannot-record-coder = no se puede registrar al codificador «{ $name }»: { $error }
app-select-passage-first = Seleccione primero un pasaje del texto y luego elija un código.
app-cannot-write-sample = no se puede escribir el estudio de ejemplo en { $path }: { $error }
app-applying-codings = { $n ->
        [one] Aplicar { $n } codificación…
       *[other] Aplicar { $n } codificaciones…
    }
app-undoing = Deshaciendo: { $what }…
app-redoing = Rehaciendo: { $what }…
app-writing-file = Escribiendo { $path }…
app-wrote-file = Se escribió { $path }
app-comparing-with = Comparando con «{ $name }»…
app-merging = Fusionando «{ $name }»…
app-write-lost = no se pudo escribir el cambio ({ $error }); abra el proyecto de nuevo
app-saved-copy = Se guardó una copia en { $path }
app-saved-readable-copy = Se guardó una copia legible en { $path } ({ $rows } filas)
app-readable-left-out = ; se omitieron, porque su texto está dañado: { $names }
app-readable-stopped = ; { $n ->
        [one] { $n } tabla se leyó
       *[other] { $n } tablas se leyeron
    } solo hasta el daño
app-readable-open-it = { $note }. Ábrala para seguir trabajando.
app-open-before-import = Abra o cree un proyecto antes de importar archivos.
app-blind-leave-first = Usted está codificando a ciegas como { $name }: salga primero del modo ciego para codificar como otra persona.
app-no-system-dialog = Aquí no hay un diálogo de archivos del sistema; se usa el de Thicket.
app-is-open-project = { $path } es el proyecto abierto; elija otro nombre.
app-cannot-replace = no se puede reemplazar { $path }: { $error }
app-cannot-tidy = no se puede ordenar { $path }: { $error }
app-cancelled-nothing-changed = Cancelado: no se cambió nada.
app-cancelling = Cancelando…
app-cancel = Cancelar

## panels.rs: el marco de la ventana
panels-recent-projects = Proyectos recientes
panels-drop-files = Suelte los archivos para importarlos
panels-dismiss = Descartar
panels-project-damaged = «{ $name }» está dañado ({ $detail }). Está abierto solo para lectura: puede leer y exportar, y no se cambiará nada. Guarde lo que se pueda leer en un proyecto nuevo, o restaure una copia de seguridad.
panels-project-read-only = «{ $name }» es de solo lectura ({ $reason }). Puede leer y exportar; los cambios se rechazan.
panels-save-readable-copy = Guardar una copia legible…
    .tooltip = Copiar las fuentes, códigos, codificaciones, casos y memos que aún se pueden leer en un archivo de proyecto nuevo
panels-status-counts = { $sources ->
        [one] { $sources } fuente
       *[other] { $sources } fuentes
    } · { $cases ->
        [one] { $cases } caso
       *[other] { $cases } casos
    } · { $codes ->
        [one] { $codes } código
       *[other] { $codes } códigos
    } · { $codings ->
        [one] { $codings } codificación
       *[other] { $codings } codificaciones
    }
panels-coder = Codificador/a:
    .tooltip = Cada codificación y memo que usted haga registra a este codificador
panels-coder-blind = { $name } (a ciegas)
panels-coder-not-chosen = (sin elegir)
panels-another-coder = Otro codificador:
    .hint = nombre y luego Intro
panels-not-in-a-case = Sin caso
panels-by-case = Por caso
panels-by-kind = Por tipo
panels-find-source = Buscar una fuente
    .hint = escriba para filtrar
panels-click-to-fold = Haga clic para plegar
panels-click-to-unfold = Haga clic para desplegar
panels-source-has-memo = Esta fuente tiene un memo: clic derecho y luego Memo…
panels-source-hover = { $name }
    { $kind } · { $date } · { $words ->
        [one] { $words } palabra
       *[other] { $words } palabras
    }
panels-no-date = sin fecha
panels-segments = Segmentos
panels-segments-idle = haga clic en un código del libro de códigos para ver sus segmentos
panels-select-source = Seleccione una fuente a la izquierda para leerla.

## La pantalla de bienvenida
welcome-tagline = Codificación cualitativa para estudios de caso etnográficos
welcome-explore-sample = Explorar el estudio de ejemplo
welcome-sample-description = Tres familias ficticias en un programa de preservación familiar, un grupo focal, un libro de códigos y dos codificadores.
welcome-open-project = Abrir proyecto…
welcome-open-qualcoder = Abrir un proyecto de QualCoder…
    .tooltip = Lee la carpeta de un proyecto de QualCoder (NOMBRE.qda) en un nuevo proyecto de Thicket

## import_dialog.rs: importar archivos
import-title = Importar
import-reading-files = Leyendo archivos… { $done } de { $total }
import-close = Cerrar
import-files-read = { $files ->
        [one] { $files } archivo leído
       *[other] { $files } archivos leídos
    } ({ $sources ->
        [one] { $sources } fuente
       *[other] { $sources } fuentes
    }); { $failed ->
        [one] { $failed } no se pudo leer.
       *[other] { $failed } no se pudieron leer.
    }
import-reading-cancelled = Se canceló la lectura: solo se importarán los archivos leídos hasta ahora.
import-kind = Tipo
import-detect-kind = Detectar a partir del texto
import-case = Caso
    .hint = ninguno, o un caso nuevo o existente
import-existing-case = existente…
import-session-date = Fecha de la sesión
    .hint = AAAA-MM-DD
import-date-from-name = o leerla del nombre de cada archivo
import-speakers = Hablantes
import-detect-speakers = Detectar turnos de habla
import-detected-speakers = Hablantes detectados. Dé el mismo nombre a dos etiquetas para unirlas; elija un participante existente para asignarlo.
import-col-label = Etiqueta
import-col-turns = Turnos
import-col-participant = Participante
import-col-role = Rol
import-map-participant = Asignar a un participante existente
import-existing-no-role = existente, sin rol
import-existing-role = existente: { $role }
import-no-role = sin rol
import-suggested-role = sugerido: es quien más pregunta
import-button = { $n ->
        [one] Importar { $n } fuente
       *[other] Importar { $n } fuentes
    }
import-bad-date = «{ $date }» no es una fecha: escríbala como AAAA-MM-DD
import-imported = { $n ->
        [one] Se importó { $n } fuente
       *[other] Se importaron { $n } fuentes
    }
import-words = { $n ->
        [one] { $n } palabra
       *[other] { $n } palabras
    }
import-skipped = Se omitió { $name }: { $reason }
import-not-imported = No se importó { $name }: { $reason }

## file_request.rs y file_browser.rs: elegir archivos
files-title-open-project = Abrir proyecto
files-title-new-project = Nuevo proyecto
files-title-save-copy = Guardar una copia como
files-title-save-readable-copy = Guardar una copia legible como
files-title-import-files = Importar archivos
files-title-import-folder = Importar carpeta
files-title-open-qualcoder = Abrir la carpeta de un proyecto de QualCoder
files-title-save-imported = Guardar el proyecto importado como
files-title-merge = Fusionar un proyecto con este
files-title-open-refi = Abrir un proyecto REFI-QDA
files-title-import-codebook = Importar libro de códigos
files-title-export = Exportar
files-title-export-excerpts = Exportar extractos codificados
files-title-backup-folder = La carpeta para las copias de seguridad de este proyecto
files-confirm-open = Abrir
files-confirm-create = Crear
files-confirm-import = Importar
files-confirm-import-folder = Importar esta carpeta
files-confirm-open-qualcoder = Abrir este proyecto de QualCoder
files-confirm-backup-folder = Guardar las copias aquí
files-confirm-compare = Comparar
files-confirm-save = Guardar
files-hint-qualcoder-folder = Entre en la carpeta del proyecto (NOMBRE.qda, la que contiene data.qda) y luego pulse Abrir este proyecto de QualCoder.
files-hint-qualcoder-target = El nuevo proyecto de Thicket; nunca se reemplaza un archivo existente.
files-hint-backup-folder = Entre en la carpeta (lo más seguro es un disco distinto del del proyecto) y luego pulse Guardar las copias aquí.
files-filter-projects = Proyecto de Thicket
files-filter-refi-projects = Proyecto REFI-QDA
files-filter-refi-codebooks = Libro de códigos REFI-QDA
files-filter-documents = Documentos
browser-parent-folder = Carpeta superior
browser-location = Ubicación
browser-go = Ir
browser-no-such-folder = No existe la carpeta { $path }.
browser-go-to = Ir a:
browser-home = Inicio
browser-empty = Aquí no hay carpetas ni archivos que coincidan.
browser-new-folder = Nueva carpeta…
browser-new-folder-name = Nombre de la nueva carpeta
browser-create-folder = Crear carpeta
browser-folder-needs-name = Dé un nombre a la nueva carpeta (sin barras).
browser-cannot-create-folder = No se puede crear la carpeta «{ $name }»: { $error }
browser-file-name = Nombre del archivo
browser-replace-question = «{ $name }» ya existe aquí. ¿Desea reemplazarlo?
browser-replace = Reemplazar
browser-dont-replace = No reemplazar
browser-type-file-name = Escriba un nombre de archivo.
browser-exists-choose-new = «{ $name }» ya existe aquí; elija un nombre nuevo.
browser-cannot-read-folder = No se puede leer la carpeta { $path }: { $error }
browser-size-bytes = { $n ->
        [one] { $n } byte
       *[other] { $n } bytes
    }

## coder_prompt.rs: quién codifica
coder-prompt-title = ¿Quién codifica?
coder-prompt-explain = Cada codificación y memo que usted haga registra este nombre, para poder distinguir y comparar a los codificadores.
coder-prompt-name = Nombre del codificador/a
    .hint = su nombre
coder-prompt-or-continue = O continúe como uno de los codificadores de este proyecto:
coder-prompt-code-as = Codificar como { $name }
coder-prompt-continue = Continuar
coder-prompt-keep = Seguir como { $name }

## side_panels.rs: los paneles laterales plegables
side-sources = Fuentes
side-codebook = Libro de códigos
side-search-project = Buscar en el proyecto
side-fold-sources = Plegar el panel de fuentes
side-fold-codebook = Plegar el panel del libro de códigos
side-fold-search-project = Plegar el panel de búsqueda en el proyecto
side-show-sources = Mostrar el panel de fuentes
side-show-codebook = Mostrar el panel del libro de códigos
side-show-search-project = Mostrar el panel de búsqueda en el proyecto

## retrieval.rs: los segmentos de los códigos elegidos
retrieval-include-subcodes = Incluir subcódigos
retrieval-case = Caso
retrieval-kind = Tipo
retrieval-role = Rol
retrieval-coder = Codificador/a
retrieval-segment-count = { $n ->
        [one] { $n } segmento
       *[other] { $n } segmentos
    }
retrieval-by-coder = por { $name }
retrieval-show-in-document = Haga clic para mostrarlo en su documento
retrieval-any = cualquiera

## jobs.rs
jobs-stopped-unexpectedly = el cálculo se detuvo inesperadamente
