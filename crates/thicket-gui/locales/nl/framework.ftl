# Het tabblad Raamwerk (src/analysis/framework.rs). De rapporten die het exporteert blijven Engels.

framework-default-name = Raamwerk
framework-default-name-n = Raamwerk { $n }
framework-name = Naam
framework-codes = Codes
framework-cases = Casussen
framework-apply = Toepassen
framework-create = Maken
framework-cancel = Annuleren
framework-cell-label = { $case } · { $code }: { $n ->
        [one] { $n } fragment
       *[other] { $n } fragmenten
    }
framework-cell-label-summary = { $case } · { $code }: { $n ->
        [one] { $n } fragment
       *[other] { $n } fragmenten
    } · { $summary }
framework-segments = { $n ->
        [one] { $n } fragment
       *[other] { $n } fragmenten
    }
framework-no-summary-click = Nog geen samenvatting: klik om er een te schrijven
framework-last-edited = Laatst bewerkt door { $name }, { $date }
framework-summary = Samenvatting
framework-summary-hint = Wat deze casus onder deze code laat zien…
framework-save = Opslaan
framework-revert = Terugdraaien
framework-unsaved = Niet opgeslagen: wordt opgeslagen als u de editor verlaat
framework-no-summary = Nog geen samenvatting
framework-segments-note = { $n ->
        [one] { $n } fragment
       *[other] { $n } fragmenten
    } · een kolom telt haar subcodes mee
framework-no-segments = Geen fragmenten van deze code in de bronnen van deze casus.
framework-no-speaker = geen spreker
framework-segment-head = { $source } · { $speakers } · { $code } · gecodeerd door { $coder }
framework-show-segment = Klik om het in zijn document te tonen
framework-matrix = Matrix
framework-none-yet = nog geen
framework-new-matrix = Nieuwe matrix…
    .tooltip = Codes (kolommen) en casussen (rijen) kiezen
framework-edit = Bewerken…
framework-edit-tooltip = “{ $name }” hernoemen of de codes en casussen ervan kiezen
framework-delete = Matrix verwijderen
    .tooltip = Deze matrix en de samenvattingen ervan verwijderen (Ctrl+Z haalt ze terug)
framework-no-matrix = Nog geen raamwerkmatrix: “Nieuwe matrix…” maakt er een (de codes van het hoogste niveau × elke casus, tenzij u kiest).
framework-status = { $cases ->
        [one] { $cases } casus
       *[other] { $cases } casussen
    } × { $codes ->
        [one] { $codes } code
       *[other] { $codes } codes
    } · { $written } van { $cells } samenvattingen geschreven · klik op een cel om de fragmenten te lezen en de samenvatting te schrijven
framework-updating = Aantallen fragmenten bijwerken… · { $line }
framework-close-cell = Cel sluiten
framework-export-markdown = Rapport als Markdown…
framework-export-html = Rapport als HTML…
framework-export-docx = Rapport als Word (DOCX)…
framework-export-xlsx = Werkmap (XLSX, tekst afgebroken)…
framework-export-csv = Samenvattingen als CSV…
