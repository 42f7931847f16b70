"""Build the packaged actor catalogue from the Phoenix / PETRARCH2 dictionaries.

Reads the TABARI-format actor dictionaries (countries with capitals and
officials with dated roles, international organisations, armed non-state
groups) and writes `service/data/actors.json.gz` (a JSON list of
`{key, name, kind, aliases, affiliations}` objects matching `ActorSpec`) plus
`service/data/demonyms.json` and `service/data/ACTORS_NOTICE.md`.

Usage (from the repository root):
    python scripts/build_actor_catalogue.py [PHOENIX_DIR] [--out service/data]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "data" / "phoenix-actors"
INSTITUTIONS = Path(__file__).resolve().parent / "catalogue" / "institutions.txt"
ROLE_ENDS = Path(__file__).resolve().parent / "catalogue" / "role_ends.tsv"
ROLE_RETURNS = Path(__file__).resolve().parent / "catalogue" / "role_returns.tsv"
DEFAULT_OUT = REPO_ROOT / "service" / "data"
SOURCE_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)

# ---------------------------------------------------------------- hand tables
# Common English display names where the Phoenix primary name is formal.
COUNTRY_NAMES: dict[str, str] = {
    "RUS": "Russia",
    "USA": "United States",
    "GBR": "United Kingdom",
    "PRK": "North Korea",
    "KOR": "South Korea",
    "ZAF": "South Africa",
    "TZA": "Tanzania",
    "BRN": "Brunei",
    "CIV": "Ivory Coast",
    "COG": "Republic of the Congo",
    "COD": "Democratic Republic of the Congo",
    "DDR": "East Germany",
    "MDG": "Madagascar",
    "BIH": "Bosnia and Herzegovina",
    "ARE": "United Arab Emirates",
    "CZE": "Czech Republic",
    "GNB": "Guinea-Bissau",
    "KNA": "Saint Kitts and Nevis",
}

# English name variants Phoenix lacks or that the prefix filter would drop.
EXTRA_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "USA": ("United States", "U.S.", "US", "U.S.A.", "USA", "America", "United States of America"),
    "GBR": ("Britain", "Great Britain", "UK", "U.K.", "United Kingdom", "Northern Ireland"),
    "RUS": ("Russia", "Russian Federation"),
    "PRK": ("North Korea", "DPRK"),
    "KOR": ("South Korea", "Republic of Korea"),
    "CIV": ("Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"),
    "COD": ("DR Congo", "DRC", "Democratic Republic of Congo"),
    "NLD": ("the Netherlands", "Holland"),
    "ARE": ("UAE", "U.A.E.", "Emirates"),
    "PSE": ("Palestinian Authority",),
    "MMR": ("Burma",),
    "CZE": ("Czechia",),
    "TUR": ("Turkiye", "Türkiye"),
}

# Capitals: used to pick the capital out of each country's Phoenix city list
# (the other cities and provinces are dropped: "in Kazan" is not Russia acting).
CAPITALS: dict[str, tuple[str, ...]] = {
    "AFG": ("Kabul",),
    "ALB": ("Tirana",),
    "DZA": ("Algiers",),
    "AGO": ("Luanda",),
    "ARG": ("Buenos Aires",),
    "AUS": ("Canberra",),
    "AUT": ("Vienna",),
    "BHR": ("Manama",),
    "BGD": ("Dhaka", "Dacca"),
    "BEL": ("Brussels",),
    "BEN": ("Porto-Novo",),
    "BTN": ("Thimphu",),
    "BOL": ("La Paz", "Sucre"),
    "BIH": ("Sarajevo",),
    "BWA": ("Gaborone",),
    "BRA": ("Brasilia", "Brasília"),
    "BGR": ("Sofia",),
    "BFA": ("Ouagadougou",),
    "BDI": ("Bujumbura",),
    "KHM": ("Phnom Penh",),
    "CMR": ("Yaounde",),
    "CAN": ("Ottawa",),
    "CAF": ("Bangui",),
    "TCD": ("N'Djamena", "Ndjamena"),
    "CHL": ("Santiago",),
    "CHN": ("Beijing", "Peking"),
    "COL": ("Bogota", "Bogotá"),
    "COG": ("Brazzaville",),
    "COD": ("Kinshasa",),
    "CRI": ("San Jose",),
    "CIV": ("Yamoussoukro", "Abidjan"),
    "CUB": ("Havana",),
    "HRV": ("Zagreb",),
    "CYP": ("Nicosia",),
    "CZE": ("Prague",),
    "DNK": ("Copenhagen",),
    "DJI": ("Djibouti",),
    "DOM": ("Santo Domingo",),
    "ECU": ("Quito",),
    "EGY": ("Cairo",),
    "SLV": ("San Salvador",),
    "GNQ": ("Malabo",),
    "ETH": ("Addis Ababa",),
    "FIN": ("Helsinki",),
    "FRA": ("Paris",),
    "GAB": ("Libreville",),
    "GMB": ("Banjul",),
    "DEU": ("Berlin", "Bonn"),
    "GHA": ("Accra",),
    "GBR": ("London",),
    "GRC": ("Athens",),
    "GTM": ("Guatemala City",),
    "GIN": ("Conakry",),
    "GNB": ("Bissau",),
    "HTI": ("Port-au-Prince",),
    "HND": ("Tegucigalpa",),
    "HUN": ("Budapest",),
    "ISL": ("Reykjavik",),
    "IND": ("New Delhi",),
    "IDN": ("Jakarta",),
    "IRN": ("Tehran", "Teheran"),
    "IRQ": ("Baghdad",),
    "IRL": ("Dublin",),
    "ISR": ("Jerusalem",),
    "ITA": ("Rome",),
    "JAM": ("Kingston",),
    "JPN": ("Tokyo",),
    "JOR": ("Amman",),
    "KEN": ("Nairobi",),
    "KWT": ("Kuwait City",),
    "LAO": ("Vientiane",),
    "LBN": ("Beirut",),
    "LSO": ("Maseru",),
    "LBR": ("Monrovia",),
    "LBY": ("Tripoli",),
    "LUX": ("Luxembourg City",),
    "MDG": ("Antananarivo",),
    "MWI": ("Lilongwe",),
    "MYS": ("Kuala Lumpur",),
    "MLI": ("Bamako",),
    "MLT": ("Valletta",),
    "MRT": ("Nouakchott",),
    "MEX": ("Mexico City",),
    "MNG": ("Ulan Bator", "Ulaanbaatar"),
    "MNE": ("Podgorica",),
    "MAR": ("Rabat",),
    "MOZ": ("Maputo",),
    "MMR": ("Naypyidaw", "Rangoon", "Yangon"),
    "NAM": ("Windhoek",),
    "NPL": ("Kathmandu",),
    "NLD": ("Amsterdam", "The Hague"),
    "NZL": ("Wellington",),
    "NIC": ("Managua",),
    "NER": ("Niamey",),
    "NGA": ("Abuja",),
    "PRK": ("Pyongyang",),
    "KSV": ("Pristina",),
    "NOR": ("Oslo",),
    "OMN": ("Muscat",),
    "PAK": ("Islamabad",),
    "PSE": ("Ramallah",),
    "PAN": ("Panama City",),
    "PNG": ("Port Moresby",),
    "PRY": ("Asuncion",),
    "PER": ("Lima",),
    "PHL": ("Manila",),
    "POL": ("Warsaw",),
    "PRT": ("Lisbon",),
    "QAT": ("Doha",),
    "ZAF": ("Pretoria",),
    "ROU": ("Bucharest",),
    "RUS": ("Moscow",),
    "RWA": ("Kigali",),
    "SAU": ("Riyadh",),
    "SEN": ("Dakar",),
    "SRB": ("Belgrade",),
    "SLE": ("Freetown",),
    "SGP": ("Singapore",),
    "SVN": ("Ljubljana",),
    "SVK": ("Bratislava",),
    "SOM": ("Mogadishu",),
    "KOR": ("Seoul",),
    "ESP": ("Madrid",),
    "LKA": ("Colombo",),
    "SDN": ("Khartoum",),
    "SWE": ("Stockholm",),
    "CHE": ("Bern", "Berne"),
    "SYR": ("Damascus",),
    "TWN": ("Taipei",),
    "THA": ("Bangkok",),
    "TGO": ("Lome",),
    "TUN": ("Tunis",),
    "TUR": ("Ankara",),
    "UGA": ("Kampala",),
    "UKR": ("Kiev", "Kyiv"),
    "ARE": ("Abu Dhabi",),
    "URY": ("Montevideo",),
    "USA": ("Washington",),
    "TZA": ("Dodoma", "Dar es Salaam"),
    "VEN": ("Caracas",),
    "VNM": ("Hanoi",),
    "YEM": ("Sanaa", "Sana'a"),
    "ZMB": ("Lusaka",),
    "ZWE": ("Harare",),
    "BLR": ("Minsk",),
    "GEO": ("Tbilisi",),
    "ARM": ("Yerevan",),
    "AZE": ("Baku",),
    "KAZ": ("Astana", "Almaty"),
    "UZB": ("Tashkent",),
    "KGZ": ("Bishkek",),
    "TJK": ("Dushanbe",),
    "TKM": ("Ashgabat",),
    "MDA": ("Chisinau",),
    "EST": ("Tallinn",),
    "LVA": ("Riga",),
    "LTU": ("Vilnius",),
    "MKD": ("Skopje",),
    "ERI": ("Asmara",),
    "SSD": ("Juba",),
}

# Famous institutions that stand for their state (the metonyms news uses).
METONYMS: dict[str, tuple[str, ...]] = {
    "USA": (
        "Washington",
        "White House",
        "State Department",
        "Pentagon",
        "Department of State",
        "Obama administration",
        "Bush administration",
        "Trump administration",
        "Biden administration",
        "Clinton administration",
    ),
    "RUS": ("Kremlin", "Moscow"),
    "GBR": ("Downing Street", "Whitehall", "Foreign Office", "Number 10", "No. 10"),
    "FRA": ("Elysee", "Élysée", "Elysee Palace", "Élysée Palace", "Quai d'Orsay"),
    "CHN": ("Zhongnanhai",),
    "DEU": ("Chancellery",),
    "KOR": ("Blue House",),
    "JPN": ("Kasumigaseki",),
    "UKR": ("Bankova",),
    "ISR": ("Knesset",),
}

# Hand-mapped international organisations: CAMEO code -> (key, name, aliases).
ORGANISATIONS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "IGOUNO": (
        "UN",
        "United Nations",
        ("UN", "U.N.", "United Nations", "UN Security Council", "U.N. Security Council", "Security Council"),
    ),
    "IGOWSTNAT": (
        "NATO",
        "NATO",
        (
            "NATO",
            "North Atlantic Treaty Organization",
            "North Atlantic Treaty Organisation",
            "Atlantic Alliance",
        ),
    ),
    "IGOEUREEC": (
        "EU",
        "European Union",
        ("EU", "E.U.", "European Union", "European Commission", "Brussels"),
    ),
    "IGOMEAARL": ("ARAB_LEAGUE", "Arab League", ("Arab League", "League of Arab States")),
    "IGOAFRAFU": ("AU", "African Union", ("African Union", "AU")),
    "IGOBUSOPC": ("OPEC", "OPEC", ("OPEC", "Organization of the Petroleum Exporting Countries")),
    "IGOBUSIMF": ("IMF", "International Monetary Fund", ("IMF", "International Monetary Fund")),
    "IGOUNOWBK": ("WORLD_BANK", "World Bank", ("World Bank",)),
    "IGOBUSWTO": ("WTO", "World Trade Organization", ("WTO", "World Trade Organization")),
    "IGOSEAASN": ("ASEAN", "ASEAN", ("ASEAN", "Association of Southeast Asian Nations")),
    "IGOUNOIAE": (
        "IAEA",
        "International Atomic Energy Agency",
        ("IAEA", "International Atomic Energy Agency"),
    ),
    "IGOOAS": ("OAS", "Organization of American States", ("OAS", "Organization of American States")),
    "IGOMOSOIC": (
        "OIC",
        "Organisation of Islamic Cooperation",
        (
            "OIC",
            "Organisation of Islamic Cooperation",
            "Organization of Islamic Cooperation",
            "Organization of the Islamic Conference",
        ),
    ),
    "IGOJUDICC": ("ICC", "International Criminal Court", ("ICC", "International Criminal Court")),
    "IGOCASCIS": ("CIS", "Commonwealth of Independent States", ("Commonwealth of Independent States",)),
    "IGOWAFWAS": ("ECOWAS", "ECOWAS", ("ECOWAS", "Economic Community of West African States")),
    "IGOUNOHLHWHO": (
        "WHO",
        "World Health Organization",
        ("World Health Organization", "World Health Organisation"),
    ),
    "IGOUNOREFHCR": ("UNHCR", "UNHCR", ("UNHCR", "UN refugee agency")),
    "IGOUNOKID": ("UNICEF", "UNICEF", ("UNICEF",)),
    "IGOGCC": ("GCC", "Gulf Cooperation Council", ("Gulf Cooperation Council", "GCC")),
}

# Famous people whose Phoenix spelling differs from common English usage.
PERSON_NAMES: dict[str, str] = {
    "sergey lavrov": "Sergei Lavrov",
    "bashar al assad": "Bashar al-Assad",
    "hafez al assad": "Hafez al-Assad",
    "ban ki moon": "Ban Ki-moon",
    "dmitry medvedev": "Dmitry Medvedev",
    "sergey shoygu": "Sergei Shoigu",
    "sergey shoigu": "Sergei Shoigu",
    "sergey ivanov": "Sergei Ivanov",
    "muammar al qadhafi": "Muammar Gaddafi",
    "hosni mubarak": "Hosni Mubarak",
    "recep tayyip erdogan": "Recep Tayyip Erdogan",
    "mahmoud ahmadinejad": "Mahmoud Ahmadinejad",
    "ali khamenei": "Ali Khamenei",
    "kim jong un": "Kim Jong-un",
    "kim jong il": "Kim Jong-il",
    "xi jinping": "Xi Jinping",
    "hu jintao": "Hu Jintao",
}

# Groups Phoenix lacks as entries of their own.
EXTRA_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("group:taliban", "Taliban", ("Taliban", "Taleban")),
    ("group:al-qaeda", "al-Qaeda", ("al-Qaeda", "al Qaeda", "Al-Qaeda", "Al Qaeda", "al-Qaida")),
    ("group:hamas", "Hamas", ("Hamas", "HAMAS")),
)

# Title words stripped from person aliases; the value is the role they imply.
TITLE_ROLES: tuple[tuple[str, str], ...] = (
    ("spokesman", "spokesperson"),
    ("spokeswoman", "spokesperson"),
    ("spokesperson", "spokesperson"),
    ("press secretary", "spokesperson"),
    ("deputy foreign minister", "deputy_minister"),
    ("deputy prime minister", "deputy_minister"),
    ("deputy minister", "deputy_minister"),
    ("vice president", "head_of_government"),
    ("prime minister", "head_of_government"),
    ("premier", "head_of_government"),
    ("chancellor", "head_of_government"),
    ("president-elect", "head_of_state"),
    ("president", "head_of_state"),
    ("king", "head_of_state"),
    ("emir", "head_of_state"),
    ("foreign minister", "minister"),
    ("secretary of state", "minister"),
    ("foreign secretary", "minister"),
    ("defense minister", "minister"),
    ("defence minister", "minister"),
    ("defense secretary", "minister"),
    ("minister", "minister"),
    ("secretary-general", "official"),
    ("secretary general", "official"),
    ("ambassador", "diplomat"),
    ("envoy", "diplomat"),
    ("senator", "legislator"),
    ("congressman", "legislator"),
    ("general", "military"),
    ("admiral", "military"),
)
TITLE_WORDS = frozenset(
    "PRESIDENT PRESIDENT-ELECT PRIME MINISTER FOREIGN DEFENSE DEFENCE SECRETARY OF STATE "
    "SENATOR SEN SEN. MR MR. MRS MRS. MS MS. DR DR. AMBASSADOR GENERAL GEN GEN. ACTING KING "
    "QUEEN PRINCE EMIR CHANCELLOR PREMIER LEADER SPOKESMAN SPOKESWOMAN CHAIRMAN VICE DEPUTY "
    "ADMIRAL COLONEL COL COL. LT LT. LIEUTENANT COMMANDER FORMER THE SECRETARY-GENERAL "
    "SECRETARY_GENERAL CONGRESSMAN REP REP. GOVERNOR MAYOR DIRECTOR ENVOY COMMUNIST SOVIET "
    "US U.S. UN U.N. UNITED NATIONS STATES AMERICAN SUPREME INTERIOR FINANCE JUSTICE PRESS".split()
)
# Words that make an entry an institution, never a person.
INSTITUTION_WORDS = frozenset(
    "ARMY FORCE FORCES MINISTRY DEPARTMENT GOVERNMENT COUNCIL PARTY COMMITTEE ASSEMBLY "
    "PARLIAMENT COURT OFFICE HOUSE FRONT MOVEMENT BRIGADE BRIGADES ALLIANCE COALITION "
    "ORGANIZATION ORGANISATION UNION LEAGUE AGENCY SERVICE SERVICES POLICE GUARD GUARDS NAVY "
    "MILITARY REBELS REBEL OPPOSITION AUTHORITY COMMISSION BANK ADMINISTRATION REGIME CABINET "
    "SENATE CONGRESS DUMA KREMLIN PALACE INSTITUTE ASSOCIATION GROUP GROUPS NETWORK BATTALION "
    "JABHAT JAISH KATIBAT LIWA LIWAA HARAKAT DECLARATION REPUBLIC FEDERATION CORPS OFFICIALS "
    "OFFICIAL MINISTER MINISTERS PRESIDENT SECRETARY SPOKESMAN SPOKESWOMAN SPOKESPERSON "
    "LEADER LEADERS EMBASSY CONSULATE CHIEF CHIEFS STAFF TROOPS SOLDIERS MILITIA MILITIAS "
    "COMMAND TRIBUNAL BUREAU DIRECTORATE FUND PROGRAM PROGRAMME NATIONS STATES STATE "
    "SOCIETY CENTER CENTRE FOUNDATION COMMUNITY CONFERENCE BOARD MISSION UNIT UNITS "
    "CELLS NUCLEI ORGANIZATIONS COMPANY CORPORATION INDUSTRY UNIVERSITY SCHOOL CHURCH "
    "JUDGES JUDICIARY PROSECUTOR PEOPLE PEOPLES PEOPLE'S NATIONAL AUTHORITIES AIRLINES".split()
)
# Phoenix sector codes (after the country code) -> affiliation role.
SECTOR_ROLES: dict[str, str] = {
    "GOV": "official",
    "MIL": "military",
    "LEG": "legislator",
    "OPP": "opposition",
    "JUD": "judiciary",
    "ELI": "other",
    "SPY": "official",
    "COP": "official",
    "REB": "other",
    "PTY": "member",
    "BUS": "other",
    "MED": "other",
}
# Sectors whose institutions simply stand for the state ("the Defense Ministry").
STATE_SECTORS = frozenset({"GOV", "MIL", "SPY", "COP"})
GROUP_SECTORS = frozenset({"REB", "INS", "SEP", "UAF", "IMG"})
MAX_ALIASES_PER_PERSON = 12


# ---------------------------------------------------------------- parsing
@dataclass
class Code:
    """One `[CODE from-to]` restriction of a dictionary entry."""

    code: str
    valid_from: date | None
    valid_to: date | None
    comment: str = ""


@dataclass
class Entry:
    """One dictionary entry: its name lines, codes and comments."""

    names: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    comment: str = ""
    source: str = ""


CODE_RE = re.compile(r"\[([A-Z~-]*)\s*([<>]?)\s*([0-9]*)(?:-([0-9]*))?\s*\]")


def parse_date(text: str) -> date | None:
    """Read a TABARI date: YYYYMMDD, or YYMMDD with 1930-2029 as the window."""
    if len(text) == 8:
        year, rest = int(text[:4]), text[4:]
    elif len(text) == 6:
        short = int(text[:2])
        # The dictionaries date from 2014; six-digit years past 30 are 19xx.
        year, rest = (2000 + short if short <= 30 else 1900 + short), text[2:]
    else:
        return None
    try:
        return date(year, int(rest[:2]), int(rest[2:4]))
    except ValueError:
        return None


def parse_codes(text: str, comment: str) -> list[Code]:
    codes = []
    for match in CODE_RE.finditer(text):
        code, op, first, second = match.groups()
        if not code or code.startswith("~") or code == "---":
            continue
        start = end = None
        if op == ">":
            start = parse_date(first)
        elif op == "<":
            end = parse_date(first)
        elif first and second is not None:
            start, end = parse_date(first), parse_date(second)
        codes.append(Code(code, start, end, comment))
    return codes


def read_entries(path: Path) -> Iterator[Entry]:
    """Yield the entries of one TABARI actor file.

    Consecutive name lines before the first code line belong to one entry
    (Phoenix lists some persons' variants without `+`); a name line after
    codes starts a new entry.
    """
    current = Entry(source=path.name)
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            if not raw.strip() and current.names and not current.codes:
                current = Entry(source=path.name)  # an orphan name: no codes, dropped
            continue
        body, _, comment = raw.partition("#")
        comment = comment.strip()
        stripped = body.strip()
        if stripped.startswith("["):
            current.codes.extend(parse_codes(stripped, comment))
            continue
        is_synonym = stripped.startswith("+")
        name, _, tail = stripped.lstrip("+").partition("[")
        name = name.strip()
        if not is_synonym and current.codes:
            if current.names:
                yield current
            current = Entry(source=path.name)
        if name:
            current.names.append(name)
            if not current.comment:
                current.comment = comment
        if tail:
            current.codes.extend(parse_codes("[" + tail, comment))
    if current.names and current.codes:
        yield current


# ---------------------------------------------------------------- naming
PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "de", "da", "du", "van", "von", "der", "la", "le", "di", "abu"}
)
MINOR_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "at", "a", "an", "with"})
# Words shared by many country names: no evidence that a variant names this country.
GENERIC_STEMS = frozenset(
    "UNIT STAT REPU DEMO PEOP ISLA FEDE KING NORT SOUT GREA SAIN ARAB CENT REPUBLIC EAST WEST "
    "COMM SOCI UNIO PRIN PROV CITY".split()
)


def words(name: str) -> list[str]:
    """Split a TABARI name into words (underscores and spaces join words)."""
    return [w for w in re.split(r"[_\s]+", name.strip("_ ")) if w]


ROMAN = re.compile(r"(?:I{2,3}|IV|VI{1,3}|IX|XI{0,3}|XIV|XV)")


def _cap_word(low: str) -> str:
    """One lower-case word capitalised: after a hyphen each part ("Al-Jazeera"), after an
    apostrophe only for an O'/D' prefix ("O'Brien", "Mus'ab"), and Mc/Mac names ("McCain")."""
    parts = re.split(r"(-)", low)
    out = []
    for part in parts:
        word = part[:1].upper() + part[1:]
        head, sep, tail = word.partition("'")
        if sep and len(head) == 1 and len(tail) > 1:
            word = f"{head}'{tail[:1].upper()}{tail[1:]}"
        word = re.sub(r"^Mc([a-z])", lambda m: "Mc" + m.group(1).upper(), word)
        out.append(word)
    return "".join(out)


def natural_case(tokens: list[str]) -> str:
    """Turn upper-case dictionary words into a natural-case name."""
    out: list[str] = []
    for i, token in enumerate(tokens):
        low = token.lower()
        if (low in PARTICLES and i > 0 and low != "abu") or (low in MINOR_WORDS and i > 0):
            out.append(low)
            continue
        if re.fullmatch(r"[A-Z](\.[A-Z])+\.?", token) or token in {"US", "UN", "EU", "UK"}:
            out.append(token)
            continue
        if ROMAN.fullmatch(token.upper()) and i > 0:
            out.append(token.upper())  # "Elizabeth II", not "Elizabeth Ii"
            continue
        out.append(_cap_word(low))
    text = " ".join(out)
    # "al Assad" is usually written "al-Assad" in English news.
    return re.sub(r"\b(al|el) (?=[A-Z])", r"\1-", text)


def acronym_case(tokens: list[str]) -> str:
    """Natural case for body names, keeping acronyms ("FSB", "MI6") upper case."""
    if len(tokens) == 1 and (len(tokens[0]) <= 5 or any(c.isdigit() for c in tokens[0])):
        return tokens[0]
    text = natural_case(tokens)
    return re.sub(r"^The ", "", text)


def norm_key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def strip_title(tokens: list[str], demonyms: set[str]) -> tuple[list[str], str]:
    """Drop leading title and nationality words; return (name, title phrase)."""
    i = 0
    while i < len(tokens) - 1 and (tokens[i].upper() in TITLE_WORDS or tokens[i].upper() in demonyms):
        i += 1
    title_words = [
        t
        for t in tokens[:i]
        if t.upper() not in demonyms and t.upper() not in {"US", "U.S.", "UN", "U.N.", "THE"}
    ]
    return tokens[i:], " ".join(title_words).lower().replace("_", " ")


def title_role(title: str) -> str | None:
    for phrase, role in TITLE_ROLES:
        if re.search(rf"\b{re.escape(phrase)}\b", title):
            return role
    return None


def looks_like_person(entry: Entry, demonyms: set[str]) -> bool:
    if "countryinfo" in entry.comment.lower():
        return True
    tokens, _ = strip_title(words(entry.names[0]), demonyms)
    if not 2 <= len(tokens) <= 5:
        return False
    if any(t.upper() in INSTITUTION_WORDS or any(c.isdigit() for c in t) for t in tokens):
        return False
    return not any(w.upper() in INSTITUTION_WORDS for n in entry.names[:1] for w in words(n))


# ---------------------------------------------------------------- building
@dataclass
class Actor:
    key: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    affiliations: list[dict[str, str | None]] = field(default_factory=list)

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if alias and alias not in self.aliases:
            self.aliases.append(alias)

    def to_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "name": self.name,
            "kind": self.kind,
            "aliases": self.aliases,
            "affiliations": self.affiliations,
        }


def split_code(code: str, countries: set[str]) -> tuple[str, str]:
    """Split a CAMEO actor code into (owner actor key, sector).

    The sector is the most telling of the role codes after the country:
    `USAGOVLEG` (a legislator inside government) is "LEG", `RUSGOVMIL` "MIL".
    """
    for igo_code, (key, _, _) in sorted(ORGANISATIONS.items(), key=lambda kv: -len(kv[0])):
        if code.startswith(igo_code):
            return key, "GOV"
    owner = code[:3] if code[:3] in countries else ""
    sectors = [code[i : i + 3] for i in range(3, len(code), 3)]
    for telling in (
        "LEG",
        "OPP",
        "REB",
        "INS",
        "SEP",
        "UAF",
        "IMG",
        "JUD",
        "MIL",
        "SPY",
        "COP",
        "ELI",
        "PTY",
    ):
        if telling in sectors:
            return owner, telling
    return owner, sectors[0] if sectors else ""


def is_country_block(entry: Entry, countries_seen: set[str]) -> str | None:
    plain = [c for c in entry.codes if re.fullmatch(r"[A-Z]{3}", c.code)]
    if not plain or entry.source != SOURCE_FILES[0]:
        return None
    return plain[-1].code


def country_alias_ok(alias_tokens: list[str], stems: set[str]) -> bool:
    """Keep English-looking name variants: those sharing a stem with the name."""
    return any(t[:4].upper() in stems for t in alias_tokens)


class CatalogueBuilder:
    """Accumulates actors from the dictionary entries."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.demonyms: dict[str, str] = {}
        self.person_index: dict[str, str] = {}

    # countries --------------------------------------------------------
    def add_countries(self, entries: list[Entry]) -> None:
        blocks: dict[str, Entry] = {}
        for entry in entries:
            code = is_country_block(entry, set())
            if code is None or code == "KNT":  # KNT: Kinakuta, TABARI's test country
                continue
            undated = any(c.code == code and c.valid_from is None and c.valid_to is None for c in entry.codes)
            best = blocks.get(code)
            if best is None:
                blocks[code] = entry
                continue
            best_undated = any(
                c.code == code and c.valid_from is None and c.valid_to is None for c in best.codes
            )
            if (undated and not best_undated) or (
                undated == best_undated and len(entry.names) > len(best.names) * 2
            ):
                blocks[code] = entry
        for code, entry in sorted(blocks.items()):
            primary = words(entry.names[0])
            name = COUNTRY_NAMES.get(code, natural_case(primary))
            actor = Actor(code, name, "country")
            stems = {t[:4].upper() for t in primary + words(name) if len(t) >= 4} - GENERIC_STEMS
            for raw in entry.names[1:3]:
                demonym = words(raw)
                if (
                    len(demonym) == 1
                    and re.search(r"(AN|ESE|ISH|I|IC|CH|SH)$", demonym[0])
                    and not re.search(r"STAN$", demonym[0])
                    and demonym[0][:3] == primary[0][:3]
                ):
                    stems.add(demonym[0][:4].upper())
                    self.demonyms[natural_case(demonym)] = code
            actor.add_alias(name)
            capitals = {norm_key(c) for c in CAPITALS.get(code, ())}
            for raw in entry.names:
                tokens = words(raw)
                text = natural_case(tokens)
                if text in self.demonyms:
                    continue
                if norm_key(text) in capitals:
                    actor.add_alias(text.replace("Washington D.C.", "Washington"))
                elif country_alias_ok(tokens, stems) and not re.search(r"\(|ISLANDS?$", raw):
                    actor.add_alias(text)
            for alias in EXTRA_COUNTRY_ALIASES.get(code, ()) + METONYMS.get(code, ()):
                actor.add_alias(alias)
            self.actors[code] = actor

    def add_demonym_overrides(self) -> None:
        for demonym, code in {
            "American": "USA",
            "British": "GBR",
            "Dutch": "NLD",
            "French": "FRA",
            "Chinese": "CHN",
            "Israeli": "ISR",
            "Palestinian": "PSE",
            "Russian": "RUS",
            "Syrian": "SYR",
            "Iranian": "IRN",
            "Iraqi": "IRQ",
            "Turkish": "TUR",
            "German": "DEU",
            "Ukrainian": "UKR",
            "Saudi": "SAU",
            "Egyptian": "EGY",
            "Lebanese": "LBN",
            "Jordanian": "JOR",
            "Qatari": "QAT",
            "Emirati": "ARE",
            "North Korean": "PRK",
            "South Korean": "KOR",
            "Japanese": "JPN",
            "Indian": "IND",
            "Pakistani": "PAK",
            "Afghan": "AFG",
            "Kuwaiti": "KWT",
            "Yemeni": "YEM",
            "Libyan": "LBY",
            "Tunisian": "TUN",
            "Moroccan": "MAR",
            "Algerian": "DZA",
            "Belarusian": "BLR",
            "Georgian": "GEO",
            "Kazakh": "KAZ",
            "Polish": "POL",
            "Italian": "ITA",
            "Spanish": "ESP",
            "Canadian": "CAN",
            "Australian": "AUS",
            "Brazilian": "BRA",
            "Mexican": "MEX",
            "Venezuelan": "VEN",
            "Cuban": "CUB",
            "Swiss": "CHE",
            "Swedish": "SWE",
            "Norwegian": "NOR",
            "Finnish": "FIN",
            "Danish": "DNK",
            "Greek": "GRC",
            "Cypriot": "CYP",
            "Serbian": "SRB",
            "Hungarian": "HUN",
            "Czech": "CZE",
            "Austrian": "AUT",
            "Belgian": "BEL",
            "Irish": "IRL",
            "Portuguese": "PRT",
            "Vietnamese": "VNM",
            "Thai": "THA",
            "Indonesian": "IDN",
            "Filipino": "PHL",
            "Malaysian": "MYS",
            "Nigerian": "NGA",
            "Ethiopian": "ETH",
            "Kenyan": "KEN",
            "Sudanese": "SDN",
            "Somali": "SOM",
            "Bahraini": "BHR",
            "Omani": "OMN",
            "Armenian": "ARM",
            "Azerbaijani": "AZE",
            "Taiwanese": "TWN",
            "Korean": "KOR",
        }.items():
            if code in self.actors:
                self.demonyms[demonym] = code
        self.demonyms = {d: c for d, c in self.demonyms.items() if c in self.actors and len(d) > 2}

    # organisations and groups ----------------------------------------
    def add_organisations(self) -> None:
        for key, name, aliases in ORGANISATIONS.values():
            actor = Actor(key, name, "organisation")
            for alias in aliases:
                actor.add_alias(alias)
            self.actors[key] = actor
        for key, name, aliases in EXTRA_GROUPS:
            actor = Actor(key, name, "group")
            for alias in aliases:
                actor.add_alias(alias)
            self.actors[key] = actor

    def add_body(self, entry: Entry, countries: set[str], demonym_words: set[str]) -> None:
        """An institution, organisation or group entry (not a person)."""
        dated = [c for c in entry.codes if c.valid_to is not None]
        current = [c for c in entry.codes if c.valid_to is None]
        if not current:
            return  # historical bodies only (the Soviet Politburo, ...)
        code = current[0].code
        owner, sector = split_code(code, countries)
        names = [acronym_case(words(n)) for n in entry.names]
        names = [n for n in names if 2 <= len(n) <= 80 and not re.search(r"[()/:]", n)]
        if not names:
            return
        if owner in ORGANISATIONS_BY_KEY and code in ORGANISATIONS:
            target = self.actors[owner]
            for n in names:
                if not _has_role_word(n):
                    target.add_alias(n)
            return
        if owner in countries and sector in STATE_SECTORS and not dated and entry.source == SOURCE_FILES[0]:
            target = self.actors[owner]
            for n in names:
                # Role nouns ("US Secretary of Defense") are resolved by the matcher.
                if not _has_role_word(n) and not _looks_personal(n, demonym_words):
                    target.add_alias(n)
            return
        if code.startswith("MNC") or (code.startswith("IGO") and not owner):
            return
        if code.startswith("NGO"):
            kind, prefix = "organisation", "org"
        elif sector in GROUP_SECTORS or entry.source == SOURCE_FILES[2] or code[3:6] in GROUP_SECTORS:
            kind, prefix = "group", "group"
        else:
            kind, prefix = "organisation", "org"
        name = names[0]
        key = f"{prefix}:{slug(name)}"
        actor = self.actors.get(key) or Actor(key, name, kind)
        for n in names:
            if not _looks_personal(n, demonym_words):
                actor.add_alias(n)
        if owner and owner in countries:
            actor.affiliations.append(
                {
                    "actor_key": owner,
                    "role": SECTOR_ROLES.get(sector, "other"),
                    "valid_from": None,
                    "valid_to": None,
                }
            )
        self.actors[key] = actor

    # persons -----------------------------------------------------------
    def add_person(self, entry: Entry, countries: set[str], demonyms: set[str]) -> None:
        name_tokens, _ = strip_title(words(entry.names[0]), demonyms)
        base = natural_case(name_tokens)
        name = PERSON_NAMES.get(norm_key(base), base)
        if len(name) < 5 or len(name_tokens) < 2:
            return
        affiliations: list[dict[str, str | None]] = []
        titles: list[str] = []
        aliases: list[str] = []
        for raw in entry.names:
            tokens, title = strip_title(words(raw), demonyms)
            if not tokens or any(t.upper() in INSTITUTION_WORDS for t in tokens):
                # "Assad regime", "Obama administration": the state, not the person.
                if tokens and any(t.upper() in {"ADMINISTRATION", "REGIME", "GOVERNMENT"} for t in tokens):
                    owners = {split_code(c.code, countries)[0] for c in entry.codes}
                    for owner in owners & countries:
                        self.actors[owner].add_alias(natural_case(words(raw)).removeprefix("The "))
                continue
            text = PERSON_NAMES.get(norm_key(natural_case(tokens)), natural_case(tokens))
            if len(tokens) == 1 and (len(text) < 4 or text.lower() in COMMON_WORDS):
                continue
            aliases.append(text)
            if title and title_role(title):
                titles.append(title)
                aliases.append(f"{natural_case(title.split())} {text}")
        entry_role = _best_role([entry.comment, *titles])
        sectors = {split_code(c.code, countries)[1] for c in entry.codes}
        # CountryInfo lists heads of state and government with "elite" spans
        # around their terms; ministers have government spans only.
        is_leader = "ELI" in sectors and "GOV" in sectors
        head_role = entry_role if entry_role in {"head_of_state", "head_of_government"} else "head_of_state"
        for code in entry.codes:
            owner, sector = split_code(code.code, countries)
            if not owner:
                continue
            if sector == "ELI" and len(entry.codes) > 1:
                continue  # "elite" spans are biographical padding, not roles
            role = SECTOR_ROLES.get(sector, "other") if sector else "official"
            if sector == "GOV" or (sector == "" and owner in ORGANISATIONS_BY_KEY):
                role = (
                    _best_role([code.comment])
                    or (head_role if is_leader else None)
                    or (entry_role if code.valid_to is None else None)
                    or "official"
                )
                if role == "legislator":
                    role = "official"
            affiliations.append(
                {
                    "actor_key": owner,
                    "role": role,
                    "valid_from": code.valid_from.isoformat() if code.valid_from else None,
                    "valid_to": code.valid_to.isoformat() if code.valid_to else None,
                }
            )
        if not affiliations:
            return
        ident = norm_key(name)
        key = self.person_index.get(ident) or f"person:{slug(name)}"
        self.person_index[ident] = key
        actor = self.actors.get(key) or Actor(key, name, "person")
        actor.add_alias(name)
        for alias in aliases:
            if len(actor.aliases) < MAX_ALIASES_PER_PERSON:
                actor.add_alias(alias)
        for aff in affiliations:
            if aff not in actor.affiliations:
                actor.affiliations.append(aff)
        self.actors[key] = actor


ORGANISATIONS_BY_KEY = {key for key, _, _ in ORGANISATIONS.values()}
COMMON_WORDS = frozenset(
    "about after again against also among another bank bill black bush brown camp carter center church "
    "clinton court cross day east field ford free gold good green guard hall hill home house hope james "
    "john king lake land law long love major march mark may more north park paul power price rice rich "
    "rose ross saint short small smith south star stone strong sun west white will wood young".split()
)


def _has_role_word(name: str) -> bool:
    return title_role(name.lower()) is not None and not any(
        w in name.lower() for w in ("ministry", "office", "department", "council", "house")
    )


def _looks_personal(name: str, demonym_words: set[str]) -> bool:
    tokens, _ = strip_title(name.upper().split(), demonym_words)
    return 2 <= len(tokens) <= 4 and not any(t in INSTITUTION_WORDS for t in tokens) and name.count(" ") < 4


def _best_role(texts: Iterable[str]) -> str | None:
    ranking = [
        "head_of_state",
        "head_of_government",
        "minister",
        "deputy_minister",
        "spokesperson",
        "diplomat",
        "military",
        "official",
        "legislator",
    ]
    found = {r for t in texts if t for r in [title_role(t.lower())] if r}
    for text in texts:
        low = (text or "").lower()
        if re.search(r"\bamb\.|ambassador", low):
            found.add("diplomat")
        if "foreign minister" in low:
            found.add("minister")
    return next((r for r in ranking if r in found), None)


def add_institutions(builder: CatalogueBuilder, path: Path) -> None:
    """Merge the hand-written institutions (`key | Name | kind | country | aliases`).

    An existing key is renamed and re-kinded ("Federal Reserve" was read as a
    person); every alias listed moves to its institution, away from any other
    actor that had it ("FBI" stops naming the United States).
    """
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, name, kind, country, aliases = (part.strip() for part in line.split("|"))
            rows.append((key, name, kind, country, [a.strip() for a in aliases.split(";") if a.strip()]))
    moved = {alias for row in rows for alias in row[4]} | {row[1] for row in rows}
    for actor in builder.actors.values():
        actor.aliases = [a for a in actor.aliases if a not in moved or a == actor.name]
    for key, name, kind, country, aliases in rows:
        actor = builder.actors.get(key) or Actor(key, name, kind)
        actor.name, actor.kind = name, kind
        for alias in [name, *aliases]:
            actor.add_alias(alias)
        if country != "-" and not any(a["actor_key"] == country for a in actor.affiliations):
            actor.affiliations.append(
                {"actor_key": country, "role": "other", "valid_from": None, "valid_to": None}
            )
        builder.actors[key] = actor
    for actor in builder.actors.values():
        if actor.key not in {row[0] for row in rows}:
            actor.aliases = [a for a in actor.aliases if a not in moved]


def end_of(text: str) -> date:
    """The last day a role may have lasted: "2013-12-04", "2013-12" (31 December) or "2013"."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        year, month = parts
        return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return date(parts[0], 12, 31)


def _tsv_rows(path: Path) -> Iterator[list[str]]:
    """The data rows of a tab-separated table: comments ("#") and the header skipped."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith(("#", "person_key")):
            yield line.split("\t")


def close_roles(builder: CatalogueBuilder, path: Path) -> int:
    """Close the open-ended roles that ended before the dictionaries aged
    (`person_key  org_key  role  ended  sure`, tab-separated, see the file's header):
    "JEAN_CLAUDE_JUNCKER [LUXGOV >19950120]" no longer makes Juncker speak for
    Luxembourg in 2018. Returns how many roles were closed."""
    closed = 0
    for person, org, role, ended, *_ in _tsv_rows(path):
        actor = builder.actors.get(person)
        for affiliation in actor.affiliations if actor else ():
            if (affiliation["actor_key"], affiliation["role"], affiliation["valid_to"]) == (org, role, None):
                affiliation["valid_to"] = end_of(ended).isoformat()
                closed += 1
    return closed


def start_of(text: str) -> date:
    """The first day a role may have begun: "2021-01-20", "2021-01" (1 January) or "2021"."""
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def reopen_roles(builder: CatalogueBuilder, path: Path) -> int:
    """Add the later terms of people who came back after a closed role
    (`person_key  org_key  role  returned_from  returned_to  sure`; `returned_to` may be
    "ongoing"): Joe Biden speaks for the United States again from 2021. Returns how many
    terms were added."""
    added = 0
    for person, org, role, began, ended, *_ in _tsv_rows(path):
        actor = builder.actors.get(person)
        if actor is None:
            continue
        actor.affiliations.append(
            {
                "actor_key": org,
                "role": role,
                "valid_from": start_of(began).isoformat(),
                "valid_to": None if ended == "ongoing" else end_of(ended).isoformat(),
            }
        )
        added += 1
    return added


def build(source: Path) -> tuple[list[dict[str, object]], dict[str, str]]:
    entries = {name: list(read_entries(source / name)) for name in SOURCE_FILES}
    builder = CatalogueBuilder()
    builder.add_countries(entries[SOURCE_FILES[0]])
    builder.add_demonym_overrides()
    builder.add_organisations()
    countries = {k for k, a in builder.actors.items() if a.kind == "country"}
    demonym_words = {w.upper() for d in builder.demonyms for w in d.split()} | {
        a.upper() for c in countries for a in builder.actors[c].aliases if " " not in a
    }
    for source_name in SOURCE_FILES:
        for entry in entries[source_name]:
            if source_name == SOURCE_FILES[0] and is_country_block(entry, set()):
                continue
            if looks_like_person(entry, demonym_words):
                builder.add_person(entry, countries, demonym_words)
            else:
                builder.add_body(entry, countries, demonym_words)
    for actor in builder.actors.values():
        # Demonyms are matched as adjectives ("Russian Foreign Ministry"), not as names.
        actor.aliases = [a for a in actor.aliases if a not in builder.demonyms or a == actor.name]
    add_institutions(builder, INSTITUTIONS)
    close_roles(builder, ROLE_ENDS)
    reopen_roles(builder, ROLE_RETURNS)
    actors = [a for a in builder.actors.values() if a.aliases]
    actors.sort(key=lambda a: ({"country": 0, "organisation": 1, "group": 2, "person": 3}[a.kind], a.key))
    return [a.to_json() for a in actors], dict(sorted(builder.demonyms.items()))


NOTICE = """# Actor catalogue: source and licence

`actors.json.gz` and `demonyms.json` are derived from the **Phoenix /
PETRARCH2 actor dictionaries** published by the **Open Event Data Alliance**
(github.com/openeventdata/petrarch2, `petrarch2/data/dictionaries/`:
`Phoenix.Countries.actors.txt`, `Phoenix.International.actors.txt`,
`Phoenix.MilNonState.actors.txt`), used under the MIT licence below. Cite:
Norris, Schrodt & Beieler, "PETRARCH2: Another Event Coding Program", JOSS 2017.

## How it was derived

`scripts/build_actor_catalogue.py` reads the TABARI-format dictionaries and
keeps, for each country, its English name variants, its capital and a small
hand-written table of metonyms (the Kremlin, the White House, Downing Street,
...); state institutions (government, military, police, intelligence codes)
become aliases of their state. Hand-mapped international organisations (UN,
NATO, EU, Arab League, ...), non-governmental organisations and armed
non-state groups become actors of their own. Persons keep their name variants
(titles stripped, a few common English spellings substituted) and their dated
CAMEO codes, mapped to affiliations (`RUSGOV >20040309` -> Russia, role
"minister" when the entry's titles or comments show it, else "official";
`LEG` -> "legislator", `MIL` -> "military", `OPP` -> "opposition"). Cities
other than capitals, foreign-language spellings, companies (MNC codes) and
historical-only bodies are dropped. A hand-written list of institutions the
dictionaries lack or merge into their state (`scripts/catalogue/institutions.txt`:
legislatures and their chambers, courts, agencies, parties, regional
governments, a few companies and NGOs) is merged last; an alias it lists
moves to its institution ("FBI" stops naming the United States). Names are
cased naturally ("Elizabeth II", "McCain"). The dictionaries date from about
2014 and leave many roles open ("JEAN_CLAUDE_JUNCKER [LUXGOV >19950120]");
`scripts/catalogue/role_ends.tsv` closes the 2,029 that ended and
`scripts/catalogue/role_returns.tsv` adds 317 later terms of people who came
back (Joe Biden from 2021), both dated by the stance-tracker team.

Regenerate with (from the repository root):

    python scripts/build_actor_catalogue.py ../shared/data/phoenix-actors

## Licence of the source dictionaries

{licence}
"""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    actors, demonyms = build(args.source)
    args.out.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(actors, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # mtime=0 keeps the committed file byte-identical across rebuilds.
    with gzip.GzipFile(args.out / "actors.json.gz", "wb", compresslevel=9, mtime=0) as handle:
        handle.write(payload.encode("utf-8"))
    (args.out / "demonyms.json").write_text(json.dumps(demonyms, ensure_ascii=False, indent=0) + "\n")
    licence_path = args.source / "LICENSE"
    licence = licence_path.read_text() if licence_path.exists() else "MIT"
    (args.out / "ACTORS_NOTICE.md").write_text(NOTICE.format(licence=licence.strip()))
    kinds: dict[str, int] = {}
    for actor in actors:
        kinds[str(actor["kind"])] = kinds.get(str(actor["kind"]), 0) + 1
    print(f"wrote {len(actors)} actors {kinds} and {len(demonyms)} demonyms to {args.out}")


if __name__ == "__main__":
    main()
