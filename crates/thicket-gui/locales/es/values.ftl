# Valores que vienen de thicket-core, nombrados en el idioma de la ventana (src/i18n/values.rs).
# El núcleo conserva sus nombres en inglés para los archivos, la CLI y el registro de auditoría.

## Tipos de fuente
kind-interview = Entrevista
kind-focus-group = Grupo focal
kind-observation = Observación
kind-field-note = Nota de campo
kind-case-file = Expediente
kind-document = Documento

## Medidas de acuerdo (encabezados de columna) y unidades
measure-percent = Porcentaje de acuerdo
measure-cohen-kappa = kappa de Cohen
measure-scott-pi = pi de Scott
measure-fleiss-kappa = kappa de Fleiss
measure-krippendorff-alpha = alfa de Krippendorff
measure-u-alpha = alfa-u
measure-binary-u-alpha = |alfa-u
measure-cu-alpha = alfa-cu
measure-category-u-alpha = alfa-Cu
unit-character = carácter
unit-sentence = oración
unit-paragraph = párrafo
unit-turn = turno de habla

## Tipos de desacuerdo y decisiones de conciliación
disagreement-boundaries = mismo código, distintos límites
disagreement-different-code = distintos códigos en el mismo texto
disagreement-unmatched = codificado por uno, no por el otro
choice-keep-a = conservar A
choice-keep-b = conservar B
choice-keep-both = conservar ambos
choice-union = unión
choice-intersection = intersección
choice-drop = descartar
choice-edit = editar el tramo { $span }
choice-edit-step = editar el tramo

## Un coeficiente y su intervalo: "0,723 [0,535; 0,858]"
agreement-estimate = { $value } [{ $low }; { $high }]
agreement-undefined = indefinido

## El encabezado del documento: "Entrevista · 2025-03-04 · 1321 palabras · 12 codificaciones"
document-words-codings = { $words ->
        [one] { $words } palabra
       *[other] { $words } palabras
    } · { $codings ->
        [one] { $codings } codificación
       *[other] { $codings } codificaciones
    }

## El diálogo de fusión: reglas para los conflictos y las filas de su informe
merge-rule-into = Conservar la versión de este proyecto
merge-rule-from = Tomar la versión del proyecto fusionado
merge-rule-both = Conservar ambas cuando sea posible (memos, textos)
merge-kind-coders = codificadores
merge-kind-cases = casos
merge-kind-participants = participantes
merge-kind-sources = fuentes
merge-kind-turns = turnos de habla
merge-kind-case-links = vínculos con casos
merge-kind-participant-links = vínculos con participantes
merge-kind-source-links = vínculos con fuentes
merge-kind-codes = códigos
merge-kind-codings = codificaciones
merge-kind-memos = memos
merge-kind-attributes = atributos
merge-kind-attribute-values = valores de atributos
merge-kind-framework-matrices = matrices de marco
merge-kind-framework-columns = columnas de matrices de marco
merge-kind-framework-rows = filas de matrices de marco
merge-kind-framework-summaries = resúmenes de matrices de marco
merge-kind-pseudonyms = seudónimos
