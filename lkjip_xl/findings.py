"""Findings: every problem in the inputs, as plain data with a stable code and a place.

A finding keeps its parameters, not a rendered sentence, so the same run can be shown in
Bahasa Indonesia or English. Templates and default severities are data (schemas/messages.yaml).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from lkjip_xl.lang import to_english, user_params
from lkjip_xl.schemas_io import load_yaml

SEVERITIES = ("error", "warning", "info")
_ORDER = {s: i for i, s in enumerate(SEVERITIES)}


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict]:
    return load_yaml("messages.yaml")["codes"]


@dataclass(frozen=True)
class Finding:
    code: str
    params: dict = field(default_factory=dict, compare=False, hash=False)
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    kode: str | None = None
    expected: Any = None
    actual: Any = None
    severity: str | None = None

    def __post_init__(self):
        if self.code not in catalogue():
            raise KeyError(f"unknown finding code {self.code!r}")
        if self.severity is None:
            object.__setattr__(self, "severity", catalogue()[self.code]["severity"])

    def message(self, lang: str = "id") -> str:
        template = catalogue()[self.code][lang if lang in ("id", "en") else "id"]
        values = {k: fmt(v, lang) for k, v in self.params.items()}
        if lang == "en":    # Indonesian fragments some checks pass (" s.d. Desember", "target bernilai 0")
            values.update({k: to_english(v, user=k in user_params()) for k, v in self.params.items()
                           if isinstance(v, str)})
        values.setdefault("kode", self.kode or "")
        values.setdefault("expected", fmt(self.expected, lang))
        values.setdefault("actual", fmt(self.actual, lang))
        return template.format(**values).strip()

    def to_dict(self, lang: str = "id") -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message(lang),
            "file": self.file,
            "sheet": self.sheet,
            "cell": self.cell,
            "kode": self.kode,
            "expected": json_value(self.expected),
            "actual": json_value(self.actual),
        }

    def sort_key(self):
        return (_ORDER[self.severity], self.file or "", self.sheet or "", _cell_key(self.cell), self.code)


def _cell_key(cell: str | None):
    if not cell:
        return (0, "")
    letters = cell.rstrip("0123456789")
    digits = cell[len(letters):]
    return (int(digits) if digits else 0, len(letters), letters)


def json_value(v):
    """Amounts stay exact in JSON: int as int, Decimal as a decimal string, never float."""
    if isinstance(v, Decimal):
        return str(int(v)) if v == v.to_integral_value() and v.as_tuple().exponent >= 0 else str(v)
    return v


def fmt(v, lang: str = "id") -> str:
    """Numbers in the reader's convention: 19.422.400.000 and 94,21 (id) or 19,422,400,000 (en)."""
    if v is None:
        return "-"
    if isinstance(v, bool) or not isinstance(v, (int, Decimal)):
        return str(v)
    if isinstance(v, Decimal) and (v != v.to_integral_value() or v.as_tuple().exponent < 0):
        # at least 2 decimals (rupiah sen, percentages); more when an indicator was typed with more
        places = min(max(2, -v.normalize().as_tuple().exponent), 6)
        text = f"{v.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):,.{places}f}"
    else:
        text = f"{int(v):,}"
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def sort_findings(findings) -> list[Finding]:
    unique = dict.fromkeys(findings)
    return sorted(unique, key=Finding.sort_key)


def counts(findings) -> dict[str, int]:
    out = {s: 0 for s in SEVERITIES}
    for f in findings:
        out[f.severity] += 1
    return out
