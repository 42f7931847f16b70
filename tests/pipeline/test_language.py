"""Cheap language detection."""

from __future__ import annotations

import pytest

from service.pipeline.language import UnsupportedLanguage, detect_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "unknown"),
        ("123 !!! ---", "unknown"),
        ("Russia backs talks", "en"),
        ("Kerry met Lavrov in Geneva, de facto a summit.", "en"),
        ("Russia's envoy said they'd back it, and didn't object.", "en"),
        ("Le gouvernement russe a déclaré mardi qu'il soutenait les négociations de paix.", "fr"),
        ("Die Bundesregierung hat am Dienstag erklärt, dass sie die Friedenskonferenz unterstützt.", "de"),
        ("El gobierno de España dijo que no apoya la intervención militar en Siria.", "es"),
        ("Москва выступает против поставок оружия сирийской оппозиции.", "ru"),
        ("الحكومة السورية ترفض التدخل", "ar"),
        ("中国外交部发言人表示反对军事干预。", "zh"),
        ("これは日本語のテキストです。", "ja"),
    ],
)
def test_detect(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_exception_carries_code() -> None:
    exc = UnsupportedLanguage("fr")
    assert exc.code == exc.language == "fr" and "fr" in str(exc)
