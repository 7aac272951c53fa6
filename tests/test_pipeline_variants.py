"""Each variant workbook reads to the same canonical data as its plain twin.

The corpus is written by tests/variants/make_variants.py into a temporary folder once per run.
"""
from __future__ import annotations

import pytest

from lkjip_xl.pipeline import check
from variants import layouts, make_variants as mv

ALL = {**mv.VARIANTS, **layouts.VARIANTS}


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("varian")
    built = {}
    for name, v in ALL.items():
        if mv.available(v):
            built[name] = mv.build(v, root)
    return built


@pytest.fixture(scope="session")
def results(corpus):
    cache = {}

    def get(path):
        if path not in cache:
            cache[path] = check([path])
        return cache[path]
    return get


def canonical(result, ignore=frozenset()) -> dict:
    """What must not depend on the layout: leaves per sub kegiatan, months, totals, indicators."""
    b, perf = result.budget, result.performance
    return {
        "pagu": b.pagu, "pagu_next": b.pagu_next, "realisasi": b.realisasi,
        "monthly": b.monthly, "latest_month": b.latest_month, "totals": result.totals, "tahun": result.tahun,
        "iku": {i.ind.indikator: {y: (m.target, m.realisasi, m.capaian, m.stated) for y, m in i.years.items()}
                for i in perf.ikus},
        "programs": sorted((p.kode, p.indikator, p.target, p.realisasi, p.capaian, p.sasaran_key) for p in perf.programs),
        "findings": sorted({f.code for f in result.findings} - set(ignore)),
    }


def _variant(name, corpus):
    if name not in corpus:
        pytest.skip(f"{name}: modul {ALL[name].needs} tidak terpasang (pip install {ALL[name].needs})")
    return corpus[name]


def test_plain_twin_is_clean(corpus, results):
    """The twin is the reference: it must read without any finding and with every amount."""
    twin = results(corpus["a1-sipd-full-codes"][1])
    assert twin.findings == []
    assert twin.totals["pagu"] == mv.TOTAL["pagu"] and twin.totals["realisasi"] == mv.TOTAL["real"][2]
    assert twin.budget.pagu_next and sum(twin.budget.pagu_next.values()) == mv.TOTAL["pagu_next"]
    assert len(twin.performance.ikus) == 2 and len(twin.performance.programs) == 2


@pytest.mark.parametrize("name", list(ALL))
def test_variant_reads_like_its_twin(name, corpus, results):
    variant, twin, _ = _variant(name, corpus)
    ignore = ALL[name].ignore
    assert canonical(results(variant), ignore) == canonical(results(twin), ignore)


def test_formula_without_value_is_a_finding_at_its_cell(corpus, results):
    variant, _, facts = corpus["l-formula-without-value"]
    got = {(f.file, f.sheet, f.cell) for f in results(variant).findings if f.code == "formula-without-value"}
    assert got == facts["formula_cells"]


def test_sheet_without_header_is_info_not_crash(corpus, results):
    variant, _, facts = corpus["m-no-header-sheet"]
    got = {(f.file, f.sheet, f.severity) for f in results(variant).findings if f.code == "no-role"}
    assert got == {(file, sheet, "info") for file, sheet in facts["no_role"]}


def test_roles_come_from_the_right_place(corpus, results):
    by_header = {s.name: (s.role, s.role_source) for s in results(corpus["o1-roles-by-header"][0]).sheets}
    assert by_header == {"Sheet1": ("dpa", "header"), "Sheet2": ("realisasi", "header"),
                         "Sheet3": ("indikator", "header"), "Sheet4": ("indikator_program", "header")}
    by_name = {(s.file, s.name): (s.role, s.role_source) for s in results(corpus["o2-roles-by-name"][0]).sheets}
    assert by_name == {
        ("DPA 2024.xlsx", "Sheet1"): ("dpa", "file name"),
        ("LRA Maret 2024.xlsx", "Sheet1"): ("realisasi", "file name"),
        ("Laporan Kinerja 2024.xlsx", "Realisasi Kinerja 2024"): ("indikator", "sheet name"),
        ("Laporan Kinerja 2024.xlsx", "Indikator Program"): ("indikator_program", "sheet name"),
    }


def test_unknown_header_without_alias_is_missing_column(corpus, tmp_path):
    variant, _, _ = corpus["p-config-alias"]
    import shutil

    d = tmp_path / "tanpa-alias"
    shutil.copytree(variant, d)
    (d / "lkjip.toml").unlink()
    # the only DPA sheet lacks its pagu column: there is no usable DPA, exit 2 naming the sheet
    from lkjip_xl.read.sheets import NoRequiredRole

    with pytest.raises(NoRequiredRole) as exc:
        check([d])
    assert mv.DPA_FILE in str(exc.value)


def test_long_monthly_amounts_become_cumulative(corpus, results):
    r = results(corpus["n1-long-monthly"][0])
    assert sorted(r.budget.monthly) == list(mv.MONTHS)
    for i, m in enumerate(mv.MONTHS):
        assert r.budget.monthly[m] == {n.kode: n.real[i] for n in mv.SUBS}


@pytest.mark.parametrize("name", list(mv.NEAR_MISSES))
def test_near_miss_points_at_the_cell(name, tmp_path):
    expected = mv.NEAR_MISSES[name](tmp_path)
    codes = {code for code, *_ in expected}
    got = {(f.code, f.file, f.sheet, f.cell) for f in check([tmp_path]).findings if f.code in codes}
    assert got == expected


def test_every_variant_gives_the_same_findings_on_the_fast_path(corpus, results, monkeypatch):
    """Speed must not cost a finding: every workbook of the corpus, its sheets forced through the
    large-sheet path (guard.py on two threads in small chunks, the head read apart, the rows below
    it column-wise by fastexcel), gives exactly the result of the plain cell-by-cell reading."""
    import json

    from lkjip_xl.xlsx import bulk
    from lkjip_xl.xlsx import guard

    paths = sorted({p for variant, twin, _ in corpus.values() for p in (variant, twin)}, key=str)
    as_json = lambda r: json.dumps(r.to_json(), ensure_ascii=False, sort_keys=True)
    expected = {p: as_json(results(p)) for p in paths}
    monkeypatch.setattr(bulk, "BULK_MIN_BYTES", -1)
    monkeypatch.setattr(bulk, "HEAD_ROWS", 8)
    monkeypatch.setattr(guard, "_CHUNK", 2048)
    monkeypatch.setattr(guard, "_ARRAYS_FROM", -1)
    monkeypatch.setattr(guard, "_READ_AHEAD_FROM", -1)
    read, columns = bulk.Bulk.read, []
    monkeypatch.setattr(bulk.Bulk, "read", lambda self, *a: (block := read(self, *a), columns.append(block))[0])
    assert {p: as_json(check([p])) for p in paths} == expected
    assert sum(block is not None for block in columns) >= 100     # nearly every sheet did take the column-wise path (115 of 116)
