"""Acceptance: office folders built from the contract alone by outside testers (tests/outsiders/).
Each consistent folder gives no error and exact totals; each planted copy gives its one planted
finding at the cell to fix, and no other finding of severity error."""
from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_xl import pipeline
from outsiders import corpus_a, corpus_b

CORPORA = {"a": corpus_a, "b": corpus_b}


@pytest.fixture(scope="module", params=sorted(CORPORA))
def corpus(request, tmp_path_factory):
    mod = CORPORA[request.param]
    root = tmp_path_factory.mktemp(f"outsiders-{request.param}")
    mod.OFFICES, mod.EXPECTED = str(root / "offices"), str(root / "expected")
    mod.main()
    folders = sorted(p for p in (root / "offices").iterdir() if p.is_dir())
    return root, folders


def _row(cell):
    m = re.search(r"(\d+)$", cell or "")
    return int(m.group(1)) if m else None


def _matches(f, e) -> bool:
    files = {e["file"], e.get("alt_file")}
    if f.code != e["code"] or Path(f.file or "").name not in files:
        return False
    if e.get("sheet") is not None and f.sheet != e["sheet"]:
        return False
    if e.get("cell") is None:
        return True
    return _row(f.cell) == _row(e["cell"]) if e.get("row_only") else f.cell == e["cell"]


def test_every_folder_as_expected(corpus):
    root, folders = corpus
    assert len(folders) >= 18
    problems = []
    for folder in folders:
        exp = json.loads((root / "expected" / f"{folder.name}.json").read_text())
        result = pipeline.check([folder], tahun=exp["tahun"])
        left = list(result.findings)
        for e in exp["errors"]:       # the planted finding, whatever its severity
            hit = next((f for f in left if _matches(f, e)), None)
            if hit is None:
                problems.append(f"{folder.name}: missed {e['code']} at {e['file']} › {e.get('sheet')} › {e.get('cell')}")
            else:
                left.remove(hit)
        problems += [f"{folder.name}: unexpected {f.code} at {f.file} › {f.sheet} › {f.cell}"
                     for f in left if f.severity == "error"]
        t = result.totals
        if t["pagu"] != exp["pagu"] or t["realisasi"] != exp["realisasi"]:
            problems.append(f"{folder.name}: totals {t['pagu']}/{t['realisasi']}, expected {exp['pagu']}/{exp['realisasi']}")
        if "bulan" in exp and t["bulan"] != exp["bulan"]:
            problems.append(f"{folder.name}: bulan {t['bulan']}, expected {exp['bulan']}")
        if exp.get("rfk"):
            got = result.to_json()["rfk"] or {}
            for k in ("bulan", "rencana", "realisasi"):
                if got.get(k) != exp["rfk"][k]:
                    problems.append(f"{folder.name}: rfk {k} {got.get(k)}, expected {exp['rfk'][k]}")
            if got.get("deviasi") is None or Decimal(str(got["deviasi"])) != Decimal(str(exp["rfk"]["deviasi"])):
                problems.append(f"{folder.name}: rfk deviasi {got.get('deviasi')}, expected {exp['rfk']['deviasi']}")
    assert not problems, "\n".join(problems)
