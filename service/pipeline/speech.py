"""Who speaks in a sentence: speech verbs, their subjects and pronouns (quotations: quotes.py).

Pure helpers used by `service.pipeline.actors.findings.find_holders`. They work on
character offsets into the article text and, when a spaCy parse is given,
use its dependency tree; without one they fall back to surface patterns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from service.pipeline.holder_rules import NO_LONGER_WORDS
from service.pipeline.quotes import Span, in_any
from service.pipeline.speech_lexicon import (
    AGENT_NOUNS,
    BODY_NOUNS,
    PASSIVE_HOLDER_VERBS,
    SPEAKS_FOR_NOUNS,
    STANCE_NOUNS,
)
from service.pipeline.types import Sentence

# Verbs that introduce an actor's words or position ("said", "told", "warned").
SPEECH_LEMMAS = frozenset(
    """say tell add stress state declare announce insist warn reply ask note argue claim
    write tweet urge suggest explain acknowledge admit affirm assert comment confirm deny
    emphasise emphasize repeat reiterate respond report accuse complain
    vow pledge promise predict""".split()
)
# Verbs whose subject takes a position on their object ("welcomed the vote",
# "called the ruling dangerous", "described the judgement as historic").
STANCE_VERB_LEMMAS = frozenset(
    """welcome criticise criticize praise condemn back oppose support reject call describe
    defend attack slam hail applaud endorse object protest vote abstain challenge demand
    propose approve veto dismiss blast denounce favour favor resist question doubt""".split()
)
_SPEAKING_LEMMAS = SPEECH_LEMMAS | STANCE_VERB_LEMMAS
# Surface forms for the parse-free fallback.
_SPEECH_FORMS = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|stressed|stresses|stated|states|declared|announced|"
    r"insisted|warned|warns|replied|asked|noted|argued|claimed|wrote|urged|explained|"
    r"acknowledged|admitted|confirmed|denied|emphasi[sz]ed|repeated|reiterated|responded|"
    r"accused|complained|vowed|pledged|promised|saying)\b"
)
SUBJECT_PRONOUNS = frozenset({"he", "she"})
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")


@dataclass(frozen=True)
class SpeechAct:
    """A speech verb with its subject span and the span it reports."""

    verb_start: int
    verb_end: int
    subject: Span | None
    reported: tuple[Span, ...]


def speech_acts(sentence: Sentence, doc: Any | None, quotes: Sequence[Span]) -> list[SpeechAct]:
    """Speech verbs of a sentence outside quotation marks, with subject and content."""
    if doc is not None:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is not None:
            return _parsed_acts(span, quotes)
    return _surface_acts(sentence, quotes)


def _subject_of(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    # "he turned to Kerry and said": the subject sits on the first conjunct;
    # "saying Moscow ...": the participle's subject is its head's subject.
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
        return _subject_of(verb.head)
    return None


def _parsed_acts(span: Any, quotes: Sequence[Span]) -> list[SpeechAct]:
    acts: list[SpeechAct] = []
    for token in span:
        if token.lemma_.lower() not in SPEECH_LEMMAS or token.pos_ not in ("VERB", "AUX"):
            continue
        if in_any(quotes, token.idx, token.idx + len(token)):
            continue
        subject = _subject_of(token)
        subject_span = None
        if subject is not None:
            # The whole subject phrase ("U.S. Secretary of State John Kerry").
            left = min(t.idx for t in subject.subtree)
            right = max(t.idx + len(t) for t in subject.subtree)
            subject_span = Span(left, right)
        reported = []
        for child in token.children:
            if child.dep_ in ("ccomp", "xcomp", "dobj", "parataxis", "advcl") and child is not subject:
                left = min(t.idx for t in child.subtree)
                right = max(t.idx + len(t) for t in child.subtree)
                reported.append(Span(left, right))
        # "'...,' he said" parses the quote as the verb's ccomp or parataxis; quotes
        # in the same sentence are reported by the speaker whatever the parse.
        acts.append(SpeechAct(token.idx, token.idx + len(token), subject_span, tuple(reported)))
    return acts


def _surface_acts(sentence: Sentence, quotes: Sequence[Span]) -> list[SpeechAct]:
    acts: list[SpeechAct] = []
    for match in _SPEECH_FORMS.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if in_any(quotes, start, end):
            continue
        before = sentence.text[: match.start()].rstrip()
        # The subject is the phrase just before the verb, back to a comma or quote.
        cut = max(before.rfind(","), before.rfind("”"), before.rfind('"'), before.rfind(";"))
        subject = Span(sentence.start + cut + 1, sentence.start + len(before)) if before else None
        reported = Span(end, sentence.end)
        acts.append(SpeechAct(start, end, subject, (reported,)))
    return acts


def pronoun_offsets(sentence: Sentence, doc: Any | None) -> list[tuple[int, int]]:
    """Offsets of the subject pronouns "he"/"she" in a sentence."""
    if doc is not None:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is not None:
            return [(t.idx, t.idx + len(t)) for t in span if t.lower_ in SUBJECT_PRONOUNS]
    return [(sentence.start + m.start(), sentence.start + m.end()) for m in _PRONOUN.finditer(sentence.text)]


def body_pronoun_offsets(sentence: Sentence, doc: Any | None) -> list[tuple[int, int]]:
    """Offsets of "it"/"they" as the subject of a speech or stance verb ("It said in a
    statement ...", "They call for urgent ..."): a body's voice. Needs a parse."""
    span = _parsed_span(doc, sentence.start, sentence.end)
    if span is None:
        return []
    return [
        (t.idx, t.idx + len(t))
        for t in span
        if t.lower_ in ("it", "they") and t.dep_ == "nsubj" and t.head.lemma_.lower() in _SPEAKING_LEMMAS
    ]


def _parsed_span(doc: Any | None, start: int, end: int) -> Any | None:
    """The parsed tokens of the phrase at these offsets, None without a parse."""
    return None if doc is None else doc.char_span(start, end, alignment_mode="expand")


def _parsed_root(doc: Any | None, start: int, end: int) -> Any | None:
    """The syntactic head of the phrase at these offsets, None without a parse."""
    span = _parsed_span(doc, start, end)
    return None if span is None else span.root


# Links within a noun phrase that lead from a name to the phrase's head
# ("U.S. Secretary of State John Kerry", "Russia and China", "Kerry, the envoy").
_PHRASE_LINKS = frozenset({"compound", "appos", "conj", "preconj", "cc"})


def _phrase_head(token: Any, through: frozenset[str] = _PHRASE_LINKS) -> Any:
    """The head of the noun phrase `token` sits in, climbing only `through` these links."""
    while token.dep_ in through and token.head is not token:
        token = token.head
    return token


def speaks_as_subject(doc: Any | None, start: int, end: int) -> bool:
    """Whether the phrase at these offsets is the subject of a speech or stance verb
    ("X said", "X welcomed the vote", "X called the ruling dangerous"); through its
    modifiers too ("the DGB trade union confederation welcomed")."""
    token = _parsed_root(doc, start, end)
    if token is None:
        return False
    head = _phrase_head(token, _PHRASE_LINKS | {"amod", "nmod"})
    while (speaker := _speaks_for_head(head)) is not None:
        head = _phrase_head(speaker, _PHRASE_LINKS | {"amod", "nmod"})
    if head.dep_ not in ("nsubj", "csubj"):
        return False
    verbs = [head.head, *(c for c in head.head.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return any(v.lemma_.lower() in _SPEAKING_LEMMAS for v in verbs)


def is_subject(doc: Any | None, start: int, end: int) -> bool | None:
    """Whether the phrase at these offsets is a grammatical subject (None: no parse);
    a possessor ("Russia's plan") is not."""
    token = _parsed_root(doc, start, end)
    if token is None:
        return None
    return _phrase_head(token).dep_ in ("nsubj", "nsubjpass", "csubj", "agent")


_OBLIGATION = frozenset({"must", "should", "ought"})


def is_obliged(doc: Any | None, start: int, end: int) -> bool:
    """Whether the phrase at these offsets is the subject of what someone must or should
    do ("[Stockholm] must also lift the restrictions"): in another's report, a demand
    on it, not its position. False without a parse."""
    token = _parsed_root(doc, start, end)
    if token is None:
        return False
    head = _phrase_head(token)
    return head.dep_ in ("nsubj", "nsubjpass") and any(
        child.dep_ == "aux" and child.lower_ in _OBLIGATION for child in head.head.children
    )


LOCATIVE_PREPS = frozenset(
    {"in", "at", "into", "near", "across", "around", "inside", "throughout", "outside"}
)


def is_locative(doc: Any | None, start: int, end: int) -> bool:
    """True for a place named after a locative preposition ("talks in Moscow")."""
    root = _parsed_root(doc, start, end)
    return root is not None and root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})


def is_agent(doc: Any | None, start: int, end: int) -> bool:
    """Whether the phrase at these offsets can hold the position its clause
    states: a subject (also through "and", appositions and titles), the
    antecedent of a relative clause ("Russia's Foreign Ministry, which
    condemned ..."), the agent of a passive ("by Moscow"), or the possessor
    of a stance noun ("Russia's support", "U.S. plans"). Objects, places and
    bystanders ("ousting Assad", "talks with Netanyahu", "Kerry's visit")
    are not. Without a parse every mention may hold one."""
    span = _parsed_span(doc, start, end)
    if span is None:
        return True
    root = span.root
    if _agent_by_parse(root):
        return True
    if root.dep_ == "nsubjpass":
        return False  # a passive's subject the parse saw: the surface fallback does not apply
    # The surface fallback is for phrases the parser hung off a preposition or
    # another noun phrase; a modifier ("a key U.S. ally") stays a modifier.
    return root.dep_ not in ("compound", "poss", "amod", "nmod", "dobj") and _before_its_verb(doc, span.end)


DASHES = frozenset({"\u2014", "\u2013", "-", "--"})
NOUN_PHRASE_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "CCONJ", "NUM"})


def _before_its_verb(doc: Any, after: int) -> bool:
    """Surface fallback for misparses ("the U.S. and Russia have agreed" read
    as objects of "over"): the phrase is followed, across a coordination or
    an aside between dashes, by a verb, with no preposition or comma between."""
    for token in doc[after : after + 10]:
        if token.pos_ in ("VERB", "AUX"):
            return True
        if token.pos_ not in NOUN_PHRASE_POS and token.text not in DASHES:
            return False
        if token.pos_ == "CCONJ" and token.i + 1 < len(doc) and doc[token.i + 1].pos_ in ("VERB", "AUX"):
            return False  # "take the dispute to the WTO and slap duties": two verbs joined
    return False


PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})  # NORP ("Democrats who") can be people


def _acts_in_relative_clause(token: Any) -> bool:
    """Whether a relative clause on `token` makes it act ("Russia, which opposes
    the plan"). Not when the clause is passive ("Iran, which are covered [by
    the ban]"), its "who" cannot be a place ("hopefuls from Syria and Yemen
    who applied": the parser hangs the clause on the nearest noun), or it says
    where or when ("India, where homeopathy is common")."""
    for clause in token.children:
        if clause.dep_ != "relcl":
            continue
        if any(c.lower_ in ("where", "when", "whereby") for c in clause.children):
            continue  # "India, where homeopathy is in common use": a place or a time, no agent
        relative = [c for c in clause.children if c.lower_ in ("who", "which", "that", "whom")]
        if not relative:
            return True
        pronoun = relative[0]
        if pronoun.dep_ == "nsubjpass":
            continue
        if pronoun.lower_ in ("who", "whom") and token.ent_type_ in PLACE_ENTITIES:
            continue
        if pronoun.dep_ == "nsubj":
            return True
    return False


def _agent_by_parse(token: Any) -> bool:
    while True:
        if _acts_in_relative_clause(token):
            return True
        if token.dep_ == "nsubjpass" and token.head.lemma_.lower() not in PASSIVE_HOLDER_VERBS:
            return False  # "Syria is covered by the ban", "Mohamed was arrested": patients
        if token.dep_ in SUBJECT_DEPS:
            return True
        if token.dep_ == "pobj" and token.head.lower_ == "by":
            return True
        if (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.lemma_.lower() in STANCE_NOUNS
        ):
            return True  # "the resistance of the Catholic Church"
        if token.dep_ == "pobj" and _speaks_for_head(token) is not None:
            token = token.head.head  # "the chief executive of [Nucor] said"
            continue
        head = token.head.lemma_.lower()
        if token.dep_ in ("poss", "compound", "nmod", "amod") and head in STANCE_NOUNS:
            return True
        if token.dep_ in ("compound", "nmod", "amod", "poss"):
            # "U.S. officials said" and "Mexico's economy ministry said" speak for
            # the state; "a key U.S. ally", "UN sanctions" or "Kerry's visit" only name it.
            if head not in AGENT_NOUNS and head not in BODY_NOUNS:
                return False
            if any(c.lower_ in NO_LONGER_WORDS for c in token.head.children):
                return False  # "a former U.S. official said": no longer speaks for the state
        elif token.dep_ not in ("appos", "conj", "preconj", "cc"):
            return False
        if token.head is token:
            return False
        token = token.head


def _speaks_for_head(token: Any) -> Any | None:
    """The person or office speaking for `token` ("the chief executive of [Nucor]",
    "[Mexico]'s economy ministry"), None when there is none."""
    if token.dep_ == "pobj" and token.head.lower_ in ("of", "for"):
        person = token.head.head
        if person.lemma_.lower() in SPEAKS_FOR_NOUNS and person.dep_ in (*SUBJECT_DEPS, "appos"):
            return person
    if token.dep_ == "poss" and token.head.lemma_.lower() in AGENT_NOUNS:
        return token.head
    return None
