# Los nombres de los pasos que se pueden deshacer y rehacer (menú Edición, barra, línea de estado).
# El registro de auditoría y la CLI conservan las etiquetas en inglés del núcleo (Action::label).

step-import-one = Importar «{ $name }»
step-import-many = Importar { $n } fuentes
step-edit-source = Editar fuente
step-set-source-author = Asignar autor/a de la fuente «{ $name }»
step-clear-source-author = Quitar autor/a de la fuente
step-create-case = Crear caso «{ $name }»
step-edit-case = Editar caso
step-assign-sources = Asignar fuentes al caso
step-unassign-sources = Quitar fuentes del caso
step-create-participant = Crear participante «{ $name }»
step-edit-participant = Editar participante
step-create-coder = Crear codificador/a «{ $name }»
step-rename-coder = Renombrar codificador/a como «{ $name }»
step-coder-colour = Cambiar color de codificador/a
step-retire-coder = Retirar codificador/a
step-unretire-coder = Reincorporar codificador/a
step-create-code = Crear código «{ $name }»
step-code-as-new = Codificar la selección con el nuevo código «{ $name }»
step-edit-code = Editar código
step-apply-code = Aplicar código
step-apply-codings = Aplicar { $n } codificaciones
step-create-memo = Crear memo
step-edit-memo = Editar memo
step-define-attribute = Definir atributo «{ $name }»
step-set-attribute = Asignar atributo
step-reassign-turns = Reasignar { $n ->
        [one] { $n } turno de habla
       *[other] { $n } turnos de habla
    }
step-link-sources = Vincular { $n ->
        [one] { $n } fuente
       *[other] { $n } fuentes
    } con participantes
step-unlink-sources = Desvincular { $n ->
        [one] { $n } fuente
       *[other] { $n } fuentes
    } de participantes
step-recode = Recodificar { $n ->
        [one] { $n } codificación
       *[other] { $n } codificaciones
    }
step-edit-coding = Editar codificación
step-create-framework = Crear matriz de marco «{ $name }»
step-rename-framework = Renombrar matriz de marco como «{ $name }»
step-framework-codes = Elegir los códigos de la matriz de marco
step-framework-cases = Elegir los casos de la matriz de marco
step-clear-framework-summary = Borrar resumen de la matriz de marco
step-edit-framework-summary = Editar resumen de la matriz de marco
step-add-pseudonym = Agregar seudónimo para «{ $name }»
step-add-pseudonyms = Agregar { $n } seudónimos
step-edit-pseudonym = Editar seudónimo para «{ $name }»
step-remove-pseudonym = Quitar seudónimo
step-remove-pseudonyms = Quitar { $n } seudónimos
step-restore-pseudonyms = Restaurar { $n ->
        [one] { $n } seudónimo
       *[other] { $n } seudónimos
    }
step-copy-agreed = Copiar { $n ->
        [one] { $n } codificación acordada
       *[other] { $n } codificaciones acordadas
    } a «{ $name }»
step-reconcile-one = Conciliar: { $choice }
step-reconcile-many = Conciliar { $n } elementos
step-set-decisions = Fijar { $n ->
        [one] { $n } decisión de conciliación
       *[other] { $n } decisiones de conciliación
    }
step-delete = Eliminar { $what }
step-restore = Restaurar { $what }
step-links = vínculos
step-count-source = { $n ->
        [one] { $n } fuente
       *[other] { $n } fuentes
    }
step-count-case = { $n ->
        [one] { $n } caso
       *[other] { $n } casos
    }
step-count-participant = { $n ->
        [one] { $n } participante
       *[other] { $n } participantes
    }
step-count-coder = { $n ->
        [one] { $n } codificador/a
       *[other] { $n } codificadores
    }
step-count-code = { $n ->
        [one] { $n } código
       *[other] { $n } códigos
    }
step-count-coding = { $n ->
        [one] { $n } codificación
       *[other] { $n } codificaciones
    }
step-count-memo = { $n ->
        [one] { $n } memo
       *[other] { $n } memos
    }
step-count-attribute = { $n ->
        [one] { $n } atributo
       *[other] { $n } atributos
    }
step-count-framework = { $n ->
        [one] { $n } matriz de marco
       *[other] { $n } matrices de marco
    }

# Pasos que agrupan varios cambios (Bundle del núcleo).
step-move-code = Mover «{ $name }»
step-merge-codes = Fusionar el código «{ $name }» con «{ $into }»
step-merge-participants = Fusionar «{ $name }» con «{ $into }»
step-autocode = Codificar automáticamente «{ $pattern }» como «{ $name }»
step-autocode-regex = Codificar automáticamente /{ $pattern }/ como «{ $name }»
step-edit-framework = Editar la matriz de marco «{ $name }»
step-arrange-framework = Ordenar la matriz de marco «{ $name }»
step-prefill-pseudonyms = Completar con { $n ->
        [one] { $n } seudónimo sugerido
       *[other] { $n } seudónimos sugeridos
    }
step-import-codebook = Importar el libro de códigos «{ $name }»
step-import-refi-project = Importar el proyecto REFI-QDA «{ $name }»
step-import-qualcoder-project = Importar el proyecto QualCoder «{ $name }»
step-merge-project = Fusionar «{ $name }»
