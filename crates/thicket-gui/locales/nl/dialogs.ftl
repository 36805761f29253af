# De vensters voor exporteren en uitwisselen: rapporten, REFI-QDA, samenvoegen, QualCoder, gecodeerde citaten.

## report_dialog.rs: het codeboek en de casusrapporten
report-title-codebook = Codeboek exporteren
report-title-case-report = Casusrapport exporteren
report-blind = U codeert blind als { $name }: het codeboek en de casusrapporten omvatten alle codeurs, dus verlaat de blinde modus om ze te schrijven.
report-format = Formaat
report-anchors = Ankercitaat per code
    .tooltip = De codering die overeenkomt met het voorbeeld van de code, anders een van gemiddelde lengte, met de bronvermelding
report-all-cases = Alle casussen
report-excerpts-per-code = Citaten per code
report-pseudonymise = Pseudonimiseren
    .tooltip = Namen vervangen volgens de pseudoniemenlijst van het project (menu Project, Pseudoniemen…); de tekst van het project verandert nooit
report-choose-file = Bestand kiezen…

## excerpt_dialog/: gecodeerde citaten exporteren
excerpts-coders-hidden = Alle gekozen codeurs zijn verborgen in de weergave Team: toon er daar minstens één om hun coderingen te exporteren.
excerpts-preview = Voorbeeld
excerpts-no-preview = Geen voorbeeld: { $problem }
excerpts-reading = Citaten lezen… { $percent }%
excerpts-first-n = { $n ->
        [one] Het eerste, zoals het zal verschijnen:
       *[other] De eerste { $n }, zoals ze zullen verschijnen:
    }
excerpts-count = { $n ->
        [one] { $n } citaat
       *[other] { $n } citaten
    }
excerpts-exporting = Exporteren…
excerpts-exported = { $n ->
        [one] { $n } citaat
       *[other] { $n } citaten
    } geëxporteerd naar { $path }
excerpts-open-folder = Map openen
excerpts-export-failed = Het exporteren is mislukt: { $error }
excerpts-export-cancelled = Exporteren geannuleerd; er is geen bestand geschreven.
excerpts-choose-hint = Kies de coderingen en de opmaak; het voorbeeld volgt.
excerpts-export-button = Exporteren…
excerpts-open-ended = Kan { $path } niet openen: { $program } eindigde met { $status }.
excerpts-open-failed = Kan { $path } niet openen: kan { $program } niet uitvoeren: { $error }.
excerpts-project-changed = het project is tijdens het exporteren gewijzigd; exporteer opnieuw
excerpts-preset-author-date = Auteur–datum
excerpts-preset-compact = Compact (voor tabellen)
excerpts-preset-custom = Aangepast
excerpts-group-code = Code
excerpts-group-case = Casus
excerpts-group-code-case = Code, dan casus
excerpts-group-source = Bron
excerpts-sort-case = Casus
excerpts-sort-date = Datum
excerpts-sort-position = Plaats in de bron
excerpts-write-query = Schrijf een zoekopdracht, bv. Ruptures AND Repair.
excerpts-tick-a-code = Vink minstens één code aan, of selecteer met een zoekopdracht.
excerpts-bad-date = Datum ‘{ $field }’ (‘{ $date }’) is geen datum: schrijf JJJJ-MM-DD.
excerpts-from = Van
excerpts-to = Tot
excerpts-codings = Coderingen
excerpts-codes = Codes
excerpts-query = Zoekopdracht
excerpts-query-help = AND, OR, NOT, NEAR/n, FOLLOWED BY, zoals `segments --query` ze aanneemt.
excerpts-query-ok = De zoekopdracht is geldig.
excerpts-cases = Casussen
excerpts-kinds = Soorten
excerpts-roles = Rollen
excerpts-participants = Deelnemers
excerpts-coders = Codeurs
excerpts-layout = Opmaak
excerpts-group-by = Groeperen op
excerpts-sort-by = Sorteren op
excerpts-context = Context (zinnen)
excerpts-memos = Memo's
excerpts-other-codes = Andere codes
excerpts-definitions = Definities
excerpts-counts = Aantallen
excerpts-pseudonymise-tooltip = Namen vervangen volgens de pseudoniemenlijst van het project (menu Project, Pseudoniemen…), in het voorbeeld en in het bestand; de tekst van het project verandert nooit
excerpts-citation = Bronvermelding
excerpts-template = Sjabloon
excerpts-insert-field = Dit veld invoegen bij de cursor
excerpts-date-tooltip = Alleen bronnen gedateerd op of na (Van) of op of voor (Tot) deze dag; een bron zonder datum valt buiten elke grens

## refi_dialog.rs: REFI-QDA-exports
refi-title-project = REFI-QDA-project exporteren
refi-title-codebook = REFI-QDA-codeboek exporteren
refi-project-explain = Bronnen, codes, coderingen met codeurs en datums, casussen, deelnemers, kenmerken en memo's, voor NVivo, ATLAS.ti, MAXQDA of QualCoder.
refi-positions = Posities tellen in
refi-code-points = Unicode-codepunten (de standaard)
    .tooltip = Wat REFI-QDA 1.5 voorschrijft; ATLAS.ti en MAXQDA lezen het
refi-utf16 = UTF-16-eenheden (NVivo, QualCoder)
    .tooltip = Wat NVivo en QualCoder tellen; de twee verschillen pas na een emoji of een ander zeldzaam teken
refi-codebook-explain = De codes met hun boomstructuur, kleuren en beschrijvingen, voor het codeboek van een ander programma.
refi-pseudonymise-tooltip = Namen vervangen volgens de pseudoniemenlijst van het project, ook in de teksten (de posities volgen); het project zelf verandert nooit

## merge_dialog.rs: een andere kopie van de studie samenvoegen
merge-title = ‘{ $name }’ met dit project samenvoegen
merge-from = Uit { $path }
    .tooltip = Dit bestand wordt alleen gelezen: het wordt apart gekopieerd en de kopie wordt geopend
merge-comparing = De twee projecten vergelijken…
merge-merging = Samenvoegen…
merge-merged = Samengevoegd in één stap.
merge-nothing = Niets om samen te voegen: dit project bevat al alles wat het andere bevat.
merge-undo = Deze samenvoeging ongedaan maken
    .tooltip = Neemt alles terug wat de samenvoeging heeft toegevoegd of gewijzigd (ook Bewerken, Ongedaan maken)
merge-rule-question = Waar beide projecten hetzelfde hebben gewijzigd:
merge-rule-stop = Stoppen en het mij tonen (niets samenvoegen)
merge-button = Samenvoegen
merge-choose-rule-first = Kies eerst wat er met de conflicten moet gebeuren
merge-what-came-in = Wat is binnengekomen
merge-what-would-happen = Wat samenvoegen zou doen
merge-col-new = nieuw
merge-col-already-here = al aanwezig
merge-col-same-by-name = gelijk op naam
merge-col-changed = gewijzigd
merge-no-conflicts = Geen conflicten.
merge-conflicts = Conflicten: { $n }
merge-here = hier: { $value }
merge-there = daar: { $value }
merge-warnings = Waarschuwingen: { $n }

## qualcoder_import.rs en refi_import.rs: projecten uit andere programma's
qualcoder-target-exists = { $path } bestaat al; een QualCoder-project wordt alleen in een nieuw bestand ingelezen.
qualcoder-importing = Een QualCoder-project importeren
qualcoder-reading-into = ‘{ $name }’ inlezen in { $path }
qualcoder-reading-database = De QualCoder-database lezen…
qualcoder-only-read = De QualCoder-map wordt alleen gelezen, nooit gewijzigd.
qualcoder-stopping = Stoppen…
qualcoder-stopped-nothing-written = QualCoder-import gestopt; er is geen bestand geschreven ({ $error }).
qualcoder-import-stopped = de QualCoder-import is gestopt: { $error }
qualcoder-report-title = Rapport van de QualCoder-import
qualcoder-close-report = Rapport sluiten
qualcoder-read-into = { $folder } (QualCoder-database { $version }) ingelezen in { $path }.
qualcoder-counts = Bronnen: { $sources }; codes: { $codes } (uit categorieën: { $categories }); coderingen: { $codings }, door { $coders } codeurs; casussen: { $cases }; kenmerken: { $attributes }, met { $values } waarden; memo's: { $memos } (dagboeken: { $journals }; annotaties: { $annotations }).
qualcoder-all-landed = Elke codering kwam terecht op de tekst die QualCoder citeerde.
qualcoder-not-imported = Niet geïmporteerd ({ $n })
qualcoder-corrected = Geplaatst na een tweede blik op hun tekst ({ $n })
qualcoder-corrected-line = { $source }, { $code }: { $range } gelezen als { $now } ({ $how })
qualcoder-mismatched = Tekst wijkt af van het citaat in QualCoder ({ $n })
qualcoder-mismatched-line = { $source }, { $code }: { $range } behouden als { $now }
qualcoder-read-from-files = Gelezen uit de documentenmap: { $names }
qualcoder-important-marks = { $n ->
        [one] { $n } codering was in QualCoder als belangrijk gemarkeerd; Thicket kent zo'n markering niet.
       *[other] { $n } coderingen waren in QualCoder als belangrijk gemarkeerd; Thicket kent zo'n markering niet.
    }
refi-import-exists = ‘{ $path }’ bestaat al: kies een nieuwe naam voor het geïmporteerde project
refi-import-open-first = Open of maak een project voordat u een codeboek importeert.
refi-import-cannot-read = kan ‘{ $path }’ niet lezen: { $error }
refi-import-codebook-report = Rapport van de codeboekimport
refi-import-importing = Een REFI-QDA-project importeren
refi-import-report = Rapport van de REFI-QDA-import
refi-import-stopped = de import is gestopt: { $error }
