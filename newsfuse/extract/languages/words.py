"""Per-language word lists for the supported non-English languages: reporting verbs, quotation marks, titles,
organisation heads, amount scales, currency words and the words before a year. Written by hand (the packaged
data has none of these); dates take their month and weekday names from dateparser's data instead."""

from __future__ import annotations

# Opening -> closing marks each language prints; straight and English curly quotes are read everywhere.
QUOTE_MARKS = {
    "common": {'"': '"', "“": "”"},
    "es": {"«": "»", "‘": "’"},
    "fr": {"«": "»", "‹": "›"},
    "de": {"„": "“", "»": "«", "‚": "‘", "«": "»"},
    "it": {"«": "»"},
    "nl": {"„": "”", "‘": "’"},
    "pt": {"«": "»"},
    "tr": {"«": "»", "‘": "’"},
    "ja": {"「": "」", "『": "』"},
    "zh": {"「": "」", "『": "』"},
}

# Reporting verbs (finite forms, past and present) that attribute quoted words to a speaker.
REPORTING_VERBS = {
    "es": "dijo, dice, afirmó, aseguró, declaró, señaló, explicó, añadió, indicó, escribió, sostuvo, subrayó, "
    "destacó, manifestó, comentó, advirtió, anunció, ha dicho, ha declarado, ha afirmado, dijeron",
    "fr": "a déclaré, a dit, a affirmé, a ajouté, a expliqué, a souligné, a indiqué, a écrit, a assuré, "
    "a annoncé, déclare, dit, affirme, ajoute, explique, souligne, indique, écrit, estime, a-t-il dit, "
    "a-t-il déclaré, a-t-il ajouté, a-t-elle dit, a-t-elle déclaré",
    "de": "sagte, sagt, erklärte, erklärt, betonte, betont, schrieb, schreibt, fügte hinzu, sagten, teilte mit, "
    "meinte, warnte",
    "it": "ha detto, ha dichiarato, ha affermato, ha aggiunto, ha spiegato, ha sottolineato, ha scritto, dice, "
    "dichiara, afferma, disse, dichiarò, affermò, aggiunse, spiegò, scrisse, sottolineò",
    "nl": "zei, zegt, verklaarde, stelde, schreef, voegde toe, benadrukte, liet weten, zeiden, meldde, vertelde",
    "pt": "disse, diz, afirmou, declarou, acrescentou, explicou, escreveu, sublinhou, destacou, garantiu, "
    "anunciou, afirma, declara",
    "tr": "dedi, söyledi, açıkladı, belirtti, ifade etti, vurguladı, yazdı, kaydetti, bildirdi, dile getirdi, "
    "diye yazdı, diye konuştu, diyor, söylüyor",
}
# Words before a name that report through a source ("según X", "selon X", "laut X", "X'e göre").
ACCORDING_TO = {
    "es": ("según",),
    "fr": ("selon", "d'après"),
    "de": ("laut", "zufolge"),
    "it": ("secondo",),
    "nl": ("volgens",),
    "pt": ("segundo", "de acordo com"),
    "tr": (),  # postposition: "X'e göre", see ``quotes``
}

# Words that title a person's name in running text; a capitalised span after one is a person.
TITLES = {
    "es": "presidente, presidenta, ministro, ministra, secretario, portavoz, director, directora, general, rey, "
    "reina, primer ministro, señor, señora, don, doña, canciller, jefe, consejero delegado",
    "fr": "président, présidente, ministre, secrétaire, porte-parole, directeur, directrice, général, roi, reine, "
    "premier ministre, m., mme, chancelier, patron",
    "de": "präsident, präsidentin, minister, ministerin, verteidigungsminister, außenminister, kanzler, kanzlerin, "
    "sprecher, sprecherin, direktor, chef, general, könig, königin, herr, frau, vorstandschef",
    "it": "presidente, ministro, ministra, segretario, portavoce, direttore, generale, re, regina, premier, "
    "primo ministro, signor, cancelliere, amministratore delegato",
    "nl": "president, minister, premier, woordvoerder, directeur, generaal, koning, koningin, staatssecretaris, "
    "topman, bestuursvoorzitter",
    "pt": "presidente, ministro, ministra, secretário, porta-voz, diretor, general, rei, rainha, primeiro-ministro, "
    "senhor, chefe",
    "tr": "bakan, bakanı, başkan, başkanı, cumhurbaşkanı, başbakan, sözcü, sözcüsü, genel müdür, genel müdürü, "
    "yönetim kurulu başkanı, sekreter, sekreteri, bay, bayan, kral, kraliçe, ceo",
}
# Words that head (or, in Turkish, end) an organisation's name.
ORG_WORDS = {
    "es": "ministerio, partido, universidad, banco, agencia, comisión, consejo, gobierno, ejército, fuerzas, "
    "empresa, grupo",
    "fr": "ministère, parti, université, banque, agence, commission, conseil, gouvernement, armée, forces, groupe",
    "de": "ministerium, partei, universität, bank, agentur, kommission, rat, regierung, bundeswehr, gruppe, konzern",
    "it": "ministero, partito, università, banca, agenzia, commissione, consiglio, governo, esercito, forze, gruppo",
    "nl": "ministerie, partij, universiteit, bank, agentschap, commissie, raad, regering, leger, groep",
    "pt": "ministério, partido, universidade, banco, agência, comissão, conselho, governo, exército, forças, grupo",
    "tr": "bakanlığı, bakanlık, partisi, üniversitesi, bankası, ajansı, komisyonu, konseyi, hükümeti, kuvvetleri, "
    "sanayii, sanayi, başkanlığı, şirketi, holding, a.ş., grubu",
}

# Scale words -> factor. Long-scale languages: "billón" is 10^12, "mil millones" / "milliard" 10^9.
SCALES = {
    "es": {
        "mil millones": 1e9,
        "millardos": 1e9,
        "millardo": 1e9,
        "millones": 1e6,
        "millón": 1e6,
        "billones": 1e12,
        "billón": 1e12,
        "mil": 1e3,
    },
    "fr": {
        "milliards": 1e9,
        "milliard": 1e9,
        "millions": 1e6,
        "million": 1e6,
        "billions": 1e12,
        "billion": 1e12,
        "mille": 1e3,
        "mrd": 1e9,
        "md": 1e9,
    },
    "de": {
        "milliarden": 1e9,
        "milliarde": 1e9,
        "mrd.": 1e9,
        "mrd": 1e9,
        "millionen": 1e6,
        "million": 1e6,
        "mio.": 1e6,
        "mio": 1e6,
        "billionen": 1e12,
        "billion": 1e12,
        "tausend": 1e3,
    },
    "it": {"miliardi": 1e9, "miliardo": 1e9, "mld": 1e9, "milioni": 1e6, "milione": 1e6, "mln": 1e6, "mila": 1e3},
    "nl": {"miljard": 1e9, "miljoen": 1e6, "mld": 1e9, "mln": 1e6, "biljoen": 1e12, "duizend": 1e3},
    "pt": {
        "mil milhões": 1e9,
        "bilhões": 1e9,
        "bilhão": 1e9,
        "milhões": 1e6,
        "milhão": 1e6,
        "trilhões": 1e12,
        "mil": 1e3,
    },
    "tr": {"milyar": 1e9, "milyon": 1e6, "trilyon": 1e12, "bin": 1e3},
}
# Currency words (singular and plural forms) -> ISO 4217, per language.
CURRENCY_WORDS = {
    "es": {
        "dólares": "USD",
        "dólar": "USD",
        "euros": "EUR",
        "euro": "EUR",
        "yenes": "JPY",
        "yen": "JPY",
        "libras": "GBP",
        "libra": "GBP",
        "liras turcas": "TRY",
        "liras": "TRY",
        "lira": "TRY",
        "yuanes": "CNY",
        "yuan": "CNY",
        "pesos": "MXN",
    },
    "fr": {
        "dollars": "USD",
        "dollar": "USD",
        "euros": "EUR",
        "euro": "EUR",
        "yens": "JPY",
        "yen": "JPY",
        "livres sterling": "GBP",
        "livres": "GBP",
        "livre": "GBP",
        "livres turques": "TRY",
        "yuans": "CNY",
        "yuan": "CNY",
        "francs suisses": "CHF",
        "francs": "CHF",
    },
    "de": {
        "dollar": "USD",
        "us-dollar": "USD",
        "euro": "EUR",
        "yen": "JPY",
        "pfund": "GBP",
        "lira": "TRY",
        "türkische lira": "TRY",
        "yuan": "CNY",
        "franken": "CHF",
    },
    "it": {
        "dollari": "USD",
        "dollaro": "USD",
        "euro": "EUR",
        "yen": "JPY",
        "sterline": "GBP",
        "sterlina": "GBP",
        "lire turche": "TRY",
        "lire": "TRY",
        "yuan": "CNY",
        "franchi": "CHF",
    },
    "nl": {"dollar": "USD", "euro": "EUR", "yen": "JPY", "pond": "GBP", "lira": "TRY", "yuan": "CNY"},
    "pt": {
        "dólares": "USD",
        "dólar": "USD",
        "euros": "EUR",
        "euro": "EUR",
        "ienes": "JPY",
        "iene": "JPY",
        "yen": "JPY",
        "libras": "GBP",
        "reais": "BRL",
        "real": "BRL",
        "liras": "TRY",
        "yuan": "CNY",
    },
    "tr": {
        "dolar": "USD",
        "dolarlık": "USD",
        "avro": "EUR",
        "euro": "EUR",
        "yen": "JPY",
        "yenlik": "JPY",
        "sterlin": "GBP",
        "türk lirası": "TRY",
        "lira": "TRY",
        "tl": "TRY",
        "yuan": "CNY",
    },
}
# Words joining a scale to its currency ("millones de dólares", "milliards d'euros").
CURRENCY_LINK = {"es": ("de",), "fr": ("de", "d'", "d’"), "it": ("di", "d'"), "pt": ("de",)}
# Qualifiers before an amount.
QUALIFIERS = {
    "es": {
        "aproximadamente": "approximate",
        "unos": "approximate",
        "unas": "approximate",
        "casi": "approximate",
        "cerca de": "approximate",
        "alrededor de": "approximate",
        "más de": "at_least",
        "hasta": "at_most",
        "menos de": "at_most",
    },
    "fr": {
        "environ": "approximate",
        "près de": "approximate",
        "quelque": "approximate",
        "plus de": "at_least",
        "jusqu'à": "at_most",
        "moins de": "at_most",
    },
    "de": {
        "rund": "approximate",
        "etwa": "approximate",
        "ungefähr": "approximate",
        "knapp": "approximate",
        "mehr als": "at_least",
        "über": "at_least",
        "bis zu": "at_most",
        "weniger als": "at_most",
    },
    "it": {
        "circa": "approximate",
        "quasi": "approximate",
        "oltre": "at_least",
        "più di": "at_least",
        "fino a": "at_most",
        "meno di": "at_most",
    },
    "nl": {
        "ongeveer": "approximate",
        "circa": "approximate",
        "bijna": "approximate",
        "ruim": "at_least",
        "meer dan": "at_least",
        "tot": "at_most",
        "minder dan": "at_most",
    },
    "pt": {
        "aproximadamente": "approximate",
        "cerca de": "approximate",
        "quase": "approximate",
        "mais de": "at_least",
        "até": "at_most",
        "menos de": "at_most",
    },
    "tr": {
        "yaklaşık": "approximate",
        "yaklaşik": "approximate",
        "kabaca": "approximate",
        "en az": "at_least",
        "en fazla": "at_most",
    },
}
# Words right before a bare year that make it a date rather than a count ("en 2026", "im Jahr 2026").
YEAR_WORDS = {
    "es": "en año del de desde hasta ejercicio para antes después hacia finales principios mediados",
    "fr": "en année depuis jusqu'en de avant après vers fin début d'ici",
    "de": "im jahr jahres seit bis von ab vor nach ende anfang mitte",
    "it": "nel anno dal del fino entro al per prima dopo fine inizio",
    "nl": "in jaar sinds tot van uit voor vanaf rond eind begin medio na",
    "pt": "em no ano desde até de para antes depois final início",
    "tr": "",  # "2026 yılında", "2026'da": the suffix or the noun follows the year, see ``dates``
}
# Words before a year naming a fiscal year ("ejercicio fiscal 2026", "2026 mali yılı").
FISCAL_BEFORE = {
    "es": ("ejercicio fiscal", "año fiscal", "ejercicio"),
    "fr": ("exercice", "exercice fiscal", "année fiscale"),
    "de": ("geschäftsjahr", "haushaltsjahr", "fiskaljahr"),
    "it": ("esercizio", "anno fiscale", "esercizio fiscale"),
    "nl": ("boekjaar", "begrotingsjaar"),
    "pt": ("ano fiscal", "exercício", "exercício fiscal"),
    "tr": (),
}
FISCAL_AFTER = {"tr": ("mali yılı", "mali yıl", "bütçe yılı")}


def words(table: dict[str, str], language: str) -> frozenset[str]:
    """A space-separated list as a set."""
    return frozenset(table.get(language, "").split())


def phrases(table: dict[str, str], language: str) -> tuple[str, ...]:
    """A comma-separated list of words and phrases, longest first (so an alternation matches the longest)."""
    items = {p.strip() for p in table.get(language, "").split(",") if p.strip()}
    return tuple(sorted(items, key=len, reverse=True))
