"""Program/kegiatan/sub-kegiatan codes and rekening (account) codes."""
from __future__ import annotations

import re
from functools import lru_cache

_JUNK = re.compile(r"[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]+")
ACCOUNT = re.compile(r"^[4-6]\.\d(?:\.\d{1,5})*$")
# the akun heads SIPD prints above the accounts (4 PENDAPATAN, 5 BELANJA DAERAH, 6 PEMBIAYAAN): an
# account in a Kode Rekening column; in a Kode column only when an account follows (urusan 5 exists)
ACCOUNT_ROOTS = ("4", "5", "6")
UNKNOWN_ACCOUNT = "?"         # a rekening line's account that cannot be read (check/validate.py)
LEVEL_NAMES = {1: "Urusan", 2: "Bidang", 3: "Program", 5: "Kegiatan", 6: "Sub Kegiatan"}
JENIS_BELANJA = (
    ("5.1.01", "Belanja Pegawai"),
    ("5.1.02", "Belanja Barang dan Jasa"),
    ("5.2", "Belanja Modal"),
)
JENIS_UNKNOWN = "Belanja dengan kode rekening tidak terbaca"


class BadKode(ValueError):
    "A code cell whose digits cannot be known: a number that lost a zero, a date, a yes/no."


# a sub kegiatan code recurs on each of its rekening lines; typed, because True == 1 but only 1 is a code
@lru_cache(maxsize=1 << 16, typed=True)
def clean(value, account: bool = False) -> str | None:
    """'7.01.01.2.\\n01.0001 ' → '7.01.01.2.01.0001'; blank → None. Raises BadKode."""
    if value is None:
        return None
    if isinstance(value, bool) or hasattr(value, "year"):
        raise BadKode(str(value))
    if isinstance(value, float):
        if value.is_integer():
            value = int(value)
        else:
            # Excel keeps a typed 7.01 as 7.01 but turns 7.10 into 7.1, so a number is only sure
            # when it has as many decimals as the segment has digits (2; 1 for a rekening's 5.1)
            value = format(value, ".15g")
            if "e" in value or len(value.partition(".")[2]) != (1 if account else 2):
                raise BadKode(value)
    s = _JUNK.sub("", str(value)).removeprefix("'").strip(".")
    s = re.sub(r"^x\.xx", "X.XX", s, flags=re.I)
    return s or None


def is_account(code: str) -> bool:
    return bool(ACCOUNT.match(code))


def shaped_like_account(text) -> bool:
    """A code that cannot be read but is laid out as an account (5.1.O2.01…: a root 4, 5 or 6, then
    a one-digit part), not as a programme code (5.01.01…: two digits after the root)."""
    parts = str(text).strip().split(".")
    return len(parts) >= 2 and parts[0] in ACCOUNT_ROOTS and len(parts[1].strip()) == 1


def level(code: str) -> int:
    return code.count(".") + 1


def join_parts(parts, levels=None) -> str | None:
    """SIPD splits a code over columns, either as full codes or one segment each; join by position.

    A part that extends the code so far (7.01.01, then 7.01.01.2.01) is the fuller code; the same
    code again, or a parent's full code where the column's header names that level (`levels`: per
    part, 3 for 'Kode Program', None when unknown), adds nothing; any other part is the next
    segment(s), whatever its value: urusan 2 and kegiatan 2 are different segments (2 | 05 | 02 |
    2 | 01 | 0003 is 2.05.02.2.01.0003)."""
    current = None
    for i, p in enumerate(parts):
        p = clean(p)
        if not p:
            continue
        level = levels[i] if levels is not None and i < len(levels) else None
        if current is None or p.startswith(current + "."):
            current = p
        elif p == current or (level is not None and p.count(".") + 1 == level and current.startswith(p + ".")):
            continue
        else:
            current = f"{current}.{p}"
    return current


def ancestors(code: str) -> list[str]:
    """Program, kegiatan (and urusan/bidang) codes above a code, nearest last."""
    segs = code.split(".")
    return [".".join(segs[:n]) for n in (1, 2, 3, 5) if n < len(segs)]


def jenis_belanja(account: str) -> str:
    if account == UNKNOWN_ACCOUNT:
        return JENIS_UNKNOWN
    for prefix, name in JENIS_BELANJA:
        if account == prefix or account.startswith(prefix + "."):
            return name
    return "Belanja Lainnya"


def level_fragment(code: str) -> str:
    """The catalogue fragment (schemas/messages.yaml) naming the code's level in a message."""
    return f"level-{level(code)}" if level(code) in LEVEL_NAMES else "level-other"


def jenis_sorted(jenis: dict) -> list[tuple[str, object]]:
    """Jenis belanja in the order of the budget structure: pegawai, barang/jasa, modal, other."""
    order = [name for _, name in JENIS_BELANJA] + ["Belanja Lainnya", JENIS_UNKNOWN]
    return sorted(jenis.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
