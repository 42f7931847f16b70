"""Interview turns: who is speaking in each paragraph of an interview transcript.

Interviews (Wikinews, press Q&As, hearing transcripts) are written as turns,
"Robert Sarvis: I am the only candidate ...", "Q: What ...?", "((Wikinews)) Why ...?". An answer is
its speaker's own position even where no name or "said" appears in the
sentence, and the interviewer's questions hold no stance (a question that
names an actor says nothing of that actor's position). A text counts as an
interview when at least two different speakers take turns at least three
times in all; the interviewer is the speaker (or "Q") most of whose turns ask
a question; between two speakers where neither does, the one who opens the
interview, when they ask no less often than the other.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from service.pipeline.types import Holder, Sentence

_NAME = r"[A-Z][\w.'\u2019-]*"
_TURN = re.compile(rf"^\s*(?P<name>(?:{_NAME}\s+){{0,3}}{_NAME})\s*:\s+(?=\S)")
# Wikinews' own questions as the site renders its template: "((Wikinews)) How did ...?".
_SITE_ASKS = re.compile(r"^\s*\(\((?P<name>Wikinews|WN)\)\)\s*(?=\S)")
_NOT_SPEAKERS = frozenset(
    "note update source sources editor's note correction photo image warning disclaimer summary "
    "background example answer question transcript".split()
)
_ASKERS = frozenset({"q", "question", "interviewer", "wikinews", "wn", "moderator", "host"})
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|we|We|my|My|our|Our|us|me)\b")


@dataclass(frozen=True)
class Turn:
    """The speaker of one sentence in an interview: their name, where it is written
    (the turn prefix, or None on later sentences of the turn) and whether they ask."""

    speaker: str
    prefix: tuple[int, int] | None
    interviewer: bool


def interview_turns(text: str, sentences: Sequence[Sentence]) -> dict[int, Turn]:
    """Sentence index -> its turn, for texts written as interview turns (else {})."""
    first: dict[int, Sentence] = {}
    last: dict[int, Sentence] = {}
    for sentence in sentences:
        first.setdefault(sentence.paragraph, sentence)
        last[sentence.paragraph] = sentence
    starts: dict[int, tuple[str, int, int]] = {}  # paragraph -> (name, prefix start, prefix end)
    for paragraph, sentence in first.items():
        if sentence.kind not in ("body", "headline"):
            continue
        match = _TURN.match(sentence.text) or _SITE_ASKS.match(sentence.text)
        if match is None or match.group("name").casefold() in _NOT_SPEAKERS:
            continue
        name = match.group("name")
        starts[paragraph] = (
            name,
            sentence.start + match.start("name"),
            sentence.start + match.end("name"),
        )
    names = Counter(name for name, _, _ in starts.values())
    if len(names) < 2 or sum(names.values()) < 3:
        return {}
    asks: Counter[str] = Counter()
    for paragraph, (name, _, _) in starts.items():
        # A turn asks when it has a question in it: interviewers often end on a remark
        # ("... I know you're speaking at the counter-conference.").
        asks[name] += "?" in text[first[paragraph].start : last[paragraph].end]
    interviewers = {n for n in names if n.casefold() in _ASKERS or asks[n] * 2 > names[n]}
    if not interviewers and len(names) == 2:
        # Two speakers, neither mostly asking: the one who opens asks, if no less often.
        opener = starts[min(starts)][0]
        other = next(n for n in names if n != opener)
        if asks[opener] * names[other] >= asks[other] * names[opener] and asks[opener]:
            interviewers = {opener}
    turns: dict[int, Turn] = {}
    current: tuple[str, int, int] | None = None
    for sentence in sentences:
        if sentence.paragraph in starts:
            opening = starts[sentence.paragraph]
            if current is None or opening != current:
                current = opening
                turns[sentence.index] = Turn(current[0], (current[1], current[2]), current[0] in interviewers)
                continue
        if current is not None and sentence.kind in ("body", "headline"):
            turns[sentence.index] = Turn(current[0], None, current[0] in interviewers)
    return turns


def first_person(sentence: str) -> str | None:
    """The first first-person word of the sentence ("I", "we", "our"), the speaker's mention."""
    found = _FIRST_PERSON.search(sentence)
    return found.group(0) if found else None


def apply_turns(
    holders: Sequence[Holder],
    turns: dict[int, Turn],
    sentences: Sequence[Sentence],
    speaker_key: Callable[[Turn], str | None],
) -> list[Holder]:
    """Holders with the interview applied: no holder in the interviewer's sentences,
    the speaker as a holder (their own words, like a quote) of every sentence of an
    answer, except a sentence that reports someone else speaking without an "I" or
    "we" of the speaker's ("Obama's adviser James Jones is on record favouring ..."):
    that position is the other's."""
    out = [h for h in holders if not (h.sentence_index in turns and turns[h.sentence_index].interviewer)]
    present = {(h.sentence_index, h.actor_key) for h in out}
    speaking = {h.sentence_index for h in out if h.speaks}
    for index, turn in sorted(turns.items()):
        if turn.interviewer:
            continue
        key = speaker_key(turn)
        if key is None or (index, key) in present:
            continue
        own_word = first_person(sentences[index].text)
        if index in speaking and turn.prefix is None and own_word is None:
            continue
        mention = turn.speaker if turn.prefix is not None else own_word or ""
        out.append(Holder(key, index, mention, is_quote=True))
    return sorted(out, key=lambda h: (h.sentence_index, h.actor_key))
