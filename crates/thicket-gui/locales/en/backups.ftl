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
backups-folder = Snapshots in { $folder }

# File → Backup settings… and the automatic backups (src/autobackup.rs).

cmd-backup-settings = Backup settings…
    .tooltip = Whether this project is backed up while you work, how often, how many backups are kept, and where
backup-settings-title = Backup settings
backup-automatic = Back up automatically while I work
    .tooltip = A snapshot when the project opens, then one every so many minutes of work; none while nothing changes
backup-every = Minutes of work between backups:
backup-keep = Backups kept:
    .tooltip = The newest ones are kept, and the newest of each of the last 7 days; older ones are deleted only after a new backup has been checked
backup-where = Where the backups go:
backup-beside = In a folder beside the project
backup-chosen = In a folder I choose
backup-choose-folder = Choose a folder…
backup-folder-used = Backups of this project go into { $folder }
backup-last = Last backup: { $date }
backup-none-yet = No backup has been taken since the project was opened.
backup-running = Backing up…
backup-now = Back up now
backup-not-writable = This project is open read-only, so it is not backed up.
backup-failed = The backup of “{ $name }” into { $folder } failed: { $reason }. Your work is not affected. Thicket tries again in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. If that folder cannot be written, choose another under Backup settings in the File menu.
backup-status = Backed up { $time }
backup-status-tooltip = The last backup of this project, in { $folder } (File, Backup settings…)
