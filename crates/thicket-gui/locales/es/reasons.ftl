# Motivos y detalles que el núcleo entrega como valores (la línea de comandos imprime el inglés
# del núcleo): por qué una importación omitió un archivo, por qué un valor o intervalo de acuerdo
# no está definido, y de qué trata un conflicto de fusión y qué se hizo con él.

## import_dialog.rs: por qué no se importó un archivo (SkipReason del núcleo)
import-why-not-found = no existe el archivo o la carpeta
import-why-permission-denied = permiso denegado
import-why-fifo = se omitió: es una tubería con nombre (FIFO), no un archivo normal
import-why-socket = se omitió: es un socket, no un archivo normal
import-why-device = se omitió: es un dispositivo, no un archivo normal
import-why-not-regular = se omitió: no es un archivo normal
import-why-broken-link = se omitió: es un enlace simbólico a algo que no se puede leer ({ $reason })
import-why-folder-loop = se omitió: es un enlace a una carpeta que ya se importó o se está importando (un ciclo)
import-why-too-big = tiene { $size } MB, más que los { $limit } MB que puede tener un archivo
import-why-same-as-source = el mismo texto que la fuente «{ $name }», que ya está en el proyecto
import-why-same-in-batch = el mismo texto que otro archivo de este lote
import-cannot-read = { $name }: { $reason }

## analysis/agreement.rs y equipo: por qué una medida o su intervalo no tiene valor (Undefined del núcleo)
agreement-why-no-pairable-values = ninguna unidad tiene dos valores emparejables: { $measure } queda sin definir
agreement-why-no-expected-disagreement = el desacuerdo esperado es 0 (se usó un solo valor): { $measure } queda sin definir
agreement-why-chance-agreement-is-one = el acuerdo esperado por azar es 1 (se usó un solo valor): { $measure } queda sin definir
agreement-why-no-unit-from-two-coders = ninguna unidad tiene valores de dos codificadores/as
agreement-why-not-two-coders = { $measure } compara exactamente dos codificadores/as ({ $n } comparados/as); use kappa de Fleiss o alfa
agreement-why-no-unit-by-both = ninguna unidad fue codificada por ambos codificadores/as
agreement-why-fleiss-needs-two-coders = kappa de Fleiss necesita al menos dos codificadores/as
agreement-why-no-unit-by-every = ninguna unidad fue codificada por todos los codificadores/as
agreement-why-unitizing-needs-two-coders = las alfas de unitización comparan al menos dos codificadores/as ({ $n } dados/as)
agreement-why-empty-continua = los continuos están vacíos
agreement-why-no-gaps = no hay huecos: cada codificador/a marcó todo el continuo, { $measure } queda sin definir
agreement-why-no-units-marked = ningún/a codificador/a marcó una unidad: { $measure } queda sin definir
agreement-why-overlap-needs-nominal = los segmentos de un/a codificador/a con categorías distintas se superponen, y solo el nivel nominal puede compararlos (se pidió el nivel { $level ->
        [ordinal] ordinal
        [interval] de intervalo
       *[ratio] de razón
    })
agreement-why-no-intersection = ninguna unidad de un/a codificador/a se cruza con una unidad de otro/a: { $measure } queda sin definir
agreement-why-no-intersection-for-value = ninguna unidad con este valor se cruza con una unidad de otro/a codificador/a
agreement-why-no-resamples = no se pidieron remuestreos
agreement-why-too-few-units = { $n ->
        [one] { $n } unidad
       *[other] { $n } unidades
    } para remuestrear: no hay intervalo
agreement-why-undefined-on-every-resample = la medida no estuvo definida en ningún remuestreo
agreement-why-one-continuum = un solo continuo: el bootstrap remuestrea continuos (fuentes), por lo que no hay intervalo
agreement-why-one-source = una sola fuente: el bootstrap remuestrea fuentes, por lo que no hay intervalo

## merge_dialog.rs: un conflicto («nombre del código: código «Ruptures»»), su entidad y qué se hizo
merge-conflict = { $kind }: { $entity }
merge-conflict-kind-coder-name = nombre del/de la codificador/a
merge-conflict-kind-coder-colour = color del/de la codificador/a
merge-conflict-kind-coder-retired = codificador/a retirado/a
merge-conflict-kind-case-name = nombre del caso
merge-conflict-kind-case-description = descripción del caso
merge-conflict-kind-participant-name = nombre del/de la participante
merge-conflict-kind-participant-role = rol del/de la participante
merge-conflict-kind-source-name = nombre de la fuente
merge-conflict-kind-source-kind = tipo de fuente
merge-conflict-kind-source-date = fecha de la fuente
merge-conflict-kind-source-author = autor/a de la fuente
merge-conflict-kind-turn-speaker = hablante del turno
merge-conflict-kind-code-name = nombre del código
merge-conflict-kind-code-colour = color del código
merge-conflict-kind-code-description = descripción del código
merge-conflict-kind-code-place = lugar del código
merge-conflict-kind-coding-span = segmento de la codificación
merge-conflict-kind-coding-memo = memo de la codificación
merge-conflict-kind-coding-code = código de la codificación
merge-conflict-kind-memo = memo
merge-conflict-kind-attribute-value = valor de atributo
merge-conflict-kind-framework-name = nombre de la matriz de marco
merge-conflict-kind-framework-summary = resumen de la matriz de marco
merge-conflict-kind-pseudonym = seudónimo
merge-entity-coder = codificador/a «{ $name }»
merge-entity-case = caso «{ $name }»
merge-entity-participant = participante «{ $name }»
merge-entity-source = fuente «{ $name }»
merge-entity-turn = turno { $start }..{ $end } de la fuente «{ $source }»
merge-entity-code = código «{ $name }»
merge-entity-coding = codificación { $start }..{ $end } de la fuente «{ $source }»
merge-entity-memo = memo «{ $name }»
merge-entity-memo-untitled = memo «(sin título)»
merge-entity-attribute-value = «{ $attribute }» de { $entity }
merge-entity-framework = matriz de marco «{ $name }»
merge-entity-framework-summary = resumen del caso «{ $case }» bajo el código «{ $code }» en la matriz de marco «{ $name }»
merge-entity-pseudonym = seudónimo de «{ $name }»
merge-resolution-unresolved = sin resolver
merge-resolution-kept-into = se conservó la versión de este proyecto
merge-resolution-took-from = se tomó la versión del proyecto fusionado
merge-resolution-kept-both-descriptions = se conservaron ambas: las dos descripciones, primero la de este proyecto
merge-resolution-kept-both-code-parts = se conservaron ambas: los dos textos de cada parte, primero el de este proyecto
merge-resolution-kept-both-memos = se conservaron ambas: los dos memos, primero el de este proyecto
merge-resolution-kept-both-second-memo = se conservaron ambas: el memo de este proyecto, y el del otro como segundo memo
merge-resolution-kept-both-summaries = se conservaron ambas: los dos resúmenes, primero el de este proyecto
merge-resolution-kept-into-both-impossible = se conservó la versión de este proyecto (no se pueden conservar ambas)

## merge_dialog.rs: una advertencia de la fusión (MergeWarning del núcleo); $file es el archivo del proyecto fusionado
merge-warning-titles-differ = los títulos de los proyectos difieren («{ $here }» aquí, «{ $there }» en { $file }): se conserva el título de este proyecto
merge-warning-came-in-as-coder = { $entity } de { $file } entró como «{ $name }»: este proyecto tiene otro/a codificador/a con ese nombre
merge-warning-came-in-as-case = { $entity } de { $file } entró como «{ $name }»: este proyecto tiene otro caso con ese nombre
merge-warning-came-in-as-participant = { $entity } de { $file } entró como «{ $name }»: este proyecto tiene otro/a participante con ese nombre
merge-warning-came-in-as-code = { $entity } de { $file } entró como «{ $name }»: este proyecto tiene otro código con ese nombre en ese lugar
merge-warning-name-taken = { $entity } se llama «{ $name }» en { $file }, un nombre que aquí tiene { $holder ->
        [case] otro caso
        [participant] otro/a participante
        [source] otra fuente
        [sibling] un código hermano
        [matrix] otra matriz
       *[entity] otra entidad
    }: se conserva el nombre de este proyecto
merge-warning-role-missing = participante «{ $name }» de { $file } tiene el rol «{ $role }», que este proyecto no tiene: el rol se deja fuera
merge-warning-source-kept-twice = la fuente «{ $source }» de { $file } tiene un texto que este proyecto no tiene, y este proyecto tiene una fuente con ese nombre: se conservan ambas, la de { $file } como «{ $name }»
merge-warning-source-identity-reused = la fuente «{ $source }» de { $file } tiene la identidad de una fuente de aquí con otro texto: entró como fuente nueva
merge-warning-turns-not-brought = fuente «{ $source }»: { $n } turnos de habla de { $file } no están en la copia de la fuente de este proyecto y no se trajeron (los turnos de una fuente se fijan al importarla)
merge-warning-code-under-own-subcode = { $entity } está bajo uno de sus propios subcódigos en { $file }: se queda donde está aquí
merge-warning-attribute-differs = el atributo «{ $name }» es «{ $there }» ({ $kind }) en { $file }: se conservan el nombre y el tipo de este proyecto
merge-warning-value-not-held = «{ $attribute }» de { $entity } es «{ $value }» en { $file }, lo que el atributo de este proyecto no admite: no se trajo
merge-warning-summaries-not-brought = { $entity }: { $n } resúmenes que { $file } guarda para códigos o casos quitados de su matriz no se trajeron
