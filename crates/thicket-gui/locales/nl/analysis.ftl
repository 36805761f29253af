# De analyseweergaven: tabbladen, de items van het menu Analyse, filters, het menu Exporteren en elke weergave.

analysis-title-matrix = Matrix
analysis-title-triangulation = Triangulatie
analysis-title-cooccurrence = Samenhang
analysis-title-sequences = Reeksen
analysis-title-timeline = Tijdlijn
analysis-title-framework = Raamwerk
analysis-title-agreement = Overeenstemming
analysis-title-reconcile = Afstemming
analysis-menu-matrix = Matrix (codes × casussen, rollen, …)
analysis-menu-triangulation = Triangulatieraster
analysis-menu-cooccurrence = Heatmap van samenhang (co-occurrentie)
analysis-menu-sequences = Reeksen (A gevolgd door B)
analysis-menu-timeline = Tijdlijn
analysis-menu-framework = Raamwerkmatrix (casussamenvattingen × codes)
analysis-menu-agreement = Overeenstemming tussen codeurs
analysis-menu-reconcile = Afstemming (onenigheid tussen codeurs)
analysis-format-xlsx = Excel-werkmap
analysis-format-svg = SVG-afbeelding
analysis-format-png = PNG-afbeelding
analysis-format-html = HTML-pagina
analysis-format-docx = Word-document
analysis-document-tab = Document
analysis-close-tab = { $title } sluiten
analysis-waiting-for-write = Wachten tot de wijziging is geschreven…
analysis-saved = { $path } opgeslagen

## controls.rs en filters.rs
controls-any = alle
controls-none = geen
controls-all-n = alle { $n }
controls-n-chosen = { $n } gekozen
controls-all = Alle
controls-any-button = Alle
controls-none-button = Geen
filters-label = Filters:
filters-across-coders = Over codeurs heen
    .tooltip = Ook coderingen van verschillende codeurs koppelen. Standaard is een paar van één codeur: codes van twee codeurs op één passage zijn onenigheid, geen samenhang

## export_menu.rs
export-table-csv = Tabel als CSV…
export-tables-xlsx = Tabellen als XLSX-werkmap…
export-chart-svg = Grafiek als SVG…
export-chart-png = Grafiek als PNG…
export-chart-size = Grafiekgrootte
export-width = Breedte
export-width-tooltip = Ongeveer 85 mm voor één tijdschriftkolom, 170 mm voor een paginabreedte
export-at = bij
export-dpi-tooltip = Resolutie van een PNG: 300 voor druk, 96 voor een scherm
export-png-width = PNG: { $n } pixels breed
export-pseudonymise-tooltip = Namen vervangen volgens de pseudoniemenlijst van het project (menu Project, Pseudoniemen…) in wat wordt geëxporteerd; de tekst van het project verandert nooit
analysis-reading-project = Het project lezen…
analysis-preparing-data = De gegevens voorbereiden…
analysis-computing = Berekenen…
analysis-cancelled = Geannuleerd. Wijzig een keuze om opnieuw te berekenen.
analysis-nothing-to-load = niets te laden

## drill.rs: de fragmenten achter een cel
drill-pairs-segments = { $pairs ->
        [one] { $pairs } paar
       *[other] { $pairs } paren
    } · { $segments ->
        [one] { $segments } fragment
       *[other] { $segments } fragmenten
    }
drill-pair = paar { $n } · { $side }
drill-close-list = Lijst sluiten
drill-coding-gone = (deze codering staat niet meer in het project)
drill-no-speaker = geen spreker
drill-coded-by = gecodeerd door { $name }

## matrix.rs
matrix-dim-cases = Casussen
matrix-dim-roles = Rollen
matrix-dim-kinds = Soorten bronnen
matrix-dim-coders = Codeurs
matrix-dim-participants = Deelnemers
matrix-dim-months = Maanden
matrix-dim-quarters = Kwartalen
matrix-dim-sessions = Sessies (per casus)
matrix-dim-attribute = Kenmerk: { $name }
matrix-dim-attribute-of = Kenmerk: { $name } ({ $target })
matrix-measure-segments = Fragmenten
matrix-measure-sources = Bronnen (verschillende)
matrix-measure-cases = Casussen (verschillende)
matrix-measure-words = Woorden
matrix-measure-coverage = Dekking (% van de tekens)
matrix-columns = Kolommen
matrix-measure = Maat
matrix-rollup = Subcodes optellen
    .tooltip = Elke code tellen samen met al haar subcodes
matrix-hide-empty = Lege rijen verbergen
matrix-status = { $codes ->
        [one] { $codes } code
       *[other] { $codes } codes
    } × { $columns ->
        [one] { $columns } kolom
       *[other] { $columns } kolommen
    } · { $measure }{ $coverage ->
        [yes] {" "}(percentage van de tekens van elke kolom)
       *[no] {""}
    } · klik op een getal voor de fragmenten

## triangulation.rs
triangulation-cell-tip = { $status }
    { $codings ->
        [one] { $codings } codering
       *[other] { $codings } coderingen
    } in { $sources ->
        [one] { $sources } bron
       *[other] { $sources } bronnen
    }
    soorten: { $kinds }
    rollen: { $roles }
triangulation-rollup-tooltip = Elke code samennemen met al haar subcodes
triangulation-leave-out-roles = Rollen weglaten

## cooccurrence.rs
cooccurrence-mode-overlap = Overlappend
cooccurrence-mode-paragraph = Zelfde alinea
cooccurrence-mode-turn = Zelfde spreekbeurt
cooccurrence-mode-within = Binnen N tekens
cooccurrence-when = Samenhang wanneer
cooccurrence-chars-suffix = {" "}tekens
cooccurrence-show = Tonen
cooccurrence-pair-counts = Aantallen paren
cooccurrence-jaccard = Jaccard-coëfficiënten
cooccurrence-hide-unused = Ongebruikte codes verbergen
cooccurrence-status = { $codes ->
        [one] { $codes } code
       *[other] { $codes } codes
    } · modus { $mode } · { $across ->
        [yes] paren over codeurs heen
       *[no] paren binnen één codeur
    } · diagonaal: coderingen van de code · klik op een cel voor de paren
cooccurrence-diagonal-tip = { $n ->
        [one] { $n } codering van de code
       *[other] { $n } coderingen van de code
    }

## timeline.rs
timeline-plotted-cases = Getoonde casussen
timeline-status = Coderingen per sessie, volgens de datum van de sessie
timeline-choose = Kies casussen en codes om te tonen.
timeline-sessions = { $n ->
        [one] { $n } sessie
       *[other] { $n } sessies
    }
timeline-undated = · { $n ->
        [one] { $n } bron zonder datum niet getoond
       *[other] { $n } bronnen zonder datum niet getoond
    }

## sequences.rs
sequences-from = Van (A)
sequences-to = Naar (B)
sequences-within-turns = Binnen N beurten
sequences-within-paragraphs = Binnen N alinea's
sequences-within-sessions = Binnen K sessies
sequences-later-in-case = Ergens later in de casus
sequences-window = Venster
sequences-matrix-codes = Codes van de overgangsmatrix
sequences-matrix-shows = De matrix toont
sequences-probabilities = Kansen
sequences-no-codes = Het codeboek heeft geen codes om te volgen.
sequences-status = { $from } gevolgd door { $to } binnen { $window } · vertragingen in { $unit } (vertraging×aantal) · klik op een casus voor de paren
sequences-transitions = Overgangen: welke gekozen code volgt, binnen { $window }
sequences-drill-title = { $from } gevolgd door { $to } in { $case }
sequences-then = { $from } dan { $to }
