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
backups-folder = Instantáneas en { $folder }

# Archivo → Configuración de copias de seguridad… y las copias automáticas (src/autobackup.rs).

cmd-backup-settings = Configuración de copias de seguridad…
    .tooltip = Si se hacen copias de seguridad de este proyecto mientras trabaja, cada cuánto, cuántas se conservan y dónde
backup-settings-title = Configuración de copias de seguridad
backup-automatic = Hacer copias de seguridad automáticas mientras trabajo
    .tooltip = Una instantánea al abrir el proyecto y luego una cada cierto número de minutos de trabajo; ninguna mientras nada cambie
backup-every = Minutos de trabajo entre copias:
backup-keep = Copias conservadas:
    .tooltip = Se conservan las más recientes y la más reciente de cada uno de los últimos 7 días; las más antiguas se eliminan solo después de verificar una copia nueva
backup-where = Dónde se guardan las copias:
backup-beside = En una carpeta junto al proyecto
backup-chosen = En una carpeta que yo elija
backup-choose-folder = Elegir una carpeta…
backup-folder-used = Las copias de este proyecto se guardan en { $folder }
backup-last = Última copia: { $date }
backup-none-yet = No se ha hecho ninguna copia desde que se abrió el proyecto.
backup-running = Haciendo la copia de seguridad…
backup-now = Hacer una copia ahora
backup-not-writable = Este proyecto está abierto solo para lectura, por lo que no se hacen copias de seguridad de él.
backup-failed = La copia de seguridad de «{ $name }» en { $folder } falló: { $reason }. Su trabajo no se ve afectado. Thicket lo intentará de nuevo en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. Si no se puede escribir en esa carpeta, elija otra en Configuración de copias de seguridad, en el menú Archivo.
backup-status = Respaldo: { $time }
backup-status-tooltip = La última copia de seguridad de este proyecto, en { $folder } (Archivo, Configuración de copias de seguridad…)
