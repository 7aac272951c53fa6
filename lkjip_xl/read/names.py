"""Indicator names as keys that survive the ways offices write them: abbreviations written out
(IKM, SKM, SAKIP …), a word the expansion repeats counted once, and names that are one indicator
although worded differently (schemas/indicators.yaml)."""
from __future__ import annotations

from functools import lru_cache

from lkjip_xl.read.headers import normalize
from lkjip_xl.schemas_io import load_yaml


@lru_cache(maxsize=None)
def _data() -> tuple[dict[str, list[str]], dict[str, str], float]:
    data = load_yaml("indicators.yaml")
    abbrev = {normalize(k): normalize(v).split() for k, v in (data.get("abbreviations") or {}).items()}
    same: dict[str, str] = {}
    for group in data.get("same") or []:
        keys = [_words_key(normalize(n).split(), abbrev) for n in group]
        for k in keys:
            same.setdefault(k, keys[0])
    return abbrev, same, float(data.get("similar", 0.5))


def _words_key(words: list[str], abbrev: dict) -> str:
    seen: list[str] = []
    for w in words:
        for x in abbrev.get(w, [w]):
            if x not in seen:
                seen.append(x)
    return " ".join(seen)


def words(name) -> list[str]:
    """The name's words, abbreviations written out, each once."""
    abbrev = _data()[0]
    return _words_key(normalize(name).split(), abbrev).split()


@lru_cache(maxsize=1 << 14)
def indicator_key(name) -> str:
    """'Indeks IKM' and 'Indeks Kepuasan Masyarakat (IKM)' → 'indeks kepuasan masyarakat'; a name of
    a group in indicators.yaml's `same` → the group's first name."""
    key = " ".join(words(name))
    return _data()[1].get(key, key)


def similarity(a, b) -> float:
    """Share of words two names have in common (of the words in either)."""
    x, y = set(indicator_key(a).split()), set(indicator_key(b).split())
    return len(x & y) / len(x | y) if x or y else 0.0


def similar_enough() -> float:
    return _data()[2]
