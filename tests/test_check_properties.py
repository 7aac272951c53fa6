"""Properties of the budget engine on generated hierarchies: a balanced sheet has no finding, one
changed stated cell gives exactly one finding at that cell, and sums are exact up to 10**15 per line."""
import tempfile
from pathlib import Path

from builders import Sheet, check, save
from hypothesis import HealthCheck, given, settings, strategies as st

EXACT = 2**53        # an Excel number cell holds integers exactly up to here; larger ones are typed as text
AMOUNT = st.integers(min_value=0, max_value=10**15)
COLUMNS = ("Pagu", "Anggaran 2025")
FAST = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def offices(draw):
    """program → kegiatan → sub kegiatan (→ rekening lines), each leaf with two amounts."""
    rekening = draw(st.booleans())
    leaf = st.tuples(AMOUNT, AMOUNT)
    sub = st.lists(leaf, min_size=1, max_size=3) if rekening else leaf
    tree = draw(st.lists(st.lists(st.lists(sub, min_size=1, max_size=3), min_size=1, max_size=3),
                         min_size=1, max_size=3))
    as_text = draw(st.booleans())
    return tree, rekening, as_text


def _cell(v: int, as_text: bool):
    if v > EXACT or as_text:
        return f"{v:,}".replace(",", ".")      # 12.345.678.901.234.567
    return v


def _sheet(tree, rekening: bool, as_text: bool) -> tuple[Sheet, dict, list]:
    """The DPA with true subtotals and JUMLAH; the true sums per code; the stated cells [(key, column)]."""
    s = Sheet("DPA", ["Kode", "Uraian", *COLUMNS], title="DPA TAHUN 2024")
    sums: dict[str, list[int]] = {}
    stated: list[tuple[str, str]] = []
    rows = []
    for p, kegs in enumerate(tree, 1):
        pk = f"7.01.{p:02d}"
        rows.append(pk)
        for k, subs in enumerate(kegs, 1):
            kk = f"{pk}.2.{k:02d}"
            rows.append(kk)
            for n, amounts in enumerate(subs, 1):
                sk = f"{kk}.{n:04d}"
                rows.append(sk)
                lines = amounts if rekening else [amounts]
                for i, line in enumerate(lines, 1):
                    if rekening:
                        rows.append((f"5.1.02.01.01.{i:04d}", sk, line))
                    for code in (pk, kk, sk, "JUMLAH"):
                        acc = sums.setdefault(code, [0, 0])
                        acc[0] += line[0]
                        acc[1] += line[1]
    for r in rows:
        if isinstance(r, tuple):
            account, sk, line = r
            s.add([account, "Belanja", *(_cell(v, as_text) for v in line)], key=f"{sk}/{account}")
            continue
        s.add([r, f"Uraian {r}", *(_cell(v, as_text) for v in sums[r])], key=r)
        if r.count(".") < 5 or rekening:
            stated += [(r, c) for c in COLUMNS]
    s.add([None, "JUMLAH", *(_cell(v, as_text) for v in sums["JUMLAH"])], key="JUMLAH")
    stated += [("JUMLAH", c) for c in COLUMNS]
    return s, sums, stated


def _run(sheet):
    with tempfile.TemporaryDirectory() as d:
        save(Path(d) / "DPA 2024.xlsx", sheet)
        return check(Path(d))


@FAST
@given(offices())
def test_balanced_hierarchy_has_no_finding_and_exact_sums(office):
    sheet, sums, _ = _sheet(*office)
    r = _run(sheet)
    assert r.findings == []
    b = r.budget
    assert b.total("pagu") == sums["JUMLAH"][0] and b.total("pagu_next") == sums["JUMLAH"][1]
    assert type(b.total("pagu")) is int
    for code, (pagu, pagu_next) in sums.items():
        if code != "JUMLAH":
            assert (b.total("pagu", code), b.total("pagu_next", code)) == (pagu, pagu_next), code


@FAST
@given(offices(), st.data())
def test_one_changed_stated_cell_is_one_finding_at_that_cell(office, data):
    sheet, sums, stated = _sheet(*office)
    key, column = data.draw(st.sampled_from(stated))
    true = sums[key][COLUMNS.index(column)]
    delta = data.draw(st.integers(min_value=1, max_value=10**15))
    wrong = true - delta if delta <= true and data.draw(st.booleans()) else true + delta
    sheet.set(key, column, _cell(wrong, office[2]))
    r = _run(sheet)
    assert len(r.findings) == 1, [f.to_dict() for f in r.findings]
    (f,) = r.findings
    assert (f.code, f.cell, f.expected, f.actual) == (
        "total-mismatch" if key == "JUMLAH" else "subtotal-mismatch", sheet.cell(key, column), true, wrong)
    assert f.kode == (None if key == "JUMLAH" else key)
