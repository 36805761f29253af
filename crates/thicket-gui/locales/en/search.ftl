# Search options shared by the find bar and the project search panel (docs/search.md).

search-folding-regex-note = A regular expression matches case and accents as written: start it with (?i) to ignore case.
search-folding-case = Ignore case
    .tooltip = “trust” finds “Trust”; German ß is ss.
search-folding-accents = Ignore accents
    .tooltip = “participacion” finds “participación”, “Zoe” finds “Zoë”.
search-folding-typography = Ignore typography
    .tooltip = Curly and straight quotes, dashes and hyphens, ligatures (ﬁ), and composed or decomposed letters are one.
    .regex-tooltip = Composed and decomposed letters (a typed ë and e + ¨) are one.
search-folding-language-any = Any language
search-folding-language-dutch = Dutch
search-folding-language-turkish = Turkish
search-folding-language = Language
    .tooltip = Case rules: Turkish pairs I with ı and İ with i; Dutch writes IJ as one letter.
search-folding-options = Options
    .tooltip = What the search ignores: case, accents, typography; the language's case rules
