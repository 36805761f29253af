# Cifrado en reposo: el diálogo de la frase de contraseña y las órdenes de cifrado del menú Archivo.

cmd-encrypt-project = Cifrar proyecto…
    .tooltip = Proteger el archivo del proyecto con una frase de contraseña: sin ella, nadie puede leer el archivo
cmd-change-passphrase = Cambiar la frase de contraseña…
    .tooltip = Dar una nueva frase de contraseña a este proyecto cifrado
cmd-remove-encryption = Quitar el cifrado…
    .tooltip = Volver a guardar este proyecto sin cifrar, sin frase de contraseña

passphrase-open-title = Proyecto cifrado
passphrase-open-body = «{ $file }» está cifrado. Escriba su frase de contraseña para abrirlo.
passphrase-field = Frase de contraseña
passphrase-new-field = Nueva frase de contraseña
passphrase-again-field = Escríbala de nuevo
passphrase-open = Abrir
passphrase-cancel = Cancelar
passphrase-wrong = Frase de contraseña incorrecta: no es la de «{ $file }». Inténtelo de nuevo.
passphrase-differ = Las dos frases de contraseña no coinciden.
passphrase-encrypt-title = Cifrar proyecto
passphrase-encrypt-body = Cada página de «{ $file }» se cifrará con esta frase de contraseña, y Thicket la pedirá cada vez que se abra el proyecto. Las copias, las copias de seguridad y el archivo -wal también se cifran; las exportaciones no.
passphrase-lost-warning = Si pierde la frase de contraseña, el proyecto no podrá volver a abrirse. Nadie puede recuperarla, ni siquiera con Thicket: guárdela en un lugar seguro.
passphrase-encrypt = Cifrar
passphrase-change-title = Cambiar la frase de contraseña
passphrase-change-body = «{ $file }» se volverá a escribir con la nueva frase de contraseña; la anterior ya no lo abrirá.
passphrase-change = Cambiar la frase de contraseña
passphrase-remove-title = Quitar el cifrado
passphrase-remove-body = «{ $file }» se guardará sin cifrar: cualquiera que pueda leer el archivo podrá leer las entrevistas que contiene, sin frase de contraseña.
passphrase-remove = Quitar el cifrado
passphrase-encrypted-notice = { $file } cifrado: solo se abre con su frase de contraseña.
passphrase-changed-notice = Se cambió la frase de contraseña de { $file }.
passphrase-removed-notice = Se quitó el cifrado de { $file }: vuelve a ser un proyecto sin cifrar.
