"""Who may hold a stance: news outlets are sources, junk NER spans are no actors.

The actor stage proposes holders generously; these rules remove the ones an
analyst would never code:

- **News outlets and agencies** (AP, Reuters, BBC, "told NPR") report
  positions; they hold one only when the sentence reports their own
  editorial position ("The Times said in an editorial ...").
- **Junk spans** from NER: figure and table labels ("Chart 2"), units and
  measures, numbers, section headings, bill numbers, single lower-case or
  common words, and spans glued to a time zone or a dateline word
  ("EST President Barack Obama" is cut to "President Barack Obama").
- **Former office holders** ("the former French president", "a former U.S.
  official") no longer speak for the state.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Wire services, broadcasters, papers and sites that news cites as sources.
_OUTLETS = frozenset(
    name.casefold()
    for name in (
        "AP",
        "Associated Press",
        "The Associated Press",
        "Reuters",
        "AFP",
        "Agence France-Presse",
        "Agence France Presse",
        "Bloomberg",
        "Bloomberg News",
        "BBC",
        "BBC News",
        "CNN",
        "NPR",
        "PBS",
        "ABC",
        "ABC News",
        "NBC",
        "NBC News",
        "CBS",
        "CBS News",
        "MSNBC",
        "Fox News",
        "Fox",
        "CNBC",
        "C-SPAN",
        "Al Jazeera",
        "Al-Jazeera",
        "Al Arabiya",
        "Al-Arabiya",
        "Sky News",
        "Interfax",
        "RIA Novosti",
        "ITAR-TASS",
        "TASS",
        "Xinhua",
        "Yonhap",
        "KCNA",
        "Kyodo",
        "Anadolu",
        "SANA",
        "IRNA",
        "Fars",
        "Dow Jones",
        "Politico",
        "Axios",
        "The Hill",
        "Breitbart",
        "Breitbart News",
        "Newsmax",
        "HuffPost",
        "Huffington Post",
        "BuzzFeed",
        "BuzzFeed News",
        "Vox",
        "Slate",
        "Salon",
        "Mother Jones",
        "National Review",
        "The Atlantic",
        "The New Yorker",
        "Newsweek",
        "Time",
        "Time magazine",
        "The Economist",
        "McClatchy",
        "Wikinews",
        "Associated Press-NORC",
    )
)
# Names that are outlets by their last word ("The Moscow Times", "Washington Post").
_OUTLET_SHAPE = re.compile(
    r"^(?:the\s+)?(?:(?:[A-Z][\w.&'-]*|and|&)\s+){0,4}"
    r"(?:Times|Post|Journal|Herald|Gazette|Tribune|Telegraph|Guardian|Independent|Observer|Chronicle|"
    r"Inquirer|Examiner|Courier|Dispatch|Mirror|Sun|Star|Express|Mail|News|Newsweek|Magazine|Daily|Press|"
    r"Wire|Radio|Television|TV|Broadcasting|Broadcasting Corporation|News Agency|Press Agency)$"
)
# Publications that a newspaper-shaped name must not swallow.
_NOT_OUTLETS = frozenset({"white house press", "press", "news"})
_EDITORIAL = re.compile(r"\beditorial(?:s|ly)?\b|\beditorial board\b|\bop-ed\b", re.IGNORECASE)


@lru_cache(maxsize=8192)
def is_news_outlet(name: str) -> bool:
    """True for the names of wire services, broadcasters, newspapers and news sites."""
    clean = " ".join(name.split()).strip(" .,'\u2019")
    if clean.casefold() in _NOT_OUTLETS:
        return False
    if clean.casefold() in _OUTLETS or clean.casefold().removeprefix("the ") in _OUTLETS:
        return True
    return bool(_OUTLET_SHAPE.match(clean))


def states_editorial_position(sentence: str) -> bool:
    """The sentence reports an outlet's own position (an editorial), not its reporting."""
    return bool(_EDITORIAL.search(sentence))


# ------------------------------------------------------------------ junk spans
_LABEL = re.compile(
    r"^(?:Figure|Fig|Table|Chart|Graph|Exhibit|Appendix|Annex|Attachment|Section|Sec|Part|Title|Chapter|"
    r"Article|Page|Slide|Box|Map|Panel|Item|Step|Phase|Tier|Option|Scenario|Footnote|Note)\.?\s*[\dIVXivx]",
)
_BILL = re.compile(r"^(?:H\.?\s?R\.?|S\.?|H\.?\s?Res\.?|S\.?\s?Res\.?|Pub\.?\s?L\.?|P\.?\s?L\.?)\s*\d")
# Laws, treaties and policy instruments by name ("the Energy Producer Certainty Act",
# "the Carbon Credit Trading Scheme", "the Keystone XL Pipeline"): what a stance is
# about, never who holds it.
_NAMED_LAW = re.compile(
    r"\b(?:Act|Acts|Bill|Code|Directive|Regulation|Treaty|Convention|Amendment|Resolution|Protocol|Accord|"
    r"Scheme|Pipeline|Tax|Levy|Tariffs?|Subsid(?:y|ies))(?:\s+(?:of\s+)?\d{4})?$"
)
_UNITS = frozenset(
    "mph kph km kg lb lbs mg ml cm mm ppm ppb mw gw kw kwh mwh gwh tw twh btu mmbtu bcf tcf mcf "
    "percent per cent fy q1 q2 q3 q4 gdp co2 pm2.5 nox so2".split()
)
_TIME_WORDS = frozenset(
    "EST EDT CST CDT MST MDT PST PDT GMT UTC BST CET CEST ET PT AM PM UPDATED UPDATE BREAKING EXCLUSIVE "
    "WATCH VIDEO PHOTOS READ MORE ADVERTISEMENT".split()
)
# Capitalised common words that NER tags as people or organisations at a sentence start.
_COMMON = frozenset(
    "chart figure table graph source sources note notes update photo video image report reports "
    "section page appendix summary background introduction conclusion conclusions recommendations "
    "testimony statement question questions answer thanks chairman madam mister sir members committee "
    "ranking member subcommittee chair chairwoman states nations countries agencies "
    "news today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday "
    # Generic body words: a lone "Court" or "State" names no particular actor.
    "court state government education ministry parliament police army council party city church "
    "office department agency commission board union university school hospital president minister".split()
)


# The words of a testimony's or speech's salutation: spaCy tags "Ranking Member" a person.
_ADDRESS = frozenset(
    "chairman chairwoman chair chairs madam mister sir ranking member members committee subcommittee "
    "honorable honourable distinguished".split()
)


_AGENCIES = r"(?:Getty Images|AFP|AP|Reuters|EPA|Bloomberg|Pool|NurPhoto|Sipa)"
_NAME = r"[A-Z][\w.'-]*"
# "Alex Wong/Getty Images Neil Gorsuch", "AP Photo/Evan Vucci Donald Trump": a photo credit glued to a name.
_CREDIT = re.compile(
    rf"^(?:(?:{_NAME}\s+){{0,2}}{_NAME}\s*/\s*{_AGENCIES}(?:\s+via\s+{_AGENCIES})?"
    rf"|{_AGENCIES}\s+Photo\s*/\s*{_NAME}(?:\s+{_NAME})?)\s+(?=[A-Z])"
)


# A photo credit on its own ("Alex Wong/Getty Images", "AP Photo").
_CREDIT_ONLY = re.compile(rf"(?:/\s*{_AGENCIES}|\bGetty Images|^{_AGENCIES}\s+Photo)\s*$")


def trim_entity(text: str) -> int:
    """How many leading characters of an NER span to drop so that it starts at the entity:
    a glued time zone or dateline word ("EST President Barack Obama", "UPDATED 2:45 PM
    Obama"), a photo credit ("Alex Wong/Getty Images Neil Gorsuch") or an outlet
    ("CNN Wolf Blitzer")."""
    cut = 0
    credit = _CREDIT.match(text)
    if credit is not None:
        cut = credit.end()
    while cut < len(text):
        match = re.match(r"\S+\s*", text[cut:])
        if match is None:
            break
        word = match.group().strip().strip(",.:;|-\u2014\u2013")
        rest = text[cut + match.end() :]
        timeish = (word.upper() in _TIME_WORDS and word.isupper()) or re.fullmatch(r"[\d:/.-]+", word or "0")
        outlet = bool(rest[:1].isupper()) and word.isupper() and len(word) > 1 and is_news_outlet(word)
        if not (timeish or outlet):
            break
        cut += match.end()
    return cut if cut < len(text) else 0


def is_junk_entity(text: str) -> bool:
    """NER spans that are no actor: labels, bill numbers, units, numbers, common words."""
    clean = " ".join(text.split()).strip(" .,;:'\"()[]\u2019\u201c\u201d")
    if len(clean) < 2 or not re.search(r"[A-Za-z]", clean):
        return True
    if _LABEL.match(clean) or _BILL.match(clean) or _CREDIT_ONLY.search(clean) or _NAMED_LAW.search(clean):
        return True
    words = clean.split()
    if all(w.casefold().strip(".") in _UNITS or re.fullmatch(r"[\d.,%$€£]+", w) for w in words):
        return True
    if sum(ch.isdigit() for ch in clean) > len(clean) // 3:
        return True
    if clean.islower():  # "vehicle miles": common nouns, however many
        return True
    if all(w.casefold() in _ADDRESS for w in words):  # "Chairman, Ranking Member, and members ..."
        return True
    return clean.casefold() in _COMMON


# "the former French president", "a onetime U.S. official", "the late king": no longer
# in office, so no longer speaking for the state.
_NO_LONGER = re.compile(r"\b(?:former|ex-|onetime|one-time|late|then)\s*$", re.IGNORECASE)
NO_LONGER_WORDS = frozenset({"former", "ex", "onetime", "late"})


def no_longer(text: str, start: int) -> bool:
    """Whether "former" (or "ex-", "late", "then") stands just before `start`."""
    return _NO_LONGER.search(text[max(0, start - 12) : start]) is not None
