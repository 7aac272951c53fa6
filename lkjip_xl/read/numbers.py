"""Exact number parsing for the formats offices type into cells.

Money never passes through a binary float we made: text is parsed to int or Decimal, and a
numeric cell's float (Excel stores doubles) is read back through its shortest 15-digit form,
which removes float noise such as 274.65999999999997.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = ["BadNumber", "parse_amount", "parse_indicator", "from_float", "is_blank"]

_DASHES = {"-", "–", "—", "--", "−"}
_NOISE = re.compile(r"[\s\u00a0\u200b\u200c\u200d\ufeff]+")
_PREFIX = re.compile(r"^(rp\.?|idr)", re.I)
_SUFFIX = re.compile(r"(,-|\.-|,—|%)$")
_GROUPED = re.compile(r"^\d{1,3}(?:([.,])\d{3})+$")


class BadNumber(ValueError):
    "A text cell that cannot be read as one number without guessing."


def _bare(text: str) -> str:
    # a leading apostrophe is Excel's "keep as text" mark, typed or exported along with the digits
    return _NOISE.sub("", text).removeprefix("'")


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and _bare(value) == "")


def from_float(x: float) -> int | Decimal:
    """Numeric cell value → int when whole, else Decimal of its 15-significant-digit form."""
    if x != x or x in (float("inf"), float("-inf")):
        raise BadNumber(str(x))
    if float(x).is_integer() and abs(x) < 1e16:
        return int(x)
    d = Decimal(format(x, ".15g"))
    return int(d) if d == d.to_integral_value() else d


def _clean(text: str) -> tuple[str, bool]:
    s = _bare(text)
    negative = False
    if s.startswith("(") and s.endswith(")"):
        s, negative = s[1:-1], True
    s = _PREFIX.sub("", s)
    while True:
        t = _SUFFIX.sub("", s)
        if t == s:
            break
        s = t
    s = _PREFIX.sub("", s)
    if s[:1] in ("-", "−", "–"):
        s, negative = s[1:], not negative
    if s.startswith("+"):
        s = s[1:]
    return s, negative


def _parse(text: str, *, money: bool) -> Decimal:
    s, negative = _clean(text)
    if not s or not re.fullmatch(r"[\d.,]+", s) or not s[0].isdigit() and s[0] not in ".,":
        raise BadNumber(text)
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        grp = "." if dec == "," else ","
        whole, _, frac = s.rpartition(dec)
        if s.count(dec) != 1 or not _GROUPED.fullmatch(whole) or grp not in whole or not frac.isdigit():
            raise BadNumber(text)
        digits = whole.replace(grp, "") + "." + frac
    elif dots + commas == 0:
        digits = s
    else:
        sep = "." if dots else ","
        if dots + commas > 1:
            if not _GROUPED.fullmatch(s):
                raise BadNumber(text)
            digits = s.replace(sep, "")
        else:
            whole, _, frac = s.partition(sep)
            if not whole.isdigit() or not frac.isdigit():
                raise BadNumber(text)
            three = len(frac) == 3 and whole[0] != "0"
            if money:
                # Rupiah has at most two decimals: "10.000" and "10,000" are thousands.
                digits = whole + frac if three else whole + "." + frac
            elif sep == "," or not three:
                # Indonesian decimal comma ("89,50"), or an unambiguous point ("75.75", "0.125").
                digits = whole + "." + frac
            else:
                # "1.234" in an indicator column: 1234 (Indonesian) or 1.234 (English)?
                raise BadNumber(text)
    try:
        value = Decimal(digits)
    except InvalidOperation as exc:
        raise BadNumber(text) from exc
    return -value if negative else value


def parse_amount(value) -> int | Decimal:
    """A cell of an amount column → int rupiah (or Decimal with sen). Blank and dashes are 0."""
    if isinstance(value, bool):
        raise BadNumber(str(value))
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else value
    if isinstance(value, float):
        return from_float(value)
    if is_blank(value):
        return 0
    text = str(value)
    if _bare(text) in _DASHES:
        return 0
    d = _parse(text, money=True)
    return int(d) if d == d.to_integral_value() else d


def is_missing(value) -> bool:
    """Blank, or a dash: 0 in an amount column, "missing" in an indicator column (not unreadable)."""
    return is_blank(value) or _bare(str(value)) in _DASHES


def parse_indicator(value) -> Decimal | None:
    """A cell of an indicator column (target, realisasi, capaian) → Decimal; blank/dash is None."""
    if isinstance(value, bool):
        raise BadNumber(str(value))
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(from_float(value))
    if is_blank(value) or _bare(str(value)) in _DASHES:
        return None
    return _parse(str(value), money=False)
