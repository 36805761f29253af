# Het tabblad Afstemming (src/analysis/reconcile.rs). De wachtrij die het exporteert blijft Engels.

reconcile-coder-a = Codeur A
reconcile-coder-b = Codeur B
reconcile-master = Hoofdcodeur
    .tooltip = De codeur waarin de beslissingen worden geschreven (wordt bij de eerste beslissing gemaakt)
reconcile-codes = Codes
reconcile-order = Volgorde
reconcile-text-order = volgorde in de tekst
reconcile-by-code = per code
reconcile-mark-resolved = opgelost
reconcile-mark-open = open
reconcile-queue-row = { $n }. [{ $mark }] { $source } · { $code } · { $kind }
reconcile-choose-item = Kies een item uit de wachtrij.
reconcile-item-of = Item { $n } van { $total }
reconcile-item-where = ({ $id }, tekens { $extent })
reconcile-show-in-document = Tonen in het document
reconcile-coded-instead = { $name } codeerde deze tekst in plaats daarvan als { $codes }.
reconcile-not-coded = niet gecodeerd
reconcile-resolved = Opgelost: { $what }, door { $name } op { $date }
reconcile-resolved-note = Opgelost: { $what }, door { $name } op { $date }: { $note }
reconcile-not-resolved = Nog niet opgelost. Een beslissing schrijft het resultaat naar de hoofdcodeur; opnieuw beslissen vervangt het.
reconcile-note = Notitie
reconcile-note-hint = Waarom deze beslissing (wordt erbij bewaard)
reconcile-keep-a = A behouden
reconcile-keep-a-tooltip = De bereiken van { $name } behouden
reconcile-keep-b = B behouden
reconcile-keep-b-tooltip = De bereiken van { $name } behouden
reconcile-keep-both = Beide behouden
    .tooltip = De bereiken van beide codeurs behouden, elk als eigen codering
reconcile-union = Vereniging
    .tooltip = Eén codering over alle tekst die een van beide codeurs codeerde
reconcile-intersection = Doorsnede
    .tooltip = Alleen de tekst die beide codeurs codeerden
reconcile-drop = Weglaten
    .tooltip = De hoofdcodeur codeert deze tekst niet met deze code
reconcile-start = Begin
reconcile-end = Einde
reconcile-edit-span = Bereik bewerken
    .tooltip = Eén codering van Begin tot Einde (in tekens)
reconcile-previous = Vorige
reconcile-next = Volgende
reconcile-two-coders = Kies twee verschillende codeurs om te vergelijken.
reconcile-name-master = Geef de hoofdcodeur op waarin de beslissingen worden geschreven (bijvoorbeeld consensus).
reconcile-master-compared = De hoofdcodeur mag niet een van de vergeleken codeurs zijn.
reconcile-resolved-count = { $resolved } van { $total } opgelost
reconcile-updating = Bijwerken… · { $line }
reconcile-copy-agreed = { $n ->
        [one] { $n } overeenkomende codering
       *[other] { $n } overeenkomende coderingen
    } naar { $name } kopiëren
    .tooltip = De coderingen die beide codeurs precies gelijk maakten, gaan ongewijzigd naar de hoofdcodeur (één stap; Ctrl+Z maakt die ongedaan)
reconcile-before = Overeenstemming vooraf, { $a } met { $b }: { $figures }
reconcile-after = daarna, { $a } met { $b }: { $figures }
reconcile-agreement-tooltip = Aanwezigheid van elke gekozen code per alinea, geteld over de alinea's die een van beide codeurs codeerde (docs/reconcile.md)
reconcile-no-paragraphs = geen alinea's gecodeerd
reconcile-figures = { $percent }% overeenstemming, kappa { $kappa } ({ $n ->
        [one] { $n } alinea
       *[other] { $n } alinea's
    })
reconcile-figures-undefined = { $percent }% overeenstemming, kappa onbepaald ({ $n ->
        [one] { $n } alinea
       *[other] { $n } alinea's
    })
reconcile-no-disagreements = Geen onenigheid: de twee codeurs codeerden deze codes gelijk.
reconcile-export-csv = Wachtrij als CSV…
reconcile-export-xlsx = Wachtrij als XLSX-werkmap…
