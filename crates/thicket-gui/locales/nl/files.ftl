# Het hoofdvenster: meldingen van de toepassing, de statusbalk, het welkomstscherm, de lijst van
# bronnen, de bestandsvensters, importeren, de codeur, werk op de achtergrond en voorkeuren.

## app.rs en writing.rs: meldingen na een handeling
app-say-coder-first = Zeg eerst wie codeert en probeer het dan opnieuw.
app-coder-retired = { $name } is teruggetrokken: kies een andere codeur, of haal { $name } terug in de weergave Team, en probeer het dan opnieuw.
app-cannot-record-coder = kan codeur ‘{ $name }’ niet vastleggen: { $error }
app-select-passage-first = Selecteer eerst een passage in de tekst en kies dan een code.
app-cannot-write-sample = kan de voorbeeldstudie niet schrijven naar { $path }: { $error }
app-applying-codings = { $n ->
        [one] { $n } codering toepassen…
       *[other] { $n } coderingen toepassen…
    }
app-undoing = Ongedaan maken: { $what }…
app-redoing = Opnieuw: { $what }…
app-writing-file = { $path } schrijven…
app-wrote-file = { $path } geschreven
app-comparing-with = Vergelijken met ‘{ $name }’…
app-merging = ‘{ $name }’ samenvoegen…
app-write-lost = de wijziging kon niet worden geschreven ({ $error }); open het project opnieuw
app-saved-copy = Kopie opgeslagen in { $path }
app-saved-readable-copy = Leesbare kopie opgeslagen in { $path } ({ $rows } rijen)
app-readable-left-out = ; weggelaten omdat hun tekst beschadigd is: { $names }
app-readable-stopped = ; { $n ->
        [one] { $n } tabel is
       *[other] { $n } tabellen zijn
    } alleen tot de schade gelezen
app-readable-open-it = { $note }. Open de kopie om verder te werken.
app-open-before-import = Open of maak een project voordat u bestanden importeert.
app-blind-leave-first = U codeert blind als { $name }: verlaat eerst de blinde modus om als iemand anders te coderen.
app-no-system-dialog = Hier is geen bestandsvenster van het systeem beschikbaar; Thicket gebruikt zijn eigen.
app-is-open-project = { $path } is het geopende project; kies een andere naam.
app-cannot-replace = kan { $path } niet vervangen: { $error }
app-cannot-tidy = kan { $path } niet opruimen: { $error }
app-cancelled-nothing-changed = Geannuleerd: er is niets gewijzigd.
app-cancelling = Annuleren…
app-cancel = Annuleren

## panels.rs: het kader van het venster
panels-recent-projects = Recente projecten
panels-drop-files = Laat de bestanden los om ze te importeren
panels-dismiss = Sluiten
panels-project-damaged = ‘{ $name }’ is beschadigd ({ $detail }). Het is alleen-lezen geopend: u kunt lezen en exporteren, en er wordt niets gewijzigd. Sla op wat nog leesbaar is in een nieuw project, of zet een back-up terug.
panels-project-read-only = ‘{ $name }’ is alleen-lezen ({ $reason }). U kunt lezen en exporteren; wijzigingen worden geweigerd.
panels-save-readable-copy = Leesbare kopie opslaan…
    .tooltip = De bronnen, codes, coderingen, casussen en memo's die nog leesbaar zijn naar een nieuw projectbestand kopiëren
panels-status-counts = { $sources ->
        [one] { $sources } bron
       *[other] { $sources } bronnen
    } · { $cases ->
        [one] { $cases } casus
       *[other] { $cases } casussen
    } · { $codes ->
        [one] { $codes } code
       *[other] { $codes } codes
    } · { $codings ->
        [one] { $codings } codering
       *[other] { $codings } coderingen
    }
panels-coder = Codeur:
    .tooltip = Elke codering en elk memo die u maakt, legt deze codeur vast
panels-coder-blind = { $name } (blind)
panels-coder-not-chosen = (niet gekozen)
panels-another-coder = Andere codeur:
    .hint = naam, dan Enter
panels-not-in-a-case = Niet in een casus
panels-by-case = Per casus
panels-by-kind = Per soort
panels-find-source = Een bron zoeken
    .hint = typ om te filteren
panels-click-to-fold = Klik om in te klappen
panels-click-to-unfold = Klik om uit te klappen
panels-source-has-memo = Deze bron heeft een memo: rechtsklik, dan Memo…
panels-source-hover = { $name }
    { $kind } · { $date } · { $words ->
        [one] { $words } woord
       *[other] { $words } woorden
    }
panels-no-date = geen datum
panels-segments = Fragmenten
panels-segments-idle = klik op een code in het codeboek om de fragmenten ervan te tonen
panels-select-source = Selecteer links een bron om ze te lezen.

## Het welkomstscherm
welcome-tagline = Kwalitatief coderen voor etnografische casestudies
welcome-explore-sample = De voorbeeldstudie verkennen
welcome-sample-description = Drie fictieve gezinnen in gezinsbehoud, een focusgroep, een codeboek en twee codeurs.
welcome-open-project = Project openen…
welcome-open-qualcoder = Een QualCoder-project openen…
    .tooltip = Leest de map van een QualCoder-project (NAAM.qda) in een nieuw Thicket-project

## import_dialog.rs: bestanden importeren
import-title = Importeren
import-reading-files = Bestanden lezen… { $done } van { $total }
import-close = Sluiten
import-files-read = { $files ->
        [one] { $files } bestand gelezen
       *[other] { $files } bestanden gelezen
    } ({ $sources ->
        [one] { $sources } bron
       *[other] { $sources } bronnen
    }), { $failed } niet leesbaar.
import-reading-cancelled = Het lezen is geannuleerd: alleen de bestanden die al gelezen zijn, worden geïmporteerd.
import-kind = Soort
import-detect-kind = Uit de tekst afleiden
import-case = Casus
    .hint = geen, of een nieuwe of bestaande casus
import-existing-case = bestaande…
import-session-date = Datum van de sessie
    .hint = JJJJ-MM-DD
import-date-from-name = of uit elke bestandsnaam lezen
import-speakers = Sprekers
import-detect-speakers = Spreekbeurten herkennen
import-detected-speakers = Herkende sprekers. Geef twee labels dezelfde naam om ze samen te voegen; kies een bestaande deelnemer om ze aan te koppelen.
import-col-label = Label
import-col-turns = Beurten
import-col-participant = Deelnemer
import-col-role = Rol
import-map-participant = Aan een bestaande deelnemer koppelen
import-existing-no-role = bestaand, geen rol
import-existing-role = bestaand: { $role }
import-no-role = geen rol
import-suggested-role = voorgesteld: stelt de meeste vragen
import-button = { $n ->
        [one] { $n } bron importeren
       *[other] { $n } bronnen importeren
    }
import-bad-date = ‘{ $date }’ is geen datum: schrijf ze als JJJJ-MM-DD
import-imported = { $n ->
        [one] { $n } bron geïmporteerd
       *[other] { $n } bronnen geïmporteerd
    }
import-words = { $n ->
        [one] { $n } woord
       *[other] { $n } woorden
    }
import-skipped = { $name } overgeslagen: { $reason }
import-not-imported = { $name } niet geïmporteerd: { $reason }

## file_request.rs en file_browser.rs: bestanden kiezen
files-title-open-project = Project openen
files-title-new-project = Nieuw project
files-title-save-copy = Een kopie opslaan als
files-title-save-readable-copy = Een leesbare kopie opslaan als
files-title-import-files = Bestanden importeren
files-title-import-folder = Map importeren
files-title-open-qualcoder = De map van een QualCoder-project openen
files-title-save-imported = Het geïmporteerde project opslaan als
files-title-merge = Een project met dit project samenvoegen
files-title-open-refi = Een REFI-QDA-project openen
files-title-import-codebook = Codeboek importeren
files-title-export = Exporteren
files-title-export-excerpts = Gecodeerde citaten exporteren
files-title-backup-folder = De map voor de reservekopieën van dit project
files-confirm-open = Openen
files-confirm-create = Maken
files-confirm-import = Importeren
files-confirm-import-folder = Deze map importeren
files-confirm-open-qualcoder = Dit QualCoder-project openen
files-confirm-backup-folder = Reservekopieën hier bewaren
files-confirm-compare = Vergelijken
files-confirm-save = Opslaan
files-hint-qualcoder-folder = Ga naar de map van het project (NAAM.qda, de map met data.qda) en klik dan op Dit QualCoder-project openen.
files-hint-qualcoder-target = Het nieuwe Thicket-project; een bestaand bestand wordt nooit vervangen.
files-hint-backup-folder = Ga naar de map (een andere schijf dan die van het project is het veiligst) en klik dan op Reservekopieën hier bewaren.
files-filter-projects = Thicket-project
files-filter-refi-projects = REFI-QDA-project
files-filter-refi-codebooks = REFI-QDA-codeboek
files-filter-documents = Documenten
browser-parent-folder = Bovenliggende map
browser-location = Locatie
browser-go = Ga
browser-no-such-folder = De map { $path } bestaat niet.
browser-go-to = Ga naar:
browser-home = Thuismap
browser-empty = Hier zijn geen mappen of passende bestanden.
browser-new-folder = Nieuwe map…
browser-new-folder-name = Naam van de nieuwe map
browser-create-folder = Map maken
browser-folder-needs-name = Geef de nieuwe map een naam (zonder schuine strepen).
browser-cannot-create-folder = Kan de map ‘{ $name }’ niet maken: { $error }
browser-file-name = Bestandsnaam
browser-replace-question = ‘{ $name }’ bestaat hier al. Vervangen?
browser-replace = Vervangen
browser-dont-replace = Niet vervangen
browser-type-file-name = Typ een bestandsnaam.
browser-exists-choose-new = ‘{ $name }’ bestaat hier al; kies een nieuwe naam.
browser-cannot-read-folder = Kan de map { $path } niet lezen: { $error }
browser-size-bytes = { $n ->
        [one] { $n } byte
       *[other] { $n } bytes
    }

## coder_prompt.rs: wie codeert
coder-prompt-title = Wie codeert er?
coder-prompt-explain = Elke codering en elk memo die u maakt, legt deze naam vast, zodat codeurs te onderscheiden en te vergelijken zijn.
coder-prompt-name = Naam van de codeur
    .hint = uw naam
coder-prompt-or-continue = Of ga verder als een van de codeurs van dit project:
coder-prompt-code-as = Coderen als { $name }
coder-prompt-continue = Doorgaan
coder-prompt-keep = { $name } houden

## side_panels.rs: de inklapbare zijpanelen
side-sources = Bronnen
side-codebook = Codeboek
side-search-project = Project doorzoeken
side-fold-sources = Het bronnenpaneel inklappen
side-fold-codebook = Het codeboekpaneel inklappen
side-fold-search-project = Het zoekpaneel inklappen
side-show-sources = Het bronnenpaneel tonen
side-show-codebook = Het codeboekpaneel tonen
side-show-search-project = Het zoekpaneel tonen

## retrieval.rs: de fragmenten van de gekozen codes
retrieval-include-subcodes = Subcodes meenemen
retrieval-case = Casus
retrieval-kind = Soort
retrieval-role = Rol
retrieval-coder = Codeur
retrieval-segment-count = { $n ->
        [one] { $n } fragment
       *[other] { $n } fragmenten
    }
retrieval-by-coder = door { $name }
retrieval-show-in-document = Klik om het in zijn document te tonen
retrieval-any = alle
jobs-stopped-unexpectedly = de berekening is onverwacht gestopt
