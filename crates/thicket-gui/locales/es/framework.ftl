# La pestaña Marco (src/analysis/framework.rs). Los informes que exporta quedan en inglés.

framework-default-name = Marco
framework-default-name-n = Marco { $n }
framework-name = Nombre
framework-codes = Códigos
framework-cases = Casos
framework-apply = Aplicar
framework-create = Crear
framework-cancel = Cancelar
framework-cell-label = { $case } · { $code }: { $n ->
        [one] { $n } segmento
       *[other] { $n } segmentos
    }
framework-cell-label-summary = { $case } · { $code }: { $n ->
        [one] { $n } segmento
       *[other] { $n } segmentos
    } · { $summary }
framework-segments = { $n ->
        [one] { $n } segmento
       *[other] { $n } segmentos
    }
framework-no-summary-click = Aún no hay resumen: haga clic para escribirlo
framework-last-edited = Editado por última vez por { $name }, { $date }
framework-summary = Resumen
framework-summary-hint = Lo que este caso muestra bajo este código…
framework-save = Guardar
framework-revert = Revertir
framework-unsaved = Sin guardar: se guarda al salir del editor
framework-no-summary = Aún no hay resumen
framework-segments-note = { $n ->
        [one] { $n } segmento
       *[other] { $n } segmentos
    } · una columna cuenta sus subcódigos
framework-no-segments = No hay segmentos de este código en las fuentes de este caso.
framework-no-speaker = sin hablante
framework-segment-head = { $source } · { $speakers } · { $code } · codificado por { $coder }
framework-show-segment = Haga clic para mostrarlo en su documento
framework-matrix = Matriz
framework-none-yet = ninguna aún
framework-new-matrix = Nueva matriz…
    .tooltip = Elegir códigos (columnas) y casos (filas)
framework-edit = Editar…
framework-edit-tooltip = Renombrar «{ $name }» o elegir sus códigos y casos
framework-delete = Eliminar matriz
    .tooltip = Eliminar esta matriz y sus resúmenes (Ctrl+Z los recupera)
framework-no-matrix = Aún no hay matriz de marco: «Nueva matriz…» crea una (los códigos de primer nivel × todos los casos, salvo que usted elija).
framework-status = { $cases ->
        [one] { $cases } caso
       *[other] { $cases } casos
    } × { $codes ->
        [one] { $codes } código
       *[other] { $codes } códigos
    } · { $written } de { $cells } resúmenes escritos · haga clic en una celda para leer sus segmentos y escribir su resumen
framework-updating = Actualizando los recuentos de segmentos… · { $line }
framework-close-cell = Cerrar celda
framework-export-markdown = Informe como Markdown…
framework-export-html = Informe como HTML…
framework-export-docx = Informe como Word (DOCX)…
framework-export-xlsx = Libro (XLSX, texto ajustado)…
framework-export-csv = Resúmenes como CSV…
