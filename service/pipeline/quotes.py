"""Quotations in an article: their spans, whether one goes on in the next paragraph
("... at risk.\n\n"No one's right ..."), and how much of a sentence they cover. Pure
helpers on character offsets, used by service.pipeline.speech and the holder finder."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from service.pipeline.types import Sentence

_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“"}
_OPENERS = frozenset({*_QUOTE_PAIRS, '"'})
_CLOSERS = frozenset({*_QUOTE_PAIRS.values(), '"'})
# A quotation of fewer words is a scare quote ("certain" individuals), not speech.
MIN_QUOTE_WORDS = 3


@dataclass(frozen=True)
class Span:
    """A half-open character span of the article text."""

    start: int
    end: int

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def quote_spans(text: str) -> list[Span]:
    """Spans of quoted speech (the quotation marks included), any quote style."""
    spans: list[Span] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char not in _OPENERS:
            i += 1
            continue
        closer = _QUOTE_PAIRS.get(char, char)
        end = text.find(closer, i + 1)
        # A quote never runs past a paragraph break unless the next paragraph reopens it.
        para = text.find("\n\n", i + 1)
        if end == -1 or (para != -1 and para < end):
            if para != -1 and reopens_quote(text, para) and _words(text[i + 1 : para]) >= MIN_QUOTE_WORDS:
                # A quotation that goes on in the next paragraph is left open at this
                # paragraph's end, by the news convention: its span ends there, unclosed.
                spans.append(Span(i, para))
                i = para
                continue
            i += 1
            continue
        if _words(text[i + 1 : end]) >= MIN_QUOTE_WORDS:
            spans.append(Span(i, end + 1))
        i = end + 1
    return spans


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def reopens_quote(text: str, paragraph_break: int) -> bool:
    """Whether the paragraph after the break at `paragraph_break` opens with a quotation mark."""
    rest = text[paragraph_break : paragraph_break + 20].lstrip()
    return rest[:1] in _OPENERS


def introduces_next_paragraph(text: str, sentence: Sentence) -> bool:
    """Whether the sentence ends its paragraph with a colon and the next paragraph opens
    with a quotation: 'X has called the ruling "dangerous":' followed by X's words."""
    if not sentence.text.rstrip().endswith(":"):
        return False
    gap = re.match(r"[ \t]*\n[ \t]*\n", text[sentence.end : sentence.end + 16])
    return gap is not None and reopens_quote(text, sentence.end + gap.end())


def is_open(text: str, span: Span) -> bool:
    """A quote left open at its paragraph's end (`quote_spans`): it goes on in the next one."""
    return text[span.end - 1] not in _CLOSERS


def in_any(spans: Sequence[Span], start: int, end: int) -> bool:
    return any(span.contains(start, end) for span in spans)


def quoted_share(sentence: Sentence, spans: Sequence[Span]) -> float:
    """How much of the sentence lies inside quotation marks (0..1)."""
    inside = 0
    for span in spans:
        lo, hi = max(span.start, sentence.start), min(span.end, sentence.end)
        inside += max(0, hi - lo)
    return inside / max(1, sentence.end - sentence.start)
