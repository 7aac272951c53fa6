"""Header rows: find them under title blocks, join two-row headers, map them to fields."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from lkjip_xl.messages import LANGS, month_names
from lkjip_xl.schemas_io import load_yaml

HEADER_SEARCH_ROWS = 30
BUDGET_ROLES = ("dpa", "renja", "realisasi")     # the roles whose rows are program/kegiatan/sub kegiatan amounts
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d|21\d\d)\b")
_UNIT = re.compile(r"\((?:rp\.?|rupiah|%|persen)\)|\brp\b\.?|%|\bpersen\b|\brupiah\b")
_PUNCT = re.compile(r"[^\w\s]|_")
# month words a header, title, file name or Bulan cell may use: the names in both languages (from
# the catalogue, the one list of them) and the short or old spellings offices type
MONTHS = {name.lower(): m for lang in LANGS for m, name in enumerate(month_names(lang), start=1)}
MONTHS.update({
    "jan": 1, "pebruari": 2, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
    "ags": 8, "agust": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "nop": 11, "des": 12, "oct": 10, "dec": 12,
})
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# Words a header may put around its year or month: "Target Tahun 2022", "Realisasi s.d. Bulan Maret".
_TAHUN = re.compile(r"\b(?:tahun anggaran|tahun|th|ta) (?=(?:19|20)\d\d\b)")
_SD_MONTH = re.compile(rf"\bsd (?:bulan )?(?:{_MONTH})\b")
_BULAN_MONTH = re.compile(rf"\bbulan (?:{_MONTH})\b")


@dataclass(frozen=True)
class Col:
    index: int
    header: str
    year: int | None
    rank: int          # position of the alias that matched: lower is the more specific name
    month: int | None = None     # months as columns: the month this column is for


@lru_cache(maxsize=1 << 16, typed=True)   # the same headers, codes and labels recur on every row
def normalize(text) -> str:
    s = unicodedata.normalize("NFKC", str(text)).lower()
    s = re.sub(r"[\u200b-\u200d\ufeff]", "", s)
    s = s.replace("s.d.", " sd ").replace("s/d", " sd ").replace("s.d", " sd ")
    s = _UNIT.sub(" ", s)
    s = _PUNCT.sub(" ", s)
    return " ".join(s.split())


def split_year(norm: str) -> tuple[str, int | None]:
    years = _YEAR.findall(norm)
    if not years:
        return norm, None
    return " ".join(_YEAR.sub(" ", norm).split()), int(years[-1])


class AliasIndex:
    """Normalised alias → (field, rank), for one role; built from schemas/ plus the office's own."""

    def __init__(self, fields: dict[str, list[str]]):
        self.plain: dict[str, tuple[str, int]] = {}
        self.yearly: dict[str, tuple[str, int]] = {}
        self.monthly: dict[str, tuple[str, int]] = {}     # "realisasi {month}" → field: months as columns
        for field, aliases in fields.items():
            for rank, alias in enumerate(aliases):
                norm = normalize(str(alias).replace("{year}", " yearmark ").replace("{month}", " monthmark "))
                if "monthmark" in norm:
                    self.monthly.setdefault(norm, (field, rank))
                elif "yearmark" in norm:
                    self.yearly.setdefault(" ".join(norm.replace("yearmark", " ").split()), (field, rank))
                else:
                    self.plain.setdefault(norm, (field, rank))
        self.fields = list(fields)
        # only these take a year ("Anggaran 2025", "2022" over "Target"); a year over "Kode" is a title
        self.yearly_fields = {field for field, _ in self.yearly.values()}
        self._seen: dict[str, tuple | None] = {}     # the header search asks for the same labels many times

    def match(self, header: str) -> tuple[str, int | None, int] | tuple[str, int | None, int, int] | None:
        """(field, year, rank), or (field, year, rank, month) for a month column."""
        if header not in self._seen:
            self._seen[header] = self._match_new(header)
        return self._seen[header]

    def _match_new(self, header: str):
        norm = normalize(header)
        if not norm:
            return None
        if self.monthly:
            month = self._month_column(norm)
            if month:
                return month
        # "Target Tahun 2022" is "Target 2022"; a named month means up to / in that month: "s.d. Bulan
        # Maret" is "s.d. bulan ini", "Bulan Maret" is "bulan ini"; a month alone ("Realisasi Maret")
        # says neither and matches nothing
        plain = _TAHUN.sub("", norm)
        named = _BULAN_MONTH.sub("bulan ini", _SD_MONTH.sub("sd bulan ini", plain))
        for candidate in dict.fromkeys((norm, plain, named)):
            hit = self._match(candidate)
            if hit:
                return hit
        return None

    def _month_column(self, norm: str):
        """'Januari', 'Jan', 'Realisasi Maret 2024' (one month, no 's.d.') → (field, year, rank, month). A
        month column alone means that month's own amount; sheets.py decides what several of them are."""
        if " sd " in f" {norm} " or "kumulatif" in norm:
            return None
        rest, year = split_year(norm)
        words = rest.split()
        named = [i for i, w in enumerate(words) if w in MONTHS]
        if len(named) != 1:
            return None
        i = named[0]
        key = " ".join(words[:i] + ["monthmark"] + words[i + 1:])
        hit = self.monthly.get(key)
        return (hit[0], year, hit[1], MONTHS[words[i]]) if hit else None

    def _match(self, norm: str) -> tuple[str, int | None, int] | None:
        rest, year = split_year(norm)
        if year is not None:
            hit = self.yearly.get(rest) or self.plain.get(rest)
            return (hit[0], year, hit[1]) if hit and hit[0] in self.yearly_fields else None
        hit = self.plain.get(norm)
        return (hit[0], None, hit[1]) if hit else None


@lru_cache(maxsize=None)
def _schema_aliases() -> dict:
    return load_yaml("aliases.yaml")


_SPECS: dict = {}


def role_specs(extra: dict[str, dict[str, list[str]]] | None = None) -> dict[str, dict]:
    """Per role: required fields and an AliasIndex, with the office's aliases in front (built once
    per set of office aliases)."""
    key = repr(extra)
    if key not in _SPECS:
        _SPECS[key] = _role_specs(extra)
    return _SPECS[key]


def _role_specs(extra: dict[str, dict[str, list[str]]] | None) -> dict[str, dict]:
    data = _schema_aliases()
    out = {}
    for role, spec in data["roles"].items():
        fields = {k: list(v) for k, v in spec["fields"].items()}
        for field, aliases in (extra or {}).get(role, {}).items():
            fields[field] = list(aliases) + fields.get(field, [])
        out[role] = {"required": spec["required"], "index": AliasIndex(fields)}
    return out


def total_labels() -> set[str]:
    return {normalize(x) for x in _schema_aliases()["total_labels"]}


@lru_cache(maxsize=None)
def tail_words() -> tuple[str, ...]:
    """Words that start a note or signature line under a table (aliases.yaml)."""
    return tuple(normalize(w) for w in _schema_aliases().get("tail_words", []))


def role_keywords() -> dict[str, list[list[str]]]:
    return _schema_aliases()["role_keywords"]


def text(v) -> str:
    return "" if v is None else str(v).strip()


def label(v) -> str:
    """A header cell as its label: a year typed as a number (2024, read as 2024.0) is '2024', so
    `Anggaran` over `2024 | 2025` joins as 'Anggaran 2024' whatever the cell's type."""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return text(v)


class Filled:
    """Cell text with merged ranges filled from their top-left cell (for header rows only)."""

    def __init__(self, rows, merges, limit):
        self.rows = rows
        self.map = {}
        for r0, c0, r1, c1 in merges:
            if r0 >= limit or (r1 - r0 + 1) * (c1 - c0 + 1) > 5000:
                continue
            top = rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else ""
            for r in range(r0, min(r1, limit) + 1):
                for c in range(c0, c1 + 1):
                    self.map[(r, c)] = (top, r0, c0, r1, c1)

    def get(self, r, c) -> str:
        if (r, c) in self.map:
            return label(self.map[(r, c)][0])
        row = self.rows[r] if r < len(self.rows) else []
        return label(row[c]) if c < len(row) else ""

    def same_merge(self, r1, r2, c) -> bool:
        a, b = self.map.get((r1, c)), self.map.get((r2, c))
        return a is not None and a is b


def row_labels(f: Filled, r: int, width: int) -> list[str]:
    return [f.get(r, c) for c in range(width)]


def _group_spans(f: Filled, r: int, up: list[str], lo: list[str], width: int) -> list[tuple[int, int] | None]:
    """Per column: the columns (first, last) of the group cell standing over it in row r, when that
    cell is a group (merged across, or an unmerged label with blanks to its right over sub-labels)."""
    spans: list[tuple[int, int] | None] = [None] * width
    for c in range(width):
        m = f.map.get((r, c))
        if m is not None and m[2] < m[4] and m[1] == r and not f.same_merge(r, r + 1, c):
            spans[c] = (m[2], m[4])
    c = 0
    while c < width:
        if up[c] and lo[c] and spans[c] is None and f.map.get((r, c)) is None:
            k = c + 1
            while k < width and not up[k] and lo[k] and f.map.get((r, k)) is None:
                k += 1
            if k - 1 > c:
                for j in range(c, k):
                    spans[j] = (c, k - 1)
            c = k
            continue
        c += 1
    return spans


def two_row_labels(f: Filled, r: int, width: int) -> list[tuple[str, ...]]:
    """Join an upper group row with the row below it: '2022' over 'Target' → '2022 Target'.

    Each column gets the labels to try, best first. Under a group cell that stands over part of the
    table (not a title over all of it), the sub-label may carry the meaning alone: 'Anggaran (Rp)'
    over 'Prakiraan Maju 2026', 'Rencana Tahun 2025' over 'Pagu Indikatif' (the group's year)."""
    up = row_labels(f, r, width)
    lo = row_labels(f, r + 1, width)
    spans = _group_spans(f, r, up, lo, width)
    out: list[tuple[str, ...]] = []
    for c in range(width):
        u, l = up[c], lo[c]
        if f.same_merge(r, r + 1, c) or not l or u == l:
            out.append((u,))
            continue
        if not u:
            # an unmerged group label stands only over the first of its columns
            k = c - 1
            while k >= 0 and not up[k] and lo[k]:
                k -= 1
            u = up[k] if k >= 0 and lo[k] else ""
        labels = [f"{u} {l}".strip()]
        span = spans[c]
        if u and span is not None and any((up[k] or lo[k]) for k in range(width) if not span[0] <= k <= span[1]):
            year = _YEAR.findall(normalize(u))
            if year and not _YEAR.search(normalize(l)):
                labels.append(f"{l} {year[-1]}")
            labels.append(SUB_ONLY + l)
        out.append(tuple(labels))
    return out


SUB_ONLY = "\x00"     # marks a sub-label read without its group: it may match, but adds no year of its own


_NUMBER_CELL = re.compile(r"\(?(\d{1,2})\)?(?:\s*=\s*.*)?")


def is_number_row(values: list) -> bool:
    """The row of column numbers under a header: 1 2 3 … as numbers or text, or (1) (2) (3) …,
    rising from left to right (a gap where a merged header cell covers two columns)."""
    seen = []
    for v in values:
        if v is None or v == "" or (isinstance(v, str) and not v.strip()):
            continue
        if isinstance(v, bool):
            return False
        if isinstance(v, (int, float)):
            if v != int(v) or not 0 <= v < 100:
                return False
            seen.append(int(v))
            continue
        m = _NUMBER_CELL.fullmatch(str(v).strip())
        if not m:
            return False
        seen.append(int(m.group(1)))
    return len(seen) >= 2 and all(b > a for a, b in zip(seen, seen[1:]))


@dataclass
class Header:
    row: int                 # first header row (0-based)
    height: int              # 1 or 2
    role_scores: dict        # role → (matched fields, {field: [Col]})
    data_start: int


def match_labels(labels: list, index: AliasIndex, counted=None) -> tuple[dict[str, list[Col]], int]:
    """Fields found in a header row, and its score: matched columns, plus one per year read from a
    group cell (information the single row would lose). `labels`: per column a label or the labels
    to try, best first; `counted`: the columns that count in the score (a group cell merged over
    several columns is one header, however many columns it covers)."""
    found: dict[str, list[Col]] = {}
    score = 0
    for c, label in enumerate(labels):
        for candidate in (label if isinstance(label, tuple) else (label,)):
            sub = candidate.startswith(SUB_ONLY)
            hit = index.match(candidate.removeprefix(SUB_ONLY))
            if hit:
                found.setdefault(hit[0], []).append(Col(c, candidate.removeprefix(SUB_ONLY), hit[1], hit[2],
                                                        hit[3] if len(hit) > 3 else None))
                if counted is None or c in counted:
                    score += 1 + (hit[1] is not None and not sub)
                break
    return found, score + len(found)


def _counted(f: Filled, r: int, width: int) -> set[int]:
    """Columns of a single header row that count: not the 2nd… columns of a merged cell, and not a
    cell merged down from the row above (that header starts higher up)."""
    return {c for c in range(width) if (m := f.map.get((r, c))) is None or ((m[2] == c or m[2] == m[4]) and m[1] == r)}


def find_header(rows, merges, specs) -> Header | None:
    limit = min(len(rows), HEADER_SEARCH_ROWS)
    if not limit:
        return None
    width = max((len(r) for r in rows[:limit + 1]), default=0)
    f = Filled(rows, merges, limit + 2)
    best = None
    for r in range(limit):
        variants = [(1, row_labels(f, r, width), _counted(f, r, width))]
        if r + 1 < len(rows):
            two = two_row_labels(f, r, width)
            # a label repeated in the next column is one merged header, counted once
            variants.append((2, two, {c for c in range(width) if c == 0 or two[c] != two[c - 1]}))
        for height, labels, counted in variants:
            scores, score, distinct = {}, 0, 0
            for role, spec in specs.items():
                found, s = match_labels(labels, spec["index"], counted)
                scores[role] = found
                score, distinct = max(score, s), max(distinct, len(found))
            if distinct < 2:
                continue
            key = (score, -height, -r)
            if best is None or key > best[0]:
                best = (key, r, height, scores)
    if best is None:
        return None
    _, r, height, scores = best
    start = r + height
    if start < len(rows) and is_number_row(rows[start]):
        start += 1
    return Header(row=r, height=height, role_scores=scores, data_start=start)
