"""Cheap language identification, so only English text reaches the models.

The models (spaCy English, MiniLM, the stance classifier) are English-only;
running them on other languages yields confident nonsense. Detection here
is deliberately small: the writing system first (Cyrillic, Arabic, CJK ...),
then, for Latin script, the share of each language's most frequent function
words. News paragraphs contain 30-50% function words, so a few dozen words
decide reliably; no extra dependency or model is needed.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["SUPPORTED", "UnsupportedLanguage", "detect_language"]

SUPPORTED = frozenset({"en"})
UNKNOWN = "unknown"

# Function words that are frequent in one language and rare in the others.
_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the of and to in is that for it with as was on be by at this are from "
        "have has had not but which they he she said were been would will their its "
        "who an or we his her there what about",
        "fr": "le la les de des du et est une un dans que qu qui pour pas sur au aux avec ce "
        "ces par plus sont été il elle ont mais leur nous vous où cette",
        "de": "der die das und ist nicht ein eine den dem des mit sich auf für von zu im "
        "auch es sie wird wurde hat haben dass nach bei aus oder wie",
        "es": "el la los las de del y que en un una es por para con no se su al lo como "
        "más pero sus fue ha son este esta entre sobre también",
        "it": "il lo la gli le di del della che e un una è per con non si da nel nella "
        "sono ha alla anche come più ma dei delle questo",
        "pt": "o a os as de do da dos das e que em um uma é para com não se por no na "
        "mais foi ao pelo pela são também como mas",
        "nl": "de het een en van is dat niet in op te zijn met voor die er aan ook als "
        "bij door maar om werd wordt heeft hebben naar",
        "tr": "ve bir bu da de için ile olarak olan gibi daha çok ama en ne var değil",
        "id": "yang dan di ini itu dengan untuk dari tidak dalam akan pada juga ke ada",
        "pl": "i w nie na się z do że jest to o jak ale po przez dla jego od są",
    }.items()
}
# Scripts that identify a language (or a family we report by its main code).
_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("CYRILLIC", "ru"),
    ("ARABIC", "ar"),
    ("HEBREW", "he"),
    ("GREEK", "el"),
    ("CJK", "zh"),
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("HANGUL", "ko"),
    ("DEVANAGARI", "hi"),
    ("THAI", "th"),
    ("ARMENIAN", "hy"),
    ("GEORGIAN", "ka"),
)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_SAMPLE_CHARS = 20_000
_MIN_WORDS = 4
_SHORT_TEXT_WORDS = 15


class UnsupportedLanguage(Exception):
    """The article is not in a language the pipeline analyses."""

    def __init__(self, code: str) -> None:
        super().__init__(f"unsupported language: {code}")
        self.code = code
        # The worker stores the code as the article's language.
        self.language = code


def detect_language(text: str) -> str:
    """Return "en", another ISO 639-1 code, or "unknown" (no usable words).

    Short Latin-script text without a clear winner (a headline such as
    "Russia backs talks") is taken as English: that is the service's language
    and the cost of a wrong "en" is a few empty results, not an error.
    """
    sample = text[:_SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return UNKNOWN
    script = _dominant_script(letters)
    if script is not None:
        return script
    words = [w.lower().replace("\u2019", "'") for w in _WORD.findall(sample)]
    # French and Italian elide function words ("qu'il", "l'Etat", "dell'UE"):
    # count the parts too, except for English contractions.
    words += [
        part
        for w in words
        if "'" in w and w not in _STOPWORDS["en"]
        for part in w.split("'")[:1]
        if not w.endswith(("'s", "'t", "'re", "'ve", "'ll", "'d"))
    ]
    if not words:
        return UNKNOWN
    counts = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    if len(words) < _MIN_WORDS or counts[best] == 0:
        return "en"
    margin = 2 if len(words) < _SHORT_TEXT_WORDS else 0
    if best != "en" and counts[best] <= counts["en"] * 1.2 + margin:
        # Shared short words ("a", "in", "de") make close calls, and names in
        # a short English sentence look foreign; prefer English.
        return "en"
    return best


def _dominant_script(letters: list[str]) -> str | None:
    """The language code of a non-Latin script covering most letters, if any."""
    step = max(1, len(letters) // 2000)
    sample = letters[::step]
    tallies: dict[str, int] = {}
    latin = 0
    for ch in sample:
        name = unicodedata.name(ch, "")
        if name.startswith("LATIN"):
            latin += 1
            continue
        for marker, code in _SCRIPTS:
            if name.startswith(marker) or (marker == "CJK" and "CJK" in name):
                tallies[code] = tallies.get(code, 0) + 1
                break
    if not tallies:
        return None
    code = max(tallies, key=lambda c: tallies[c])
    if tallies[code] <= latin:
        return None
    # Japanese text mixes kana with CJK ideographs; any kana means Japanese.
    if code == "zh" and tallies.get("ja", 0) > len(sample) * 0.05:
        return "ja"
    return code
