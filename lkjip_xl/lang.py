"""English for the Indonesian sentences the reader and checks produce (`--lang en`).

Exceptions and some finding parameters are written in Bahasa Indonesia where they arise. Their
English is data, in schemas/errors_en.yaml: an ordered list of a regular expression matching the
Indonesian text, with named groups for what varies (file and sheet names, sizes), and the English
sentence using those groups. `to_english` tries the whole text first, then each "; " clause, then
each sentence; text that matches nothing is kept as it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lkjip_xl.schemas_io import load_yaml


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern
    en: str
    translate: tuple[str, ...]       # groups that are themselves Indonesian text, translated in turn
    numbers: dict                    # group → "en" (1.234.567 → 1,234,567) or "plain" (1.234 → 1234)
    user_text: bool                  # may also apply to a finding parameter that holds the user's text


@lru_cache(maxsize=1)
def _data() -> tuple[tuple[_Rule, ...], frozenset[str]]:
    data = load_yaml("errors_en.yaml")
    rules = tuple(_Rule(re.compile(r["pattern"]), r["en"], tuple(r.get("translate", ())), dict(r.get("numbers", {})),
                        bool(r.get("user_text", False)))
                  for r in data["patterns"])
    return rules, frozenset(data.get("user_params", ()))


def rules() -> tuple[_Rule, ...]:
    return _data()[0]


def user_params() -> frozenset[str]:
    "Finding parameters that hold the user's own text (an uraian, a cell): never translated."
    return _data()[1]


_SENTENCE = re.compile(r"(?<=\.) (?=[A-Z])")


def to_english(text, user: bool = False):
    """The English for an Indonesian message, clause by clause; anything else unchanged.
    `user`: the text is the user's own (a cell's text), so only rules marked user_text apply."""
    if not isinstance(text, str) or not text.strip():
        return text
    return _translate(text, user, 0)


def _translate(text: str, user: bool, depth: int) -> str:
    whole = _one(text, user, depth)
    if whole is not None:
        return whole
    if user:
        return text
    if "; " in text:
        return "; ".join(_sentences(c, depth) for c in text.split("; "))
    return _sentences(text, depth)


def _sentences(text: str, depth: int) -> str:
    one = _one(text, False, depth)
    if one is not None:
        return one
    parts = _SENTENCE.split(text)
    if len(parts) == 1:
        return text
    return " ".join(x if (x := _one(p, False, depth)) is not None else p for p in parts)


def _one(text: str, user: bool, depth: int) -> str | None:
    """The first rule matching all of `text` (surrounding spaces kept), or None."""
    core = text.strip()
    if not core or depth > 5:
        return None
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    for rule in rules():
        if user and not rule.user_text:
            continue
        m = rule.pattern.fullmatch(core)
        if m is None:
            continue
        values = {}
        for name, value in m.groupdict().items():
            value = value or ""
            if name in rule.translate and value:
                value = _translate(value, False, depth + 1)
            how = rule.numbers.get(name)
            if how == "en":
                value = value.replace(",", "\0").replace(".", ",").replace("\0", ".")
            elif how == "plain":
                value = value.replace(".", "").replace(",", "")
            values[name] = value
        return lead + rule.en.format(**values) + trail
    return None
