# Waarden uit thicket-core, benoemd in de taal van het venster (src/i18n/values.rs).
# De kern houdt zijn Engelse namen voor bestanden, de CLI en het auditlogboek.

## Soorten bronnen
kind-interview = Interview
kind-focus-group = Focusgroep
kind-observation = Observatie
kind-field-note = Veldnotitie
kind-case-file = Dossier
kind-document = Document

## Maten van overeenstemming (kolomkoppen) en eenheden
measure-percent = Percentage overeenstemming
measure-cohen-kappa = Cohens kappa
measure-scott-pi = Scotts pi
measure-fleiss-kappa = Fleiss' kappa
measure-krippendorff-alpha = Krippendorffs alfa
measure-u-alpha = u-alfa
measure-binary-u-alpha = |u-alfa
measure-cu-alpha = cu-alfa
measure-category-u-alpha = Cu-alfa
unit-character = teken
unit-sentence = zin
unit-paragraph = alinea
unit-turn = spreekbeurt

## Soorten onenigheid en afstemmingsbeslissingen
disagreement-boundaries = zelfde code, andere grenzen
disagreement-different-code = verschillende codes op dezelfde tekst
disagreement-unmatched = door de een gecodeerd, niet door de ander
choice-keep-a = A behouden
choice-keep-b = B behouden
choice-keep-both = beide behouden
choice-union = vereniging
choice-intersection = doorsnede
choice-drop = weglaten
choice-edit = bereik { $span } bewerken
choice-edit-step = bereik bewerken

## Een coëfficiënt en zijn interval: "0,723 [0,535; 0,858]"
agreement-estimate = { $value } [{ $low }; { $high }]
agreement-undefined = onbepaald

## De kop van het document: "Interview · 2025-03-04 · 1.321 woorden · 12 coderingen"
document-words-codings = { $words ->
        [one] { $words } woord
       *[other] { $words } woorden
    } · { $codings ->
        [one] { $codings } codering
       *[other] { $codings } coderingen
    }

## Het samenvoegvenster: regels voor conflicten en de rijen van het verslag
merge-rule-into = De versie van dit project behouden
merge-rule-from = De versie van het samengevoegde project nemen
merge-rule-both = Waar mogelijk beide behouden (memo's, teksten)
merge-kind-coders = codeurs
merge-kind-cases = casussen
merge-kind-participants = deelnemers
merge-kind-sources = bronnen
merge-kind-turns = spreekbeurten
merge-kind-case-links = koppelingen met casussen
merge-kind-participant-links = koppelingen met deelnemers
merge-kind-source-links = koppelingen met bronnen
merge-kind-codes = codes
merge-kind-codings = coderingen
merge-kind-memos = memo's
merge-kind-attributes = kenmerken
merge-kind-attribute-values = kenmerkwaarden
merge-kind-framework-matrices = raamwerkmatrices
merge-kind-framework-columns = kolommen van raamwerkmatrices
merge-kind-framework-rows = rijen van raamwerkmatrices
merge-kind-framework-summaries = samenvattingen in raamwerkmatrices
merge-kind-pseudonyms = pseudoniemen
