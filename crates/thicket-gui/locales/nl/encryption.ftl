# Versleuteling: het wachtzindialoogvenster en de versleutelingsopdrachten van het menu Bestand.

cmd-encrypt-project = Project versleutelen…
    .tooltip = Het projectbestand beveiligen met een wachtzin: zonder die wachtzin kan niemand het bestand lezen
cmd-change-passphrase = Wachtzin wijzigen…
    .tooltip = Dit versleutelde project een nieuwe wachtzin geven
cmd-remove-encryption = Versleuteling verwijderen…
    .tooltip = Dit project weer onversleuteld opslaan, zonder wachtzin

passphrase-open-title = Versleuteld project
passphrase-open-body = ‘{ $file }’ is versleuteld. Typ de wachtzin om het te openen.
passphrase-field = Wachtzin
passphrase-new-field = Nieuwe wachtzin
passphrase-again-field = Typ hem nogmaals
passphrase-open = Openen
passphrase-cancel = Annuleren
passphrase-wrong = Verkeerde wachtzin: dit is niet de wachtzin van ‘{ $file }’. Probeer het opnieuw.
passphrase-differ = De twee wachtzinnen verschillen.
passphrase-encrypt-title = Project versleutelen
passphrase-encrypt-body = Elke pagina van ‘{ $file }’ wordt met deze wachtzin versleuteld, en Thicket vraagt er elke keer om wanneer het project wordt geopend. Kopieën, back-ups en het -wal-bestand worden ook versleuteld; exports niet.
passphrase-lost-warning = Als u de wachtzin kwijtraakt, kan het project nooit meer worden geopend. Niemand kan hem herstellen, ook Thicket niet: bewaar hem op een veilige plek.
passphrase-encrypt = Versleutelen
passphrase-change-title = Wachtzin wijzigen
passphrase-change-body = ‘{ $file }’ wordt opnieuw geschreven met de nieuwe wachtzin; de oude opent het dan niet meer.
passphrase-change = Wachtzin wijzigen
passphrase-remove-title = Versleuteling verwijderen
passphrase-remove-body = ‘{ $file }’ wordt onversleuteld opgeslagen: iedereen die het bestand kan lezen, kan de interviews erin lezen, zonder wachtzin.
passphrase-remove = Versleuteling verwijderen
passphrase-encrypted-notice = { $file } versleuteld: het opent alleen met de wachtzin.
passphrase-changed-notice = De wachtzin van { $file } is gewijzigd.
passphrase-removed-notice = De versleuteling van { $file } is verwijderd: het is weer een onversleuteld project.
