# Opciones de búsqueda de la barra de búsqueda y del panel de búsqueda en el proyecto.

search-folding-regex-note = Una expresión regular distingue mayúsculas y tildes tal como se escriben: empiécela con (?i) para no distinguir mayúsculas.
search-folding-case = Ignorar mayúsculas
    .tooltip = «confianza» encuentra «Confianza»; la ß alemana es ss.
search-folding-accents = Ignorar tildes
    .tooltip = «participacion» encuentra «participación», «Zoe» encuentra «Zoë».
search-folding-typography = Ignorar tipografía
    .tooltip = Comillas curvas y rectas, rayas y guiones, ligaduras (ﬁ) y letras compuestas o descompuestas cuentan como iguales.
    .regex-tooltip = Las letras compuestas y descompuestas (una ë escrita y e + ¨) cuentan como iguales.
search-folding-language-any = Cualquier idioma
search-folding-language-dutch = Neerlandés
search-folding-language-turkish = Turco
search-folding-language = Idioma
    .tooltip = Reglas de mayúsculas: el turco empareja I con ı e İ con i; el neerlandés escribe IJ como una sola letra.
search-folding-options = Opciones
    .tooltip = Lo que la búsqueda ignora: mayúsculas, tildes, tipografía; las reglas de mayúsculas del idioma
