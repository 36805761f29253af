# La pestaña Conciliación (src/analysis/reconcile.rs). La cola que exporta queda en inglés.

reconcile-coder-a = Codificador/a A
reconcile-coder-b = Codificador/a B
reconcile-master = Maestro/a
    .tooltip = El/la codificador/a en que se escriben las decisiones (se crea con la primera decisión)
reconcile-codes = Códigos
reconcile-order = Orden
reconcile-text-order = orden del texto
reconcile-by-code = por código
reconcile-mark-resolved = resuelto
reconcile-mark-open = pendiente
reconcile-queue-row = { $n }. [{ $mark }] { $source } · { $code } · { $kind }
reconcile-choose-item = Elija un elemento de la cola.
reconcile-item-of = Elemento { $n } de { $total }
reconcile-item-where = ({ $id }, caracteres { $extent })
reconcile-show-in-document = Mostrar en el documento
reconcile-coded-instead = { $name } codificó este texto como { $codes } en su lugar.
reconcile-not-coded = sin codificar
reconcile-resolved = Resuelto: { $what }, por { $name } el { $date }
reconcile-resolved-note = Resuelto: { $what }, por { $name } el { $date }: { $note }
reconcile-not-resolved = Aún sin resolver. Una decisión escribe el resultado en el/la codificador/a maestro/a; decidir de nuevo lo reemplaza.
reconcile-note = Nota
reconcile-note-hint = Por qué esta decisión (se guarda con ella)
reconcile-keep-a = Conservar A
reconcile-keep-a-tooltip = Conservar los tramos de { $name }
reconcile-keep-b = Conservar B
reconcile-keep-b-tooltip = Conservar los tramos de { $name }
reconcile-keep-both = Conservar ambos
    .tooltip = Conservar los tramos de ambos codificadores, cada uno como su propia codificación
reconcile-union = Unión
    .tooltip = Una codificación sobre todo el texto que codificó cualquiera de los dos
reconcile-intersection = Intersección
    .tooltip = Solo el texto que codificaron ambos
reconcile-drop = Descartar
    .tooltip = El/la maestro/a no codifica este texto con este código
reconcile-start = Inicio
reconcile-end = Fin
reconcile-edit-span = Editar tramo
    .tooltip = Una codificación de Inicio a Fin (en caracteres)
reconcile-previous = Anterior
reconcile-next = Siguiente
reconcile-two-coders = Elija dos codificadores distintos para comparar.
reconcile-name-master = Indique el/la codificador/a maestro/a en que se escriben las decisiones (por ejemplo, consenso).
reconcile-master-compared = El/la codificador/a maestro/a no puede ser uno de los codificadores comparados.
reconcile-resolved-count = { $resolved } de { $total } resueltos
reconcile-updating = Actualizando… · { $line }
reconcile-copy-agreed = Copiar { $n ->
        [one] { $n } codificación acordada
       *[other] { $n } codificaciones acordadas
    } a { $name }
    .tooltip = Las codificaciones que ambos codificadores hicieron exactamente iguales pasan tal cual al/a la maestro/a (un paso; Ctrl+Z lo deshace)
reconcile-before = Acuerdo antes, { $a } con { $b }: { $figures }
reconcile-after = después, { $a } con { $b }: { $figures }
reconcile-agreement-tooltip = Presencia de cada código elegido por párrafo, contando los párrafos que codificó cualquiera de los dos (docs/reconcile.md)
reconcile-no-paragraphs = ningún párrafo codificado
reconcile-figures = { $percent } % de acuerdo, kappa { $kappa } ({ $n ->
        [one] { $n } párrafo
       *[other] { $n } párrafos
    })
reconcile-figures-undefined = { $percent } % de acuerdo, kappa indefinido ({ $n ->
        [one] { $n } párrafo
       *[other] { $n } párrafos
    })
reconcile-no-disagreements = No hay desacuerdos: los dos codificadores codificaron estos códigos de igual forma.
reconcile-export-csv = Cola como CSV…
reconcile-export-xlsx = Cola como libro XLSX…
