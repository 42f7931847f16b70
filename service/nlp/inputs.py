"""The one place that turns (actor, issue, evidence) into classifier text.

Training (`stance-tracker train`) and inference both call `build_pair`, so
the model always sees the same format it was trained on.
"""

from __future__ import annotations

import re

MARK_OPEN = "["
MARK_CLOSE = "]"
MAX_CONTEXT_CHARS = 400
MAX_FRAMING_CHARS = 220
_FRAMING = re.compile(r"\bsupport\s*(?:=|:|means)", re.IGNORECASE)


def _find_word(sentence: str, mention: str) -> int:
    """Offset of the first whole-word occurrence ("he" never inside "the"),
    case-sensitive first, then case-insensitive; -1 when absent."""
    pattern = r"(?<!\w)" + re.escape(mention) + r"(?!\w)"
    for flags in (0, re.IGNORECASE):
        found = re.search(pattern, sentence, flags)
        if found:
            return found.start()
    return -1


def mark_mention(sentence: str, mention: str | None) -> str:
    """Wrap the first whole-word occurrence of the holder's mention in brackets."""
    if not mention:
        return sentence
    at = _find_word(sentence, mention)
    if at < 0:
        return sentence
    end = at + len(mention)
    return f"{sentence[:at]}{MARK_OPEN}{sentence[at:end]}{MARK_CLOSE}{sentence[end:]}"


def attributed(sentence: str, speaker: str) -> str:
    """A quotation whose speaker the sentence does not name (a quote continued from an
    earlier sentence or paragraph) with the attribution made explicit, as news text
    writes it: 'Boswell said: "No one's right to refuge should be jeopardised ..."'.
    Unchanged when the sentence names the speaker."""
    if not speaker or _find_word(sentence, speaker) >= 0:
        return sentence
    return f"{speaker} said: {sentence}"


def issue_framing(description: str) -> str:
    """What support and oppose mean for the issue, from its description.

    Catalogue descriptions end with "support = ...; oppose = ...": that part
    alone decides polarity ("sought support in ousting Assad" is *oppose* on
    "Assad staying in power"), so it is what the classifier reads. Without
    it, the description's first sentence. Capped at MAX_FRAMING_CHARS.
    """
    text = " ".join(description.split())
    found = _FRAMING.search(text)
    if found is not None:
        text = text[found.start() :]
    else:
        text = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    if len(text) > MAX_FRAMING_CHARS:
        text = text[:MAX_FRAMING_CHARS].rsplit(" ", 1)[0]
    return text


def build_pair(
    actor: str,
    issue: str,
    sentence: str,
    mention: str | None = None,
    context: str = "",
    description: str = "",
    max_context_chars: int = MAX_CONTEXT_CHARS,
) -> tuple[str, str]:
    """Return (text_a, text_b) for a cross-encoder.

    text_a names the holder and the issue, with the issue's framing (what
    support and oppose mean, from its description); text_b is the evidence
    sentence with the holder's mention marked, preceded by up to
    `max_context_chars` of the sentences before it (so "such a move" can be
    resolved). A model reads the context it was trained with: its
    model_info.json "context_chars" (see service.nlp.classifier), 0 for none.
    """
    framing = issue_framing(description)
    text_a = f"{actor} on {issue}" + (f" ({framing})" if framing else "")
    evidence = mark_mention(sentence, mention)
    context = context.strip()[-max_context_chars:] if max_context_chars > 0 else ""
    text_b = f"{context} || {evidence}" if context else evidence
    return text_a, text_b
