# Zoekopties van de zoekbalk en het zoekpaneel van het project.

search-folding-regex-note = Een reguliere expressie houdt rekening met hoofdletters en accenten zoals geschreven: begin met (?i) om hoofdletters te negeren.
search-folding-case = Hoofdletters negeren
    .tooltip = ‘vertrouwen’ vindt ‘Vertrouwen’; de Duitse ß is ss.
search-folding-accents = Accenten negeren
    .tooltip = ‘participacion’ vindt ‘participación’, ‘Zoe’ vindt ‘Zoë’.
search-folding-typography = Typografie negeren
    .tooltip = Gekrulde en rechte aanhalingstekens, streepjes en koppeltekens, ligaturen (ﬁ) en samengestelde of ontlede letters gelden als gelijk.
    .regex-tooltip = Samengestelde en ontlede letters (een getypte ë en e + ¨) gelden als gelijk.
search-folding-language-any = Elke taal
search-folding-language-dutch = Nederlands
search-folding-language-turkish = Turks
search-folding-language = Taal
    .tooltip = Hoofdletterregels: het Turks koppelt I aan ı en İ aan i; het Nederlands schrijft IJ als één letter.
search-folding-options = Opties
    .tooltip = Wat de zoekopdracht negeert: hoofdletters, accenten, typografie; de hoofdletterregels van de taal
