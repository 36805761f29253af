# Bestand → Herstellen uit een reservekopie… (src/backups.rs).

cmd-restore-backup = Herstellen uit een reservekopie…
    .tooltip = De momentopnamen naast dit project; een ervan wordt in een nieuw bestand hersteld, nooit over dit project
backups-title = Herstellen uit een reservekopie
backups-none = Er zijn nog geen reservekopieën van dit project.
backups-intro = Kies een momentopname. Die wordt in een nieuw bestand naast dit project hersteld; dit project verandert niet.
backups-row = { $date } · { $size } · { $sources } bronnen, { $codes } codes, { $codings } coderingen, { $memos } memo's
backups-unreadable = { $file } kan niet worden gelezen: { $reason }
backups-new-file = Nieuw bestand:
backups-restore = Herstellen in het nieuwe bestand
backups-restored = Hersteld in { $file }.
backups-open-restored = Openen
