# File → Restore from a backup… (src/backups.rs).

cmd-restore-backup = Restore from a backup…
    .tooltip = The snapshots kept beside this project; one is restored into a new file, never over this one
backups-title = Restore from a backup
backups-none = There are no backups of this project yet.
backups-intro = Choose a snapshot. It is restored into a new file beside this project; this project is not changed.
backups-row = { $date } · { $size } · { $sources } sources, { $codes } codes, { $codings } codings, { $memos } memos
backups-unreadable = { $file } cannot be read: { $reason }
backups-new-file = New file:
backups-restore = Restore into the new file
backups-restored = Restored into { $file }.
backups-open-restored = Open it
