"""Random office layouts, consistent books: zero error findings and exact totals.

Each example draws a DPA layout (title block height, header style, column order, code layout,
number style, merged cells, column-number row, total row, what stands under the table, .xlsx or
.xls) and a
realisasi layout, writes an urusan-2 or urusan-7 office in them (tests/variants/layouts.py) and
checks it. CI runs LKJIP_LAYOUT_EXAMPLES (default 150) examples; run thousands locally with
    LKJIP_LAYOUT_EXAMPLES=3000 python -m pytest tests/test_pipeline_layout_properties.py
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from lkjip_xl.pipeline import check
from variants import layouts as L
from variants import make_variants as mv

EXAMPLES = int(os.environ.get("LKJIP_LAYOUT_EXAMPLES", "150"))
BOOKS = {prefix: L.book(prefix) for prefix in ("2.11", "7.01", "1.02")}


@st.composite
def dpa_layouts(draw):
    code = draw(st.sampled_from(L.CODE_LAYOUTS))
    lead = draw(st.permutations(["kode", "uraian", *draw(st.sets(st.sampled_from(["no", "sumber"])))]))
    total = draw(st.sampled_from(L.TOTALS))
    return L.Layout(title=draw(st.integers(0, 6)), header=draw(st.sampled_from(L.HEADERS)),
                    numbers_row=draw(st.sampled_from(L.NUMBER_ROWS)), code=code,
                    number=draw(st.sampled_from(L.NUMBERS)), lead=tuple(lead),
                    merged_down=draw(st.booleans()), total=total,
                    tail=tuple(draw(st.lists(st.sampled_from(L.TAILS), max_size=3))),
                    levels=draw(st.sampled_from(["all", "subs"])))


@st.composite
def real_layouts(draw):
    kind = draw(st.sampled_from(L.REAL_LAYOUTS))
    return L.RealLayout(kind=kind, title=draw(st.integers(0, 3)), numbers_row=draw(st.sampled_from([None, "int", "paren"])),
                        number=draw(st.sampled_from(L.NUMBERS)), total=draw(st.sampled_from([None, "kode"])),
                        tail=tuple(draw(st.lists(st.sampled_from(L.TAILS), max_size=2))),
                        code=draw(st.sampled_from(["single", "split-own"])))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dpa=dpa_layouts(), real=real_layouts(), prefix=st.sampled_from(sorted(BOOKS)), xls=st.booleans())
def test_random_layouts_of_consistent_books_have_no_error(dpa, real, prefix, xls):
    b = BOOKS[prefix]
    d = Path(tempfile.mkdtemp(prefix="lkjip-layout-"))
    try:
        L.write_book(b, d, dpa, real, iku=False, xls=xls)     # the DPA as .xlsx or as an old .xls
        result = check([d])
    finally:
        shutil.rmtree(d, ignore_errors=True)
    errors = [(f.code, f.file, f.cell, f.actual) for f in result.findings if f.severity == "error"]
    assert errors == []
    total = b.total
    assert result.totals["pagu"] == total["pagu"]
    assert result.totals["realisasi"] == total["real"][-1]
    assert result.budget.latest_month == mv.MONTHS[-1]
    assert result.budget.pagu == {n.kode: n.pagu for n in b.subs}
    if dpa.header != "dppa":
        assert result.budget.pagu_next == {n.kode: n.pagu_next for n in b.subs}
    if real.kind in ("months-columns", "bulan-merged-down"):
        assert result.budget.monthly == {m: {n.kode: n.real[i] for n in b.subs} for i, m in enumerate(mv.MONTHS)}
