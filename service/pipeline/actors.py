"""Find the actors of an article and who may hold a stance in each sentence.

`build_actor_index` turns catalogued actors into a token-level matcher
(built once, cached by the worker). `find_holders` matches aliases, demonym
phrases ("Russian Foreign Ministry"), titles and role-only references
("Russia's foreign minister"), adds spaCy NER actors the catalogue lacks,
resolves "he said" and quote speakers (see `service.pipeline.speech`), and
lists the holders of each sentence. `speaks_for` is the role roll-up used by
aggregation.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from service.pipeline import speech
from service.pipeline.affiliations import TextAffiliation, text_affiliations
from service.pipeline.holder_rules import (
    is_junk_entity,
    is_news_outlet,
    states_editorial_position,
    trim_entity,
)
from service.pipeline.turns import Turn, apply_turns, interview_turns
from service.pipeline.types import ActorKind, ActorSpec, Holder, Mention, NewActor, Sentence

Via = Literal["alias", "metonym", "role", "pronoun", "ner", "title"]

# Roles that make a person speak for the state or organisation they serve.
SPEAKING_ROLES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "minister",
        "deputy_minister",
        "official",
        "spokesperson",
        "military",
        "diplomat",
    }
)
# Sentences that never carry an actor's stance.
SILENT_KINDS = frozenset({"byline", "dateline", "caption", "boilerplate"})
_TOKEN = re.compile(r"[^\W_]+")
_KIND_RANK = {"country": 0, "organisation": 1, "group": 2, "person": 3}
# State bodies named with a demonym or a country ("Russian Foreign Ministry").
_AGENT = re.compile(
    r"(?:'s|\u2019s)?\s+(?:(?:[A-Z][a-z]+\s+){0,2}Ministry(?:\s+of\s+(?:[A-Z][a-z]+\s*){1,3})?|"
    r"(?:[Ff]oreign|[Dd]efen[cs]e|[Ii]nterior)\s+[Mm]inistry|[Gg]overnment|[Aa]dministration|"
    r"[Aa]uthorities|[Ll]eadership|[Mm]ilitary|[Aa]rmy|[Aa]rmed\s+[Ff]orces|[Nn]avy|[Aa]ir\s+[Ff]orce|"
    r"[Ee]mbassy|[Cc]abinet|[Pp]residency|[Dd]elegation|[Ss]ide)\b(?!\s+[A-Z][a-z])"
)
# Titles before a name or standing for one ("Foreign Minister", "Russia's foreign minister").
_TITLE = (
    r"(?:[Dd]eputy\s+|[Vv]ice\s+|[Ff]ormer\s+|[Aa]cting\s+)?"
    r"(?:[Ff]oreign\s+[Mm]inister|[Ff]oreign\s+[Ss]ecretary|[Ss]ecretary\s+of\s+[Ss]tate|"
    r"[Pp]rime\s+[Mm]inister|[Pp]resident|[Dd]efen[cs]e\s+(?:[Mm]inister|[Ss]ecretary)|"
    r"[Ss]ecretary\s+of\s+[Dd]efen[cs]e|[Aa]mbassador(?:\s+to\s+the\s+[A-Z][\w.]*)?|[Ee]nvoy|"
    r"[Ss]pokes(?:man|woman|person)|[Cc]hancellor|[Pp]remier|[Kk]ing|[Ee]mir|[Ll]eader|"
    r"[Ss]ecretary[- ][Gg]eneral|(?:[A-Z][a-z]+\s+)?[Mm]inister|[Ss]enator|[Gg]eneral)"
)
_TITLE_AT_END = re.compile(rf"(?:\bthe\s+)?(?P<title>{_TITLE})\s+$")
_TITLE_START = re.compile(_TITLE)
_TITLE_AT_START = re.compile(rf"(?:'s|\u2019s)?\s+(?P<title>{_TITLE})\b")
_CANONICAL_TITLES = (
    ("foreign minister", ("foreign minister", "foreign secretary", "secretary of state")),
    ("prime minister", ("prime minister", "premier", "chancellor")),
    (
        "defense minister",
        (
            "defense minister",
            "defence minister",
            "defense secretary",
            "defence secretary",
            "secretary of defense",
            "secretary of defence",
        ),
    ),
    ("spokesperson", ("spokesman", "spokeswoman", "spokesperson")),
    ("ambassador", ("ambassador", "envoy")),
    ("secretary-general", ("secretary-general", "secretary general")),
    ("president", ("president", "king", "emir")),
)
_TITLE_ROLE_FALLBACK = {"president": "head_of_state", "prime minister": "head_of_government"}


def canonical_title(phrase: str) -> str | None:
    """Map a title phrase to a canonical title ("Secretary of State" -> "foreign minister")."""
    low = re.sub(r"\s+", " ", phrase.lower())
    if re.match(r"(deputy|vice|former|acting)\b", low):
        return None
    for canonical, variants in _CANONICAL_TITLES:
        if any(re.search(rf"\b{re.escape(v)}\b", low) for v in variants):
            return canonical
    return None


# ---------------------------------------------------------------- tokens
@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _gap(between: str) -> str | None:
    """Normalise the characters between two tokens of a name; None ends the name."""
    core = between.strip()
    if core in ("", "-"):
        return " " if between else ""
    if core in (".", "'", "\u2019"):
        return core.replace("\u2019", "'") + (" " if core != between else "")
    return None


def _phrase_key(alias: str) -> tuple[str, int] | None:
    toks = _tokens(alias)
    if not toks:
        return None
    parts = [toks[0].text]
    for prev, tok in itertools.pairwise(toks):
        gap = _gap(alias[prev.end : tok.start])
        if gap is None:
            return None
        parts.append(gap + tok.text)
    return "".join(parts), len(toks)


# ---------------------------------------------------------------- index
@dataclass
class ActorIndex:
    """A matcher over every alias of the catalogued actors; build once, reuse."""

    specs: dict[str, ActorSpec]
    phrases: dict[str, tuple[str, ...]]
    folded: dict[str, tuple[str, ...]]
    first_tokens: frozenset[str]
    folded_first: frozenset[str]
    max_tokens: int
    metonyms: frozenset[tuple[str, str]]
    demonyms: dict[str, str]
    titled: dict[tuple[str, str], tuple[str, ...]]
    rank: dict[str, int] = field(default_factory=dict)

    def spec(self, key: str) -> ActorSpec | None:
        return self.specs.get(key)


def _is_case_sensitive(alias: str, tokens: int) -> bool:
    # Short or single-word aliases ("US", "Will", "Chad") are ambiguous in lower case.
    return tokens < 2 or len(alias) < 10 or alias.isupper()


def _alias_via(spec: ActorSpec, alias: str) -> bool:
    """True when the alias is a metonym (capital, institution) rather than a name."""
    if spec.kind not in ("country", "organisation"):
        return False
    stem = spec.name[:4].lower()
    return not (
        alias.lower().startswith(stem)
        or alias.lower().removeprefix("the ").startswith(stem)
        or alias.isupper()
        or "." in alias
        or len(alias) <= 4
    )


def build_actor_index(actors: Iterable[ActorSpec], demonyms: dict[str, str] | None = None) -> ActorIndex:
    """Index every alias of `actors`; `demonyms` defaults to the packaged table."""
    if demonyms is None:
        from service.store.catalogue import load_default_demonyms

        demonyms = load_default_demonyms()
    specs: dict[str, ActorSpec] = {}
    phrases: dict[str, list[str]] = {}
    folded: dict[str, list[str]] = {}
    metonyms: set[tuple[str, str]] = set()
    titled: dict[tuple[str, str], list[str]] = {}
    max_tokens = 1
    for spec in actors:
        specs[spec.key] = spec
        names = set(spec.aliases) | {spec.name}
        for alias in names:
            found = _phrase_key(alias)
            if found is None:
                continue
            key, count = found
            max_tokens = max(max_tokens, count)
            bucket = phrases.setdefault(key, [])
            if spec.key not in bucket:
                bucket.append(spec.key)
            if not _is_case_sensitive(alias, count):
                fold = folded.setdefault(key.casefold(), [])
                if spec.key not in fold:
                    fold.append(spec.key)
            if _alias_via(spec, alias):
                metonyms.add((key, spec.key))
        if spec.kind == "person":
            for alias in spec.aliases:
                for name in names:
                    if alias != name and alias.endswith(" " + name):
                        title = canonical_title(alias[: -len(name)])
                        for aff in spec.affiliations:
                            if title and aff.role not in ("legislator", "other", "member"):
                                bucket = titled.setdefault((aff.actor_key, title), [])
                                if spec.key not in bucket:
                                    bucket.append(spec.key)
    rank = {key: _KIND_RANK[spec.kind] * 1000 - min(len(spec.aliases), 999) for key, spec in specs.items()}
    return ActorIndex(
        specs=specs,
        phrases={k: tuple(v) for k, v in phrases.items()},
        folded={k: tuple(v) for k, v in folded.items()},
        first_tokens=frozenset(k.split(" ")[0].split(".")[0].split("'")[0] for k in phrases),
        folded_first=frozenset(k.split(" ")[0].split(".")[0].split("'")[0] for k in folded),
        max_tokens=max_tokens,
        metonyms=frozenset(metonyms),
        demonyms=dict(demonyms),
        titled={k: tuple(v) for k, v in titled.items()},
        rank=rank,
    )


# ---------------------------------------------------------------- roll-up
def speaks_for(index: ActorIndex, actor_key: str, day: date | None) -> tuple[tuple[str, ...], bool]:
    """States/organisations a person speaks for on `day`, and whether they keep a record.

    Spokespersons count only as their state (False); legislators, members and
    the opposition speak for nobody but themselves.
    """
    spec = index.spec(actor_key)
    if spec is None or spec.kind != "person":
        return (), True
    owners: list[str] = []
    own_record = True
    for aff in spec.affiliations:
        if aff.role in SPEAKING_ROLES and aff.valid_on(day) and aff.actor_key != actor_key:
            if aff.actor_key not in owners:
                owners.append(aff.actor_key)
            if aff.role == "spokesperson":
                own_record = False
    return tuple(owners), own_record if owners else True


def speaks_for_in(
    findings: ActorFindings, index: ActorIndex, actor_key: str, day: date | None
) -> tuple[tuple[str, ...], bool]:
    """`speaks_for`, plus the organisations the article itself says the person speaks for."""
    owners, own_record = speaks_for(index, actor_key, day)
    local = [a for a in findings.affiliations if a.person_key == actor_key and a.org_key not in owners]
    if not local:
        return owners, own_record
    spokesperson = any(a.spokesperson for a in local)
    return (*owners, *(a.org_key for a in local)), own_record and not spokesperson


def _valid_on(spec: ActorSpec, day: date | None) -> bool:
    if spec.kind != "person" or not spec.affiliations:
        return True
    return any(a.valid_on(day) for a in spec.affiliations if a.role not in ("other",))


# ---------------------------------------------------------------- findings
@dataclass(frozen=True)
class ActorFindings:
    """Mentions, per-sentence stance holders and actors new to the catalogue."""

    mentions: tuple[Mention, ...]
    holders: tuple[Holder, ...]
    new_actors: tuple[NewActor, ...]
    # Persons the article says speak for an organisation ("CEO of the Refugee Council X").
    affiliations: tuple[TextAffiliation, ...] = ()


@dataclass
class _Hit:
    start: int
    end: int
    keys: tuple[str, ...]
    via: Via
    key: str = ""


def _lexical_hits(text: str, toks: list[_Tok], index: ActorIndex) -> list[_Hit]:
    hits: list[_Hit] = []
    i = 0
    while i < len(toks):
        first = toks[i].text
        exact_ok = first in index.first_tokens
        fold_ok = first.casefold() in index.folded_first
        if not exact_ok and not fold_ok:
            i += 1
            continue
        key = first
        best: tuple[int, tuple[str, ...], str] | None = None
        for j in range(i, min(len(toks), i + index.max_tokens)):
            if j > i:
                gap = _gap(text[toks[j - 1].end : toks[j].start])
                if gap is None:
                    break
                key += gap + toks[j].text
            found = index.phrases.get(key) if exact_ok else None
            if found is None and fold_ok:
                found = index.folded.get(key.casefold())
            if found:
                best = (j, found, key)
        if best is None:
            i += 1
            continue
        j, keys, key = best
        end = toks[j].end
        # "U.S." keeps its final period, which the token pattern leaves out.
        if end < len(text) and text[end] == "." and re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", key):
            end += 1
        via: Via = "metonym" if all((key, k) in index.metonyms for k in keys) else "alias"
        hits.append(_Hit(toks[i].start, end, keys, via))
        i = j + 1
    return hits


def _demonym_hits(text: str, index: ActorIndex, taken: list[tuple[int, int]]) -> list[_Hit]:
    """Demonym + state body ("Russian Foreign Ministry", "the Russian government")."""
    hits: list[_Hit] = []
    if not index.demonyms:
        return hits
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(d) for d in sorted(index.demonyms, key=len, reverse=True)) + r")\b"
    )
    for match in pattern.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        agent = _AGENT.match(text, match.end())
        if agent is None:
            continue
        hits.append(_Hit(match.start(), agent.end(), (index.demonyms[match.group(1)],), "metonym"))
    return hits


def _resolve(hits: list[_Hit], index: ActorIndex, day: date | None) -> None:
    """Choose one actor per hit: seen in the article, valid on the day, most prominent."""
    seen = {h.keys[0] for h in hits if len(h.keys) == 1}
    for hit in hits:
        if len(hit.keys) == 1:
            hit.key = hit.keys[0]
            continue

        def score(key: str) -> tuple[int, int, int]:
            spec = index.specs[key]
            return (0 if key in seen else 1, 0 if _valid_on(spec, day) else 1, index.rank.get(key, 0))

        hit.key = min(hit.keys, key=score)


def _with_article(text: str, hit: _Hit) -> int:
    before = text[max(0, hit.start - 4) : hit.start]
    return hit.start - 4 if before.lower() == "the " else hit.start


def _country_before(text: str, start: int, hits: list[_Hit], index: ActorIndex) -> _Hit | None:
    """A country mention or demonym right before `start` ("Russian", "U.S.", "Russia's")."""
    for hit in hits:
        gap = text[hit.end : start]
        if index.specs[hit.key].kind in ("country", "organisation") and re.fullmatch(
            r"(?:'s|\u2019s)?\s+", gap
        ):
            return hit
    return None


def _apply_titles(text: str, hits: list[_Hit], index: ActorIndex, day: date | None) -> list[_Hit]:
    """Fold titles into person mentions and resolve role-only references."""
    demonym_re = (
        re.compile(
            r"\b(" + "|".join(re.escape(d) for d in sorted(index.demonyms, key=len, reverse=True)) + r")\s+$"
        )
        if index.demonyms
        else None
    )
    hits.sort(key=lambda h: h.start)
    dropped: set[int] = set()
    for hit in hits:
        if index.specs[hit.key].kind != "person":
            continue
        before = text[max(0, hit.start - 80) : hit.start]
        title = _TITLE_AT_END.search(before)
        if title is not None:
            new_start = title_start = hit.start - len(before) + title.start("title")
            new_start = hit.start - len(before) + title.start()
        elif _TITLE_START.match(text, hit.start):
            # The alias carries the title itself ("Foreign Minister Sergei Lavrov").
            new_start = title_start = hit.start
        else:
            continue
        owner = _country_before(text, title_start, hits, index)
        if owner is not None:
            dropped.add(id(owner))
            new_start = _with_article(text, owner)
        elif demonym_re is not None:
            dem = demonym_re.search(text[max(0, new_start - 40) : new_start])
            if dem is not None:
                new_start = new_start - (len(text[max(0, new_start - 40) : new_start]) - dem.start())
        hit.start, hit.via = new_start, "title"
    kept = [h for h in hits if id(h) not in dropped]
    # Role-only: "Russia's foreign minister", "the Russian president" with no name after.
    for hit in list(kept):
        spec = index.specs[hit.key]
        if spec.kind != "country":
            continue
        role = _TITLE_AT_START.match(text, hit.end)
        if role is None or re.match(r"\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+", text[role.end() : role.end() + 40]):
            continue  # a name follows: a title, handled above or by NER
        person = _role_holder(index, hit.key, role.group("title"), day)
        if person is not None:
            kept.remove(hit)
            kept.append(_Hit(_with_article(text, hit), role.end(), (person,), "role", person))
        else:
            hit.end, hit.via = role.end(), "role"
    for hit in _demonym_roles(text, index, day, kept):
        kept.append(hit)
    kept.sort(key=lambda h: h.start)
    return kept


def _demonym_roles(text: str, index: ActorIndex, day: date | None, hits: list[_Hit]) -> list[_Hit]:
    if not index.demonyms:
        return []
    pattern = re.compile(
        r"\b("
        + "|".join(re.escape(d) for d in sorted(index.demonyms, key=len, reverse=True))
        + rf")\s+(?P<title>{_TITLE})\b(?!\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)"
    )
    out: list[_Hit] = []
    for match in pattern.finditer(text):
        if any(h.start < match.end() and match.start() < h.end for h in hits):
            continue
        country = index.demonyms[match.group(1)]
        person = _role_holder(index, country, match.group("title"), day)
        start = (
            match.start() - 4
            if text[max(0, match.start() - 4) : match.start()].lower() == "the "
            else match.start()
        )
        out.append(_Hit(start, match.end(), (person or country,), "role", person or country))
    return out


def _role_holder(index: ActorIndex, country: str, title: str, day: date | None) -> str | None:
    canonical = canonical_title(title)
    if canonical is None:
        return None
    candidates = [
        k
        for k in index.titled.get((country, canonical), ())
        if any(
            a.actor_key == country and a.valid_on(day) and a.role in SPEAKING_ROLES
            for a in index.specs[k].affiliations
        )
    ]
    role = _TITLE_ROLE_FALLBACK.get(canonical)
    if not candidates and role is not None:
        candidates = (
            [
                k
                for k, spec in index.specs.items()
                if spec.kind == "person"
                and any(
                    a.actor_key == country and a.role == role and a.valid_on(day) and a.valid_from
                    for a in spec.affiliations
                )
            ]
            if day is not None
            else []
        )
    if not candidates:
        return None

    def latest(key: str) -> date:
        starts = [
            a.valid_from
            for a in index.specs[key].affiliations
            if a.actor_key == country and a.valid_from and a.valid_on(day)
        ]
        return max(starts, default=date.min)

    return max(candidates, key=latest)


# ---------------------------------------------------------------- NER
_NER_KINDS: dict[str, ActorKind] = {"PERSON": "person", "ORG": "organisation", "GPE": "country"}
_HONORIFICS = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Gen|Rep|President|Minister)\.?\s+)+")


def _clean_entity(text: str) -> str:
    text = re.sub(r"(?:'s|\u2019s|')$", "", text.strip())
    text = re.sub(r"^[Tt]he\s+", "", text)
    return _HONORIFICS.sub("", text).strip(" .,")


def _ner_hits(
    text: str,
    doc: Any,
    sentences: Sequence[Sentence],
    index: ActorIndex,
    hits: list[_Hit],
    new: dict[str, NewActor],
) -> list[_Hit]:
    out: list[_Hit] = []
    taken = [(h.start, h.end) for h in hits]
    surnames = {
        index.specs[h.key].name.split()[-1]: h.key for h in hits if index.specs[h.key].kind == "person"
    }
    for ent in doc.ents:
        start, end = ent.start_char, ent.end_char
        start += trim_entity(ent.text)
        if any(s < end and start < e for s, e in taken) or is_junk_entity(text[start:end]):
            continue
        sentence = _sentence_at(sentences, start)
        if sentence is None or sentence.kind in ("byline", "caption", "boilerplate", "dateline"):
            continue  # journalists and photographers are not actors
        name = _clean_entity(text[start:end])
        if len(name) < 2:
            continue
        if ent.label_ == "NORP":
            singular = re.sub(r"s$", "", name)
            country = index.demonyms.get(singular)
            if country is not None and name.endswith("s"):
                out.append(_Hit(start, end, (country,), "ner", country))
            continue
        kind = _NER_KINDS.get(ent.label_)
        if kind is None:
            continue
        if name in surnames and ent.label_ in ("PERSON", "ORG"):
            # spaCy often tags a lone surname as ORG; the full name came earlier.
            out.append(_Hit(start, end, (surnames[name],), "alias", surnames[name]))
            continue
        known = index.phrases.get(name) or index.folded.get(name.casefold())
        if known:
            out.append(_Hit(start, end, known, "ner"))
            continue
        if kind == "person" and " " not in name:
            continue  # a lone surname: resolved later against full names
        if kind == "country" and not speech.is_subject(doc, start, end):
            continue  # an unknown place that does nothing is not an actor
        key = "ner:" + " ".join(re.findall(r"\w+", name.lower()))
        new.setdefault(key, NewActor(key=key, name=name, kind=kind))
        out.append(_Hit(start, end, (key,), "ner", key))
        if kind == "person":
            surnames.setdefault(name.split()[-1], key)
    return out


def _surname_hits(text: str, hits: list[_Hit], index: ActorIndex, new: dict[str, NewActor]) -> list[_Hit]:
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
    out: list[_Hit] = []
    if not surnames:
        return out
    taken = [(h.start, h.end) for h in hits]
    pattern = re.compile(r"\b(" + "|".join(re.escape(s) for s in surnames) + r")\b")
    for match in pattern.finditer(text):
        key, first = surnames[match.group(1)]
        if match.start() <= first or any(s < match.end() and match.start() < e for s, e in taken):
            continue
        out.append(_Hit(match.start(), match.end(), (key,), "alias", key))
    return out


# ---------------------------------------------------------------- holders
def _sentence_at(sentences: Sequence[Sentence], offset: int) -> Sentence | None:
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        sent = sentences[mid]
        if offset < sent.start:
            hi = mid - 1
        elif offset >= sent.end:
            lo = mid + 1
        else:
            return sent
    return None


def _speaker_resolver(
    mentions: Sequence[Mention], index: ActorIndex, new: dict[str, NewActor]
) -> Callable[[Turn], str | None]:
    """Turn -> the speaker's actor key: the mention in the turn's prefix, a mention with the
    same name elsewhere, a catalogued name, or a new NER person (cached per name)."""
    known: dict[str, str] = {}

    def resolve(turn: Turn) -> str | None:
        if turn.speaker in known:
            return known[turn.speaker]
        key = None
        if turn.prefix is not None:
            start, end = turn.prefix
            inside = [m for m in mentions if start <= m.start and m.end <= end]
            key = inside[0].actor_key if inside else None
        if key is None:
            same = [m for m in mentions if m.surface == turn.speaker and m.via != "pronoun"]
            found = index.phrases.get(turn.speaker) or index.folded.get(turn.speaker.casefold())
            key = same[0].actor_key if same else (found[0] if found else None)
        if key is None and " " in turn.speaker:
            key = "ner:" + " ".join(re.findall(r"\w+", turn.speaker.lower()))
            new.setdefault(key, NewActor(key=key, name=turn.speaker, kind="person"))
        if key is not None:
            known[turn.speaker] = key
        return key

    return resolve


def _is_outlet(key: str, index: ActorIndex, new: dict[str, NewActor]) -> bool:
    spec = index.specs.get(key)
    if spec is not None:
        return spec.kind == "organisation" and is_news_outlet(spec.name)
    return key in new and new[key].kind != "person" and is_news_outlet(new[key].name)


def _kind_of(key: str, index: ActorIndex, new: dict[str, NewActor]) -> str:
    spec = index.specs.get(key)
    if spec is not None:
        return spec.kind
    return new[key].kind if key in new else "person"


def find_holders(
    text: str,
    sentences: Sequence[Sentence],
    doc: Any | None,
    index: ActorIndex,
    published: date | None,
) -> ActorFindings:
    """Mentions of actors, the stance holders of each sentence and new NER actors.

    `doc` is spaCy's parse of the whole `text` (or None: surface rules only).
    Holders favour recall; the classifier drops holders without a stance.
    """
    toks = _tokens(text)
    hits = _lexical_hits(text, toks, index)
    hits += _demonym_hits(text, index, [(h.start, h.end) for h in hits])
    _resolve(hits, index, published)
    for hit in hits:
        # "Russia's Foreign Ministry", "the U.S. Embassy": the state's own body.
        agent = _AGENT.match(text, hit.end) if index.specs[hit.key].kind == "country" else None
        if agent is not None:
            hit.end, hit.via = agent.end(), "metonym"
    hits = _apply_titles(text, hits, index, published)
    new: dict[str, NewActor] = {}
    if doc is not None:
        ner = _ner_hits(text, doc, sentences, index, hits, new)
        _resolve(ner, index, published)
        hits += ner
    hits += _surname_hits(text, hits, index, new)
    hits.sort(key=lambda h: h.start)
    for hit in hits:
        if hit.via in ("metonym", "role") and index.specs.get(hit.key, None) is not None:
            hit.start = _with_article(text, hit) if index.specs[hit.key].kind != "person" else hit.start

    mentions: list[Mention] = []
    by_sentence: dict[int, list[Mention]] = {}
    for hit in hits:
        sentence = _sentence_at(sentences, hit.start)
        if sentence is None:
            continue
        mention = Mention(hit.key, hit.start, hit.end, sentence.index, text[hit.start : hit.end], hit.via)
        mentions.append(mention)
        by_sentence.setdefault(sentence.index, []).append(mention)

    holders = _holders(text, sentences, doc, index, new, by_sentence, mentions)
    turns = interview_turns(text, sentences)
    if turns:
        holders = apply_turns(holders, turns, sentences, _speaker_resolver(mentions, index, new))
    used = {m.actor_key for m in mentions} | {h.actor_key for h in holders}
    return ActorFindings(
        mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.end))),
        holders=tuple(holders),
        new_actors=tuple(a for k, a in new.items() if k in used),
        affiliations=tuple(text_affiliations(text, mentions, lambda key: _kind_of(key, index, new))),
    )


@dataclass
class _Speaker:
    key: str
    surface: str


def _holders(
    text: str,
    sentences: Sequence[Sentence],
    doc: Any | None,
    index: ActorIndex,
    new: dict[str, NewActor],
    by_sentence: dict[int, list[Mention]],
    mentions: list[Mention],
) -> list[Holder]:
    quotes = speech.quote_spans(text)
    out: dict[tuple[int, str], Holder] = {}
    last_quote_speaker: dict[int, _Speaker] = {}  # paragraph -> speaker of its last quote

    def add(holder: Holder) -> None:
        if _is_outlet(holder.actor_key, index, new) and not states_editorial_position(
            sentences[holder.sentence_index].text
        ):
            return  # a news outlet cited as a source holds no stance
        slot = (holder.sentence_index, holder.actor_key)
        old = out.get(slot)
        if old is None:
            out[slot] = holder
            return
        # Keep the strongest reading: a quote, then the actor's own words, then a report.
        out[slot] = Holder(
            holder.actor_key,
            holder.sentence_index,
            old.mention,
            is_quote=old.is_quote or holder.is_quote,
            reporter_key=old.reporter_key if holder.reporter_key and old.reporter_key else None,
        )

    def is_person(key: str) -> bool:
        return _kind_of(key, index, new) == "person"

    for sentence in sentences:
        own = list(by_sentence.get(sentence.index, []))
        # "he"/"she" resolved to the most recent salient person.
        for start, end in speech.pronoun_offsets(sentence, doc):
            antecedent = _antecedent(start, sentences, sentence, own, by_sentence, doc, is_person)
            if antecedent is not None:
                pron = Mention(antecedent, start, end, sentence.index, text[start:end], "pronoun")
                mentions.append(pron)
                own.append(pron)
        own.sort(key=lambda m: m.start)
        by_sentence[sentence.index] = own
        if sentence.kind in SILENT_KINDS:
            continue
        acts = speech.speech_acts(sentence, doc, quotes)
        sentence_quotes = [q for q in quotes if q.start < sentence.end and sentence.start < q.end]
        speakers: list[tuple[speech.SpeechAct, Mention]] = []
        for act in acts:
            subject = act.subject
            if subject is None:
                continue
            inside = [m for m in own if subject.contains(m.start, m.end)]
            if inside:
                # The subject phrase's head is its last actor ("U.S. Secretary of State John Kerry").
                speakers.append((act, max(inside, key=lambda m: (is_person(m.actor_key), m.end))))
        for mention in own:
            if speech.is_locative(doc, mention.start, mention.end) and not is_person(mention.actor_key):
                continue
            if not speech.is_agent(doc, mention.start, mention.end):
                continue
            reporter = None
            narrowest = len(text) + 1
            for act, reporting in speakers:
                if reporting.actor_key == mention.actor_key or act.subject is None:
                    continue
                if act.subject.contains(mention.start, mention.end):
                    continue
                for span in act.reported:
                    # Nested reports: the innermost speaker is the one reporting.
                    if span.contains(mention.start, mention.end) and span.end - span.start < narrowest:
                        reporter, narrowest = reporting.actor_key, span.end - span.start
            add(Holder(mention.actor_key, sentence.index, _surface(mention, own), False, reporter))
        # Direct quotes: the speaker holds the quoted words.
        if sentence_quotes and speech.quoted_share(sentence, sentence_quotes) > 0.2:
            speaker_m = speakers[0][1] if speakers else None
            speaker: _Speaker | None = (
                _Speaker(speaker_m.actor_key, _surface(speaker_m, own)) if speaker_m else None
            )
            if speaker is None:
                speaker = last_quote_speaker.get(sentence.paragraph)
                if speaker is not None:
                    names = [m for m in own if m.actor_key == speaker.key]
                    speaker = _Speaker(speaker.key, _surface(names[0], own) if names else speaker.surface)
            if speaker is None:
                speaker = _neighbour_speaker(sentence, sentences, by_sentence, doc, quotes, is_person)
            if speaker is not None:
                add(Holder(speaker.key, sentence.index, speaker.surface, True, None))
                last_quote_speaker[sentence.paragraph] = speaker
    return sorted(out.values(), key=lambda h: (h.sentence_index, h.actor_key))


def _surface(mention: Mention, own: Sequence[Mention]) -> str:
    """The actor's name in this sentence if it appears there, else the mention itself."""
    for other in own:
        if other.actor_key == mention.actor_key and other.via != "pronoun":
            return other.surface
    return mention.surface


def _antecedent(
    offset: int,
    sentences: Sequence[Sentence],
    sentence: Sentence,
    own: Sequence[Mention],
    by_sentence: dict[int, list[Mention]],
    doc: Any | None,
    is_person: Any,
) -> str | None:
    """The person a "he"/"she" at `offset` most likely refers to."""
    earlier = [m for m in own if m.end <= offset and m.via != "pronoun" and is_person(m.actor_key)]
    if earlier:
        subjects = [m for m in earlier if speech.is_subject(doc, m.start, m.end)]
        return (subjects or earlier)[-1].actor_key
    for back in range(sentence.index - 1, max(-1, sentence.index - 4), -1):
        if back < 0 or back >= len(sentences) or sentences[back].kind in SILENT_KINDS:
            continue
        people = [m for m in by_sentence.get(back, []) if is_person(m.actor_key)]
        if not people:
            continue
        subjects = [m for m in people if speech.is_subject(doc, m.start, m.end)]
        # A sentence's subject is its most salient person; without a parse, its first.
        return (subjects or people)[0].actor_key
    return None


def _neighbour_speaker(
    sentence: Sentence,
    sentences: Sequence[Sentence],
    by_sentence: dict[int, list[Mention]],
    doc: Any | None,
    quotes: Sequence[speech.Span],
    is_person: Any,
) -> _Speaker | None:
    """A quote's speaker named in the previous or next sentence of the paragraph."""
    for other_index in (sentence.index - 1, sentence.index + 1):
        if not 0 <= other_index < len(sentences):
            continue
        other = sentences[other_index]
        if other.paragraph != sentence.paragraph:
            continue
        for act in speech.speech_acts(other, doc, quotes):
            if act.subject is None:
                continue
            for mention in by_sentence.get(other_index, []):
                if act.subject.contains(mention.start, mention.end) and is_person(mention.actor_key):
                    return _Speaker(mention.actor_key, mention.surface)
    return None
