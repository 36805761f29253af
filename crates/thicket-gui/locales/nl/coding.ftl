# Coderen: de codebalk, het codeboekpaneel, het document, zoeken, het opdrachtenpalet,
# coderingen verwijderen.

## De codebalk bij een tekstselectie
codebar-code-with = Coderen met
codebar-filter-hint = typ de naam van een code
codebar-code =
    .tooltip = De selectie met deze code coderen
codebar-no-match = Geen code komt overeen

## Het codeboekpaneel
codebook-new-code = Nieuwe code…
    .tooltip = Een code op het hoogste niveau maken
codebook-in-vivo = In vivo
    .tooltip = Een code maken met de geselecteerde tekst als naam en die toepassen
codebook-code-as-new = Coderen met nieuwe…
    .tooltip = Een code maken (naam, kleur, beschrijving) en die op de selectie toepassen
codebook-filter = Codes filteren
codebook-filter-hint = typ om te filteren
codebook-has-memo = Deze code heeft een memo: rechtsklik en dan Memo…
codebook-apply = Op de selectie toepassen
codebook-new-subcode = Nieuwe subcode…
codebook-code-new-subcode = Selectie coderen met een nieuwe subcode…
codebook-edit = Bewerken (naam, kleur, beschrijving)…
codebook-memo = Memo…
codebook-move-under = Verplaatsen onder
codebook-top-level = (hoogste niveau)
codebook-move-up = Omhoog
codebook-move-down = Omlaag
codebook-quick-key = Sneltoets
codebook-merge-into = Samenvoegen met
codebook-delete = Verwijderen…
codebook-form-edit-title = Code bewerken
codebook-form-new-for-selection-title = Nieuwe code voor de selectie
codebook-form-new-title = Nieuwe code
codebook-form-name = Naam
codebook-form-under = Onder
codebook-form-colour = Kleur
codebook-form-hex = Hex
codebook-form-definition = Definitie
codebook-form-use-when = Gebruiken als
codebook-form-do-not-use-when = Niet gebruiken als
codebook-form-example = Voorbeeld
codebook-form-save = Opslaan
codebook-form-create = Maken
codebook-cancel = Annuleren
codebook-delete-title = Code verwijderen
codebook-delete-question = “{ $name }” verwijderen?
codebook-delete-also = Dit verwijdert ook { $subcodes ->
        [one] 1 subcode
       *[other] { $subcodes } subcodes
    } en { $codings ->
        [one] 1 codering
       *[other] { $codings } coderingen
    }. U kunt het ongedaan maken (Ctrl+Z).
codebook-delete-confirm = Verwijderen
codebook-hint-use-when = Gebruiken als: { $text }
codebook-hint-not-when = Niet gebruiken als: { $text }
codebook-hint-example = Voorbeeld: { $text }
codebook-hint-how = Klik om de fragmenten te tonen. Geselecteerde tekst coderen: sleep de code erop, druk op de sneltoets, of rechtsklik op de tekst en kies “Selectie coderen met…”.
codebook-hint-how-key = Klik om de fragmenten te tonen. Geselecteerde tekst coderen: sleep de code erop, druk op { $key }, of rechtsklik op de tekst en kies “Selectie coderen met…”.

## De menu's en tips van het document
document-text = Documenttekst
document-unknown-speaker = Onbekende spreker
document-deleted-code = (verwijderde code)
document-code-by-coder = { $code } van { $coder }
document-remove-coding = Codering { $coding } verwijderen
document-remove-coding-memo = Codering { $coding } en de memo verwijderen…
document-change-code = Code van { $coding } wijzigen
document-resize-coding = Codering { $coding } aanpassen aan de selectie
document-resize-coding-disabled = Selecteer eerst de nieuwe omvang van de passage
document-coding-memo = Memo bij codering { $coding }…
document-edit-coding-memo = Memo van codering { $coding } bewerken…
document-copy = Kopiëren
document-memo-on-selection = Memo bij de geselecteerde passage…
document-code-with = Selectie coderen met…
document-select-first = Selecteer eerst een passage

## Zoeken in het document
find-label = Zoeken in document
find-regex = Regex
find-previous = Vorige
    .tooltip = Shift+Enter of Shift+F3
find-next = Volgende
    .tooltip = Enter of F3
find-no-matches = geen resultaten
find-position = { $i } van { $n }
find-matches = { $n ->
        [one] 1 resultaat
       *[other] { $n } resultaten
    }

## Het paneel ‘Project doorzoeken’
search-title = Project doorzoeken
search-close = Sluiten
search-cancel = Annuleren
search-for = Zoeken naar
search-hint = woord, zinsdeel of regex
search-regex = Reguliere expressie
search-whole-words = Hele woorden
search-run = Zoeken
search-help = Gewone tekst wordt gezocht zonder op hoofdletters te letten; een reguliere expressie zoals geschreven (voeg (?i) toe om hoofdletters te negeren).
search-waiting = Wachten tot de wijziging is weggeschreven…
search-progress = Zoeken… { $done } van { $all ->
        [one] 1 bron
       *[other] { $all } bronnen
    }
search-cancelled = Zoeken geannuleerd. Klik op Zoeken om opnieuw te zoeken.
search-summary = { $hits ->
        [one] 1 resultaat
       *[other] { $hits } resultaten
    } in { $sources ->
        [one] 1 bron
       *[other] { $sources } bronnen
    }
search-summary-first = { $hits ->
        [one] 1 resultaat
       *[other] { $hits } resultaten
    } in { $sources ->
        [one] 1 bron
       *[other] { $sources } bronnen
    } (de eerste { $shown } getoond)
search-hit =
    .tooltip = Klik om de bron bij dit resultaat te openen
search-autocode = De resultaten automatisch coderen

## Automatisch coderen van de resultaten
autocode-code = Code
autocode-choose-code = kies een code
autocode-extend = Elk resultaat uitbreiden tot
autocode-unit-match = Resultaat
autocode-unit-sentence = Zin
autocode-unit-paragraph = Alinea
autocode-unit-turn = Spreekbeurt
autocode-role = Rol van de spreker
    .tooltip = Alleen resultaten in spreekbeurten van sprekers met deze rol, bv. alleen wat verzorgers zeggen
autocode-any-speaker = elke spreker, of geen
autocode-only-open-source = Alleen de geopende bron
autocode-outdated = Het project is gewijzigd sinds deze voorvertoning.
autocode-refresh = Voorvertoning vernieuwen
autocode-planning = Voorvertoning voorbereiden…
autocode-cancelled = Voorvertoning geannuleerd.
autocode-add = { $n ->
        [one] 1 codering
       *[other] { $n } coderingen
    } toevoegen
autocode-add-tooltip = Als codeur { $coder }; in één stap ongedaan te maken
autocode-already-coded = { $n } al gecodeerd
autocode-outside-role = { $n ->
        [one] 1 resultaat
       *[other] { $n } resultaten
    } buiten spreekbeurten van een { $role }
autocode-outside-any = { $n ->
        [one] 1 resultaat
       *[other] { $n } resultaten
    } buiten elke spreekbeurt
autocode-will-add = Voegt { $n ->
        [one] 1 codering
       *[other] { $n } coderingen
    } toe in { $sources ->
        [one] 1 bron
       *[other] { $sources } bronnen
    }.
autocode-will-add-notes = Voegt { $n ->
        [one] 1 codering
       *[other] { $n } coderingen
    } toe in { $sources ->
        [one] 1 bron
       *[other] { $sources } bronnen
    } ({ $notes }).

## Het opdrachtenpalet
palette-command = Opdracht
palette-hint = typ een deel van de naam van een opdracht
palette-no-match = Geen opdracht komt overeen.

## Een codering met een memo verwijderen
removal-title = Deze codering en de memo verwijderen?
removal-carries-memo = Deze codering van “{ $code }” heeft een memo: “{ $memo }”
removal-explain = Wie de codering verwijdert, verwijdert ook de memo. Ongedaan maken brengt beide terug.
removal-confirm = Codering en memo verwijderen
removal-cancel = Annuleren
