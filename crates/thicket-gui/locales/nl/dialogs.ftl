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
