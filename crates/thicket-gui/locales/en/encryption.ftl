# Encryption at rest: the passphrase dialog and the File menu's encryption commands
# (src/passphrase_dialog.rs, the table in src/commands/mod.rs).

cmd-encrypt-project = Encrypt project…
    .tooltip = Protect the project file with a passphrase: without it, nobody can read the file
cmd-change-passphrase = Change passphrase…
    .tooltip = Give this encrypted project a new passphrase
cmd-remove-encryption = Remove encryption…
    .tooltip = Write this project in the clear again, without a passphrase

passphrase-open-title = Encrypted project
passphrase-open-body = “{ $file }” is encrypted. Type its passphrase to open it.
passphrase-field = Passphrase
passphrase-new-field = New passphrase
passphrase-again-field = Type it again
passphrase-open = Open
passphrase-cancel = Cancel
passphrase-wrong = Wrong passphrase: this is not the passphrase of “{ $file }”. Try again.
passphrase-differ = The two passphrases differ.
passphrase-encrypt-title = Encrypt project
passphrase-encrypt-body = Every page of “{ $file }” will be encrypted with this passphrase, and Thicket will ask for it each time the project is opened. Save a copy, backups and the -wal file are encrypted too; exports are not.
passphrase-lost-warning = If you lose the passphrase, the project cannot be opened again. Nobody can recover it, not even with Thicket: keep it somewhere safe.
passphrase-encrypt = Encrypt
passphrase-change-title = Change passphrase
passphrase-change-body = “{ $file }” will be rewritten with the new passphrase; the old one will no longer open it.
passphrase-change = Change passphrase
passphrase-remove-title = Remove encryption
passphrase-remove-body = “{ $file }” will be written in the clear: anyone who can read the file can read the interviews in it, without a passphrase.
passphrase-remove = Remove encryption
passphrase-encrypted-notice = Encrypted { $file }: it opens only with its passphrase.
passphrase-changed-notice = Changed the passphrase of { $file }.
passphrase-removed-notice = Removed the encryption of { $file }: it is a plain project again.
