"""Documents compared with the primary DPA, sub kegiatan by sub kegiatan: another DPA sheet or a
Renja (pagu), and the names written for one code. A comparison an unknown amount enters is skipped
and said on that amount's finding (`skipped`)."""
from __future__ import annotations

from lkjip_xl.check.intake import looks_like_copy
from lkjip_xl.check.lines import Skipped, code_key, diff, prefixes, skip, unplaced_over
from lkjip_xl.check.sums import SheetSums, cell_at
from lkjip_xl.findings import Finding
from lkjip_xl.messages import Text
from lkjip_xl.read.headers import normalize


def pick_primary(sums: list[SheetSums]) -> SheetSums | None:
    dpa = [s for s in sums if s.bs.sheet.role == "dpa" and "pagu" in s.bs.amounts]
    if not dpa:
        return None
    return max(dpa, key=lambda s: (s.bs.has_rekening, len(s.leaves)))


def _name_key(s: str) -> str:
    return normalize(s).replace(" ", "")


def uraian_mismatches(primary: SheetSums, other: SheetSums, done: set | None = None) -> list[Finding]:
    """Same code, different name: a warning at the other sheet's uraian cell. Codes in `done` were
    already compared in a later month's sheet and are skipped (and `done` gains the codes seen)."""
    sheet = other.bs.sheet
    done = set() if done is None else done
    findings = []
    for code, name in other.names.items():
        mine = primary.names.get(code)
        if code in done or not mine or not name:
            continue
        done.add(code)
        if _name_key(mine) != _name_key(name):
            findings.append(Finding("uraian-mismatch", {"other": primary.label}, **sheet.place(),
                                    cell=sheet.cell(other.rows[code], "uraian") if code in other.rows else None,
                                    kode=code, expected=mine, actual=name))
    return findings


def compare_pagu(primary: SheetSums, pagu: dict, in_dpa: dict, unknown_dpa: dict, s: SheetSums,
                 skipped: Skipped) -> tuple[list[Finding], list[str]]:
    """Another DPA sheet (a rekap beside the rekening-level DPA) or a Renja, against the primary DPA,
    line by line at the other sheet's own level (a program-level rekap compares program totals).
    Renja differences are expected (it is a plan): warning and info, never error. `unknown_dpa`:
    code → the unknown cells under it in the primary DPA. Returns the findings and the sub kegiatan
    of zero pagu the other sheet lists and the detailed DPA cannot (no rekening lines): the caller
    adds them to the budget with pagu 0. Nothing passed in is changed."""
    renja = s.bs.sheet.role == "renja"
    place = s.bs.sheet.place()
    findings, zero = [], []
    for code in sorted(s.leaves, key=code_key):
        mine = s.leaves[code].get("pagu", 0)
        if code in in_dpa:
            theirs = in_dpa[code]
        elif renja:
            if unplaced_over(primary.bs, code):
                continue        # it may be the DPA's row whose code cannot be read: that one is said
            findings.append(Finding("missing-in-dpa", {"doc": s.label}, **place, cell=cell_at(s, code, "kode"),
                                    kode=code, severity="info"))
            continue
        else:
            theirs = 0
            zero.append(code)
        roots = s.unknown_at(code, "pagu") + tuple(unknown_dpa.get(code, ()))
        if roots:
            skip(skipped, roots, Text("skip-pagu", kode=code, here=s.label, other=primary.label))
            continue
        if mine != theirs:
            # a copy of the DPA with one pagu edited: the original's is the one used, and said so
            copy = {"variant": "copy", "why": Text("used-this-copy")} if not renja and \
                looks_like_copy(s.bs.sheet.file) and not looks_like_copy(primary.bs.sheet.file) else {}
            findings.append(Finding("pagu-mismatch", {"other": primary.label, "diff": diff(mine, theirs), **copy}, **place,
                                    cell=cell_at(s, code, "pagu"), kode=code, expected=theirs, actual=mine,
                                    severity="warning" if renja else None))
    if not renja:
        covered = {p for c in s.leaves for p in prefixes(c)}
        for code in sorted(pagu, key=code_key):
            if pagu[code] and not any(p in s.leaves for p in prefixes(code)) and code not in covered:
                findings.append(Finding("pagu-mismatch", {"other": primary.label, "diff": pagu[code]}, **place,
                                        kode=code, expected=pagu[code], actual=0))
    return findings, zero
