"""Findings: every problem in the inputs, as plain data with a stable code and a place.

A finding keeps its parameters, not a rendered sentence, so the same run can be shown in
Bahasa Indonesia or English: messages.py renders it from the catalogue (schemas/messages.yaml,
`codes:`, which also holds the default severities).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from lkjip_xl import messages
from lkjip_xl.messages import fmt  # noqa: F401  (findings.fmt, as callers know it)

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


def cause(code: str) -> int:
    """0 structure and year, 1 unreadable or doubtful cells, 2 sums, 3 comparisons between documents."""
    return _CAUSE.get(code, len(CAUSES))


def catalogue() -> dict[str, dict]:
    "Finding code → severity and its id/en templates."
    return messages.catalogue()["codes"]


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
        return messages.finding(self, lang)

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


def sort_findings(findings) -> list[Finding]:
    unique = dict.fromkeys(findings)
    return sorted(unique, key=Finding.sort_key)


def counts(findings) -> dict[str, int]:
    out = {s: 0 for s in SEVERITIES}
    for f in findings:
        out[f.severity] += 1
    return out
