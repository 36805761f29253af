# Lo que contiene el proyecto: memos, casos, atributos, participantes, seudónimos.

## El explorador de memos
memos-title = Memos
memos-new-project-memo = Nuevo memo del proyecto
    .tooltip = Un memo sobre el estudio en su conjunto
memos-kind = Tipo de memo
memos-all-kinds = Todos los tipos
memos-kind-project = Proyecto
memos-kind-source = Fuente
memos-kind-passage = Pasaje
memos-kind-code = Código
memos-kind-case = Caso
memos-kind-participant = Participante
memos-kind-coding = Codificación
memos-search = Buscar memos
memos-search-hint = palabras del memo o de aquello a lo que se refiere
memos-count = { $n ->
        [one] 1 memo
       *[other] { $n } memos
    }
memos-count-of = { $n } de { $total ->
        [one] 1 memo
       *[other] { $total } memos
    }
memos-none-yet = Aún no hay memos. Escriba uno sobre el proyecto aquí, o elija «Memo…» en una fuente, un código, un caso, un participante o una codificación.
memos-no-match = Ningún memo coincide con el filtro.
memos-select = Seleccione un memo para leerlo o editarlo.
memos-memo-title = Título
memos-text = Texto del memo
memos-saved-when = Se guarda cuando usted hace una pausa o sale del campo
memos-saved-once = Un memo nuevo se guarda en cuanto tiene texto
memos-saved = Guardado
memos-show-in-document = Mostrar en el documento
memos-delete = Eliminar memo
    .tooltip = Puede deshacerlo (Ctrl+Z)
memos-has-memo = tiene un memo
memos-deleted-source = (fuente eliminada)
memos-deleted-code = (código eliminado)
memos-deleted-case = (caso eliminado)
memos-deleted-participant = (participante eliminado)
memos-on-source = Fuente «{ $source }»
memos-on-passage = Pasaje de «{ $source }»: «{ $quote }»
memos-on-code = Código { $code }
memos-on-case = Caso «{ $case }»
memos-on-participant = Participante «{ $participant }»
memos-on-coding = Codificación { $code } en «{ $source }»: «{ $quote }»

## La ventana de casos
cases-title = Casos
cases-list-row = { $case } · { $n ->
        [one] 1 fuente
       *[other] { $n } fuentes
    }
cases-none-yet = Aún no hay casos. Un caso es una unidad del estudio, por ejemplo una familia.
cases-select = Seleccione un caso para cambiarle el nombre, describirlo o asignarle fuentes.
cases-new-name = Nombre del nuevo caso
cases-new-name-hint = p. ej. familia Okafor
cases-create = Crear caso
cases-name-exists = Ya existe un caso con este nombre.
cases-name = Nombre del caso
cases-name-taken = Otro caso tiene este nombre.
cases-name-needed = Un caso necesita un nombre.
cases-description = Descripción
cases-memo = Memo…
    .tooltip = Abrir el memo de este caso en el explorador de memos
cases-has-memo = Este caso tiene un memo
cases-delete = Eliminar caso…
cases-no-participants = Sin participantes (agréguelos en la ventana Participantes del menú Proyecto)
cases-participants = Participantes: { $names }
cases-sources-in = Fuentes en «{ $case }» ({ $n })
cases-filter-sources = Filtrar fuentes
cases-source-kind = Tipo de fuente
cases-any-kind = cualquiera
cases-assign-shown = Asignar las { $n } mostradas
cases-unassign-shown = Desasignar las { $n } mostradas
cases-no-date = sin fecha
cases-delete-title = Eliminar caso
cases-delete-question = ¿Eliminar el caso «{ $case }»?
cases-delete-keeps = Sus { $sources ->
        [one] 1 fuente asignada
       *[other] { $sources } fuentes asignadas
    } y { $participants ->
        [one] 1 participante
       *[other] { $participants } participantes
    } siguen en el proyecto; solo pierden su vínculo con este caso.
cases-delete-with = Se eliminan con él: { $memos ->
        [one] 1 memo
       *[other] { $memos } memos
    } y { $values ->
        [one] 1 valor de atributo
       *[other] { $values } valores de atributo
    }.
cases-undo-hint = Puede deshacerlo (Ctrl+Z).
cases-delete-confirm = Eliminar el caso
cases-cancel = Cancelar
cases-assign-to = Asignar a un caso
cases-new-case = Nuevo caso…
cases-edit-case = Editar caso…
cases-author = Autor: { $author }
cases-author-not-set = sin definir
cases-author-hint = La perspectiva que lleva esta fuente
cases-author-none = Sin definir
cases-author-agency = La institución (expedientes, informes)
cases-author-researcher = El investigador (observaciones, notas de campo)

## La ventana de participantes
participants-title = Participantes
participants-intro = Cambie el nombre de un participante, defina su rol y sus casos, o fusione a dos que son la misma persona.
participants-cell-problem = { $attribute } de { $participant }: { $message }
participants-col-participant = Participante
participants-col-rename = Nuevo nombre
participants-col-role = Rol
participants-col-turns = Turnos
participants-col-cases = Casos
participants-col-memo = Memo
participants-col-merge = Fusionar con
participants-no-role = sin rol
participants-no-case = sin caso
participants-no-cases-yet = Aún no hay casos (Casos… en el menú Proyecto)
participants-cases-of = Casos de { $participant }
participants-cases-of-tooltip = Los casos a los que pertenece { $participant }
participants-attribute-of = { $attribute } de { $participant }
participants-memo = Memo…
participants-memo-on = Memo sobre { $participant }
participants-memo-open = Abrir el memo sobre { $participant }
participants-has-memo = { $participant } tiene un memo
participants-merge-tooltip = Fusionar a { $participant } con otro participante

## La ventana de atributos y sus celdas
attributes-title = Atributos
attributes-tab-cases = Casos
attributes-tab-participants = Participantes
attributes-tab-sources = Fuentes
attributes-col-case = Caso
attributes-col-participant = Participante
attributes-col-source = Fuente
attributes-type-text = Texto
attributes-type-number = Número
attributes-type-date = Fecha
attributes-type-category = Categoría
attributes-problem-no-name = Dé un nombre al atributo.
attributes-problem-taken = { $target ->
        [case] Los casos ya tienen
        [participant] Los participantes ya tienen
       *[source] Las fuentes ya tienen
    } un atributo llamado «{ $name }».
attributes-problem-no-categories = Escriba al menos una categoría, una por línea.
attributes-problem-twice = La categoría «{ $category }» aparece dos veces.
attributes-new = Nuevo atributo…
attributes-filter = Filtrar filas
attributes-none-yet = { $target ->
        [case] Los casos aún no tienen
        [participant] Los participantes aún no tienen
       *[source] Las fuentes aún no tienen
    } atributos. «Nuevo atributo…» define uno (p. ej. tamaño de la familia, comuna, grupo de edad).
attributes-cell-problem = { $attribute } de { $name }: { $message }
attributes-cell-name = { $attribute } de { $name }
attributes-categories-tooltip = Categorías: { $categories }
attributes-delete = Eliminar el atributo «{ $attribute }»…
attributes-no-match = Ninguna fila coincide con el filtro.
attributes-new-title = Nuevo atributo
attributes-on = De { $target ->
        [case] los casos
        [participant] los participantes
       *[source] las fuentes
    }
attributes-name = Nombre del atributo
attributes-type = Tipo
attributes-categories = Categorías (una por línea)
attributes-define = Definir
attributes-cancel = Cancelar
attributes-delete-title = Eliminar atributo
attributes-delete-question = ¿Eliminar el atributo «{ $attribute }» de { $target ->
        [case] los casos
        [participant] los participantes
       *[source] las fuentes
    }?
attributes-delete-values = { $n ->
        [one] Su único valor se elimina
       *[other] Sus { $n } valores se eliminan
    } con él. Puede deshacerlo (Ctrl+Z).
attributes-delete-confirm = Eliminar el atributo
attributes-not-number-point = «{ $text }» no es un número: escriba los decimales con punto, p. ej. { $example }
attributes-not-number = «{ $text }» no es un número
attributes-not-date = «{ $text }» no es una fecha: escriba AAAA-MM-DD, p. ej. 2025-03-04
attributes-not-category = «{ $text }» no es una de: { $categories }
attributes-no-value = Sin valor
attributes-hint-number = número

## La ventana de seudónimos
pseudonyms-title = Seudónimos
pseudonyms-tab-map = Tabla
pseudonyms-tab-preview = Vista previa
pseudonyms-tab-log = Registro de exportaciones
pseudonyms-intro = Las exportaciones hechas con «Seudonimizar» reemplazan estos nombres; el texto del proyecto nunca cambia.
pseudonyms-prefill = Completar
    .tooltip = Agregar los nombres de los participantes y las etiquetas de hablante con reemplazos según su rol; sus entradas quedan como están
pseudonyms-nothing-new = Nada nuevo: cada participante y etiqueta de hablante ya está en la tabla.
pseudonyms-counting = { $entries ->
        [one] 1 entrada
       *[other] { $entries } entradas
    }, contando reemplazos… { $percent } %
pseudonyms-summary = { $entries ->
        [one] 1 entrada
       *[other] { $entries } entradas
    }, { $replacements ->
        [one] 1 reemplazo
       *[other] { $replacements } reemplazos
    }
pseudonyms-original = Original
pseudonyms-original-hint = un nombre, un lugar
pseudonyms-replacement = Reemplazo
pseudonyms-replacement-hint = Cuidadora 1
pseudonyms-add = Agregar
pseudonyms-empty = La tabla está vacía: complétela a partir de los participantes, o agregue un nombre.
pseudonyms-col-whole-words = Palabras completas
pseudonyms-col-exact-case = Mayúsculas exactas
pseudonyms-col-from = Desde
pseudonyms-col-replacements = Reemplazos
pseudonyms-whole-words-tooltip = Desactivado: también dentro de palabras más largas
pseudonyms-exact-case-tooltip = Activado: solo tal como está escrito; desactivado: con cualquier mayúscula, respetando la del texto encontrado
pseudonyms-show-in-preview = Mostrarlos en la vista previa
pseudonyms-remove = Quitar «{ $original }»
pseudonyms-finding = Buscando cada reemplazo en los textos del proyecto…
pseudonyms-every-entry = Todas las entradas
pseudonyms-entry = Entrada
pseudonyms-replacements = { $n ->
        [one] 1 reemplazo
       *[other] { $n } reemplazos
    }
pseudonyms-log-empty = Todavía no se ha exportado nada de este proyecto.
pseudonyms-log-summary = { $n ->
        [one] 1 exportación
       *[other] { $n } exportaciones
    }, { $plain } sin seudónimos
pseudonyms-col-when = Cuándo
pseudonyms-col-what = Qué
pseudonyms-col-file = Archivo
pseudonyms-col-pseudonymised = Con seudónimos
pseudonyms-yes = sí
pseudonyms-no = no
pseudonyms-map-hash = { $hash } ({ $n ->
        [one] 1 entrada
       *[other] { $n } entradas
    })
