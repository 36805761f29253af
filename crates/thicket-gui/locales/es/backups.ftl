# Archivo → Restaurar desde una copia de seguridad… (src/backups.rs).

cmd-restore-backup = Restaurar desde una copia de seguridad…
    .tooltip = Las instantáneas guardadas junto a este proyecto; se restaura una en un archivo nuevo, nunca sobre este
backups-title = Restaurar desde una copia de seguridad
backups-none = Todavía no hay copias de seguridad de este proyecto.
backups-intro = Elija una instantánea. Se restaura en un archivo nuevo junto a este proyecto; este proyecto no cambia.
backups-row = { $date } · { $size } · { $sources } fuentes, { $codes } códigos, { $codings } codificaciones, { $memos } memos
backups-unreadable = No se puede leer { $file }: { $reason }
backups-new-file = Archivo nuevo:
backups-restore = Restaurar en el archivo nuevo
backups-restored = Restaurado en { $file }.
backups-open-restored = Abrirlo
