# Wat het project bevat: memo's, casussen, kenmerken, deelnemers, pseudoniemen.

## De memoverkenner
memos-title = Memo's
memos-new-project-memo = Nieuwe projectmemo
    .tooltip = Een memo over het onderzoek als geheel
memos-kind = Soort memo
memos-all-kinds = Alle soorten
memos-kind-project = Project
memos-kind-source = Bron
memos-kind-passage = Passage
memos-kind-code = Code
memos-kind-case = Casus
memos-kind-participant = Deelnemer
memos-kind-coding = Codering
memos-search = Memo's doorzoeken
memos-search-hint = woorden in de memo of in waar die bij hoort
memos-count = { $n ->
        [one] 1 memo
       *[other] { $n } memo's
    }
memos-count-of = { $n } van { $total ->
        [one] 1 memo
       *[other] { $total } memo's
    }
memos-none-yet = Nog geen memo's. Schrijf hier een memo over het project, of kies “Memo…” bij een bron, code, casus, deelnemer of codering.
memos-no-match = Geen memo komt overeen met het filter.
memos-select = Selecteer een memo om die te lezen of te bewerken.
memos-memo-title = Titel
memos-text = Tekst van de memo
memos-saved-when = Opgeslagen zodra u pauzeert of het veld verlaat
memos-saved-once = Een nieuwe memo wordt opgeslagen zodra die tekst heeft
memos-saved = Opgeslagen
memos-show-in-document = In document tonen
memos-delete = Memo verwijderen
    .tooltip = U kunt dit ongedaan maken (Ctrl+Z)
memos-has-memo = heeft een memo
memos-deleted-source = (verwijderde bron)
memos-deleted-code = (verwijderde code)
memos-deleted-case = (verwijderde casus)
memos-deleted-participant = (verwijderde deelnemer)
memos-on-source = Bron “{ $source }”
memos-on-passage = Passage van “{ $source }”: “{ $quote }”
memos-on-code = Code { $code }
memos-on-case = Casus “{ $case }”
memos-on-participant = Deelnemer “{ $participant }”
memos-on-coding = Codering { $code } in “{ $source }”: “{ $quote }”

## Het venster met casussen
cases-title = Casussen
cases-list-row = { $case } · { $n ->
        [one] 1 bron
       *[other] { $n } bronnen
    }
cases-none-yet = Nog geen casussen. Een casus is een eenheid van het onderzoek, zoals een gezin.
cases-select = Selecteer een casus om de naam te wijzigen, die te beschrijven of er bronnen aan toe te wijzen.
cases-new-name = Naam van de nieuwe casus
cases-new-name-hint = bv. gezin Okafor
cases-create = Casus maken
cases-name-exists = Er bestaat al een casus met deze naam.
cases-name = Naam van de casus
cases-name-taken = Een andere casus heeft deze naam.
cases-name-needed = Een casus heeft een naam nodig.
cases-description = Beschrijving
cases-memo = Memo…
    .tooltip = De memo van deze casus openen in de memoverkenner
cases-has-memo = Deze casus heeft een memo
cases-delete = Casus verwijderen…
cases-no-participants = Geen deelnemers (voeg ze toe in het venster Deelnemers van het menu Project)
cases-participants = Deelnemers: { $names }
cases-sources-in = Bronnen in “{ $case }” ({ $n })
cases-filter-sources = Bronnen filteren
cases-source-kind = Soort bron
cases-any-kind = elke
cases-assign-shown = De { $n } getoonde toewijzen
cases-unassign-shown = De { $n } getoonde loskoppelen
cases-no-date = geen datum
cases-delete-title = Casus verwijderen
cases-delete-question = De casus “{ $case }” verwijderen?
cases-delete-keeps = De { $sources ->
        [one] 1 toegewezen bron
       *[other] { $sources } toegewezen bronnen
    } en { $participants ->
        [one] 1 deelnemer
       *[other] { $participants } deelnemers
    } blijven in het project; ze verliezen alleen hun koppeling met deze casus.
cases-delete-with = Mee verwijderd: { $memos ->
        [one] 1 memo
       *[other] { $memos } memo's
    } en { $values ->
        [one] 1 kenmerkwaarde
       *[other] { $values } kenmerkwaarden
    }.
cases-undo-hint = U kunt dit ongedaan maken (Ctrl+Z).
cases-delete-confirm = De casus verwijderen
cases-cancel = Annuleren
cases-assign-to = Aan casus toewijzen
cases-new-case = Nieuwe casus…
cases-edit-case = Casus bewerken…
cases-author = Auteur: { $author }
cases-author-not-set = niet ingesteld
cases-author-hint = Wiens perspectief deze bron draagt
cases-author-none = Niet ingesteld
cases-author-agency = De instelling (dossiers, verslagen)
cases-author-researcher = De onderzoeker (observaties, veldnotities)

## Het venster met deelnemers
participants-title = Deelnemers
participants-intro = Wijzig de naam van een deelnemer, stel de rol en casussen in, of voeg twee samen die dezelfde persoon zijn.
participants-cell-problem = { $attribute } van { $participant }: { $message }
participants-col-participant = Deelnemer
participants-col-rename = Nieuwe naam
participants-col-role = Rol
participants-col-turns = Spreekbeurten
participants-col-cases = Casussen
participants-col-memo = Memo
participants-col-merge = Samenvoegen met
participants-no-role = geen rol
participants-no-case = geen casus
participants-no-cases-yet = Nog geen casussen (Casussen… in het menu Project)
participants-cases-of = Casussen van { $participant }
participants-cases-of-tooltip = De casussen waartoe { $participant } behoort
participants-attribute-of = { $attribute } van { $participant }
participants-memo = Memo…
participants-memo-on = Memo over { $participant }
participants-memo-open = De memo over { $participant } openen
participants-has-memo = { $participant } heeft een memo
participants-merge-tooltip = { $participant } samenvoegen met een andere deelnemer

## Het venster met kenmerken en de cellen
attributes-title = Kenmerken
attributes-tab-cases = Casussen
attributes-tab-participants = Deelnemers
attributes-tab-sources = Bronnen
attributes-col-case = Casus
attributes-col-participant = Deelnemer
attributes-col-source = Bron
attributes-type-text = Tekst
attributes-type-number = Getal
attributes-type-date = Datum
attributes-type-category = Categorie
attributes-problem-no-name = Geef het kenmerk een naam.
attributes-problem-taken = { $target ->
        [case] Casussen
        [participant] Deelnemers
       *[source] Bronnen
    } hebben al een kenmerk met de naam “{ $name }”.
attributes-problem-no-categories = Geef minstens één categorie, één per regel.
attributes-problem-twice = De categorie “{ $category }” staat er twee keer in.
attributes-new = Nieuw kenmerk…
attributes-filter = Rijen filteren
attributes-none-yet = { $target ->
        [case] Casussen
        [participant] Deelnemers
       *[source] Bronnen
    } hebben nog geen kenmerken. “Nieuw kenmerk…” maakt er een (bv. gezinsgrootte, gemeente, leeftijdsgroep).
attributes-cell-problem = { $attribute } van { $name }: { $message }
attributes-cell-name = { $attribute } van { $name }
attributes-categories-tooltip = Categorieën: { $categories }
attributes-delete = Kenmerk “{ $attribute }” verwijderen…
attributes-no-match = Geen rij komt overeen met het filter.
attributes-new-title = Nieuw kenmerk
attributes-on = Voor { $target ->
        [case] casussen
        [participant] deelnemers
       *[source] bronnen
    }
attributes-name = Naam van het kenmerk
attributes-type = Type
attributes-categories = Categorieën (één per regel)
attributes-define = Maken
attributes-cancel = Annuleren
attributes-delete-title = Kenmerk verwijderen
attributes-delete-question = Het kenmerk “{ $attribute }” van { $target ->
        [case] casussen
        [participant] deelnemers
       *[source] bronnen
    } verwijderen?
attributes-delete-values = { $n ->
        [one] De enige waarde gaat
       *[other] De { $n } waarden gaan
    } mee. U kunt dit ongedaan maken (Ctrl+Z).
attributes-delete-confirm = Het kenmerk verwijderen
attributes-not-number-point = “{ $text }” is geen getal: schrijf decimalen met een punt, bv. { $example }
attributes-not-number = “{ $text }” is geen getal
attributes-not-date = “{ $text }” is geen datum: schrijf JJJJ-MM-DD, bv. 2025-03-04
attributes-not-category = “{ $text }” is niet een van: { $categories }
attributes-no-value = Geen waarde
attributes-hint-number = getal

## Het venster met pseudoniemen
pseudonyms-title = Pseudoniemen
pseudonyms-tab-map = Tabel
pseudonyms-tab-preview = Voorvertoning
pseudonyms-tab-log = Exportlogboek
pseudonyms-intro = Exports gemaakt met ‘Pseudonimiseren’ vervangen deze namen; de tekst in het project verandert nooit.
pseudonyms-prefill = Vooraf invullen
    .tooltip = Namen van deelnemers en sprekerlabels toevoegen met vervangingen op basis van hun rol; uw eigen items blijven zoals ze zijn
pseudonyms-nothing-new = Niets nieuws: elke deelnemer en elk sprekerlabel staat al in de tabel.
pseudonyms-counting = { $entries ->
        [one] 1 item
       *[other] { $entries } items
    }, vervangingen tellen… { $percent } %
pseudonyms-summary = { $entries ->
        [one] 1 item
       *[other] { $entries } items
    }, { $replacements ->
        [one] 1 vervanging
       *[other] { $replacements } vervangingen
    }
pseudonyms-original = Origineel
pseudonyms-original-hint = een naam, een plaats
pseudonyms-replacement = Vervanging
pseudonyms-replacement-hint = Verzorger 1
pseudonyms-add = Toevoegen
pseudonyms-empty = De tabel is leeg: vul ze vooraf in met de deelnemers, of voeg een naam toe.
pseudonyms-col-whole-words = Hele woorden
pseudonyms-col-exact-case = Exacte hoofdletters
pseudonyms-col-from = Van
pseudonyms-col-replacements = Vervangingen
pseudonyms-whole-words-tooltip = Uit: ook binnen langere woorden
pseudonyms-exact-case-tooltip = Aan: alleen zoals geschreven; uit: met elke hoofdletter, overgenomen van wat gevonden werd
pseudonyms-show-in-preview = Ze in de voorvertoning tonen
pseudonyms-remove = “{ $original }” verwijderen
pseudonyms-finding = Elke vervanging in de teksten van het project zoeken…
pseudonyms-every-entry = Elk item
pseudonyms-entry = Item
pseudonyms-replacements = { $n ->
        [one] 1 vervanging
       *[other] { $n } vervangingen
    }
pseudonyms-log-empty = Er is nog niets uit dit project geëxporteerd.
pseudonyms-log-summary = { $n ->
        [one] 1 export
       *[other] { $n } exports
    }, { $plain } zonder pseudoniemen
pseudonyms-col-when = Wanneer
pseudonyms-col-what = Wat
pseudonyms-col-file = Bestand
pseudonyms-col-pseudonymised = Gepseudonimiseerd
pseudonyms-yes = ja
pseudonyms-no = nee
pseudonyms-map-hash = { $hash } ({ $n ->
        [one] 1 item
       *[other] { $n } items
    })
