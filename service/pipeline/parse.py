"""spaCy for the pipeline: loading the model, and parsing an article line by
line into one Doc with the article's own offsets, after capping its length."""

from __future__ import annotations

import importlib
import re
from typing import Any


def load_spacy(name: str) -> Any:
    return importlib.import_module(name).load()


def parse_by_line(nlp: Any, text: str) -> Any:
    """spaCy's parse of `text`, one line at a time, joined back into one Doc
    with the same text and offsets. Parsing line by line keeps a headline or
    a byline out of the first sentence's parse ("By A. Winning / Russia
    opposes ..." would otherwise make Russia an object of "By")."""
    from spacy.tokens import Doc

    chunks = [chunk for chunk in re.split(r"(?<=\n)(?=[^\n])", text) if chunk]
    if len(chunks) <= 1:
        return nlp(text)
    doc = Doc.from_docs(list(nlp.pipe(chunks)), ensure_whitespace=False)
    assert doc.text == text
    return doc


def cap_text(text: str, max_chars: int) -> str:
    """`text` cut to at most max_chars, at a paragraph (else line) break."""
    if len(text) <= max_chars:
        return text
    head = text[:max_chars]
    for sep in ("\n\n", "\n", ". "):
        at = head.rfind(sep)
        if at > max_chars // 2:
            return head[: at + len(sep)]
    return head
