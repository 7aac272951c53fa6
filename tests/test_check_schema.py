"""schemas/<role>.yaml as pandera runs it. The prefilter that spares pandera most rows of a large
sheet gives the same findings as pandera alone, on every sheet of the variant corpus and of the
Blora sample, with the schemas as shipped and as an office might edit them; an edit changes the
findings as pandera says; and each check the prefilter knows answers as pandera's builtin does."""
from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from builders import SUBS, Sheet, TAHUN, budget_sheet, check, found, iku, iku_sheet, save

from lkjip_xl import schemas_io
from lkjip_xl.check import schema as sch
from lkjip_xl.check.validate import validate
from lkjip_xl.config import load_settings
from lkjip_xl.read.files import discover
from lkjip_xl.read.sheets import read_inputs
from variants import make_variants as mv

ROLES = ("dpa", "realisasi", "renja", "indikator", "indikator_program")
SAMPLE = Path(__file__).resolve().parent.parent / "workbooks" / "contoh-blora-2024"
HEAD = "schema_type: dataframe\napi: pandas\nname: {role}\ncolumns:\n"

# Every check the prefilter knows, each somewhere, each failing on some rows of the corpus.
STRICT = {
    "dpa.yaml": """
  kode: {nullable: false, required: true, str_matches: '^7\\.01\\.01'}
  kode_rekening: {nullable: true, required: false, str_length: {min_value: 17, max_value: 17}}
  uraian: {nullable: false, required: true, str_contains: 'an\\b'}
  pagu: {nullable: true, required: true,
         in_range: {min_value: 4930000, max_value: 8000000000, include_min: false, include_max: false}}
  pagu_next: {nullable: true, required: false, less_than_or_equal_to: 9000000000}
""",
    "renja.yaml": """
  kode: {nullable: true, required: true, str_endswith: '1'}
  uraian: {nullable: true, required: true}
  pagu: {nullable: false, required: true, less_than_or_equal_to: 25000000}
""",
    "realisasi.yaml": """
  kode: {nullable: true, required: true, str_startswith: '7.01.02'}
  kode_rekening: {nullable: true, required: false, str_length: {exact_value: 17}}
  realisasi: {nullable: false, required: false, greater_than: 0}
  realisasi_bulan_ini: {nullable: true, required: false, not_equal_to: 0, less_than: 1000000000}
  uraian: {nullable: true, required: false, str_endswith: 'ah'}
  pagu: {nullable: true, required: false, isin: [4930000, 12500000, 25000000]}
  bulan: {nullable: false, required: false, in_range: {min_value: 1, max_value: 3, include_max: false}}
""",
    "indikator.yaml": """
  indikator: {nullable: false, required: true, notin: ['Nilai SAKIP'], str_length: {max_value: 20}}
  tahun: {nullable: false, required: true, in_range: {min_value: 2022, max_value: 2024, include_max: false}}
""",
    "indikator_program.yaml": """
  indikator: {nullable: false, required: true, str_matches: '(?i).*indeks'}
  kode: {nullable: false, required: true, equal_to: '7.01.01'}
""",
}
# Rules beyond the prefilter: a column property, a check option, an alias, a check pandera does not
# know. pandera then sees the whole frame.
BEYOND = {
    "dpa.yaml": """
  kode: {nullable: true, required: true, unique: true}
  uraian: {nullable: true, required: true, str_matches: {pattern: '^U', ignore_na: false}}
  pagu: {nullable: true, required: true, ge: 5000000}
""",
    "indikator.yaml": """
  indikator: {nullable: false, required: true, str_match: 'never'}
  tahun: {nullable: false, required: true, unique_values_eq: [2022, 2023, 2024]}
""",
}


@pytest.fixture
def schemas(tmp_path, monkeypatch):
    """A copy of schemas/ that the test may edit: edit(role, columns YAML) or edit(name, None) to
    restore a shipped file. Both the prefilter and pandera read the copy."""
    root = tmp_path / "schemas"
    shutil.copytree(Path(str(schemas_io._root())), root)
    monkeypatch.setattr(schemas_io, "_root", lambda: root)
    _forget()

    def edit(name: str, columns: str, *, head: str = HEAD):
        role = name.removesuffix(".yaml")
        (root / name).write_text(head.format(role=role) + columns.lstrip("\n"), encoding="utf-8")
        _forget()
    yield edit
    _forget()


def _forget():
    schemas_io.load_yaml.cache_clear()
    sch.schema.cache_clear()
    sch.rules.cache_clear()


@pytest.fixture
def pandera_alone(monkeypatch):
    """pandera on every row of every frame, no prefilter."""
    monkeypatch.setattr(sch, "suspects", lambda df, role, known=None: df)


@pytest.fixture(scope="module")
def readings(tmp_path_factory):
    """Every input folder of the corpus (each variant, its twin, each near miss) and the Blora sample,
    read once: validation leaves read's sheets as they were, so each is validated again and again."""
    root = tmp_path_factory.mktemp("varian")
    paths = {SAMPLE}
    for v in mv.VARIANTS.values():
        if mv.available(v):
            variant, twin, _ = mv.build(v, root)
            paths |= {variant, twin}
    for name, make in mv.NEAR_MISSES.items():
        d = root / f"near-{name}"
        d.mkdir()
        make(d)
        paths.add(d)
    out = []
    for p in sorted(paths, key=str):
        inputs = discover([p], None)
        settings = load_settings(inputs.config, {})
        out.append((p, read_inputs(inputs, settings), settings))
    assert len(out) > 60
    return out


def _outcome(reading, settings) -> list:
    """What validation makes of a reading, in order: every finding with its message, and each
    budget row's kind (a bad code leaves its row out of the hierarchy)."""
    v = validate(reading, settings)
    return ([(f.code, f.severity, f.file, f.sheet, f.cell, f.kode, repr(f.actual), f.message("id"), f.message("en"))
             for f in v.findings],
            [(b.sheet.file, b.sheet.name, list(b.df["kind"]), list(b.df.index)) for b in v.budgets],
            [(s.sheet.name, len(s.rows)) for s in v.indicators + v.programs])


def _both(readings, monkeypatch):
    """Each reading validated with the prefilter, then with pandera alone; and how the prefilter
    answered (None: no row could fail, else the number of rows pandera was given, "whole")."""
    answers = []
    real = sch.suspects

    def counting(df, role, known=None):
        got = real(df, role, known)
        answers.append(None if got is None else "whole" if got is df else len(got))
        return got
    with monkeypatch.context() as m:
        m.setattr(sch, "suspects", counting)
        filtered = {p: _outcome(r, s) for p, r, s in readings}
    with monkeypatch.context() as m:
        m.setattr(sch, "suspects", lambda df, role, known=None: df)
        alone = {p: _outcome(r, s) for p, r, s in readings}
    return filtered, alone, answers


def _rule_of(finding) -> str:
    return re.search(r"aturan (\w+)", finding[7]).group(1)


def test_prefilter_and_pandera_alone_agree_on_the_corpus(readings, monkeypatch):
    filtered, alone, answers = _both(readings, monkeypatch)
    assert filtered == alone
    # the shipped schemas are wholly within the prefilter; clean sheets spare pandera entirely
    assert "whole" not in answers and answers.count(None) > 100
    codes = {f[0] for outcome in alone.values() for f in outcome[0]}
    assert {"bad-kode", "negative-amount"} <= codes


def test_prefilter_and_pandera_alone_agree_with_edited_schemas(readings, schemas, monkeypatch):
    for name, columns in STRICT.items():
        schemas(name, columns)
    filtered, alone, answers = _both(readings, monkeypatch)
    assert filtered == alone
    assert "whole" not in answers
    findings = [f for outcome in alone.values() for f in outcome[0]]
    codes = {f[0] for f in findings}
    assert {"bad-kode", "empty-value", "schema-rule"} <= codes
    rules = {_rule_of(f) for f in findings if f[0] == "schema-rule"}
    assert rules >= {"str_length", "str_contains", "in_range", "less_than", "less_than_or_equal_to",
                     "str_endswith", "str_startswith", "greater_than", "isin", "notin", "equal_to"}
    assert len(findings) > 1000


def test_a_schema_beyond_the_prefilter_goes_to_pandera_whole(readings, schemas, monkeypatch):
    for name, columns in BEYOND.items():
        schemas(name, columns)
    filtered, alone, answers = _both(readings, monkeypatch)
    assert filtered == alone
    assert answers and all(a == "whole" for a in answers if a is not None)
    rules = {_rule_of(f) for o in alone.values() for f in o[0] if f[0] == "schema-rule"}
    assert {"field_uniqueness", "str_matches", "greater_than_or_equal_to", "unique_values_eq"} <= rules


def test_validation_leaves_reads_sheets_as_they_were(readings):
    import copy

    for p, reading, settings in readings:
        before = [(s.name, copy.deepcopy(s.cols), dict(s.years), None if s.frame is None else s.frame.copy())
                  for s in reading.sheets]
        validate(reading, settings)
        after = reading.sheets
        for (name, cols, years, frame), s in zip(before, after):
            assert (name, cols, years) == (s.name, s.cols, s.years)
            assert (frame is None and s.frame is None) or frame.equals(s.frame)
            assert "kode" not in s.cols          # read names split codes kode#0, kode#1...; "kode" is validation's


# --- an office edits a schema -----------------------------------------------------------------------

def _iku(tmp_path) -> Sheet:
    s = iku_sheet([{"indikator": "Indeks Kepuasan Masyarakat", "target": 95, "realisasi": 89.5, "capaian": 94.21},
                   {"indikator": "Nilai SAKIP", "target": 75, "realisasi": 75.75, "capaian": 101}])
    iku(tmp_path, s)
    return s


def test_in_range_include_max_false_makes_the_upper_bound_a_finding(tmp_path, schemas, monkeypatch):
    save(tmp_path / "DPA 2024.xlsx", budget_sheet("DPA", SUBS))
    s = _iku(tmp_path)
    assert found(check(tmp_path), "schema-rule") == []
    schemas("indikator.yaml", """
  indikator: {nullable: false, required: true}
  tahun: {nullable: false, required: true, in_range: {min_value: 1990, max_value: 2024}}
""")
    assert found(check(tmp_path), "schema-rule") == []        # 2024 is within [1990, 2024]
    schemas("indikator.yaml", """
  indikator: {nullable: false, required: true}
  tahun: {nullable: false, required: true, in_range: {min_value: 1990, max_value: 2024, include_max: false}}
""")
    got = found(check(tmp_path), "schema-rule")
    # one per indicator, at its name (the year is in the header, not in a cell of the row)
    assert [(f.cell, f.actual, f.severity) for f in got] == [
        (s.cell("Indeks Kepuasan Masyarakat", "Indikator Kinerja"), TAHUN, "error"),
        (s.cell("Nilai SAKIP", "Indikator Kinerja"), TAHUN, "error")]
    assert "in_range(1990, 2024)" in got[0].message() and "schemas/indikator.yaml" in got[0].message("en")
    monkeypatch.setattr(sch, "suspects", lambda df, role, known=None: df)
    assert found(check(tmp_path), "schema-rule") == got


def test_nullable_false_on_kode_makes_each_row_without_a_code_a_finding(tmp_path, schemas, monkeypatch):
    s = budget_sheet("DPA", SUBS)
    save(tmp_path / "DPA 2024.xlsx", s)
    assert found(check(tmp_path), "empty-value") == []
    shipped = (Path(str(schemas_io._root())) / "dpa.yaml").read_text(encoding="utf-8")
    schemas("dpa.yaml", shipped.split("columns:\n", 1)[1].replace(
        "kode:\n    nullable: true", "kode:\n    nullable: false", 1), head=shipped.split("columns:\n", 1)[0] + "columns:\n")
    got = found(check(tmp_path), "empty-value")
    assert [(f.cell, f.sheet) for f in got] == [(s.cell("JUMLAH", "Kode"), "DPA")]
    assert "Kode" in got[0].message() and "nullable: false" in got[0].message()
    monkeypatch.setattr(sch, "suspects", lambda df, role, known=None: df)
    assert found(check(tmp_path), "empty-value") == got


def test_a_year_out_of_range_is_a_finding_at_its_own_cell(tmp_path):
    """The shipped in_range(1990, 2100) of Tahun, on a long sheet whose rows of one indicator merge."""
    save(tmp_path / "DPA 2024.xlsx", budget_sheet("DPA", SUBS))
    s = Sheet("IKU", ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Tahun", "Target", "Realisasi"])
    s.add([1, "Sasaran A", "A", "%", 2024, 95, 89.5], key="2024")
    s.add([1, "Sasaran A", "A", "%", 1985, 95, 89.5], key="1985")
    iku(tmp_path, s)
    got = found(check(tmp_path), "schema-rule")
    assert [(f.cell, f.actual) for f in got] == [(s.cell("1985", "Tahun"), 1985)]
    assert got[0].message() == ("Isi '1985' pada kolom Tahun tidak memenuhi aturan in_range(1990, 2100) di "
                                "schemas/indikator.yaml. Perbaiki isinya.")


def test_an_indicator_of_no_known_year_has_an_empty_tahun(tmp_path):
    save(tmp_path / "DPA.xlsx", budget_sheet("DPA", SUBS, title="DPA KECAMATAN CONTOH"))
    s = iku_sheet([{"indikator": "A", "target": 95, "realisasi": 90}],
                  header=["No", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Jenis", "Target", "Realisasi"])
    iku(tmp_path, s, name="Kinerja.xlsx")
    r = check(tmp_path, tahun=None)
    assert r.tahun is None
    assert [(f.code, f.cell) for f in r.findings] == [("empty-value", s.cell("A", "Indikator Kinerja"))]


@pytest.mark.parametrize("include_max, failing", [(True, lambda v: v > 10_000_000), (False, lambda v: v >= 10_000_000)])
def test_in_range_on_pagu_follows_include_max_at_the_edge(tmp_path, schemas, include_max, failing):
    s = budget_sheet("DPA", SUBS)
    save(tmp_path / "DPA 2024.xlsx", s)
    schemas("dpa.yaml", f"""
  kode: {{nullable: true, required: true}}
  uraian: {{nullable: true, required: true}}
  pagu: {{nullable: true, required: true, in_range: {{min_value: 0, max_value: 10000000, include_max: {str(include_max).lower()}}}}}
""")
    got = {f.cell for f in found(check(tmp_path), "schema-rule")}
    rows = {k: r for k, r in s.rows.items()}
    expected = {f"C{rows[k]}" for k, line in zip(s.rows, s.lines) if failing(line[2])}
    assert 10_000_000 in SUBS.values() and got == expected and len(expected) > 2


# --- the prefilter, check by check ------------------------------------------------------------------

def _unit(schemas, checks: str, values: list, *, nullable=True, known=None):
    """The rows the prefilter hands pandera, and the rows pandera fails, for one column `v`."""
    schemas("unit.yaml", f"  v: {{nullable: {str(nullable).lower()}, required: true{checks}}}\n")
    df = pd.DataFrame({"v": pd.Series(values, dtype=object, index=range(10, 10 + len(values)))})
    got = sch.suspects(df, "unit", known)
    import pandera.errors

    try:
        sch.schema("unit").validate(df, lazy=True)
        failing = set()
    except pandera.errors.SchemaErrors as exc:
        failing = set(exc.failure_cases["index"])
    picked = None if got is None else "whole" if got is df else set(got.index)
    return picked, failing


CASES = [
    # check, values, the values that fail
    (", greater_than_or_equal_to: 0", [0, -1, 1, Decimal("-0.01"), Decimal("0.00"), -0.0, 10**20, -10**20, 0.5],
     [-1, Decimal("-0.01"), -10**20]),
    (", greater_than: 0", [0, -0.0, 1, Decimal("0.001"), Decimal("-0")], [0, -0.0, Decimal("-0")]),
    (", less_than: 5", [4, 5, 5.0, Decimal("4.999"), 6], [5, 5.0, 6]),
    (", less_than_or_equal_to: 5", [4, 5, Decimal("5.000"), 5.0001], [5.0001]),
    (", equal_to: 'a'", ["a", "A", "a ", ""], ["A", "a ", ""]),
    (", not_equal_to: 0", [0, 0.0, Decimal(0), 1, "0"], [0, 0.0, Decimal(0)]),
    (", in_range: {min_value: 1990, max_value: 2100}", [1989, 1990, 2100, 2101, 1990.5, Decimal("2100.0")],
     [1989, 2101]),
    (", in_range: {min_value: 1990, max_value: 2100, include_min: false}", [1990, 1990.0001, 2100], [1990]),
    (", in_range: {min_value: 1990, max_value: 2100, include_max: false}", [1990, 2100, Decimal("2099.99")], [2100]),
    (", in_range: {min_value: 1990, max_value: 2100, include_min: false, include_max: false}",
     [1990, 1991, 2099, 2100], [1990, 2100]),
    (", isin: [1, 2, 'a']", [1, 1.0, 2, "a", "b", 3, "1"], ["b", 3, "1"]),
    (", notin: [1, 'a']", [1, 1.0, "a", "b", 2], [1, 1.0, "a"]),
    (", str_matches: '^\\d\\.\\d{2}$'", ["7.01", "x7.01", "7.01\n", "٣.٠١", "7.011", ""], ["x7.01", "7.011", ""]),
    (", str_contains: 'an\\b'", ["Pelayanan", "Pelayanan Umum", "anak", "AN"], ["anak", "AN"]),
    (", str_startswith: '7.01'", ["7.01.01", "7.0", " 7.01"], ["7.0", " 7.01"]),
    (", str_endswith: '01'", ["7.01", "7.01 ", "01"], ["7.01 "]),
    (", str_length: {min_value: 2, max_value: 3}", ["a", "ab", "abc", "abcd", ""], ["a", "abcd", ""]),
    (", str_length: {exact_value: 2}", ["a", "ab", "abc"], ["a", "abc"]),
    (", str_length: {max_value: 1}", ["", "a", "ab"], ["ab"]),
]


@pytest.mark.parametrize("checks, values, failing", CASES, ids=[c[0].split(":")[0][2:] + str(i) for i, c in enumerate(CASES)])
def test_each_check_picks_the_rows_pandera_fails(schemas, checks, values, failing):
    nulls = [None, float("nan")]
    picked, bad = _unit(schemas, checks, values + nulls, nullable=True)
    expected = {10 + i for i, v in enumerate(values) if any(v is f or (type(v) is type(f) and v == f) for f in failing)}
    assert bad == expected and len(expected) == len(failing)
    assert picked == (expected or None)
    # not nullable: the nulls fail too, and only they besides
    picked, bad = _unit(schemas, checks, values + nulls, nullable=False)
    assert picked == bad == expected | {10 + len(values), 11 + len(values)}


def test_nulls_are_what_pandas_calls_null(schemas):
    values = [None, float("nan"), pd.NA, pd.NaT, np.nan, Decimal("NaN"), "", 0, "None"]
    picked, bad = _unit(schemas, "", values, nullable=False)
    assert picked == bad == {10, 11, 12, 13, 14, 15}
    assert _unit(schemas, "", values, nullable=True) == (None, set())


def test_a_missing_column_reaches_pandera_only_when_required(schemas):
    schemas("unit.yaml", "  v: {nullable: true, required: true}\n  w: {nullable: true, required: false, equal_to: 1}\n")
    df = pd.DataFrame({"x": [1, 2]})
    assert list(sch.suspects(df, "unit").index) == [] and len(sch.suspects(df, "unit").columns) == 1
    schemas("unit.yaml", "  v: {nullable: true, required: false}\n")
    assert sch.suspects(df, "unit") is None


def test_a_text_check_on_values_that_are_not_all_text_goes_whole(schemas):
    # pandas' .str accepts or refuses a column by the types in it: a subset could be answered otherwise
    picked, bad = _unit(schemas, ", str_matches: '^7'", ["7.01", 7, "8"])
    assert picked == "whole" and bad == {11, 12}
    picked, bad = _unit(schemas, ", greater_than_or_equal_to: 0", [1, "a", -1])   # str >= int: pandera's error
    assert picked == "whole" and len(bad) == 1 and pd.isna(bad.pop())     # one failure case, at no row


def test_amounts_known_as_int64_answer_as_the_values_do(schemas):
    values = [5, None, -3, 0, 2**62, -2**62]
    ints = np.array([0 if v is None else v for v in values], dtype=np.int64)
    present = np.array([v is not None for v in values])
    for checks in (", greater_than_or_equal_to: 0", ", in_range: {min_value: -3, max_value: 5, include_min: false}",
                   ", greater_than_or_equal_to: 0.5", ", not_equal_to: 0"):
        fast, bad = _unit(schemas, checks, values, known={"v": ("int64", ints, present)})
        slow, _ = _unit(schemas, checks, values)
        assert fast == slow == (bad or None)


def test_codes_known_by_distinct_values_answer_as_the_values_do(schemas):
    values = ["7.01", None, "x", "7.01", "x", "7.02"]
    codes, uniques = np.array([0, 1, 2, 0, 2, 3]), ["7.01", None, "x", "7.02"]
    fast, bad = _unit(schemas, ", str_matches: '^7'", values, known={"v": (codes, uniques)})
    assert fast == bad == {12, 14}


@pytest.mark.parametrize("props", [
    "  v: {nullable: true, required: true, unique: true}\n",
    "  v: {nullable: true, required: true, dtype: int64}\n",
    "  v: {nullable: true, required: true, ge: 0}\n",
    "  v: {nullable: true, required: true, greater_than: {min_value: 0, raise_warning: true}}\n",
    "  v: {nullable: true, required: true, unique_values_eq: [1]}\n",
    "  v: {nullable: true, required: true, str_matche: 'x'}\n",           # pandera ignores what it does not know
    "  v: {nullable: true, required: true, in_range: 5}\n",
    "  v: {nullable: yes please, required: true}\n",
])
def test_anything_else_sends_the_whole_frame(schemas, props):
    schemas("unit.yaml", props)
    assert sch.rules("unit") is None
    df = pd.DataFrame({"v": [1, 2]})
    assert sch.suspects(df, "unit") is df


def test_frame_settings_other_than_pandera_defaults_send_the_whole_frame(schemas):
    schemas("unit.yaml", "  v: {nullable: true, required: true}\n", head=HEAD.replace("columns:", "strict: true\ncolumns:"))
    assert sch.rules("unit") is None
    schemas("unit.yaml", "  v: {nullable: true, required: true}\n",
            head=HEAD.replace("columns:", "strict: false\ncoerce: false\nversion: 0.35.0\ncolumns:"))
    assert sch.rules("unit") is not None


@pytest.mark.parametrize("role", ROLES)
def test_rules_read_the_yaml_as_pandera_does(role):
    _same_as_pandera(role)


def test_edited_rules_read_the_yaml_as_pandera_does(schemas):
    for name, columns in STRICT.items():
        schemas(name, columns)
        _same_as_pandera(name.removesuffix(".yaml"))


def _same_as_pandera(role):
    mine = {c.name: (c.required, c.nullable, [(r.check, {k: v for k, v in r.kwargs if v is not None}) for r in c.rules])
            for c in sch.rules(role)}
    theirs = {name: (c.required, c.nullable, [(k.name, {a: v for a, v in k.statistics.items() if v is not None})
                                              for k in c.checks])
              for name, c in sch.schema(role).columns.items()}
    assert mine == theirs
    assert all(k.ignore_na and not k.raise_warning and k.groupby is None and not k.element_wise
               for c in sch.schema(role).columns.values() for k in c.checks)


SAMPLES = {   # check → (its parameters, a column to run it on)
    "equal_to": ({"value": 2}, [1, 2, 2.0, "2"]),
    "not_equal_to": ({"value": 2}, [1, 2, Decimal(2)]),
    "greater_than": ({"min_value": 2}, [1, 2, 3, Decimal("2.5")]),
    "greater_than_or_equal_to": ({"min_value": 2}, [1, 2, 3.5]),
    "less_than": ({"max_value": 2}, [1, 2, 3]),
    "less_than_or_equal_to": ({"max_value": 2}, [1, 2, 3]),
    "in_range": ({"min_value": 1, "max_value": 3, "include_min": False, "include_max": True}, [0, 1, 2, 3, 4]),
    "isin": ({"allowed_values": [1, "a"]}, [1, "a", "b", 2.0]),
    "notin": ({"forbidden_values": [1, "a"]}, [1, "a", "b", 2.0]),
    "str_matches": ({"pattern": "^a"}, ["a", "ba", "A"]),
    "str_contains": ({"pattern": "a$"}, ["a", "ba", "ab"]),
    "str_startswith": ({"string": "a"}, ["a", "ba"]),
    "str_endswith": ({"string": "a"}, ["a", "ab"]),
    "str_length": ({"min_value": 1, "max_value": 2}, ["", "a", "abc"]),
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_known_check_is_pandera_s_builtin(name):
    """The same parameters (Check.statistics) and, on the same column, the same answer."""
    import pandera.pandas as pa

    kwargs, values = SAMPLES[name]
    fn, params, _ = sch._BUILTINS[name]
    check = getattr(pa.Check, name)(**kwargs)
    assert check.name == name and set(check.statistics) <= set(params) and set(kwargs) <= set(params)
    column = pd.Series(values, dtype=object)
    assert list(check(column).check_output) == list(fn(column, **kwargs))


def test_every_known_check_has_its_sample():
    assert set(SAMPLES) == set(sch._BUILTINS)
