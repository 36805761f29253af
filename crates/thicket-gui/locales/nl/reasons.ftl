# Redenen en details die de kern als waarden doorgeeft (de opdrachtregel drukt het Engels van de
# kern af): waarom een import een bestand oversloeg, waarom een waarde of interval van
# overeenstemming niet bepaald is, en waarover een samenvoegconflict gaat en wat ermee is gedaan.

## import_dialog.rs: waarom een bestand niet is geïmporteerd (SkipReason van de kern)
import-why-not-found = bestand of map bestaat niet
import-why-permission-denied = geen toegang
import-why-fifo = overgeslagen: dit is een named pipe (FIFO), geen gewoon bestand
import-why-socket = overgeslagen: dit is een socket, geen gewoon bestand
import-why-device = overgeslagen: dit is een apparaat, geen gewoon bestand
import-why-not-regular = overgeslagen: dit is geen gewoon bestand
import-why-broken-link = overgeslagen: een symbolische koppeling naar iets wat niet leesbaar is ({ $reason })
import-why-folder-loop = overgeslagen: een koppeling naar een map die al is of wordt geïmporteerd (een lus)
import-why-too-big = het is { $size } MB, meer dan de { $limit } MB die één bestand mag hebben
import-why-same-as-source = dezelfde tekst als bron “{ $name }”, die al in het project staat
import-why-same-in-batch = dezelfde tekst als een ander bestand in deze reeks
import-cannot-read = { $name }: { $reason }

## analysis/agreement.rs en team: waarom een maat of haar interval geen waarde heeft (Undefined van de kern)
agreement-why-no-pairable-values = geen eenheid heeft twee koppelbare waarden: { $measure } is niet bepaald
agreement-why-no-expected-disagreement = de verwachte onenigheid is 0 (er is maar één waarde gebruikt): { $measure } is niet bepaald
agreement-why-chance-agreement-is-one = de toevallig verwachte overeenstemming is 1 (er is maar één waarde gebruikt): { $measure } is niet bepaald
agreement-why-no-unit-from-two-coders = geen eenheid heeft waarden van twee codeurs
agreement-why-not-two-coders = { $measure } vergelijkt precies twee codeurs ({ $n } vergeleken); gebruik Fleiss' kappa of alfa
agreement-why-no-unit-by-both = geen eenheid is door beide codeurs gecodeerd
agreement-why-fleiss-needs-two-coders = Fleiss' kappa heeft minstens twee codeurs nodig
agreement-why-no-unit-by-every = geen eenheid is door alle codeurs gecodeerd
agreement-why-unitizing-needs-two-coders = de unitizing-alfa's vergelijken minstens twee codeurs ({ $n } opgegeven)
agreement-why-empty-continua = de continua zijn leeg
agreement-why-no-gaps = geen tussenruimte: elke codeur heeft het hele continuüm gemarkeerd, { $measure } is niet bepaald
agreement-why-no-units-marked = geen codeur heeft een eenheid gemarkeerd: { $measure } is niet bepaald
agreement-why-overlap-needs-nominal = fragmenten van één codeur met verschillende categorieën overlappen, wat alleen het nominale niveau kan vergelijken (gevraagd: { $level ->
        [ordinal] ordinaal
        [interval] interval
       *[ratio] ratio
    })
agreement-why-no-intersection = geen eenheid van de ene codeur snijdt een eenheid van een andere: { $measure } is niet bepaald
agreement-why-no-intersection-for-value = geen eenheid met deze waarde snijdt een eenheid van een andere codeur
agreement-why-no-resamples = er zijn geen hersteekproeven gevraagd
agreement-why-too-few-units = { $n ->
        [one] { $n } eenheid
       *[other] { $n } eenheden
    } om te hersteekproeven: geen interval
agreement-why-undefined-on-every-resample = de maat was bij geen enkele hersteekproef bepaald
agreement-why-one-continuum = één continuüm: de bootstrap trekt continua (bronnen) opnieuw, dus er is geen interval
agreement-why-one-source = één bron: de bootstrap trekt bronnen opnieuw, dus er is geen interval

## merge_dialog.rs: een conflict (“codenaam: code “Ruptures””), de entiteit en wat ermee is gedaan
merge-conflict = { $kind }: { $entity }
merge-conflict-kind-coder-name = naam van de codeur
merge-conflict-kind-coder-colour = kleur van de codeur
merge-conflict-kind-coder-retired = codeur teruggetrokken
merge-conflict-kind-case-name = naam van de casus
merge-conflict-kind-case-description = beschrijving van de casus
merge-conflict-kind-participant-name = naam van de deelnemer
merge-conflict-kind-participant-role = rol van de deelnemer
merge-conflict-kind-source-name = naam van de bron
merge-conflict-kind-source-kind = soort bron
merge-conflict-kind-source-date = datum van de bron
merge-conflict-kind-source-author = auteur van de bron
merge-conflict-kind-turn-speaker = spreker van de spreekbeurt
merge-conflict-kind-code-name = codenaam
merge-conflict-kind-code-colour = kleur van de code
merge-conflict-kind-code-description = beschrijving van de code
merge-conflict-kind-code-place = plaats van de code
merge-conflict-kind-coding-span = fragment van de codering
merge-conflict-kind-coding-memo = memo van de codering
merge-conflict-kind-coding-code = code van de codering
merge-conflict-kind-memo = memo
merge-conflict-kind-attribute-value = kenmerkwaarde
merge-conflict-kind-framework-name = naam van de raamwerkmatrix
merge-conflict-kind-framework-summary = samenvatting in de raamwerkmatrix
merge-conflict-kind-pseudonym = pseudoniem
merge-entity-coder = codeur “{ $name }”
merge-entity-case = casus “{ $name }”
merge-entity-participant = deelnemer “{ $name }”
merge-entity-source = bron “{ $name }”
merge-entity-turn = spreekbeurt { $start }..{ $end } van bron “{ $source }”
merge-entity-code = code “{ $name }”
merge-entity-coding = codering { $start }..{ $end } van bron “{ $source }”
merge-entity-memo = memo “{ $name }”
merge-entity-memo-untitled = memo “(zonder titel)”
merge-entity-attribute-value = “{ $attribute }” van { $entity }
merge-entity-framework = raamwerkmatrix “{ $name }”
merge-entity-framework-summary = samenvatting van casus “{ $case }” onder code “{ $code }” in raamwerkmatrix “{ $name }”
merge-entity-pseudonym = pseudoniem voor “{ $name }”
merge-resolution-unresolved = niet opgelost
merge-resolution-kept-into = versie van dit project behouden
merge-resolution-took-from = versie van het samengevoegde project genomen
merge-resolution-kept-both-descriptions = beide behouden: beide beschrijvingen, die van dit project eerst
merge-resolution-kept-both-code-parts = beide behouden: beide teksten van elk deel, die van dit project eerst
merge-resolution-kept-both-memos = beide behouden: beide memo's, die van dit project eerst
merge-resolution-kept-both-second-memo = beide behouden: de memo van dit project, en die van het andere als tweede memo
merge-resolution-kept-both-summaries = beide behouden: beide samenvattingen, die van dit project eerst
merge-resolution-kept-into-both-impossible = versie van dit project behouden (beide behouden kan niet)

## merge_dialog.rs: een waarschuwing van het samenvoegen (MergeWarning van de kern); $file is het bestand van het samengevoegde project
merge-warning-titles-differ = de titels van de projecten verschillen (“{ $here }” hier, “{ $there }” in { $file }): de titel van dit project blijft
merge-warning-came-in-as-coder = { $entity } van { $file } is binnengekomen als “{ $name }”: dit project heeft een andere codeur met die naam
merge-warning-came-in-as-case = { $entity } van { $file } is binnengekomen als “{ $name }”: dit project heeft een andere casus met die naam
merge-warning-came-in-as-participant = { $entity } van { $file } is binnengekomen als “{ $name }”: dit project heeft een andere deelnemer met die naam
merge-warning-came-in-as-code = { $entity } van { $file } is binnengekomen als “{ $name }”: dit project heeft op die plaats een andere code met die naam
merge-warning-name-taken = { $entity } heet “{ $name }” in { $file }, een naam die hier { $holder ->
        [case] een andere casus
        [participant] een andere deelnemer
        [source] een andere bron
        [sibling] een code op hetzelfde niveau
        [matrix] een andere matrix
       *[entity] een ander item
    } heeft: de naam van dit project blijft
merge-warning-role-missing = deelnemer “{ $name }” van { $file } heeft de rol “{ $role }”, die dit project niet heeft: de rol wordt weggelaten
merge-warning-source-kept-twice = bron “{ $source }” van { $file } heeft een tekst die dit project niet heeft, en dit project heeft een bron met die naam: beide blijven, die van { $file } als “{ $name }”
merge-warning-source-identity-reused = bron “{ $source }” van { $file } heeft de identiteit van een bron hier met een andere tekst: hij is als nieuwe bron binnengekomen
merge-warning-turns-not-brought = bron “{ $source }”: { $n } spreekbeurten van { $file } staan niet in de kopie van de bron in dit project en zijn niet overgenomen (de spreekbeurten van een bron liggen vast bij het importeren)
merge-warning-code-under-own-subcode = { $entity } staat in { $file } onder een van de eigen subcodes: hij blijft hier waar hij staat
merge-warning-attribute-differs = kenmerk “{ $name }” is “{ $there }” ({ $kind }) in { $file }: de naam en het type van dit project blijven
merge-warning-value-not-held = “{ $attribute }” van { $entity } is “{ $value }” in { $file }, wat het kenmerk van dit project niet kan bevatten: niet overgenomen
merge-warning-summaries-not-brought = { $entity }: { $n } samenvattingen die { $file } bewaart voor codes of casussen die uit de matrix zijn gehaald, zijn niet overgenomen
