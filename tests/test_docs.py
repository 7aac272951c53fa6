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
