# Codificación: la barra de códigos, el panel del libro de códigos, el documento, buscar, la paleta
# de comandos, quitar codificaciones.

## La barra de códigos junto a una selección
codebar-code-with = Codificar con
codebar-filter-hint = escriba el nombre de un código
codebar-code =
    .tooltip = Codificar la selección con este código
codebar-no-match = Ningún código coincide

## El panel del libro de códigos
codebook-new-code = Nuevo código…
    .tooltip = Crear un código en el nivel superior
codebook-in-vivo = In vivo
    .tooltip = Crear un código con el texto seleccionado como nombre y aplicarlo
codebook-code-as-new = Codificar con uno nuevo…
    .tooltip = Crear un código (nombre, color, descripción) y aplicarlo a la selección
codebook-filter = Filtrar códigos
codebook-filter-hint = escriba para filtrar
codebook-has-memo = Este código tiene un memo: clic derecho y luego Memo…
codebook-apply = Aplicar a la selección
codebook-new-subcode = Nuevo subcódigo…
codebook-code-new-subcode = Codificar la selección con un nuevo subcódigo…
codebook-edit = Editar (nombre, color, descripción)…
codebook-memo = Memo…
codebook-move-under = Mover bajo
codebook-top-level = (nivel superior)
codebook-move-up = Subir
codebook-move-down = Bajar
codebook-quick-key = Tecla rápida
codebook-merge-into = Fusionar con
codebook-delete = Eliminar…
codebook-form-edit-title = Editar código
codebook-form-new-for-selection-title = Nuevo código para la selección
codebook-form-new-title = Nuevo código
codebook-form-name = Nombre
codebook-form-under = Bajo
codebook-form-colour = Color
codebook-form-hex = Hex
codebook-form-definition = Definición
codebook-form-use-when = Usar cuando
codebook-form-do-not-use-when = No usar cuando
codebook-form-example = Ejemplo
codebook-form-save = Guardar
codebook-form-create = Crear
codebook-cancel = Cancelar
codebook-delete-title = Eliminar código
codebook-delete-question = ¿Eliminar «{ $name }»?
codebook-delete-also = También se eliminan { $subcodes ->
        [one] 1 subcódigo
       *[other] { $subcodes } subcódigos
    } y { $codings ->
        [one] 1 codificación
       *[other] { $codings } codificaciones
    }. Puede deshacerlo (Ctrl+Z).
codebook-delete-confirm = Eliminar
codebook-hint-use-when = Usar cuando: { $text }
codebook-hint-not-when = No usar cuando: { $text }
codebook-hint-example = Ejemplo: { $text }
codebook-hint-how = Haga clic para ver sus segmentos. Para codificar el texto seleccionado: arrastre el código sobre él, pulse su tecla rápida o haga clic derecho en el texto y luego «Codificar la selección con…».
codebook-hint-how-key = Haga clic para ver sus segmentos. Para codificar el texto seleccionado: arrastre el código sobre él, pulse { $key } o haga clic derecho en el texto y luego «Codificar la selección con…».

## Los menús y las descripciones del documento
document-text = Texto del documento
document-unknown-speaker = Hablante desconocido
document-deleted-code = (código eliminado)
document-code-by-coder = { $code }, de { $coder }
document-remove-coding = Quitar la codificación { $coding }
document-remove-coding-memo = Quitar la codificación { $coding } y su memo…
document-change-code = Cambiar el código de { $coding }
document-resize-coding = Ajustar la codificación { $coding } a la selección
document-resize-coding-disabled = Primero seleccione la nueva extensión del pasaje
document-coding-memo = Memo sobre la codificación { $coding }…
document-edit-coding-memo = Editar el memo de la codificación { $coding }…
document-copy = Copiar
document-memo-on-selection = Memo sobre el pasaje seleccionado…
document-code-with = Codificar la selección con…
document-select-first = Primero seleccione un pasaje

## Buscar en el documento
find-label = Buscar en el documento
find-regex = Expr. regular
find-previous = Anterior
    .tooltip = Mayús+Intro o Mayús+F3
find-next = Siguiente
    .tooltip = Intro o F3
find-no-matches = sin coincidencias
find-position = { $i } de { $n }
find-matches = { $n ->
        [one] 1 coincidencia
       *[other] { $n } coincidencias
    }

## El panel «Buscar en el proyecto»
search-title = Buscar en el proyecto
search-close = Cerrar
search-cancel = Cancelar
search-for = Buscar
search-hint = palabra, frase o expresión regular
search-regex = Expresión regular
search-whole-words = Palabras completas
search-run = Buscar
search-help = El texto simple se busca sin distinguir mayúsculas; una expresión regular, tal como está escrita (agregue (?i) para no distinguirlas).
search-waiting = Esperando que se escriba el cambio…
search-progress = Buscando… { $done } de { $all ->
        [one] 1 fuente
       *[other] { $all } fuentes
    }
search-cancelled = Búsqueda cancelada. Pulse Buscar para hacerla de nuevo.
search-summary = { $hits ->
        [one] 1 resultado
       *[other] { $hits } resultados
    } en { $sources ->
        [one] 1 fuente
       *[other] { $sources } fuentes
    }
search-summary-first = { $hits ->
        [one] 1 resultado
       *[other] { $hits } resultados
    } en { $sources ->
        [one] 1 fuente
       *[other] { $sources } fuentes
    } (se muestran los primeros { $shown })
search-hit =
    .tooltip = Haga clic para abrir la fuente en este resultado
search-autocode = Codificar automáticamente los resultados

## Codificación automática de los resultados
autocode-code = Código
autocode-choose-code = elija un código
autocode-extend = Extender cada resultado a
autocode-unit-match = Coincidencia
autocode-unit-sentence = Oración
autocode-unit-paragraph = Párrafo
autocode-unit-turn = Turno
autocode-role = Rol del hablante
    .tooltip = Solo los resultados dentro de turnos de hablantes con este rol, p. ej. solo lo que dicen los cuidadores
autocode-any-speaker = cualquier hablante o ninguno
autocode-only-open-source = Solo la fuente abierta
autocode-outdated = El proyecto cambió desde esta vista previa.
autocode-refresh = Actualizar la vista previa
autocode-planning = Preparando la vista previa…
autocode-cancelled = Vista previa cancelada.
autocode-add = Agregar { $n ->
        [one] 1 codificación
       *[other] { $n } codificaciones
    }
autocode-add-tooltip = Como codificador/a { $coder }; se deshace en un solo paso
autocode-already-coded = { $n } ya codificados
autocode-outside-role = { $n ->
        [one] 1 resultado
       *[other] { $n } resultados
    } fuera de los turnos de { $role }
autocode-outside-any = { $n ->
        [one] 1 resultado
       *[other] { $n } resultados
    } fuera de todo turno
autocode-will-add = Se agregarán { $n ->
        [one] 1 codificación
       *[other] { $n } codificaciones
    } en { $sources ->
        [one] 1 fuente
       *[other] { $sources } fuentes
    }.
autocode-will-add-notes = Se agregarán { $n ->
        [one] 1 codificación
       *[other] { $n } codificaciones
    } en { $sources ->
        [one] 1 fuente
       *[other] { $sources } fuentes
    } ({ $notes }).

## La paleta de comandos
palette-command = Comando
palette-hint = escriba parte del nombre de un comando
palette-no-match = Ningún comando coincide.

## Quitar una codificación que tiene un memo
removal-title = ¿Quitar esta codificación y su memo?
removal-carries-memo = Esta codificación de «{ $code }» tiene un memo: «{ $memo }»
removal-explain = Al quitar la codificación también se quita su memo. Deshacer recupera ambos.
removal-confirm = Quitar la codificación y el memo
removal-cancel = Cancelar
