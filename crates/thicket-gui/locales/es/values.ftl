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
