# De namen van stappen die u ongedaan kunt maken of opnieuw kunt doen (menu Bewerken, werkbalk, statusregel).
# Het auditlogboek en de CLI houden de Engelse namen van de kern (Action::label).

step-import-one = “{ $name }” importeren
step-import-many = { $n } bronnen importeren
step-edit-source = Bron bewerken
step-set-source-author = Auteur van de bron instellen op “{ $name }”
step-clear-source-author = Auteur van de bron wissen
step-create-case = Casus “{ $name }” maken
step-edit-case = Casus bewerken
step-assign-sources = Bronnen aan casus toewijzen
step-unassign-sources = Bronnen uit casus halen
step-create-participant = Deelnemer “{ $name }” maken
step-edit-participant = Deelnemer bewerken
step-create-coder = Codeur “{ $name }” maken
step-rename-coder = Codeur hernoemen tot “{ $name }”
step-coder-colour = Kleur van codeur wijzigen
step-retire-coder = Codeur terugtrekken
step-unretire-coder = Codeur terughalen
step-create-code = Code “{ $name }” maken
step-code-as-new = Selectie coderen met nieuwe code “{ $name }”
step-edit-code = Code bewerken
step-apply-code = Code toepassen
step-apply-codings = { $n } coderingen toepassen
step-create-memo = Memo maken
step-edit-memo = Memo bewerken
step-define-attribute = Kenmerk “{ $name }” definiëren
step-set-attribute = Kenmerk instellen
step-reassign-turns = { $n ->
        [one] { $n } spreekbeurt
       *[other] { $n } spreekbeurten
    } opnieuw toewijzen
step-link-sources = { $n ->
        [one] { $n } bron
       *[other] { $n } bronnen
    } aan deelnemers koppelen
step-unlink-sources = { $n ->
        [one] { $n } bron
       *[other] { $n } bronnen
    } van deelnemers loskoppelen
step-recode = { $n ->
        [one] { $n } codering
       *[other] { $n } coderingen
    } hercoderen
step-edit-coding = Codering bewerken
step-create-framework = Raamwerkmatrix “{ $name }” maken
step-rename-framework = Raamwerkmatrix hernoemen tot “{ $name }”
step-framework-codes = Codes van de raamwerkmatrix kiezen
step-framework-cases = Casussen van de raamwerkmatrix kiezen
step-clear-framework-summary = Samenvatting in de raamwerkmatrix wissen
step-edit-framework-summary = Samenvatting in de raamwerkmatrix bewerken
step-add-pseudonym = Pseudoniem voor “{ $name }” toevoegen
step-add-pseudonyms = { $n } pseudoniemen toevoegen
step-edit-pseudonym = Pseudoniem voor “{ $name }” bewerken
step-remove-pseudonym = Pseudoniem verwijderen
step-remove-pseudonyms = { $n } pseudoniemen verwijderen
step-restore-pseudonyms = { $n ->
        [one] { $n } pseudoniem
       *[other] { $n } pseudoniemen
    } terugzetten
step-copy-agreed = { $n ->
        [one] { $n } overeenkomende codering
       *[other] { $n } overeenkomende coderingen
    } naar “{ $name }” kopiëren
step-reconcile-one = Afstemmen: { $choice }
step-reconcile-many = { $n } items afstemmen
step-set-decisions = { $n ->
        [one] { $n } afstemmingsbeslissing
       *[other] { $n } afstemmingsbeslissingen
    } vastleggen
step-delete = { $what } verwijderen
step-restore = { $what } terugzetten
step-links = koppelingen
step-count-source = { $n ->
        [one] { $n } bron
       *[other] { $n } bronnen
    }
step-count-case = { $n ->
        [one] { $n } casus
       *[other] { $n } casussen
    }
step-count-participant = { $n ->
        [one] { $n } deelnemer
       *[other] { $n } deelnemers
    }
step-count-coder = { $n ->
        [one] { $n } codeur
       *[other] { $n } codeurs
    }
step-count-code = { $n ->
        [one] { $n } code
       *[other] { $n } codes
    }
step-count-coding = { $n ->
        [one] { $n } codering
       *[other] { $n } coderingen
    }
step-count-memo = { $n ->
        [one] { $n } memo
       *[other] { $n } memo's
    }
step-count-attribute = { $n ->
        [one] { $n } kenmerk
       *[other] { $n } kenmerken
    }
step-count-framework = { $n ->
        [one] { $n } raamwerkmatrix
       *[other] { $n } raamwerkmatrices
    }

# Stappen die meerdere wijzigingen bundelen (Bundle van de kern).
step-move-code = “{ $name }” verplaatsen
step-merge-codes = Code “{ $name }” samenvoegen met “{ $into }”
step-merge-participants = “{ $name }” samenvoegen met “{ $into }”
step-autocode = “{ $pattern }” automatisch coderen als “{ $name }”
step-autocode-regex = /{ $pattern }/ automatisch coderen als “{ $name }”
step-edit-framework = Raamwerkmatrix “{ $name }” bewerken
step-arrange-framework = Raamwerkmatrix “{ $name }” ordenen
step-prefill-pseudonyms = { $n ->
        [one] { $n } pseudoniem
       *[other] { $n } pseudoniemen
    } vooraf invullen
step-import-codebook = Codeboek “{ $name }” importeren
step-import-refi-project = REFI-QDA-project “{ $name }” importeren
step-import-qualcoder-project = QualCoder-project “{ $name }” importeren
step-merge-project = “{ $name }” samenvoegen
