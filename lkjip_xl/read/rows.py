"""Which rows of a table are data: merged-down cells filled, total rows labelled (JUMLAH in any
text cell, the Kode column included), notes and signature blocks under the table left out."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from lkjip_xl.read.headers import BUDGET_ROLES, MONTHS, normalize, tail_words, text, total_labels


# A merged cell states its value once for all the rows it covers: the program code merged down over
# its kegiatan, a tujuan over its sasaran, a Bulan over its month's rows, a target over the years of
# a long IKU. Budget amounts are never filled: one amount on several rows would count several times.
_AMOUNT_FIELDS = ("pagu", "pagu_next", "pagu_sebelum", "selisih", "sisa", "realisasi", "realisasi_bulan_ini",
                  "bulanan", "realisasi_fisik")


def fill_merged(frame: pd.DataFrame, merges, cols: dict[str, int], role: str | None = None) -> None:
    code_parts = [n for n in cols if n.startswith("kode#") or n == "kode_rekening"]
    for name, c in cols.items():
        if role in BUDGET_ROLES and name.split("@")[0].split(":")[0] in _AMOUNT_FIELDS:
            continue
        # a code part goes down only to rows with a code part of their own (the kegiatan under a merged
        # program code); a row that only continues the text above is not a second row of that code
        others = [n for n in code_parts if n != name] if name.startswith("kode#") else None
        for r0, c0, r1, c1 in merges:
            if r1 > r0 and c0 <= c <= c1 and (r0 + 1) in frame.index:
                top = frame.at[r0 + 1, name]
                for r in range(r0 + 2, r1 + 2):
                    if r not in frame.index or text(frame.at[r, name]):
                        continue
                    if others is None or any(text(frame.at[r, o]) for o in others):
                        frame.at[r, name] = top
                    elif name == "kode#0":
                        _join_text(frame, r0 + 1, r)


def clear_total_codes(frame: pd.DataFrame, labels: dict[int, str]) -> bool:
    """A JUMLAH standing in the Kode column (or merged across Kode and Uraian) is the row's label,
    not a code: the row is a total row, its Kode cell empty."""
    names = [n for n in frame.columns if n.startswith("kode#") or n == "kode_rekening"]
    known = total_labels()
    changed = False
    for row in labels:
        if row not in frame.index:
            continue
        for n in names:
            v = frame.at[row, n]
            if isinstance(v, str) and normalize(v) in known:
                frame.at[row, n] = ""
                changed = True
    return changed


_NUMBERISH = re.compile(r"[\s\d.,%()+\-–rRpP]*\d[\s\d.,%()+\-–]*(?:,-)?")
# a signature's place and date: a place of one to three words, a comma, then a date, or a date left
# to be filled in ("Blora, 31 Desember 2024", "Blora, 31 Desember", "Blora, ........ 2024", "Blora,");
# dots and underscores (the blanks to fill) are taken out first
_YEAR = r"(?:19|20)\d\d"
_PLACE_DATE = re.compile(r"^[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,2} ?,\s*(?:(?:\d{1,2}\s+)?(?:(?:%s)(?:\s+%s)?|%s)"
                         r"|\d{1,2}\s*[-/]\s*\d{1,2}\s*[-/]\s*(?:%s|\d\d))?$"
                         % ("|".join(MONTHS), _YEAR, _YEAR, _YEAR))
_BLANKS = re.compile(r"[._\u2026]+")


def _is_tail_marker(v) -> bool:
    """A note or signature line: 'Catatan:', 'Keterangan : …', 'Mengetahui', 'NIP. 19…', 'Blora, 31 Maret 2024',
    'Blora, ........ 2024', 'Ditetapkan di Blora'."""
    if not isinstance(v, str):
        return False
    low = " ".join(v.lower().split())
    if _PLACE_DATE.match(" ".join(_BLANKS.sub(" ", low).split())):
        return True
    norm = normalize(v)
    return any(norm == w or norm.startswith(w + " ") for w in tail_words()) or low.startswith(("*)", "**)"))


def _data_like(values) -> bool:
    """A cell that holds a number or a code (a row with one is data, not a note)."""
    for v in values:
        if isinstance(v, bool) or v is None:
            continue
        if isinstance(v, (int, float)):
            return True
        if isinstance(v, str) and v.strip() and _NUMBERISH.fullmatch(v.strip()):
            return True
    return False


def cut_tail(frame: pd.DataFrame, cols: dict[str, int]) -> pd.DataFrame | None:
    """Rows under the table that are notes or a signature block are not data. From the bottom up,
    over the rows that hold no number and no code: the highest that starts with a note or signature
    word (tail_words in aliases.yaml) ends the table there. Only the last rows are looked at.
    Returns the frame without them, or None when there is no such tail."""
    names = list(cols)
    if frame.empty or not names:
        return None
    marker = None
    values = frame[names]
    for i in range(len(frame) - 1, -1, -1):
        row = values.iloc[i].tolist()
        if _data_like(row):
            break
        first = next((v for v in row if isinstance(v, str) and v.strip()), None)
        if first is not None and _is_tail_marker(first):
            marker = i
    else:
        return None           # no data above: not a table with a tail
    if marker is None:
        return None
    return frame.iloc[:marker]


def _join_text(frame: pd.DataFrame, top: int, row: int) -> None:
    """A name typed over two rows beside one merged code: the second row's text ends the first's."""
    for name in frame.columns:
        if name.split("#")[0] in ("uraian", "uraian_sub", "nama_rekening") and text(frame.at[row, name]):
            frame.at[top, name] = f"{text(frame.at[top, name])} {text(frame.at[row, name])}".strip()
            frame.at[row, name] = ""


def block_labels(block, first_amount: int, labels: set[str]) -> dict[int, str]:
    """left_label for a large sheet: each distinct text is looked at once, and only the rows that
    hold a label are visited (the leftmost such text of a row is its label)."""
    initials = {label[:1] for label in labels}
    found: dict[int, str] = {}            # row position → its label
    for c in sorted(block.texts):
        if c >= first_amount:
            continue
        codes, uniques = block.texts[c]
        said = [v.strip() if v.lstrip()[:1].lower() in initials and normalize(v) in labels else None for v in uniques]
        if not any(said):
            continue
        is_label = np.array([s is not None for s in said] + [False], dtype=bool)    # code -1: empty
        for i in np.flatnonzero(is_label[codes]).tolist():
            found.setdefault(i, said[codes[i]])
    return {block.start + 1 + i: found[i] for i in sorted(found)}


def left_label(raw, start: int, first_amount: int, labels: set[str]) -> dict[int, str]:
    """Rows whose text cells left of the amounts say JUMLAH/TOTAL: row number → the label."""
    out = {}
    initials = {label[:1] for label in labels}
    for r in range(start, len(raw.rows)):
        row = raw.rows[r]
        for c in range(min(first_amount, len(row))):
            v = row[c]
            if isinstance(v, str) and v.lstrip()[:1].lower() in initials and normalize(v) in labels:
                out[r + 1] = v.strip()
                break
    return out
