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
# Root cause first (CONTRACT §5): structure and year, then unreadable cells, then sums, then the
# comparisons between documents; fixing an earlier one often clears a later one.
CAUSES = (
    ("unreadable-file", "missing-column", "no-role", "tahun-mismatch", "duplicate-file", "example-row"),
    ("bad-number", "formula-without-value", "error-value", "bad-kode", "bad-month", "negative-amount",
     "duplicate-kode", "row-without-kode", "bad-polaritas", "no-month", "realisasi-ambiguous"),
    ("subtotal-mismatch", "total-mismatch"),
)
_CAUSE = {code: rank for rank, group in enumerate(CAUSES) for code in group}


@lru_cache(maxsize=1)
def _messages() -> dict:
    return load_yaml("messages.yaml")


def catalogue() -> dict[str, dict]:
    return _messages()["codes"]


def cause(code: str) -> int:
    """0 structure and year, 1 unreadable or doubtful cells, 2 sums, 3 comparisons between documents."""
    return _CAUSE.get(code, len(CAUSES))


def _skipped(params: dict, kode: str | None, lang: str) -> str:
    """What an unknown cell stopped: ' This cell is on the row of 7.01… ; … could not be checked.'"""
    if "skipped" not in params:
        return ""
    words = _messages()["skipped"]
    key = "en" if lang == "en" else "id"
    items = [words["items"][kind][key].format(what=what) for kind, what in params["skipped"]]
    parts = []
    if kode:
        parts.append(words["row"][key].format(kode=kode))
    parts.append(words["checks" if items else "none"][key].format(items="; ".join(items)))
    return " " + " ".join(parts)


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
        values.pop("skipped", None)
        return (template.format(**values).strip() + _skipped(self.params, self.kode, lang)).strip()

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
        return (_ORDER[self.severity], cause(self.code), self.file or "", self.sheet or "", _cell_key(self.cell),
                self.code)


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
