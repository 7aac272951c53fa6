"""A large sheet body looked at as an array of bytes: what guard.py asks of it, answered with numpy.

guard.py reads a small body with regular expressions. A large sheet has millions of cells, and the
same questions asked with array operations are several times faster; numpy also leaves the GIL
while it works, so guard.py asks them on the other core while its own thread runs the rest. Every
answer is exactly that of the regular expression it stands for (tests/test_xlsx_bulk.py compares
them on random bodies).

The addresses are read eight bytes at a time: the bytes after each `r="` as one 64-bit number,
whose letters and digits are told apart by adding to all eight bytes at once (the carry never
crosses a byte), instead of one array operation per character.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import numpy as np

SPACE = frozenset(b" \t\n\r\f\v")
# any r="X9" in any form calamine accepts (r = 'x9', after a quote without a space, duplicates…);
# it also finds operator="between", which has no digits, and <row r="9">, which has no letters
R_LOOSE = re.compile(rb"""r\s*=\s*["']([A-Za-z]*)(\d*)["']""")
# cell tags other than `<c …`: without attributes, with a prefix, or with odd spacing
ODD_CELL = re.compile(rb"<c[^ \w.:-]")
PREFIXED_CELL = re.compile(rb":c[\s>/]")

_CELL_NEXT = frozenset(b" .:-_" + bytes(range(48, 58)) + bytes(range(65, 91)) + bytes(range(97, 123)))
_PAD = 16                      # zeros after the body: reads a little past its end stay in the array


def _table(chars) -> np.ndarray:
    t = np.zeros(256, dtype=bool)
    t[list(chars)] = True
    return t


_SPACES = _table(SPACE)
_QUOTES = _table(b"\"'")
_ALLOWED = _table(_CELL_NEXT)
_CLOSING = _table(list(SPACE) + [62, 47])

_ONES = 0x0101010101010101
_HIGH = np.uint64(0x80 * _ONES)
_LOW7 = np.uint64(0x7F * _ONES)
_U = np.uint64


def column_number(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


def padded(body: bytes) -> np.ndarray:
    return np.frombuffer(body + b"\0" * _PAD, dtype=np.uint8)


@dataclass
class Answers:
    """What the other core found in a body."""
    extent: tuple[int, int] | None      # loose_max
    error: bool                         # a `t="e"` may be there


class Marks:
    """A large body as an array (`a`: its bytes and _PAD zeros)."""

    def __init__(self, body: bytes, a: np.ndarray | None = None):
        self.body = body
        self.n = len(body)
        self.a = padded(body) if a is None else a

    @cached_property
    def lt(self) -> np.ndarray:
        return self.a[:self.n] == 60         # '<', shared by the cell-tag and formula questions

    def formula(self) -> bool:
        """Whether a `<f` is there. A sheet's rows hold no 'f' unless a cell has a formula or a
        text (memchr finds that at once); only then are the '<' looked at."""
        return b"f" in self.body and bool((self.lt & (self.a[1:self.n + 1] == 102)).any())

    def plain_cells(self) -> bool:
        """body.count(b"<c ") == body.count(b"<c r=") and neither ODD_CELL nor PREFIXED_CELL found."""
        a, n = self.a, self.n
        if n < 2:
            return not ODD_CELL.search(self.body) and not PREFIXED_CELL.search(self.body)
        c = np.flatnonzero(self.lt[:n - 1] & (a[1:n] == 99))   # '<c'
        after = a[c + 2]
        spaced = after == 32
        if int(spaced.sum()) != int((spaced & (a[c + 3] == 114) & (a[c + 4] == 61)).sum()):
            return False
        if ((c + 2 < n) & ~_ALLOWED[after]).any():
            return False
        colon = np.flatnonzero(a[:n] == 58)
        colon = colon[(a[colon + 1] == 99) & (colon + 2 < n)]     # ':c' and a character after it
        return not _CLOSING[a[colon + 2]].any()

    def answers(self) -> Answers:
        """The questions asked on the other core, in one go (they share the '=' positions; the
        others share `lt` and are asked on guard's own thread)."""
        a, n = self.a, self.n
        eq = np.flatnonzero(a[:n] == 61)
        before = a[eq - 1]                   # a[-1] is a zero after the end: no character
        if len(eq) and eq[0] == 0:
            before[0] = 0
        after = a[eq + 1]
        t = eq[before == 116]
        error = bool(((a[t + 1] == 34) & (a[t + 2] == 101) & (a[t + 3] == 34)).any())
        return Answers(_loose_max(self.body, a, eq, before, after), error)


def loose_max(body: bytes) -> tuple[int, int] | None:
    """The largest row and column of the R_LOOSE matches with letters and digits, as a findall
    gives them; None when a space stands beside an '=' (that form is left to the expression)."""
    a = padded(body)
    eq = np.flatnonzero(a[:len(body)] == 61)
    before = a[eq - 1]
    if len(eq) and eq[0] == 0:
        before[0] = 0
    return _loose_max(body, a, eq, before, a[eq + 1])


def _loose_max(body: bytes, a: np.ndarray, eq: np.ndarray, before: np.ndarray, after: np.ndarray):
    if not len(eq):
        return 0, 0
    # every space character is at most 32: the table is asked only where such a byte is there
    if ((before <= 32).any() and _SPACES[before].any()) or ((after <= 32).any() and _SPACES[after].any()):
        return None
    at = eq[(before == 114) & ((after == 34) | (after == 39))] + 2         # r="… : the first character of the value
    if not len(at):
        return 0, 0
    x = _words(a, at)
    letters = _leading(_not_letter(x))
    y = _words(a, at + np.minimum(letters, 4))
    digits = _leading(_not_digit(y))
    long = (letters > 3) | (digits > 7)      # read one by one below: beyond XFD, or 8 digits and more
    closing = (y >> (_U(56) - (np.minimum(digits, 7) * 8).astype(np.uint64))) & _U(0xFF)
    ok = ~long & (letters > 0) & (digits > 0) & _QUOTES[closing.astype(np.uint8)]
    rows = cols = 0
    if ok.any():
        letters, digits, x, y = letters[ok], digits[ok], x[ok], y[ok]
        # the letters right-aligned, each 1–26 (A or a = 1): as numbers they order as the columns do
        # (a longer name is a later column), so only the largest is turned into a column number
        c = (x >> (_U(64) - (letters * 8).astype(np.uint64))) & _U(0x1F1F1F)
        c = int(c.max())
        cols = ((c >> 16) & 31) * 676 + ((c >> 8) & 31) * 26 + (c & 31)
        cut = _U(64) - (digits * 8).astype(np.uint64)
        d = y >> cut                                                  # the digits, right-aligned
        if (d >> ((digits.astype(np.uint64) - _U(1)) * _U(8)) == _U(0x30)).any():
            # a leading zero ('A007'): byte order is not number order, so every row is turned into one
            d = d - (_U(0x30 * _ONES) >> cut)                         # 0–9 each
            m = _U(0x00FF00FF00FF00FF)
            d = ((d >> _U(8)) & m) * _U(10) + (d & m)                 # pairs of digits
            m = _U(0x0000FFFF0000FFFF)
            d = ((d >> _U(16)) & m) * _U(100) + (d & m)               # fours
            d = (d >> _U(32)) * _U(10000) + (d & _U(0xFFFFFFFF))      # the eight
            rows = int(d.max())
        else:
            # without a leading zero, more digits is a larger row, and equal lengths order as bytes
            rows = int(int(d.max()).to_bytes(8, "big").lstrip(b"\0"))
    for start in at[long] - 2:
        m = R_LOOSE.match(body, int(start) - 1)
        if m and m.group(1) and m.group(2):
            rows, cols = max(rows, int(m.group(2))), max(cols, column_number(m.group(1)))
    return rows, cols


def _words(a: np.ndarray, at: np.ndarray) -> np.ndarray:
    """The 8 bytes from each position in `at` as one number, the first byte highest."""
    view = np.ndarray(shape=(len(a) - 7,), dtype=">u8", buffer=a, strides=(1,))
    return view[at].astype(np.uint64)


def _leading(flags: np.ndarray) -> np.ndarray:
    """How many bytes from the top of each word come before the first whose high bit is set in
    `flags` (0–7), or 8 when none is. The float's exponent is the top bit's place: the bits below
    it are too sparse to round it up."""
    e = np.frexp(flags.astype(np.float64))[1]
    return np.where(flags == 0, 8, (64 - e) // 8).astype(np.int64)


def _not_letter(x: np.ndarray) -> np.ndarray:
    """The high bit of each byte that is not A–Z or a–z."""
    y = x | _U(0x20 * _ONES)                 # lower case; other bytes do not land in a–z but 0xC1–0xDA
    low = y & _LOW7
    from_a = (low + _U((0x80 - 0x61) * _ONES)) & _HIGH
    past_z = (low + _U((0x80 - 0x7B) * _ONES)) & _HIGH
    return (~(from_a & ~past_z) | y) & _HIGH


def _not_digit(x: np.ndarray) -> np.ndarray:
    """The high bit of each byte that is not 0–9."""
    z = x ^ _U(0x30 * _ONES)
    return (((z & _LOW7) + _U((0x80 - 0x0A) * _ONES)) | z) & _HIGH
