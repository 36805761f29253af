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
backups-folder = Momentopnamen in { $folder }

# Bestand → Instellingen voor reservekopieën… en de automatische reservekopieën (src/autobackup.rs).

cmd-backup-settings = Instellingen voor reservekopieën…
    .tooltip = Of er tijdens het werk reservekopieën van dit project worden gemaakt, hoe vaak, hoeveel er bewaard blijven en waar
backup-settings-title = Instellingen voor reservekopieën
backup-automatic = Automatisch reservekopieën maken terwijl ik werk
    .tooltip = Een momentopname bij het openen van het project, daarna een na elk aantal minuten werk; geen zolang er niets verandert
backup-every = Minuten werk tussen reservekopieën:
backup-keep = Bewaarde reservekopieën:
    .tooltip = De nieuwste blijven bewaard, en de nieuwste van elk van de laatste 7 dagen; oudere worden pas verwijderd nadat een nieuwe reservekopie is gecontroleerd
backup-where = Waar de reservekopieën komen:
backup-beside = In een map naast het project
backup-chosen = In een map die ik kies
backup-choose-folder = Een map kiezen…
backup-folder-used = De reservekopieën van dit project komen in { $folder }
backup-last = Laatste reservekopie: { $date }
backup-none-yet = Sinds het project werd geopend is er nog geen reservekopie gemaakt.
backup-running = Reservekopie wordt gemaakt…
backup-now = Nu een reservekopie maken
backup-not-writable = Dit project is alleen-lezen geopend; er worden daarom geen reservekopieën van gemaakt.
backup-failed = De reservekopie van “{ $name }” in { $folder } is mislukt: { $reason }. Uw werk blijft onaangetast. Thicket probeert het opnieuw over { $minutes ->
        [one] { $minutes } minuut
       *[other] { $minutes } minuten
    }. Kan er in die map niet worden geschreven, kies dan een andere bij Instellingen voor reservekopieën in het menu Bestand.
backup-status = Reservekopie: { $time }
backup-status-tooltip = De laatste reservekopie van dit project, in { $folder } (Bestand, Instellingen voor reservekopieën…)
