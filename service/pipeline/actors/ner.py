"""Actors the catalogue lacks: spaCy's named entities (new actors, keyed
"ner:...") and later surname-only mentions of a full name."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from service.pipeline import speech
from service.pipeline.actors.gender import given_names
from service.pipeline.actors.index import ActorIndex
from service.pipeline.actors.matching import Hit
from service.pipeline.actors.unnamed_bodies import BODY_DESCRIPTIONS, heads_of, unnamed_bodies
from service.pipeline.holder_rules import is_junk_entity, trim_entity
from service.pipeline.segment import sentence_at
from service.pipeline.speech_lexicon import AGENT_NOUNS, PLACE_NOUNS, SPEAKS_FOR_NOUNS
from service.pipeline.types import ActorKind, NewActor, Sentence

# ---------------------------------------------------------------- NER
_NER_KINDS: dict[str, ActorKind] = {"PERSON": "person", "ORG": "organisation", "GPE": "country"}
_HONORIFICS = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Gen|Rep|President|Minister)\.?\s+)+")


def _clean_entity(text: str) -> str:
    text = re.sub(r"(?:'s|\u2019s|')$", "", text.strip())
    text = re.sub(r"^[Tt]he\s+", "", text)
    return _HONORIFICS.sub("", text).strip(" .,")


_LINK_WORDS = frozenset({"of", "for", "and", "the", "on", "&"})


def _named_inside(
    ent: Any, start: int, end: int, text: str, hits: list[Hit], index: ActorIndex
) -> Hit | None:
    """A catalogue mention inside a longer name that names someone else, or None:
    the state in an organisation's name ("Environment Canada", "Turkish
    Airlines"), or a surname in another person's full name ("Prime Minister
    Boris Johnson" is not the catalogue's Lyndon B. Johnson)."""
    inside = [h for h in hits if start <= h.start and h.end <= end and (h.start, h.end) != (start, end)]
    if len(inside) != 1 or inside[0].via not in ("alias", "metonym"):
        return None
    hit = inside[0]
    kind = index.specs[hit.key].kind
    others = (text[start : hit.start] + " " + text[hit.end : end]).split()
    names = [w for w in others if w.lower() not in _LINK_WORDS]
    if not names or not all(w[:1].isupper() for w in names):
        return None
    if hit.via == "metonym" and kind != "country":
        return None
    if ent.label_ == "PERSON" and kind == "person":
        spec = index.specs[hit.key]
        known = {w.lower().strip(".") for alias in (spec.name, *spec.aliases) for w in alias.split()}
        return hit if not any(w.lower().strip(".") in known for w in names) else None
    # An ORG span of at most five words besides "the" (longer ones are more often two names run
    # together: "Lydia Buchtmann for Food Standards Australia") with no body that
    # speaks for the state among its words ("Israel Defense Forces", "Bank of Canada").
    words = text[start:end].split()
    if (
        ent.label_ == "ORG"
        and kind == "country"
        and len(words[1:] if words[0].lower() == "the" else words) <= 5
    ):
        return hit if not any(w.lower().strip(".,'") in AGENT_NOUNS for w in names) else None
    return None


def _surname_after_given_name(
    start: int, end: int, text: str, hits: list[Hit], index: ActorIndex
) -> Hit | None:
    """The catalogue hit of a one-word name ("Paris") right after a lone given name that
    spaCy took for an entity of its own ("Valeska"): that word is the person's surname."""
    given = text[start:end]
    if " " in given or not given[:1].isupper() or given.lower() not in given_names() or index.lookup(given):
        return None
    if text[end : end + 1] != " ":
        return None
    after = [h for h in hits if h.start == end + 1 and h.via in ("alias", "metonym")]
    if len(after) != 1 or not re.fullmatch(r"[A-Z][a-z]+", text[after[0].start : after[0].end]):
        return None
    return after[0]


def _before_open_bracket(span: str) -> int:
    """The length of `span` up to a bracket it opens but does not close: spaCy runs a
    name into its acronym ("Council on American-Islamic Relations (CAIR")."""
    at = span.find("(")
    return len(span[:at].rstrip()) if at > 0 and ")" not in span[at:] else len(span)


_MEMBER_OF = frozenset({"a", "an", "former", "fellow", "devout", "practising", "practicing", "lifelong"})


def _a_member_or_a_family(ent: Any, name: str, surnames: dict[str, str]) -> bool:
    """One word that names a member of a body, not the body ("a former Scientologist"),
    or a family by its plural surname ("the Sams", after "Thomas Sam" and "Manju Sam").
    A modifier stays a body: "a Gazprom spokesman" speaks for Gazprom."""
    if " " in name:
        return False
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    member = before in _MEMBER_OF and ent.root.dep_ not in ("compound", "amod", "nmod", "poss")
    return member or (name.endswith("s") and name[:-1] in surnames)


def _led_place(ent: Any) -> bool:
    """A place the catalogue lacks, named as what someone heads or speaks for: "the
    governor of Texas", "the president of the Lombardy region". Its government is an actor."""
    token = ent.root
    if token.dep_ in ("compound", "amod") and token.head.lemma_.lower() in PLACE_NOUNS:
        token = token.head
    return heads_of(token)


def _common_noun(ent: Any, name: str, text: str) -> bool:
    """A span the catalogue lacks that names no one: no proper noun in it
    ("vehicle miles" tagged PERSON), or one capitalised word that the same
    text also uses in lower case ("Homeopathy is ...", "... of homeopathy").
    A word with a capital inside ("VdK", "eBay") is a name whatever its tag."""
    if any(re.search(r"[A-Z]", word[1:]) for word in name.split()):
        return False
    if not name.isupper() and not any(token.pos_ == "PROPN" for token in ent):
        return True
    return " " not in name and re.search(rf"\b{re.escape(name.lower())}\b", text) is not None


def new_actor(new: dict[str, NewActor], name: str, kind: ActorKind) -> str:
    """The key of an actor the catalogue lacks ("ner:<words>"), added to `new` once."""
    key = "ner:" + " ".join(re.findall(r"\w+", name.lower()))
    new.setdefault(key, NewActor(key=key, name=name, kind=kind))
    return key


# A place named by its government ("the Municipality of Livorno", "the Province of Ontario").
_LOCAL_GOVERNMENT = re.compile(
    r"(?:[Tt]he\s+)?(?:Municipality|City|Town|Province|Region|County|Canton|Prefecture|Commune|Borough|"
    r"District|Government|State)\s+of\s+[A-Z]"
)


def ner_hits(
    text: str,
    doc: Any,
    sentences: Sequence[Sentence],
    index: ActorIndex,
    hits: list[Hit],
    new: dict[str, NewActor],
) -> list[Hit]:
    """Mentions of spaCy's entities that the catalogue hits do not cover, and of names
    NER missed that the text describes as a body (`_described_bodies`). A
    catalogue hit inside a longer name of someone else ("Environment Canada",
    "Boris Johnson") is dropped from `hits` and later bare surnames re-keyed."""
    out: list[Hit] = []
    taken = [(h.start, h.end) for h in hits]
    surnames = {
        index.specs[h.key].name.split()[-1]: h.key for h in hits if index.specs[h.key].kind == "person"
    }
    for ent in doc.ents:
        start, end = ent.start_char, ent.end_char
        start += trim_entity(ent.text)
        end = start + _before_open_bracket(text[start:end])
        place = _surname_after_given_name(start, end, text, hits, index)
        if place is not None:  # "Valeska Paris": a person, not the given name and France
            hits.remove(place)
            taken.remove((place.start, place.end))
            taken.append((start, place.end))
            key = new_actor(new, text[start : place.end], "person")
            out.append(Hit(start, place.end, (key,), "ner", key))
            _rekey_later_surnames(text, hits, place, place.end, key)
            continue
        inner = _named_inside(ent, start, end, text, hits, index)
        if inner is not None:  # the longer name is someone else: it replaces the inner mention
            hits.remove(inner)
            taken.remove((inner.start, inner.end))
        if any(s < end and start < e for s, e in taken) or is_junk_entity(text[start:end]):
            continue
        sentence = sentence_at(sentences, start)
        if sentence is None or sentence.kind in ("byline", "caption", "boilerplate", "dateline"):
            continue  # journalists and photographers are not actors
        name = _clean_entity(text[start:end])
        if len(name) < 2:
            continue
        if ent.label_ == "NORP":
            singular = re.sub(r"s$", "", name)
            country = index.demonyms.get(singular)
            if country is not None and name.endswith("s"):
                out.append(Hit(start, end, (country,), "ner", country))
            continue
        kind = _NER_KINDS.get(ent.label_)
        if kind is None and ent.label_ == "PRODUCT" and speech.speaks_as_subject(doc, start, end):
            kind = "organisation"  # products do not speak: "The VdK ... said" is a body
        if kind is None:
            continue
        if kind != "person" and (_titled_as_person(ent) or _named_like_a_person(name, index)):
            kind = "person"  # "the Scottish first minister, Nicola Sturgeon", "Dean Kamen" (spaCy: ORG)
        if _a_member_or_a_family(ent, name, surnames):
            continue
        if name in surnames and ent.label_ in ("PERSON", "ORG"):
            # spaCy often tags a lone surname as ORG; the full name came earlier.
            out.append(Hit(start, end, (surnames[name],), "alias", surnames[name]))
            continue
        known = index.lookup(name)
        if known:
            out.append(Hit(start, end, known, "ner"))
            continue
        if kind == "person" and " " not in name:
            continue  # a lone surname: resolved later against full names
        if _common_noun(ent, name, text):
            continue
        if kind == "country" and (_LOCAL_GOVERNMENT.match(name) or _led_place(ent)):
            # "the Municipality of Livorno", "the president of the Lombardy region": a body
            kind = "organisation"
        elif kind == "country" and not speech.is_subject(doc, start, end):
            continue  # an unknown place that does nothing is not an actor
        key = _earlier_longer_name(name, kind, new) or new_actor(new, name, kind)
        out.append(Hit(start, end, (key,), "ner", key))
        if kind == "person":
            surnames.setdefault(name.split()[-1], key)
        if inner is not None and index.specs[inner.key].kind == "person":
            _rekey_later_surnames(text, hits, inner, end, key)
            surnames[name.split()[-1]] = key
    for start, end in unnamed_bodies(doc):
        if any(s < end and start < e for s, e in taken) or any(h.start < end and start < h.end for h in out):
            continue
        name = text[start:end]
        key = (index.lookup(name) or (new_actor(new, name, "organisation"),))[0]
        out.append(Hit(start, end, (key,), "ner", key))
    return out


# Nouns that title a person ("Foreign Minister X", "X, the party's leader,").
_PERSON_TITLES = (SPEAKS_FOR_NOUNS - {"ministry", "executive", "general", "head"}) | {
    "senator", "lawmaker", "diplomat", "mp", "judge", "lawyer", "attorney", "barrister", "prosecutor",
    "professor", "economist", "analyst", "researcher", "activist", "campaigner", "congressman",
    "congresswoman", "mr", "mrs", "ms", "miss", "dr", "sir", "dame",
}  # fmt: skip


def _titled_as_person(ent: Any) -> bool:
    """An entity the text titles as a person: a title in apposition ("the first
    minister, Nicola Sturgeon,"; "Nicola Sturgeon, the first minister,") or before the
    name ("Foreign Minister Chrystia Freeland", "Mrs Sturgeon")."""
    root = ent.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in _PERSON_TITLES:
        return True
    return any(
        child.dep_ in ("appos", "compound")
        and child.lemma_.lower().rstrip(".") in _PERSON_TITLES
        and (child.dep_ == "appos" or child.i < ent.start)
        for child in root.children
    )


# Words that make a name a body's even after a given name ("Irving Police Department").
_BODY_WORDS = {
    "department", "police", "school", "district", "university", "college", "hospital", "centre",
    "center", "institute", "ministry", "office", "council", "court", "news", "times", "post", "press",
    # Companies named after their founders ("Ford Motor", "Warner Bros", "Virginia Tech").
    "motor", "motors", "co", "corp", "inc", "ltd", "llc", "plc", "bros", "tech", "industries", "holdings",
    "energy", "foods", "airways", "capital", "partners", "studios", "pictures", "records", "labs",
}  # fmt: skip


def _named_like_a_person(name: str, index: ActorIndex) -> bool:
    """Two or three capitalised words that start with a clear given name and hold no word of
    a body: "Dean Kamen" is a person, whatever spaCy's label."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return False
    if any(w.lower() in _BODY_WORDS or w.lower() in BODY_DESCRIPTIONS for w in words):
        return False
    return words[0].lower() in given_names() and not index.lookup(words[0])


def _earlier_longer_name(name: str, kind: ActorKind, new: dict[str, NewActor]) -> str | None:
    """The key of an organisation already found whose name holds this one's words in a
    row ("the National Iodine Nutrition study" after "the Australian National Iodine
    Nutrition Study"): a shortened later mention, not a second body. Two words at least."""
    words = name.split()
    if kind != "organisation" or len(words) < 2:
        return None
    for key, actor in new.items():
        longer = actor.name.split()
        if actor.kind == kind and len(longer) > len(words):
            if any(longer[at : at + len(words)] == words for at in range(len(longer) - len(words) + 1)):
                return key
    return None


def _rekey_later_surnames(text: str, hits: list[Hit], displaced: Hit, after: int, key: str) -> None:
    """After "Boris Johnson", a later bare "Johnson" is him too, not the catalogue's Johnson."""
    surface = text[displaced.start : displaced.end]
    for hit in hits:
        if hit.key == displaced.key and hit.start >= after and text[hit.start : hit.end] == surface:
            hit.keys, hit.key = (key,), key


_COURT = r"(?:(?:[Ss]upreme|[Cc]onstitutional|[Hh]igh|[Aa]ppeals?|[Ff]ederal|[Aa]dministrative|[Dd]istrict|[Rr]egional)\s+)?[Cc]ourt\b"


def court_hits(text: str, index: ActorIndex, hits: list[Hit], new: dict[str, NewActor]) -> list[Hit]:
    """A state's court named by its demonym ("a Greek court", "the Russian Supreme
    Court") is an actor of its own, not the state: courts rule independently.
    A catalogue court of another state inside the phrase is dropped from `hits`."""
    if not index.demonyms:
        return []
    demonyms = "|".join(re.escape(d) for d in sorted(index.demonyms, key=len, reverse=True))
    taken = [(h.start, h.end) for h in hits]
    out: list[Hit] = []
    for match in re.finditer(rf"\b(?P<dem>{demonyms})\s+{_COURT}", text):
        state = index.demonyms[match.group("dem")]
        # "the Russian Supreme Court" is not the catalogue's (US) "Supreme Court".
        for other in [h for h in hits if match.start() < h.start and h.end <= match.end()]:
            if not any(a.actor_key == state for a in index.specs[other.key].affiliations):
                hits.remove(other)
                taken.remove((other.start, other.end))
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        key = new_actor(new, " ".join(match.group().split()), "organisation")
        out.append(Hit(match.start(), match.end(), (key,), "ner", key))
    return out


def surname_hits(text: str, hits: list[Hit], index: ActorIndex, new: dict[str, NewActor]) -> list[Hit]:
    """Later mentions of a surname resolve to the full name seen earlier."""
    surnames: dict[str, tuple[str, int]] = {}
    for hit in hits:
        name = new[hit.key].name if hit.key in new else None
        spec = index.specs.get(hit.key)
        if spec is not None and spec.kind == "person":
            name = spec.name
        if (
            name
            and (spec is None or spec.kind == "person")
            and ((hit.key in new and new[hit.key].kind == "person") or spec is not None)
        ):
            last = name.split()[-1]
            if len(last) > 2 and last not in surnames:
                surnames[last] = (hit.key, hit.start)
    out: list[Hit] = []
    if not surnames:
        return out
    taken = [(h.start, h.end) for h in hits]
    pattern = re.compile(r"\b(" + "|".join(re.escape(s) for s in surnames) + r")\b")
    for match in pattern.finditer(text):
        key, first = surnames[match.group(1)]
        if match.start() <= first or any(s < match.end() and match.start() < e for s, e in taken):
            continue
        out.append(Hit(match.start(), match.end(), (key,), "alias", key))
    return out
