"""The README keeps up with the code (in the style of sqlite-utils' test_docs.py): every finding code
in the catalogue is in the findings table, and no code is listed there that does not exist."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from lkjip_xl.findings import catalogue

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(title)
    end = README.find("\n### ", start + len(title))
    return README[start:end if end > 0 else None]


def _table_codes(section: str) -> list[str]:
    return re.findall(r"^\| `([a-z0-9-]+)` \|", section, re.M)


FINDINGS_TABLE = _table_codes(_section("### 5. Arti temuan"))


@pytest.mark.parametrize("code", sorted(catalogue()))
def test_every_finding_code_is_in_the_readme(code):
    assert code in FINDINGS_TABLE, f"README.md, '5. Arti temuan': add a row for `{code}`"


def test_the_readme_lists_no_unknown_code():
    assert len(FINDINGS_TABLE) > 20
    assert set(FINDINGS_TABLE) <= set(catalogue()), set(FINDINGS_TABLE) - set(catalogue())
    assert len(FINDINGS_TABLE) == len(set(FINDINGS_TABLE)), "a code is listed twice"


# settings ----------------------------------------------------------------------------------------

from lkjip_xl.schemas_io import load_yaml  # noqa: E402

KNOWN_SETTINGS = set(load_yaml("presets.yaml")["settings"])
SETTINGS_SECTION = _section("### 4. Perhitungan")
SETTINGS_TABLE = re.findall(r"^\| `([a-z_]+)`(?: \(atau `([a-z_]+)`\))? \|", SETTINGS_SECTION, re.M)


def _toml_example_keys() -> set[str]:
    """Top-level keys and [tables] of the README's lkjip.toml examples, commented-out ones too."""
    keys = set()
    for block in re.findall(r"```toml\n(.*?)```", README, re.S):
        in_table = False           # keys after a [table] header belong to that table
        for line in block.splitlines():
            line = line.lstrip("# ").strip()
            table = re.match(r"^\[([a-z_]+)[\].]", line)
            if table:
                keys.add(table.group(1))
                in_table = True
            elif not in_table and (m := re.match(r"^([a-z_]+)\s*=", line)):
                keys.add(m.group(1))
    return keys


def test_every_setting_is_documented():
    documented = {k for pair in SETTINGS_TABLE for k in pair if k}
    assert KNOWN_SETTINGS - documented == set(), "README.md, '4. Perhitungan': add a row for these settings"


def test_every_setting_in_the_readme_exists():
    documented = {k for pair in SETTINGS_TABLE for k in pair if k}
    assert len(documented) >= 15 and documented <= KNOWN_SETTINGS, documented - KNOWN_SETTINGS
    example = _toml_example_keys()
    assert {"instansi", "predikat", "aliases", "roles", "judul", "nomor"} <= example, example
    assert example <= KNOWN_SETTINGS, example - KNOWN_SETTINGS
